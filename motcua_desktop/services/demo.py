"""A living demo commune: real procedures, a team of users and a few hundred dossiers in every state."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path

from ..domain.catalog import Procedure
from ..domain.dossier import Status
from ..domain.durations import Duration
from ..domain.events import EventType, seal
from ..domain.roles import Role
from .catalog import store_procedures
from .catalog_io import load_demo_catalog
from .demo_commune import DEMO_COMMUNE, DEMO_PASSWORD
from .dossiers import DossierService
from .events_io import ImportReport, apply_events
from .intake import ApplicantInput, IntakeRequest
from .lookup import with_status
from .setup import initialise
from .users import User, create_user, get_user
from .workspace import Clock, Workspace

# username, full name, role, unit
DEMO_USERS = (
    ("tiepnhan", "Nguyễn Thị Hoa", Role.CLERK, "Bộ phận Một cửa"),
    ("tiepnhan2", "Võ Minh Tuấn", Role.CLERK, "Bộ phận Một cửa"),
    ("tuphap", "Trần Văn Minh", Role.OFFICER, "Công chức Tư pháp - Hộ tịch"),
    ("diachinh", "Lê Văn Bình", Role.OFFICER, "Công chức Địa chính - Xây dựng"),
    ("vanhoa", "Phạm Thị Lan", Role.OFFICER, "Công chức Văn hóa - Xã hội"),
    ("taichinh", "Hoàng Văn Nam", Role.OFFICER, "Công chức Tài chính - Kế toán"),
    ("chutich", "Đỗ Văn Hùng", Role.LEADER, "Lãnh đạo UBND xã"),
)
_SURNAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
]
_MIDDLE_M = ["Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Đình"]
_MIDDLE_F = ["Thị", "Ngọc", "Thanh", "Thu", "Minh", "Kim", "Bích"]
_GIVEN_M = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Đức",
    "Hải",
    "Hùng",
    "Khánh",
    "Long",
    "Minh",
    "Nam",
    "Phúc",
    "Quang",
    "Sơn",
    "Tuấn",
    "Việt",
    "Thắng",
]
_GIVEN_F = [
    "Hà",
    "Hạnh",
    "Hoa",
    "Hương",
    "Lan",
    "Linh",
    "Mai",
    "Nga",
    "Ngọc",
    "Phương",
    "Tâm",
    "Thảo",
    "Thủy",
    "Trang",
    "Yến",
    "Hằng",
    "Diệp",
]
_HAMLETS = ["Trung Hòa", "Phú Lợi", "Đông Sơn", "Yên Thịnh", "Tân Hợp", "Xuân Lộc"]


def _person(rng: random.Random, today: date) -> ApplicantInput:
    female = rng.random() < 0.5
    name = " ".join(
        (
            rng.choice(_SURNAMES),
            rng.choice(_MIDDLE_F if female else _MIDDLE_M),
            rng.choice(_GIVEN_F if female else _GIVEN_M),
        )
    )
    birth = date(rng.randint(1945, 2004), rng.randint(1, 12), rng.randint(1, 28))
    century_sex = (0 if birth.year < 2000 else 2) + (1 if female else 0)
    id_number = f"040{century_sex}{birth.year % 100:02d}{rng.randint(0, 999999):06d}"
    phone = f"0{rng.choice('3789')}{rng.randint(0, 99999999):08d}"
    return ApplicantInput(
        name=name, id_number=id_number, birth_date=birth, sex="female" if female else "male",
        address=f"Thôn {rng.choice(_HAMLETS)}, xã Hòa Phú, tỉnh Nghệ An", phone=phone,
    )  # fmt: skip


_FATES = (
    ("returned", 46), ("result_ready", 8), ("processing", 12), ("overdue", 6), ("apology", 5),
    ("supplement_waiting", 6), ("supplement_done", 6), ("withdrawn", 3), ("stopped", 2),
    ("refused", 2), ("refused_at_counter", 4),
)  # fmt: skip


Act = Callable[[], object]


class _Simulation:
    """Replays demo dossiers' lives in time order on a simulated clock, through the real services."""

    def __init__(self, workspace: Workspace, seed: int) -> None:
        self.ws = workspace
        self.rng = random.Random(seed)
        self.now = workspace.clock()
        self.service = DossierService(workspace)
        self.cal = self.service.calendar
        self.users = {u[0]: get_user(workspace, u[0]) for u in DEMO_USERS}
        self.unit_officer = {u[3]: u[0] for u in DEMO_USERS if u[2] is Role.OFFICER}
        self.agenda: list[tuple[datetime, int, Act]] = []
        self._order = 0

    def at_office(self, moment: datetime, hours: int) -> datetime:
        """``hours`` office hours after ``moment``: demo acts happen while the office is open."""
        return self.cal.due(moment, Duration.hours(hours))

    def later(self, after: datetime, hours: int, act: Act) -> datetime:
        moment = self.at_office(after, hours)
        self._order += 1
        self.agenda.append((moment, self._order, act))
        return moment

    def run(self) -> int:
        """Execute every scheduled act that falls before now, earliest first; returns the count."""
        real_clock, done = self.ws.clock, 0
        try:
            while self.agenda:
                self.agenda.sort(key=lambda item: (item[0], item[1]))
                moment, _order, act = self.agenda.pop(0)
                if moment >= self.now:
                    continue  # the future: the dossier stays where it is today
                self.ws.clock = lambda m=moment: m  # type: ignore[misc]
                act()
                done += 1
        finally:
            self.ws.clock = real_clock
        return done

    def add_dossier(self, procedure: Procedure, received: datetime, fate: str) -> None:
        clerk = self.users[self.rng.choice(("tiepnhan", "tiepnhan2"))]
        officer = self.users[self.unit_officer.get(procedure.responsible_unit, "tuphap")]
        request = IntakeRequest(
            procedure_code=procedure.code, applicant=_person(self.rng, self.now.date()),
            channel=self.rng.choices(("direct", "online", "postal"), (70, 25, 5))[0],
            fee=procedure.fee_amount or 0, confirm_warnings=True,
        )  # fmt: skip
        self._order += 1
        act = partial(self._intake, clerk, officer, request, fate)
        self.agenda.append((received, self._order, act))

    def _intake(self, clerk: User, officer: User, request: IntakeRequest, fate: str) -> None:
        """The intake; it schedules the dossier's next acts once its code and appointment exist."""
        svc = self.service
        if fate == "refused_at_counter":
            svc.refuse_at_counter(clerk, request, "Hồ sơ không thuộc thẩm quyền giải quyết của xã.")
            return
        result = svc.receive(clerk, request)
        code, received, due = result.code, result.state.received_at, result.state.appointment
        assert received is not None and due is not None
        # Officers take a share of the legal time; long procedures are not left open for months.
        span = min(16, max(1, int((due - received).total_seconds() // 3600 // 4)))
        leader = self.users["chutich"]
        t1 = self.later(
            received, 1, lambda: svc.hand_over(clerk, code, officer.username, note="Chuyển xử lý")
        )
        if fate == "processing" and due < self.now:
            fate = "returned"  # only the fate "overdue" leaves a dossier open past its appointment
        if fate in ("processing", "overdue"):
            return  # still with the officer
        if fate.startswith("supplement"):
            items = [
                {
                    "name": "Bản sao giấy tờ tùy thân có chứng thực",
                    "kind": "Bản sao",
                    "reason": "Thiếu",
                }
            ]
            t2 = self.later(t1, 2, lambda: svc.request_supplement(
                officer, code, items, reason="Hồ sơ còn thiếu giấy tờ", contact=officer.full_name))  # fmt: skip
            if fate == "supplement_done":
                t3 = self.later(
                    t2,
                    self.rng.randint(4, 16),
                    lambda: svc.receive_supplement(clerk, code, note="Đã bổ sung đủ"),
                )
                self.later(t3, 2, lambda: svc.hand_over(clerk, code, officer.username))
            return
        if fate == "withdrawn":
            self.later(
                t1, 3, lambda: svc.withdraw(clerk, code, reason="Theo đề nghị của người nộp hồ sơ")
            )
            return
        if fate == "stopped":
            self.later(
                t1,
                3,
                lambda: svc.stop(leader, code, reason="Người nộp không bổ sung hồ sơ đúng hạn"),
            )
            return
        if fate == "refused":
            self.later(
                t1, 3, lambda: svc.refuse(officer, code, reason="Không đủ điều kiện giải quyết")
            )
            return
        late = fate == "apology" or self.rng.random() < 0.08
        # A late dossier reaches the leader only after its appointment has passed.
        t2 = self.later(max(t1, due) if late else t1, span,
                        lambda: svc.hand_over(officer, code, leader.username, note="Trình ký"))  # fmt: skip
        if fate == "apology":
            self.later(max(t1, due - timedelta(hours=22)), 1, lambda: svc.issue_apology(
                clerk, code, reason="Cần xác minh thêm thông tin với cơ quan liên quan", extra_days=3))  # fmt: skip
        digitised = self.rng.random() < 0.6
        t3 = self.later(t2, 2, lambda: svc.record_result(leader, code, digitised=digitised))
        t4 = self.later(
            t3, 1, lambda: svc.hand_over(leader, code, clerk.username, note="Trả bộ phận Một cửa")
        )
        if fate in ("returned", "apology"):
            level = self.rng.choices(("very_satisfied", "satisfied", "unsatisfied"), (50, 45, 5))[0]
            self.later(
                t4,
                self.rng.randint(1, 12),
                lambda: svc.return_result(clerk, code, satisfaction=level),
            )


def populate(
    workspace: Workspace, *, dossiers: int = 300, seed: int = 2026, days_back: int = 60
) -> int:
    """Receive and move ``dossiers`` demo dossiers through their lives; returns the acts done."""
    sim = _Simulation(workspace, seed)
    rng, cal = sim.rng, sim.cal
    procedures = [p for p in load_demo_catalog() if p.processing_time is not None]
    fates = [f for f, w in _FATES for _ in range(w)]
    for _ in range(dossiers):
        day = cal.next_working_day(
            sim.now.date() - timedelta(days=rng.randint(0, days_back)), inclusive=True
        )
        opening = datetime.combine(day, cal.hours.opening, workspace.tz)
        received = sim.at_office(opening, rng.randint(1, 7)) - timedelta(minutes=rng.randint(0, 50))
        fate, procedure = rng.choice(fates), rng.choice(procedures)
        if received < sim.now:
            sim.add_dossier(procedure, received, fate)
    return sim.run()


def add_sibling_conflict(workspace: Workspace) -> str | None:
    """A second PC's late-synced event that returns an already returned dossier: shows 'needs review'."""
    service = DossierService(workspace)

    returned = with_status(workspace, Status.RETURNED, limit=1)
    if not returned:
        return None
    code = returned[0].code
    state = service.state(code)
    assert state.returned_at is not None
    event = seal(
        node="demo-may-2", seq=1, prev="0" * 64, at=state.returned_at + timedelta(minutes=5),
        actor="tiepnhan2", dossier=code, type=EventType.RETURNED,
        data={"to_whom": state.applicant.get("name", ""), "method": "counter"},
    )  # fmt: skip
    with workspace.db.writing() as session:
        apply_events(session, workspace, {event.node: [event]}, ImportReport())
    return code


def create_demo(
    data_dir: Path | None, *, dossiers: int = 300, clock: Clock | None = None
) -> tuple[Workspace, User]:
    """``motcua init --demo``: the demo commune, its users, the real catalog and living dossiers."""
    workspace, admin = initialise(data_dir, DEMO_COMMUNE, admin_password=DEMO_PASSWORD, clock=clock)
    for username, full_name, role, unit in DEMO_USERS:
        create_user(workspace, admin, username=username, full_name=full_name, role=role.value,
                    password=DEMO_PASSWORD, unit=unit)  # fmt: skip
    store_procedures(workspace, load_demo_catalog())
    populate(workspace, dossiers=dossiers)
    add_sibling_conflict(workspace)
    return workspace, admin
