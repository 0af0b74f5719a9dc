"""Periodic reports from a real database: worked examples computed by hand, and bad input."""

from __future__ import annotations

import io
from collections import defaultdict
from datetime import date, datetime

import pytest
from report_history import TZ, at, build

from motcua_desktop.domain.errors import ValidationError
from motcua_desktop.domain.report_periods import custom_period, official_period
from motcua_desktop.domain.reports import GroupBy, Timeline, build_report
from motcua_desktop.services import events_io
from motcua_desktop.services.intake import ApplicantInput, IntakeRequest
from motcua_desktop.services.reports import _FIRST_DOSSIER, ReportService
from motcua_desktop.storage import eventstore

MARCH = official_period("month", 2025, 3)  # 15/02/2025 – 14/03/2025
APRIL = official_period("month", 2025, 4)  # 15/03/2025 – 14/04/2025


@pytest.fixture
def history(make_node):
    node, sibling = make_node(0), make_node(1)
    return node, build(node, sibling)


def counts(report, *names):
    total = report.report.total.to_dict()
    return tuple(total[n] for n in names)


FLOW = ("carried", "new_online", "new_direct", "new_postal", "early", "on_time", "late",
        "within", "overdue", "waiting", "withdrawn", "stopped")  # fmt: skip


def test_march_before_the_offline_result_reaches_this_pc(history):
    node, h = history
    node.clock.set(at(15, 3, 8))  # the morning after the period, G's result still on the other PC
    report = ReportService(node.ws).build(MARCH, late_list=True)
    # carried: E, H. new: online B; direct A, D, D2, G; postal C (F was refused: not received).
    # resolved: early A (05/03 < 06/03), on time B (13/03 16:00, the appointment's day).
    # withdrawn E. pending at 15/03 00:00: within D (waiting; asked before its appointment);
    # overdue C (13/03 17:00 passed), D2 (waiting, but asked after 06/03 17:00), G (14/03 17:00),
    # H (09/01).  2 + 6 = 2 resolved + 5 pending + 1 withdrawn.
    assert counts(report, *FLOW) == (2, 1, 4, 1, 1, 1, 0, 1, 4, 2, 1, 0)
    late = {e.code: e for e in report.late}
    assert set(late) == {h.codes[k] for k in ("C", "D2", "G", "H")}


def test_march_after_sync_counts_the_offline_result_when_it_happened(history):
    node, h = history
    h.sync()  # 20/03 12:00: G's result, made 14/03 16:00 on the other PC, arrives
    node.clock.set(at(1, 5, 8))
    report = ReportService(node.ws).build(MARCH, late_list=True)
    # Same as before, but G is resolved on time (14/03 16:00 ≤ 14/03 17:00): on time 2, overdue 3.
    assert counts(report, *FLOW) == (2, 1, 4, 1, 1, 2, 0, 1, 3, 2, 1, 0)
    assert counts(report, "received", "resolved", "pending") == (8, 3, 4)
    total = report.report.total.to_dict()
    # satisfaction of the three resolved: A very satisfied, B satisfied, G not asked.
    assert (total["very_satisfied"], total["satisfied"], total["satisfaction_unknown"]) == (1, 1, 1)
    assert total["on_time_rate"] == 100.0 and total["late_rate"] == 0.0
    rows = {r.label: r.counts.to_dict() for r in report.report.rows}
    assert set(rows) == {"Hộ tịch", "Chứng thực"}
    assert (rows["Chứng thực"]["new_direct"], rows["Chứng thực"]["on_time"]) == (1, 1)
    late = {e.code: e for e in report.late}
    assert set(late) == {h.codes[k] for k in ("C", "D2", "H")}
    c = late[h.codes["C"]]
    # C: the tư pháp step (10/03 10:00 → 12/03 09:00) outlasted its own due time 11/03 17:00.
    assert (c.kind, c.overrun.step, c.overrun.reason) == ("overdue", 1, "step_due")
    assert c.overrun.unit == "Công chức Tư pháp - Hộ tịch"
    assert c.apology_at == at(12, 3, 10) and c.rescheduled_to == at(17, 3, 17)
    d2 = late[h.codes["D2"]]
    # D2 was with tư pháp when its appointment (06/03 17:00) passed; no apology.
    assert (d2.overrun.step, d2.overrun.reason, d2.apology_at) == (1, "appointment", None)
    assert d2.appointment == at(6, 3, 17)  # in force at the end: the restart came after it
    h_entry = late[h.codes["H"]]
    assert (h_entry.overrun.step, h_entry.overrun.unit) == (0, "Bộ phận Một cửa")


def test_april_carries_march_pending_and_the_apology_does_not_cure_lateness(history):
    node, h = history
    h.sync()
    node.clock.set(at(1, 5, 8))
    service = ReportService(node.ws)
    march, april = service.build(MARCH), service.build(APRIL, late_list=True)
    # carried: C, D, D2, H (March's pending). C late (17/03 10:00 > 13/03 17:00, although the
    # apology said 17/03); D early (20/03, day before its restarted appointment 21/03);
    # H stopped 20/03; D2 pending, overdue (25/03 17:00 passed by 15/04), no longer waiting.
    assert counts(april, *FLOW) == (4, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 1)
    assert march.report.total.pending == april.report.total.carried
    assert april.report.total.to_dict()["late_rate"] == 50.0
    late = {e.code: e for e in april.late}
    assert set(late) == {h.codes["C"], h.codes["D2"]}
    assert late[h.codes["C"]].kind == "late" and late[h.codes["C"]].days_over(april.as_of) == 4


def test_a_period_cutting_through_supplements_and_the_apology(history):
    node, h = history
    h.sync()
    node.clock.set(at(1, 5, 8))
    # 05/03–18/03: D's restart (18/03 09:00) and C's apology and result fall inside.
    report = ReportService(node.ws).build(custom_period(date(2025, 3, 5), date(2025, 3, 18)))
    # carried (received before 05/03, open then): H, D, A, D2. E was withdrawn before.
    # new: B online, C postal, G direct (F refused). resolved: A early (05/03), B on time,
    # G on time, C late (17/03). pending at 19/03 00:00: D within (restarted to 21/03; not
    # waiting any more), D2 overdue (waiting since 07/03, asked after its appointment), H overdue.
    assert counts(report, *FLOW) == (4, 1, 1, 1, 1, 2, 1, 1, 2, 1, 0, 0)


def test_service_equals_the_reference_computation_for_every_period(history):
    """The SQL pass gives what the domain computes from every dossier's events."""
    node, h = history
    h.sync()
    node.clock.set(at(1, 5, 8))
    service = ReportService(node.ws)
    with node.ws.db.reading() as session:
        by_code = defaultdict(list)
        for event in eventstore.all_events(session):
            by_code[event.dossier].append(event)
    timelines = [Timeline.from_events(events) for events in by_code.values()]
    periods = [official_period("month", 2025, m) for m in (1, 2, 3, 4, 5)]
    periods += [custom_period(date(2025, 3, d), date(2025, 3, d + k)) for d in (1, 7, 13, 18)
                for k in (0, 2, 6)]  # fmt: skip
    periods.append(official_period("quarter", 2025, 1))
    for period in periods:
        for by in GroupBy:
            expected = build_report(timelines, period, TZ, by).to_dict()
            assert service.build(period, by).report.to_dict() == expected, (period, by)


def test_an_empty_period_is_a_report_of_zeros(history):
    node, _ = history
    node.clock.set(at(1, 5, 8))
    service = ReportService(node.ws)
    quiet = service.build(custom_period(date(2025, 1, 20), date(2025, 1, 21)))
    # Nothing happened on 20–21/01; only H (received 06/01) is open then: carried and overdue.
    assert counts(quiet, "carried", "overdue", "new", "resolved") == (1, 1, 0, 0)
    zero = service.build(custom_period(date(2025, 1, 20), date(2025, 1, 21)), field="Chứng thực")
    assert zero.report.rows == ()
    assert all(v in (0, None) for v in zero.report.total.to_dict().values())


@pytest.mark.parametrize(
    ("kwargs", "code", "field"),
    [
        ({"by": "ward"}, "report.by", "by"),
        ({"field": "Không có"}, "report.field", "field"),
    ],
)
def test_bad_input_names_the_field(history, kwargs, code, field):
    node, _ = history
    with pytest.raises(ValidationError) as caught:
        ReportService(node.ws).build(MARCH, **kwargs)
    assert (caught.value.code, caught.value.field) == (code, field)
    assert "«" in caught.value.message


def test_the_first_day_is_the_earliest_dossier_read_from_the_indexes(node):
    """A refusal at the counter before any receipt opens the data; both days come from indexes
    (the refusals' own partial index, which an intake never writes to)."""
    service = ReportService(node.ws)
    assert service.first_day() is None
    refused = IntakeRequest("1.004873", ApplicantInput("Nguyễn Văn An"))
    node.clock.set(datetime(2025, 3, 3, 9, tzinfo=TZ))
    node.service.refuse_at_counter(node.clerk, refused, "Không thuộc thẩm quyền")
    node.clock.set(datetime(2025, 3, 4, 9, tzinfo=TZ))
    node.service.receive(node.clerk, IntakeRequest("1.004873", ApplicantInput("Trần Thị Bình")))
    assert service.first_day() == date(2025, 3, 3)
    with node.ws.db.snapshot() as conn:
        query = _FIRST_DOSSIER.format(closed_at="closed_at")
        plan = " ".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {query}"))
        assert "COVERING INDEX ix_dossiers_counter_refusals" in plan
        assert "COVERING INDEX ix_dossiers_received_at" in plan
        (in_index,) = conn.execute(
            "SELECT COUNT(*) FROM dossiers INDEXED BY ix_dossiers_counter_refusals "
            "WHERE status = 'refused_at_counter'"
        ).fetchone()
        assert in_index == 1


def test_periods_outside_the_data_are_refused(history):
    node, _ = history
    node.clock.set(at(1, 5, 8))
    service = ReportService(node.ws)
    with pytest.raises(ValidationError) as before:
        service.build(official_period("year", 2024))  # ends 14/12/2024, the first act is 06/01/2025
    assert before.value.code == "report.before_data" and "06/01/2025" in before.value.message
    with pytest.raises(ValidationError) as after:
        service.build(custom_period(date(2025, 5, 2), date(2025, 5, 3)))
    assert after.value.code == "report.after_data" and "01/05/2025" in after.value.message
    with pytest.raises(ValidationError) as order:
        custom_period(date(2025, 3, 2), date(2025, 3, 1))
    assert order.value.code == "report.order"


def test_a_period_not_over_yet_is_counted_up_to_now(history):
    node, h = history
    node.clock.set(at(14, 3, 8))  # the last day of March's period, in the morning
    report = ReportService(node.ws).build(MARCH)
    assert report.as_of == at(14, 3, 8)
    # At 14/03 08:00: C is overdue (13/03 17:00), G is not yet (14/03 17:00): within.
    total = report.report.total
    assert (total.within, total.overdue) == (2, 3)  # within: D, G; overdue: C, D2, H


def test_on_time_rate_by_month(history):
    node, h = history
    h.sync()
    node.clock.set(at(1, 5, 8))
    series = ReportService(node.ws).on_time_by_month(2025)
    march, april = series[2], series[3]
    assert (march["early"], march["on_time"], march["late"]) == (1, 2, 0)
    assert (april["early"], april["late"], april["on_time_rate"]) == (1, 1, 50.0)
    assert series[0]["on_time_rate"] is None


def test_events_import_is_what_moves_the_offline_act(history):
    """Guard for the worked example: G's result is stored on this PC days after its time."""
    node, h = history
    h.sync()
    with node.ws.db.reading() as session:
        events = eventstore.dossier_events(session, h.codes["G"])
    result = [e for e in events if e.type.value == "result_ready"]
    assert len(result) == 1 and result[0].at == at(14, 3, 16)
    out = io.StringIO()
    events_io.export_events(node.ws, out)
    assert h.codes["G"] in out.getvalue()
