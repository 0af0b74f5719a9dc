"""The start-up's reads without SQLAlchemy: the same answers as the ORM, on the same file."""

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from motcua_desktop.domain.catalog import Procedure
from motcua_desktop.services.calendar_service import list_overrides, set_override
from motcua_desktop.services.catalog import list_procedures
from motcua_desktop.services.demo import create_demo
from motcua_desktop.services.settings import write_settings
from motcua_desktop.services.users import get_user, list_users, set_active
from motcua_desktop.services.workspace import Workspace, open_workspace
from motcua_desktop.storage import reads
from motcua_desktop.storage.schema import (
    Base,
    CalendarOverrideRecord,
    ProcedureRecord,
    SettingRecord,
    UserRecord,
)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    ws, admin = create_demo(tmp_path_factory.mktemp("reads") / "data", dossiers=0)
    set_override(ws, admin, date(2026, 5, 4), "off", "Nghỉ bù")
    set_override(ws, admin, date(2027, 1, 9), "work", "")
    set_active(ws, admin, "tiepnhan", active=False)
    write_settings(ws, {"odd_number": 2.5, "odd_null": None, "odd_text": "15"})
    yield ws
    ws.close()


def test_every_column_read_is_in_the_schema():
    for table, columns in reads.COLUMNS.items():
        assert set(columns) <= set(Base.metadata.tables[table].columns.keys()), table


def test_settings_read_as_the_orm_reads_them(workspace: Workspace):
    with workspace.db.reading() as session:
        expected = dict(session.execute(select(SettingRecord.key, SettingRecord.value)).all())
    with workspace.db.snapshot() as conn:
        assert reads.settings(conn) == expected
    assert workspace.settings == expected
    # A JSON number comes back as SQLite stores it (NUMERIC affinity), text stays text.
    assert (expected["odd_number"], expected["odd_null"], expected["odd_text"]) == (2.5, None, "15")


def test_users_read_as_the_orm_reads_them(workspace: Workspace):
    with workspace.db.reading() as session:
        records = session.scalars(select(UserRecord).order_by(UserRecord.username)).all()
        expected = [
            (r.username, r.full_name, r.role, r.unit, r.active, r.password_hash) for r in records
        ]
    with workspace.db.snapshot() as conn:
        assert reads.users(conn) == expected
        assert reads.user(conn, "tiepnhan") == next(r for r in expected if r[0] == "tiepnhan")
        assert reads.user(conn, "nobody") is None
    assert [u.username for u in list_users(workspace)] == [r[0] for r in expected]
    assert get_user(workspace, " TiepNhan ").active is False


def test_the_catalog_reads_as_the_orm_reads_it(workspace: Workspace):
    with workspace.db.reading() as session:
        rows = session.execute(
            select(ProcedureRecord.data, ProcedureRecord.name_folded)
            .where(ProcedureRecord.active.is_(True))
            .order_by(ProcedureRecord.field, ProcedureRecord.code)
        ).all()
    with workspace.db.snapshot() as conn:
        assert reads.active_procedures(conn) == [tuple(r) for r in rows]
    listed = list_procedures(workspace)
    assert listed == [Procedure.from_dict(data) for data, _folded in rows]
    assert len(listed) > 10


def test_calendar_overrides_read_as_the_orm_reads_them(workspace: Workspace):
    with workspace.db.reading() as session:
        records = session.scalars(
            select(CalendarOverrideRecord).order_by(CalendarOverrideRecord.day)
        ).all()
        expected = [(r.day, r.kind, r.note) for r in records]
    with workspace.db.snapshot() as conn:
        assert reads.calendar_overrides(conn) == expected
        assert reads.calendar_overrides(conn, 2027) == [r for r in expected if r[0][:4] == "2027"]
    assert [o.day for o in list_overrides(workspace, 2026)] == [date(2026, 5, 4)]


def test_a_snapshot_has_the_pragmas_and_refuses_writes(workspace: Workspace):
    with workspace.db.snapshot() as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            conn.execute("DELETE FROM settings")
    assert workspace.setting("commune_name")


def test_a_snapshot_sees_what_was_committed_and_reuses_its_connection(workspace: Workspace):
    with workspace.db.snapshot() as first:
        pass
    write_settings(workspace, {"odd_text": "16"})
    with workspace.db.snapshot() as again:
        assert again is first
        assert reads.settings(again)["odd_text"] == "16"
    with pytest.raises(KeyError), workspace.db.snapshot() as conn:
        raise KeyError("a reader's own failure")
    with workspace.db.snapshot() as after:
        assert after is conn  # rolled back cleanly, so handed out again
        assert after.execute("SELECT 1").fetchone() == (1,)


def test_a_workspace_at_head_opens_and_reads_without_an_engine(workspace: Workspace):
    reopened = open_workspace(workspace.data_dir)
    try:
        assert reopened.db._engine is None  # noqa: SLF001 - what this test is about
        assert reopened.settings == workspace.settings
        assert list_users(reopened) == list_users(workspace)
        with reopened.db.reading() as session:  # the first ORM unit of work makes it
            assert session.execute(select(SettingRecord.key)).first() is not None
        assert reopened.db._engine is not None  # noqa: SLF001
    finally:
        reopened.close()


def test_a_new_folder_is_migrated_on_open(tmp_path: Path):
    ws = open_workspace(tmp_path / "new", must_exist=False)
    try:
        assert not ws.initialised
        with ws.db.snapshot() as conn:
            assert reads.users(conn) == []
    finally:
        ws.close()
