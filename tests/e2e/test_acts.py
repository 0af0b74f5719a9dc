"""The acts of a dossier's life through the services, as the counter staff would see them."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from motcua_desktop.domain.dossier import Status
from motcua_desktop.domain.errors import MotcuaError, PermissionDenied, StateError, ValidationError
from motcua_desktop.domain.events import GENESIS_HASH, EventType
from motcua_desktop.services import lookup
from motcua_desktop.services.calendar_service import set_override
from motcua_desktop.services.dossiers import DossierService
from motcua_desktop.services.intake import ApplicantInput, IntakeRequest
from motcua_desktop.services.users import create_user
from motcua_desktop.storage.schema import SEARCH_BATCH

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
UNIT = "000.12.34.H40"
THREE_DAYS = "1.004873"  # Cấp Giấy xác nhận tình trạng hôn nhân: 3 working days
SAME_DAY = "1.001193"  # Đăng ký khai sinh: same day, received after 15:00 -> next working day
OFFICER_UNIT = "Công chức Tư pháp - Hộ tịch"
CODE = re.compile(r"^000\.12\.34\.H40-\d{6}-\d{4}$")


def local(y: int, m: int, d: int, hh: int, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=TZ)


def request(
    procedure: str = THREE_DAYS, name: str = "Nguyễn Văn An", **applicant: object
) -> IntakeRequest:
    return IntakeRequest(procedure_code=procedure, applicant=ApplicantInput(name=name, **applicant))


# ---- appointments on the working-day calendar -------------------------------------------------


def test_receipt_appointment_counts_working_days_across_tet(node):
    # Received Friday 24/01/2025 09:00; Tết closes the office 25/01–02/02.
    result = node.service.receive(node.clerk, request())

    assert CODE.match(result.code)
    assert result.state.status is Status.PROCESSING
    assert result.state.received_at == local(2025, 1, 24, 9)
    assert result.state.appointment == local(2025, 2, 5, 17)  # 03/02, 04/02, 05/02 at closing
    # The receipt prints local time: the stored promise carries the +07:00 offset.
    assert result.events[0].data["appointment"] == "2025-02-05T17:00:00+07:00"
    [row] = lookup.search(node.ws, result.code)
    assert row.appointment == local(2025, 2, 5, 17)
    assert row.status is Status.PROCESSING


def test_an_id_number_born_after_the_counters_today_warns_by_the_counters_clock(node):
    """The ID check's "born in the future" compares with the PC's clock, as every date at intake
    does, not with the date the test or the operating system happens to run on."""
    born_2026 = ApplicantInput("Lê Thị Hạnh", id_number="001326000001")  # 3: female, 2000s
    assert node.clock().year == 2025
    with pytest.raises(MotcuaError) as err:
        node.service.receive(node.clerk, IntakeRequest(THREE_DAYS, born_2026))
    assert err.value.code == "intake.warnings"
    result = node.service.receive(
        node.clerk, IntakeRequest(THREE_DAYS, born_2026, confirm_warnings=True)
    )
    assert [w.code for w in result.warnings] == ["id_number.future_birth_year"]


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (local(2025, 1, 23, 14, 59), local(2025, 1, 23, 17)),
        (local(2025, 1, 23, 15, 0), local(2025, 1, 23, 17)),  # at the cut-off: still today
        (local(2025, 1, 23, 15, 30), local(2025, 1, 24, 17)),  # after it: next working day
        (local(2025, 1, 24, 15, 30), local(2025, 2, 3, 17)),  # Friday before Tết: after the holiday
    ],
    ids=["before-cutoff", "at-cutoff", "after-cutoff", "after-cutoff-before-tet"],
)
def test_same_day_procedure_after_cutoff_moves_to_next_working_day(node, received, due):
    node.clock.set(received)

    result = node.service.receive(node.clerk, request(SAME_DAY))

    assert result.state.appointment == due


def test_printed_appointment_is_kept_when_the_calendar_changes_later(node):
    first = node.service.receive(node.clerk, request())
    assert first.state.appointment == local(2025, 2, 5, 17)

    # The province then announces 04/02/2025 as a day off.
    set_override(node.ws, node.admin, date(2025, 2, 4), "off", "Nghỉ theo thông báo của tỉnh")
    service = DossierService(node.ws)  # a calendar is built per service, as after a restart
    second = service.receive(node.clerk, request(name="Trần Thị Bình"))

    assert second.state.appointment == local(2025, 2, 6, 17)  # the new dossier honours the day off
    assert service.state(first.code).appointment == local(2025, 2, 5, 17)  # the promise stands


# ---- the whole life of a dossier ------------------------------------------------------------


def test_whole_life_receive_hand_over_result_return_with_satisfaction(node):
    service, clock = node.service, node.clock
    code = service.receive(node.clerk, request(phone="0912345678")).code
    moments = [clock()]

    moments.append(clock.advance(hours=1))
    service.hand_over(node.clerk, code, "tuphap", note="Chuyển xử lý")
    moments.append(clock.set(local(2025, 2, 3, 10)))
    service.hand_over(node.officer, code, "chutich", note="Trình ký")
    moments.append(clock.advance(hours=2))
    service.record_result(node.leader, code, digitised=True, note="Đã ký")
    moments.append(clock.advance(hours=1))
    service.hand_over(node.leader, code, "tiepnhan", note="Trả bộ phận Một cửa")
    moments.append(clock.set(local(2025, 2, 4, 9)))
    final = service.return_result(node.clerk, code, satisfaction="very_satisfied")

    state = final.state
    assert state.status is Status.RETURNED
    assert state.returned_at == local(2025, 2, 4, 9)
    assert state.resolved_at == local(2025, 2, 3, 12)
    assert state.resolved_late is False  # resolved before the 05/02 appointment
    assert state.result_digitised is True
    assert state.satisfaction == "very_satisfied"
    # The control slip: one row per hand-over, with both people, both units and the time.
    assert [(h.from_user, h.to_user, h.to_unit, h.at) for h in state.handovers] == [
        ("tiepnhan", "tuphap", OFFICER_UNIT, moments[1]),
        ("tuphap", "chutich", "Lãnh đạo UBND xã", moments[2]),
        ("chutich", "tiepnhan", "Bộ phận Một cửa", moments[4]),
    ]
    assert state.holder_user == "tiepnhan"

    events = service.events(code)
    assert [(e.type, e.actor) for e in events] == [
        (EventType.RECEIVED, "tiepnhan"),
        (EventType.HANDED_OVER, "tiepnhan"),
        (EventType.HANDED_OVER, "tuphap"),
        (EventType.RESULT_READY, "chutich"),
        (EventType.HANDED_OVER, "chutich"),
        (EventType.RETURNED, "tiepnhan"),
        (EventType.SATISFACTION_RECORDED, "tiepnhan"),
    ]
    assert [e.at for e in events] == [*moments, moments[-1]]
    # One unbroken chain of this PC: gapless seq, each event pointing at the previous hash.
    assert {e.node for e in events} == {node.node_id}
    assert [e.seq for e in events] == list(range(1, 8))
    assert [e.prev for e in events] == [GENESIS_HASH, *(e.hash for e in events[:-1])]
    # What was committed is what a restarted app reads back.
    assert DossierService(node.ws).state(code) == state
    [row] = lookup.search(node.ws, code)
    assert (row.status, row.holder_user) == (Status.RETURNED, "tiepnhan")


def test_supplement_request_lists_every_item_at_once_and_restarts_the_clock(node):
    service, clock = node.service, node.clock
    code = service.receive(node.clerk, request()).code  # due 05/02/2025 17:00
    service.hand_over(node.clerk, code, "tuphap")
    clock.set(local(2025, 2, 3, 10))

    before = node.event_count()
    with pytest.raises(ValidationError) as empty:
        service.request_supplement(node.officer, code, [], reason="Hồ sơ còn thiếu")
    assert empty.value.field == "items"
    assert "một lần" in empty.value.message
    assert node.event_count() == before
    assert service.state(code).status is Status.PROCESSING

    items = [
        {"name": "Bản sao Giấy khai sinh", "kind": "Bản sao có chứng thực", "reason": "Chưa nộp"},
        {"name": "Tờ khai cấp Giấy xác nhận", "kind": "Bản chính", "reason": "Thiếu chữ ký"},
    ]
    asked = service.request_supplement(
        node.officer, code, items, reason="Hồ sơ chưa đầy đủ", contact="Trần Văn Minh"
    )
    assert asked.state.status is Status.WAITING_SUPPLEMENT
    [letter] = asked.state.supplement_requests
    assert [i["name"] for i in letter["items"]] == [i["name"] for i in items]
    assert letter["by"] == "tuphap"

    # While the applicant is away nobody can resolve the dossier.
    before = node.event_count()
    with pytest.raises(StateError):
        service.record_result(node.officer, code)
    assert node.event_count() == before

    clock.set(local(2025, 2, 6, 10))
    done = service.receive_supplement(node.clerk, code, note="Đã bổ sung đủ")

    assert done.state.status is Status.PROCESSING
    # Counted again from zero: 07/02, 10/02, 11/02 — not what was left of the first period.
    assert done.state.appointment == local(2025, 2, 11, 17)
    assert done.events[0].data["appointment"] == "2025-02-11T17:00:00+07:00"
    assert done.state.original_appointment == local(2025, 2, 5, 17)
    assert done.events[0].actor == "tiepnhan"
    assert not done.state.is_overdue(local(2025, 2, 7, 9))  # past the first date, not late


# ---- apology and reschedule -----------------------------------------------------------------


def test_apology_only_near_or_after_the_appointment_and_only_once(node):
    service, clock = node.service, node.clock
    code = service.receive(node.clerk, request()).code  # due Wednesday 05/02/2025 17:00
    clock.advance(hours=1)
    service.hand_over(node.clerk, code, "tuphap")

    clock.set(local(2025, 2, 3, 10))  # two working days before: too early
    before = node.event_count()
    with pytest.raises(StateError) as early:
        service.issue_apology(node.clerk, code, reason="Cần xác minh thêm", extra_days=3)
    assert early.value.code == "apology.not_late"
    assert "05/02/2025 17:00" in early.value.message
    assert node.event_count() == before

    clock.set(local(2025, 2, 4, 10))  # one working day before the appointment
    letter = service.issue_apology(node.clerk, code, reason="Cần xác minh thêm", extra_days=3)

    data = letter.events[0].data
    assert letter.events[0].actor == "tiepnhan"
    assert data["responsible_unit"] == OFFICER_UNIT  # the unit holding the file apologises
    assert data["responsible_user"] == "tuphap"
    assert data["original_appointment"] == "2025-02-05T17:00:00+07:00"
    # Three working days after the appointment in force: 06/02, 07/02, then Monday 10/02.
    assert data["new_appointment"] == "2025-02-10T17:00:00+07:00"
    assert letter.state.rescheduled_to == local(2025, 2, 10, 17)
    assert letter.state.appointment == local(2025, 2, 5, 17)  # a rescheduled dossier is still late
    assert letter.state.is_overdue(local(2025, 2, 6, 9))

    clock.set(local(2025, 2, 6, 9))
    before = node.event_count()
    with pytest.raises(StateError) as twice:
        service.issue_apology(node.clerk, code, reason="Lại chậm", extra_days=2)
    assert twice.value.code == "apology.twice"
    assert "một lần" in twice.value.message
    assert "2025-02-10" in twice.value.message
    assert node.event_count() == before
    assert service.state(code).rescheduled_to == local(2025, 2, 10, 17)


def test_apology_window_is_one_working_day_not_one_calendar_day(node):
    service, clock = node.service, node.clock
    clock.set(local(2025, 2, 5, 9))
    code = service.receive(node.clerk, request()).code
    assert service.state(code).appointment == local(2025, 2, 10, 17)  # Monday

    clock.set(local(2025, 2, 6, 16))  # Thursday: Friday still lies between
    with pytest.raises(StateError):
        service.issue_apology(node.clerk, code, reason="Chờ ý kiến", extra_days=1)

    clock.set(local(2025, 2, 7, 9))  # Friday: three calendar days but one working day before
    letter = service.issue_apology(node.clerk, code, reason="Chờ ý kiến", extra_days=1)
    assert letter.state.rescheduled_to == local(2025, 2, 11, 17)
    # Nobody took the file from the counter: the counter's unit is responsible.
    assert letter.events[0].data["responsible_unit"] == "Bộ phận Một cửa"


def test_apology_when_already_late_counts_the_new_date_from_today(node):
    service, clock = node.service, node.clock
    code = service.receive(node.clerk, request()).code  # due 05/02
    clock.set(local(2025, 2, 12, 10))

    letter = service.issue_apology(node.clerk, code, reason="Chậm do chờ xác minh", extra_days=2)

    assert letter.state.rescheduled_to == local(2025, 2, 14, 17)


def test_apology_window_uses_the_counter_day_when_the_clock_reads_utc(node):
    service, clock = node.service, node.clock
    code = service.receive(node.clerk, request()).code  # due Wednesday 05/02/2025 17:00
    clock.set(datetime(2025, 2, 3, 23, 30, tzinfo=UTC))  # 06:30 on Tuesday 04/02 at the counter

    letter = service.issue_apology(node.clerk, code, reason="Cần xác minh thêm", extra_days=1)

    assert letter.state.rescheduled_to == local(2025, 2, 6, 17)


# ---- closing a dossier early ----------------------------------------------------------------


def test_withdrawn_dossier_accepts_no_further_act(node):
    service = node.service
    code = service.receive(node.clerk, request()).code
    node.clock.advance(hours=2)

    withdrawn = service.withdraw(node.clerk, code, reason="Người nộp xin rút hồ sơ")

    assert withdrawn.state.status is Status.WITHDRAWN
    assert withdrawn.state.closed_at == local(2025, 1, 24, 11)
    before = node.event_count()
    with pytest.raises(StateError) as err:
        service.record_result(node.officer, code)
    assert "Đã rút hồ sơ" in err.value.message
    assert node.event_count() == before


@pytest.mark.parametrize("who", ["clerk", "officer", "admin"])
def test_only_a_leader_stops_a_dossier(node, who):
    service = node.service
    code = service.receive(node.clerk, request()).code
    before = node.event_count()

    with pytest.raises(PermissionDenied) as err:
        service.stop(getattr(node, who), code, reason="Không đủ điều kiện")
    assert "dừng giải quyết hồ sơ" in err.value.message
    assert node.event_count() == before
    assert service.state(code).status is Status.PROCESSING

    stopped = service.stop(node.leader, code, reason="Không đủ điều kiện")
    assert stopped.state.status is Status.STOPPED
    assert stopped.events[0].actor == "chutich"


def test_refused_at_counter_is_never_counted_as_received(node):
    service = node.service
    refused = service.refuse_at_counter(
        node.clerk, request(name="Lê Văn Cường"), "Không thuộc thẩm quyền của xã"
    )

    state = refused.state
    assert state.status is Status.REFUSED_AT_COUNTER
    assert CODE.match(refused.code)  # the refusal slip still carries a code
    assert state.received_at is None and state.appointment is None
    assert state.refusal_reason == "Không thuộc thẩm quyền của xã"
    assert refused.events[0].type is EventType.REFUSED
    assert refused.events[0].actor == "tiepnhan"
    [row] = lookup.search(node.ws, "le van cuong")
    assert row.status is Status.REFUSED_AT_COUNTER
    assert row.received_at is None
    assert refused.code not in {r.code for r in lookup.with_status(node.ws, Status.PROCESSING)}
    with pytest.raises(StateError):
        service.hand_over(node.clerk, refused.code, "tuphap")


def test_refused_after_receipt_is_resolved_and_returned_to_the_applicant(node):
    service, clock = node.service, node.clock
    code = service.receive(node.clerk, request()).code
    service.hand_over(node.clerk, code, "tuphap")
    clock.set(local(2025, 2, 3, 14))

    refused = service.refuse(node.officer, code, reason="Người yêu cầu không đủ điều kiện")

    assert refused.state.status is Status.REFUSED
    assert refused.state.received_at == local(2025, 1, 24, 9)  # it was received: it counts
    assert refused.state.resolved_at == local(2025, 2, 3, 14)
    assert refused.state.refusal_reason == "Người yêu cầu không đủ điều kiện"
    returned = service.return_result(node.clerk, code)
    assert returned.state.status is Status.RETURNED
    assert returned.events[0].data["to_whom"] == "Nguyễn Văn An"


# ---- permissions and state rules ------------------------------------------------------------

DENIED = {
    "clerk-records-result": lambda n, code: n.service.record_result(n.clerk, code),
    "clerk-stops": lambda n, code: n.service.stop(n.clerk, code, reason="Dừng"),
    "clerk-adds-user": lambda n, code: create_user(
        n.ws,
        n.clerk,
        username="nguoimoi",
        full_name="Người Mới",
        role="clerk",
        password="matkhau-moi-1",
    ),  # fmt: skip
    "clerk-edits-calendar": lambda n, code: set_override(n.ws, n.clerk, date(2025, 2, 4), "off"),
    "officer-receives": lambda n, code: n.service.receive(n.officer, request(name="Phạm Văn Dư")),
    "admin-receives": lambda n, code: n.service.receive(n.admin, request(name="Phạm Văn Dư")),
}
DENIED_ACTOR = {key: key.split("-")[0] for key in DENIED}


@pytest.mark.parametrize("case", list(DENIED))
def test_role_without_the_right_is_refused_and_nothing_is_written(node, case):
    code = node.service.receive(node.clerk, request()).code
    counts = (node.event_count(), node.user_count(), node.override_count())
    state = node.service.state(code)

    with pytest.raises(PermissionDenied) as err:
        DENIED[case](node, code)

    actor = getattr(node, DENIED_ACTOR[case])
    assert err.value.params["user"] == actor.username
    assert "không được phép" in err.value.message
    assert (node.event_count(), node.user_count(), node.override_count()) == counts
    assert node.service.state(code) == state
    assert lookup.search(node.ws, "pham van du") == []


def test_return_before_result_is_a_state_error_and_writes_nothing(node):
    code = node.service.receive(node.clerk, request()).code
    before = node.event_count()

    with pytest.raises(StateError) as err:
        node.service.return_result(node.clerk, code, satisfaction="satisfied")

    assert "Đang giải quyết" in err.value.message
    assert code in err.value.message
    assert node.event_count() == before
    state = node.service.state(code)
    assert (state.status, state.returned_at, state.satisfaction) == (Status.PROCESSING, None, "")


# ---- dossier codes --------------------------------------------------------------------------


def test_two_pcs_of_one_commune_never_issue_the_same_code(make_node):
    first, second = make_node(0), make_node(1)  # same unit code, same day, no network

    codes_first = [first.service.receive(first.clerk, request()).code for _ in range(3)]
    codes_second = [second.service.receive(second.clerk, request()).code for _ in range(3)]

    assert codes_first == [f"{UNIT}-250124-000{n}" for n in (1, 2, 3)]
    assert codes_second == [f"{UNIT}-250124-100{n}" for n in (1, 2, 3)]
    assert all(CODE.match(c) for c in codes_first + codes_second)

    # The daily number starts again on the next working day.
    first.clock.set(local(2025, 2, 3, 7, 45))
    second.clock.set(local(2025, 2, 3, 7, 46))
    assert first.service.receive(first.clerk, request()).code == f"{UNIT}-250203-0001"
    assert second.service.receive(second.clerk, request()).code == f"{UNIT}-250203-1001"


def test_daily_number_follows_the_local_day_even_when_the_clock_reads_utc(node):
    node.clock.set(local(2025, 2, 3, 16, 30))
    afternoon = node.service.receive(node.clerk, request()).code
    node.clock.set(datetime(2025, 2, 3, 23, 59, tzinfo=UTC))  # 06:59 on 04/02 at the counter
    next_morning = node.service.receive(node.clerk, request()).code

    assert afternoon == f"{UNIT}-250203-0001"
    assert next_morning == f"{UNIT}-250204-0001"


# ---- lookup ---------------------------------------------------------------------------------


@pytest.fixture
def people(node):
    """Four dossiers of different applicants; returns name -> code."""
    applicants = [
        ApplicantInput(
            "Nguyễn Văn Đức", id_number="040090123456", birth_date=date(1990, 3, 15),
            sex="nam", phone="+84 912 345 678",
        ),
        ApplicantInput("Nguyễn Thị Mai", phone="0387 111 222"),
        ApplicantInput("Trần Thị Đào", phone="0987654321"),
        ApplicantInput("Lê Văn Dũng"),
    ]  # fmt: skip
    codes = {}
    for person in applicants:
        result = node.service.receive(node.clerk, IntakeRequest(THREE_DAYS, person))
        codes[person.name] = result.code
        node.clock.advance(minutes=10)
    return codes


def _names(node, query):
    return {row.applicant_name for row in lookup.search(node.ws, query)}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("040090123456", {"Nguyễn Văn Đức"}),
        ("040 090 123 456", {"Nguyễn Văn Đức"}),
        ("+84 912 345 678", {"Nguyễn Văn Đức"}),
        ("0912.345.678", {"Nguyễn Văn Đức"}),
        ("nguyen van duc", {"Nguyễn Văn Đức"}),
        (unicodedata.normalize("NFD", "Nguyễn Văn Đức"), {"Nguyễn Văn Đức"}),
        ("NGUYỄN VĂN ĐỨC", {"Nguyễn Văn Đức"}),
        ("NGUYEN VAN DUC", {"Nguyễn Văn Đức"}),
        ("nguyen", {"Nguyễn Văn Đức", "Nguyễn Thị Mai"}),
        ("tran thi dao", {"Trần Thị Đào"}),
        ("dao", {"Trần Thị Đào"}),
        ("dung", {"Lê Văn Dũng"}),
        ("0387111222", {"Nguyễn Thị Mai"}),
        ("0912", {"Nguyễn Văn Đức"}),  # the first digits of a phone
        ("09", {"Nguyễn Văn Đức", "Trần Thị Đào"}),
        ("040090123457", set()),
        ("0912345679", set()),
        ("Phạm Văn Không Có", set()),
    ],
)
def test_search_finds_dossiers_the_way_clerks_type(node, people, query, expected):
    assert _names(node, query) == expected


def test_any_word_finds_a_dossier_before_and_after_it_joins_the_full_text_index(node, people):
    """Names join the full-text index a batch at a time; a search never misses the newest ones."""

    def indexed_up_to() -> int:
        with node.ws.db.snapshot() as conn:
            return conn.execute("SELECT upto FROM dossier_search_mark").fetchone()[0]

    def dao_id() -> int:
        with node.ws.db.snapshot() as conn:
            row = conn.execute("SELECT id FROM dossiers WHERE code = ?", (people["Trần Thị Đào"],))
            return row.fetchone()[0]

    assert dao_id() > indexed_up_to()  # not in the index yet: read from the table
    assert _names(node, "dao") == {"Trần Thị Đào"}
    assert _names(node, "thi da") == {"Trần Thị Đào"}
    for n in range(SEARCH_BATCH):
        node.service.receive(
            node.clerk, IntakeRequest(THREE_DAYS, ApplicantInput(f"Phan Văn Số {n}"))
        )
    assert dao_id() <= indexed_up_to()  # in the index now
    assert _names(node, "dao") == {"Trần Thị Đào"}
    assert _names(node, "thi da") == {"Trần Thị Đào"}
    together = lookup.search(node.ws, "van so", limit=100)  # from the index and the tail
    assert len({row.applicant_name for row in together}) == len(together) == SEARCH_BATCH


def test_id_numbers_and_phones_are_found_before_and_after_they_join_the_index(node, people):
    """ID numbers and phones join the full-text index with the names, a batch at a time."""

    def duc_indexed() -> bool:
        with node.ws.db.snapshot() as conn:
            (upto,) = conn.execute("SELECT upto FROM dossier_search_mark").fetchone()
            (duc,) = conn.execute(
                "SELECT id FROM dossiers WHERE code = ?", (people["Nguyễn Văn Đức"],)
            ).fetchone()
        return duc <= upto

    typed = ("040090123456", "+84 912 345 678", "09123")
    assert not duc_indexed()  # read from the table
    for query in typed:
        assert _names(node, query) == {"Nguyễn Văn Đức"}
    for n in range(SEARCH_BATCH):
        node.service.receive(
            node.clerk,
            IntakeRequest(
                THREE_DAYS, ApplicantInput(f"Phan Văn Số {n}", phone=f"0912 000 {n:03d}")
            ),
        )
    assert duc_indexed()
    for query in typed[:2]:
        assert _names(node, query) == {"Nguyễn Văn Đức"}
    assert _names(node, "0912000007") == {"Phan Văn Số 7"}
    # The first digits of many phones: the newest from the tail, then the index, newest first.
    found = lookup.search(node.ws, "0912", limit=100)
    assert len({row.applicant_name for row in found}) == len(found) == SEARCH_BATCH + 1
    assert found[0].applicant_name == f"Phan Văn Số {SEARCH_BATCH - 1}"
    assert found[-1].applicant_name == "Nguyễn Văn Đức"


def test_search_by_code_typed_or_scanned(node, people):
    code = people["Trần Thị Đào"]
    for typed in (code, code.lower(), f"  {code}  "):
        [row] = lookup.search(node.ws, typed)
        assert (row.code, row.applicant_name) == (code, "Trần Thị Đào")


@pytest.mark.parametrize(
    "query",
    [
        "'; DROP TABLE dossiers; --",
        "%",
        "_",
        "*",
        '" OR ""="',
        "Đức' OR '1'='1",
        "nguyen) OR (1=1",
        "NEAR(a b)",
        "\\",
    ],
)
def test_sql_and_fts_metacharacters_in_a_query_are_harmless(node, people, query):
    assert lookup.search(node.ws, query) == []
    # The tables are intact and the search still works afterwards.
    assert _names(node, "nguyen van duc") == {"Nguyễn Văn Đức"}
    assert len({row.code for row in lookup.with_status(node.ws, Status.PROCESSING)}) == 4
