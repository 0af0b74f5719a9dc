"""Periodic reports from the database: one SQL pass over the dossiers, the late list, the monthly trend.

Each dossier's place in the period is computed by SQLite from the read model in a single scan and
counted per (row, cell); the arithmetic that turns cells into columns is ``domain.reports``. The
read model holds a dossier's *current* state, which is its state at the period's end unless it
acted after the end with supplements in its history (the appointment in force and the waiting
status may have changed since): those few dossiers are folded from their events instead.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from ..domain.dossier import Handover, Status, fold
from ..domain.errors import ValidationError, register_messages
from ..domain.events import Event, parse_time
from ..domain.report_late import LateEntry, late_sort_key, overrun_step
from ..domain.report_periods import Period, months_of_year
from ..domain.reports import (
    GroupBy,
    Outcome,
    Report,
    Tally,
    Timeline,
    classify,
)
from ..storage import eventstore
from ..storage.timekeys import utc_key
from .report_sql import SEPARATOR, aggregate_sql, decode_cell, fact_sql
from .workspace import Workspace

register_messages(
    {
        "report.by": "Cách nhóm «{value}» không hợp lệ (field: lĩnh vực, procedure: thủ tục, "
        "unit: đơn vị).",
        "report.field": "Lĩnh vực «{value}» không có trong danh mục hay dữ liệu (có: {available}).",
        "report.before_data": "Kỳ báo cáo kết thúc ngày {end}, trước khi có dữ liệu (dữ liệu "
        "bắt đầu từ ngày {first}).",
        "report.after_data": "Kỳ báo cáo bắt đầu ngày {start}, sau ngày hôm nay ({today}): "
        "chưa có dữ liệu.",
    }
)


# The earliest dossier's first act, from the read model's indexes: the earliest receipt, and
# the counter refusals (never received; their one act is their closing time, ``{closed_at}``).
_FIRST_DOSSIER = (
    "SELECT MIN(t) FROM (SELECT MIN(received_at) AS t FROM dossiers UNION ALL "
    "SELECT MIN({closed_at}) FROM dossiers "
    f"WHERE status = '{Status.REFUSED_AT_COUNTER.value}')"
)


@dataclass(frozen=True)
class ReportResult:
    """A report, the moment it describes (``as_of``: the period end, or now if earlier), the late list."""

    report: Report
    as_of: datetime
    generated_at: datetime
    commune: str
    field: str | None = None
    late: tuple[LateEntry, ...] | None = None

    def late_units(self) -> list[dict[str, Any]]:
        """Late and overdue dossiers per unit responsible for the delay."""
        units: dict[str, dict[str, Any]] = {}
        for entry in self.late or ():
            row = units.setdefault(
                entry.overrun.unit, {"unit": entry.overrun.unit, "late": 0, "overdue": 0}
            )
            row[entry.kind] += 1
        return sorted(units.values(), key=lambda r: str(r["unit"]).casefold())

    def to_dict(self) -> dict[str, Any]:
        out = self.report.to_dict()
        out.update(
            commune=self.commune,
            field=self.field,
            as_of=self.as_of.isoformat(),
            generated_at=self.generated_at.isoformat(),
        )
        if self.late is not None:
            out["late_list"] = [e.to_dict(self.as_of) for e in self.late]
            out["late_units"] = self.late_units()
        return out


def parse_group(by: GroupBy | str) -> GroupBy:
    try:
        return GroupBy(by)
    except ValueError:
        raise ValidationError("report.by", field="by", value=by) from None


class ReportService:
    """Builds the periodic reports of one counter PC's database (read-only)."""

    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace

    @property
    def tz(self) -> tzinfo:
        return self.ws.tz

    def fields(self) -> list[str]:
        """Every field of procedure the catalog or the dossiers know, sorted."""
        db = self.ws.db
        with db.reading() as session:
            conn = eventstore.raw(session)
            rows = conn.execute(
                "SELECT field FROM procedures UNION SELECT DISTINCT field FROM dossiers"
            ).fetchall()
        return sorted({r[0] for r in rows if r[0]}, key=str.casefold)

    def check_field(self, value: str | None) -> str | None:
        if value is None:
            return None
        known = self.fields()
        if value not in known:
            raise ValidationError(
                "report.field", field="field", value=value, available="; ".join(known) or "—"
            )
        return value

    def first_day(self) -> date | None:
        """The commune's day of its earliest dossier (received, or refused at the counter), or
        None for an empty database: no period before it has anything to report."""
        with self.ws.db.reading() as session:
            conn = eventstore.raw(session)
            closed_at = fact_sql(conn)["closed_at"]
            row = conn.execute(_FIRST_DOSSIER.format(closed_at=closed_at)).fetchone()
        if row is None or row[0] is None:
            return None
        return datetime.fromisoformat(row[0]).astimezone(self.tz).date()

    def check_period(self, period: Period) -> None:
        """Refuse a period that lies wholly before the data or starts after today."""
        today = self.ws.clock().astimezone(self.tz).date()
        if period.start > today:
            raise ValidationError(
                "report.after_data", field="from", start=f"{period.start:%d/%m/%Y}",
                today=f"{today:%d/%m/%Y}",
            )  # fmt: skip
        first = self.first_day()
        if first is not None and period.end < first:
            raise ValidationError(
                "report.before_data", field="to", end=f"{period.end:%d/%m/%Y}",
                first=f"{first:%d/%m/%Y}",
            )  # fmt: skip

    def bounds(self, period: Period) -> tuple[datetime, datetime]:
        """[start, end) of the period; a period not over yet ends now."""
        start, end = period.bounds(self.tz)
        return start, min(end, self.ws.clock())

    def build(
        self,
        period: Period,
        by: GroupBy | str = GroupBy.FIELD,
        *,
        field: str | None = None,
        late_list: bool = False,
    ) -> ReportResult:
        """The report of ``period`` grouped ``by`` field, procedure or unit; optionally the late list."""
        group = parse_group(by)
        field = self.check_field(field)
        self.check_period(period)
        start, end = self.bounds(period)
        params = self._params(start, end, field)
        tally = Tally()
        late: list[LateEntry] = []
        late_codes: list[str] = []
        with self.ws.db.reading() as session:
            conn = eventstore.raw(session)
            sql = aggregate_sql(fact_sql(conn), group, field=field is not None, late=late_list)
            refold: list[str] = []
            for key, label, number, count, comps, digs, whole, codes in conn.execute(sql, params):
                cell, again = decode_cell(number)
                if again:
                    refold += codes.split(SEPARATOR)
                    continue
                tally.add(
                    key, label, cell, count,
                    components=int(comps), digitised=int(digs), whole=int(whole),
                )  # fmt: skip
                if codes:
                    late_codes += codes.split(SEPARATOR)
            for code in refold:
                events = eventstore.dossier_events(session, code)
                timeline = Timeline.from_events(events)
                placed = classify(timeline, start, end, self.tz) if timeline else None
                if timeline is None or placed is None:
                    continue
                tally.add_timeline(timeline, placed, group)
                if late_list and placed.outcome in (Outcome.LATE, Outcome.OVERDUE):
                    late.append(_entry_from_events(events, timeline, end))
            if late_codes:
                rows = conn.execute(
                    "SELECT code, state FROM dossiers WHERE code IN (SELECT value FROM json_each(?))",
                    (json.dumps(late_codes),),
                )
                late += [_entry_from_state(code, json.loads(state), end) for code, state in rows]
        report = tally.report(period, group)
        return ReportResult(
            report=report,
            as_of=end,
            generated_at=self.ws.clock(),
            commune=str(self.ws.setting("commune_name", "")),
            field=field,
            late=tuple(sorted(late, key=late_sort_key)) if late_list else None,
        )

    def on_time_by_month(self, year: int, *, field: str | None = None) -> list[dict[str, Any]]:
        """Resolved early / on time / late in each monthly period of a reporting year."""
        field = self.check_field(field)
        months = months_of_year(year)
        start = months[0].bounds(self.tz)[0]
        end = min(months[-1].bounds(self.tz)[1], self.ws.clock())
        shift = _shift(self.tz, end)
        sql = (
            "SELECT date(resolved_at, :shift), CASE WHEN resolved_at > appointment THEN 'late' "
            "WHEN date(resolved_at, :shift) < date(appointment, :shift) THEN 'early' "
            "ELSE 'on_time' END AS outcome, COUNT(*) FROM dossiers "
            "WHERE resolved_at >= :s AND resolved_at < :e AND received_at IS NOT NULL "
            + ("AND field = :field " if field is not None else "")
            + "GROUP BY 1, 2"
        )
        params = {"s": utc_key(start), "e": utc_key(end), "shift": shift, "field": field}
        counts = [{"early": 0, "on_time": 0, "late": 0} for _ in months]
        with self.ws.db.reading() as session:
            for day_text, outcome, count in eventstore.raw(session).execute(sql, params):
                day = date.fromisoformat(day_text)
                for period, tally in zip(months, counts, strict=True):
                    if period.start <= day <= period.end:
                        tally[outcome] += count
                        break
        series: list[dict[str, Any]] = []
        for period, tally in zip(months, counts, strict=True):
            resolved = sum(tally.values())
            on_time = tally["early"] + tally["on_time"]
            series.append(
                {
                    "period": period.to_dict(),
                    **tally,
                    "resolved": resolved,
                    "on_time_rate": round(100 * on_time / resolved, 2) if resolved else None,
                }
            )
        return series

    # ---- machinery ---------------------------------------------------------------------------

    def _params(self, start: datetime, end: datetime, field: str | None) -> dict[str, Any]:
        return {
            "s": utc_key(start),
            "e": utc_key(end),
            "shift": _shift(self.tz, end),
            "field": field,
        }


def _shift(tz: tzinfo, moment: datetime) -> str:
    """The date modifier from UTC to the commune's day (Vietnam keeps UTC+7 all year)."""
    offset = tz.utcoffset(moment.replace(tzinfo=None)) or timedelta(0)
    return f"{int(offset.total_seconds()):+d} seconds"


def _time(value: Any) -> datetime | None:
    return parse_time(value) if value else None


def _handovers(rows: Sequence[dict[str, Any]]) -> list[Handover]:
    return [
        Handover(
            at=parse_time(h["at"]),
            from_user=h.get("from_user", ""),
            from_unit=h.get("from_unit", ""),
            to_user=h.get("to_user", ""),
            to_unit=h.get("to_unit", ""),
            note=h.get("note", ""),
            step_due=_time(h.get("step_due")),
        )
        for h in rows
    ]


def _entry(
    *,
    code: str,
    procedure_name: str,
    field: str,
    applicant: str,
    received_at: datetime,
    received_by: str,
    first_unit: str,
    appointment: datetime | None,
    resolved_at: datetime | None,
    handovers: list[Handover],
    apology: dict[str, Any] | None,
    end: datetime,
) -> LateEntry:
    resolved = resolved_at if resolved_at is not None and resolved_at < end else None
    overrun = overrun_step(
        handovers,
        received_at=received_at,
        received_unit=first_unit,
        received_by=received_by,
        appointment=appointment,
        until=resolved or end,
    )
    apology_at = _time(apology.get("at")) if apology else None
    if apology_at is not None and apology_at >= end:
        apology, apology_at = None, None  # issued after the period: not yet at its end
    return LateEntry(
        code=code,
        procedure_name=procedure_name,
        field=field,
        applicant=applicant,
        received_at=received_at,
        appointment=appointment,
        resolved_at=resolved,
        overrun=overrun,
        apology_at=apology_at,
        apology_unit=str(apology.get("responsible_unit", "")) if apology else "",
        rescheduled_to=_time(apology.get("new_appointment")) if apology else None,
    )


def _entry_from_state(code: str, state: dict[str, Any], end: datetime) -> LateEntry:
    """From the read model's JSON state (its appointment is the one in force at the end)."""
    handovers = _handovers(state.get("handovers") or [])
    received_at = parse_time(state["received_at"])
    return _entry(
        code=code,
        procedure_name=state.get("procedure_name", ""),
        field=state.get("field", ""),
        applicant=(state.get("applicant") or {}).get("name", ""),
        received_at=received_at,
        received_by=state.get("received_by", ""),
        first_unit=handovers[0].from_unit if handovers else state.get("holder_unit", ""),
        appointment=_time(state.get("appointment")),
        resolved_at=_time(state.get("resolved_at")),
        handovers=handovers,
        apology=state.get("apology"),
        end=end,
    )


def _entry_from_events(events: list[Event], timeline: Timeline, end: datetime) -> LateEntry:
    """From the events, for a dossier whose state at the end differs from its current one."""
    state = fold(events)
    assert state is not None and state.received_at is not None
    handovers = list(state.handovers)
    resolved = timeline.resolved_at if timeline.resolved_at and timeline.resolved_at < end else None
    appointment = timeline.appointment_at(resolved or end)
    first_unit = handovers[0].from_unit if handovers else state.holder_unit
    return _entry(
        code=state.code,
        procedure_name=state.procedure_name,
        field=state.field,
        applicant=str(state.applicant.get("name", "")),
        received_at=state.received_at,
        received_by=state.received_by,
        first_unit=first_unit,
        appointment=appointment,
        resolved_at=resolved,
        handovers=handovers,
        apology=state.apology,
        end=end,
    )
