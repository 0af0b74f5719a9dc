"""Fixtures of the hub tests: a real PostgreSQL database, a real uvicorn hub, counter PCs.

The database is created fresh for the session on the PostgreSQL at 127.0.0.1:5432 (or
``MOTCUA_TEST_PG``) and dropped at the end. Where PostgreSQL cannot be reached the tests skip,
except under CI (``CI=true``), where they fail: a hub untested against PostgreSQL is not tested.
Each test gets its own commune (a fresh unit code), so tests sharing the hub never see each
other's events.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pytest
from hub_helpers import PG_ADMIN, pg_url_of
from sqlalchemy import Engine

from motcua_desktop.domain.events import Event
from motcua_desktop.hub.server import HubServer, open_hub
from motcua_desktop.hub.store import issue_enroll_code
from motcua_desktop.services.catalog import store_procedures
from motcua_desktop.services.catalog_io import load_demo_catalog
from motcua_desktop.services.dossiers import DossierService
from motcua_desktop.services.intake import ApplicantInput, IntakeRequest
from motcua_desktop.services.settings import write_settings
from motcua_desktop.services.setup import CommuneInfo, initialise
from motcua_desktop.services.sync import enroll
from motcua_desktop.services.users import User, create_user, get_user
from motcua_desktop.services.workspace import Workspace, open_workspace
from motcua_desktop.storage import eventstore

PASSWORD = "matkhau-2025"
THREE_DAYS = "1.004873"  # a catalog procedure with 3 working days
STAFF = (
    ("tiepnhan", "Nguyễn Thị Hoa", "clerk", "Bộ phận Một cửa"),
    ("tuphap", "Trần Văn Minh", "officer", "Công chức Tư pháp - Hộ tịch"),
    ("chutich", "Đỗ Văn Hùng", "leader", "Lãnh đạo UBND xã"),
)


class FakeClock:
    """A device clock the test moves (starts a day ago, so the hub sees no future events)."""

    def __init__(self, now: datetime | None = None) -> None:
        self.now = now or (datetime.now(UTC) - timedelta(days=1)).replace(microsecond=0)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL database for the session, dropped afterwards."""
    try:
        admin = psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"PostgreSQL is required in CI and cannot be reached: {exc}")
        pytest.skip(f"PostgreSQL not reachable ({exc}); CI=true makes this a failure")
    name = f"motcua_hub_test_{uuid.uuid4().hex[:10]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield pg_url_of(name)
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.fixture(scope="session")
def hub_engine(pg_url: str) -> Iterator[Engine]:
    engine = open_hub(pg_url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def hub(hub_engine: Engine) -> Iterator[HubServer]:
    """The hub on uvicorn in a thread, on a free port, for the whole session."""
    server = HubServer(hub_engine).start()
    yield server
    server.stop()


@pytest.fixture
def commune() -> str:
    """A fresh commune unit code per test."""
    return f"T{uuid.uuid4().hex[:5].upper()}.H40"


@dataclass
class Node:
    """One counter PC with its staff, on a clock the test moves."""

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

    def receive(self, name: str = "Nguyễn Văn An") -> str:
        self.clock.advance(seconds=7)
        request = IntakeRequest(procedure_code=THREE_DAYS, applicant=ApplicantInput(name=name))
        return self.service.receive(self.clerk, request).code

    def events(self) -> dict[str, str]:
        """Every event this PC holds: id -> hash."""
        with self.ws.db.reading() as session:
            return {e.id: e.hash for e in eventstore.all_events(session)}

    def own_events(self) -> list[Event]:
        with self.ws.db.reading() as session:
            return eventstore.node_events(session, self.node_id)


def _build_template(folder: Path, slot: int) -> None:
    ws, admin = initialise(
        folder,
        CommuneInfo(commune_name="Xã Hòa Phú", unit_code="000.12.34.H40"),
        admin_password=PASSWORD,
        node_slot=slot,
        clock=FakeClock(),
    )
    try:
        store_procedures(ws, load_demo_catalog())
        for username, full_name, role, unit in STAFF:
            create_user(
                ws, admin, username=username, full_name=full_name, role=role,
                password=PASSWORD, unit=unit,
            )  # fmt: skip
    finally:
        ws.close()


@pytest.fixture(scope="session")
def node_template(tmp_path_factory: pytest.TempPathFactory) -> Callable[[int], Path]:
    cache: dict[int, Path] = {}

    def template(slot: int) -> Path:
        if slot not in cache:
            folder = tmp_path_factory.mktemp(f"hub-template-slot{slot}") / "data"
            _build_template(folder, slot)
            cache[slot] = folder
        return cache[slot]

    return template


@pytest.fixture
def make_node(
    tmp_path: Path, node_template: Callable[[int], Path], commune: str
) -> Iterator[Callable[..., Node]]:
    """A fresh PC of the test's commune with its own node id (``unit`` overrides the commune)."""
    opened: list[Workspace] = []

    def make(slot: int = 1, *, unit: str | None = None, clock: FakeClock | None = None) -> Node:
        folder = tmp_path / f"node-{uuid.uuid4().hex[:6]}"
        shutil.copytree(node_template(slot), folder)
        node_clock = clock or FakeClock()
        ws = open_workspace(folder, clock=node_clock)
        opened.append(ws)
        write_settings(ws, {"node_id": str(uuid.uuid4()), "unit_code": unit or commune})
        staff = [get_user(ws, name) for name in ("admin", *(s[0] for s in STAFF))]
        return Node(ws, node_clock, *staff)

    yield make
    for ws in opened:
        ws.close()


@pytest.fixture
def enrolled(
    make_node: Callable[..., Node], hub: HubServer, hub_engine: Engine, commune: str
) -> Callable[..., Node]:
    """A PC of the test's commune, enrolled with the session's hub."""

    def make(slot: int = 1, *, url: str | None = None, clock: FakeClock | None = None) -> Node:
        node = make_node(slot, clock=clock)
        code, _ = issue_enroll_code(hub_engine, commune, name="Xã Hòa Phú")
        enroll(node.ws, node.admin, hub_url=url or hub.url, code=code)
        return node

    return make
