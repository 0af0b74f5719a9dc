"""Shared fixtures of the end-to-end tests: initialised counter PCs on a clock the test moves.

Every test gets its own data folder in ``tmp_path``. Initialising one (argon2 hashes for four
users, migrations) costs about half a second, so each node slot is initialised once per session
— ``initialise``, the demo catalog via ``store_procedures``, one user per role via
``create_user`` — and each test receives a fresh copy of that closed folder. Copies of the same
slot share a node id, so a test that needs two PCs of one commune takes two different slots.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from motcua_desktop.services.calendar_service import list_overrides
from motcua_desktop.services.catalog import store_procedures
from motcua_desktop.services.catalog_io import load_demo_catalog
from motcua_desktop.services.dossiers import DossierService
from motcua_desktop.services.setup import CommuneInfo, initialise
from motcua_desktop.services.users import User, create_user, get_user, list_users
from motcua_desktop.services.workspace import Workspace, open_workspace
from motcua_desktop.storage.schema import EventRecord

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
PASSWORD = "matkhau-2025"
UNIT_CODE = "000.12.34.H40"
COMMUNE = CommuneInfo(
    commune_name="Xã Hòa Phú",
    unit_code=UNIT_CODE,
    address="Thôn Trung Hòa, xã Hòa Phú, tỉnh Nghệ An",
    parent_agency="UBND TỈNH NGHỆ AN",
)
# The Friday before Tết 2025 (holidays 25/01–02/02): the first working day after it is 03/02.
FRIDAY_BEFORE_TET = datetime(2025, 1, 24, 9, 0, tzinfo=TZ)
SET_UP_AT = datetime(2025, 1, 2, 8, 0, tzinfo=TZ)

# username, full name, role, unit — the people of a small commune's one-stop counter.
STAFF = (
    ("tiepnhan", "Nguyễn Thị Hoa", "clerk", "Bộ phận Một cửa"),
    ("tuphap", "Trần Văn Minh", "officer", "Công chức Tư pháp - Hộ tịch"),
    ("chutich", "Đỗ Văn Hùng", "leader", "Lãnh đạo UBND xã"),
)


class FakeClock:
    """The device clock of a test: fixed until the test moves it."""

    def __init__(self, now: datetime) -> None:
        if now.tzinfo is None:
            raise ValueError("the fake clock needs an aware datetime")
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def set(self, moment: datetime) -> datetime:
        if moment.tzinfo is None:
            raise ValueError("the fake clock needs an aware datetime")
        self.now = moment
        return moment

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@dataclass
class Node:
    """One counter PC of the commune, opened on a fake clock, with its signed-in staff."""

    ws: Workspace
    clock: FakeClock
    admin: User
    clerk: User
    officer: User
    leader: User

    def __post_init__(self) -> None:
        self.service = DossierService(self.ws)

    @property
    def node_id(self) -> str:
        return str(self.ws.setting("node_id"))

    def event_count(self) -> int:
        with self.ws.db.reading() as session:
            return int(session.execute(select(func.count()).select_from(EventRecord)).scalar_one())

    def user_count(self) -> int:
        return len(list_users(self.ws))

    def override_count(self) -> int:
        return len(list_overrides(self.ws))


def _build_template(folder: Path, slot: int) -> None:
    clock = FakeClock(SET_UP_AT)
    ws, admin = initialise(folder, COMMUNE, admin_password=PASSWORD, node_slot=slot, clock=clock)
    try:
        store_procedures(ws, load_demo_catalog())
        for username, full_name, role, unit in STAFF:
            create_user(
                ws, admin, username=username, full_name=full_name, role=role,
                password=PASSWORD, unit=unit,
            )  # fmt: skip
    finally:
        ws.close()  # the last connection checkpoints the WAL: the folder is safe to copy


@pytest.fixture(scope="session")
def node_template(tmp_path_factory: pytest.TempPathFactory) -> Callable[[int], Path]:
    """The closed data folder of a freshly initialised PC with the given node slot (cached)."""
    cache: dict[int, Path] = {}

    def template(slot: int) -> Path:
        if slot not in cache:
            folder = tmp_path_factory.mktemp(f"template-slot{slot}") / "data"
            _build_template(folder, slot)
            cache[slot] = folder
        return cache[slot]

    return template


@pytest.fixture
def make_data_dir(tmp_path: Path, node_template: Callable[[int], Path]) -> Callable[..., Path]:
    """Copy an initialised PC's folder into ``tmp_path``; for the CLI, which opens it itself."""

    def make(slot: int = 0, name: str | None = None) -> Path:
        folder = tmp_path / (name or f"node{slot}")
        shutil.copytree(node_template(slot), folder)
        return folder

    return make


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(FRIDAY_BEFORE_TET)


@pytest.fixture
def make_node(make_data_dir: Callable[..., Path]) -> Iterator[Callable[..., Node]]:
    """Open fresh PCs of the same commune; two PCs in one test must take different slots."""
    opened: list[Workspace] = []
    slots: set[int] = set()

    def make(slot: int = 0, *, clock: FakeClock | None = None) -> Node:
        if slot in slots:
            raise ValueError(f"slot {slot} already used in this test: its node id would repeat")
        slots.add(slot)
        folder = make_data_dir(slot, f"node{slot}")
        node_clock = clock or FakeClock(FRIDAY_BEFORE_TET)
        ws = open_workspace(folder, clock=node_clock)
        opened.append(ws)
        staff = [get_user(ws, name) for name in ("admin", *(s[0] for s in STAFF))]
        return Node(ws, node_clock, *staff)

    yield make
    for ws in opened:
        ws.close()


@pytest.fixture
def node(make_node: Callable[..., Node], clock: FakeClock) -> Node:
    """A fresh PC (slot 0) whose clock reads Friday 24/01/2025 09:00 until the test moves it."""
    return make_node(0, clock=clock)


@pytest.fixture
def password() -> str:
    """The password of every user of the fresh PCs (admin included)."""
    return PASSWORD
