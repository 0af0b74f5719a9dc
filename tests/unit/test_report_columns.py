"""The report's facts as read-model columns (0004): the upgrade fills them like ``project()`` does,
and a report reads them instead of the JSON state without changing a number."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from test_reports_properties import TZ

from motcua_desktop.domain.dossier import fold
from motcua_desktop.domain.events import GENESIS_HASH, Event, EventType, seal
from motcua_desktop.domain.report_periods import custom_period, official_period
from motcua_desktop.domain.reports import GroupBy
from motcua_desktop.services.demo import create_demo
from motcua_desktop.services.events_io import ImportReport, apply_events
from motcua_desktop.services.report_sql import JSON_FACTS, aggregate_sql, fact_sql
from motcua_desktop.services.reports import ReportService
from motcua_desktop.services.workspace import Workspace, open_workspace
from motcua_desktop.storage import eventstore
from motcua_desktop.storage.database import DB_FILENAME, Database, make_engine
from motcua_desktop.storage.migrations import alembic_config, current_revision

NOW = datetime(2026, 3, 2, 16, 0, tzinfo=TZ)
PERIODS = (
    official_period("month", 2026, 2),
    official_period("month", 2026, 3),
    official_period("quarter", 2026, 1),
    custom_period(NOW.date() - timedelta(days=20), NOW.date() - timedelta(days=3)),
)
# Offsets and fractions of a second the time columns must convert exactly like ``utc_key``.
ZONES = (TZ, UTC, timezone(timedelta(hours=-3, minutes=-30)), timezone(timedelta(hours=9)))
FRACTIONS = (0, 999_999, 500_000, 1)


class _Rollback(Exception):
    pass


def _odd_times_events() -> list[Event]:
    """Dossiers of a second PC whose acts carry other offsets and sub-millisecond times."""
    events: list[Event] = []
    prev = GENESIS_HASH

    def add(code: str, at: datetime, etype: EventType, data: dict[str, Any]) -> None:
        nonlocal prev
        event = seal(node="may-3", seq=len(events) + 1, prev=prev, at=at, actor="u",
                     dossier=code, type=etype, data=data)  # fmt: skip
        prev = event.hash
        events.append(event)

    for i, (zone, micro) in enumerate((z, f) for z in ZONES for f in FRACTIONS):
        code = f"000.12.34.H40-260201-{9000 + i}"
        at = datetime(2026, 2, 3 + i, 9, 15, 59, micro, tzinfo=TZ).astimezone(zone)
        add(code, at, EventType.RECEIVED, {
            "procedure_code": "1.1", "field": "Hộ tịch", "responsible_unit": "Tư pháp",
            "channel": ("direct", "online", "postal")[i % 3], "applicant": {"name": "Lê Thị Hoa"},
            "appointment": (at + timedelta(days=2)).isoformat(),
            "components": [{"name": "Tờ khai", "digitised": True}, {"name": "CCCD"}],
        })  # fmt: skip
        later = at + timedelta(days=1, microseconds=micro)
        if i % 4 == 0:
            add(code, later, EventType.SUPPLEMENT_REQUESTED, {"reason": "Thiếu bản sao"})
        elif i % 4 == 1:
            add(code, later, EventType.SUPPLEMENT_REQUESTED, {"reason": "Thiếu bản sao"})
            add(code, later + timedelta(hours=5), EventType.WITHDRAWN, {"reason": "Rút"})
        elif i % 4 == 2:
            add(code, later, EventType.RESULT_READY, {"digitised": True})
            add(code, later + timedelta(hours=1), EventType.RETURNED, {"method": "counter"})
            add(code, later + timedelta(hours=1), EventType.SATISFACTION_RECORDED,
                {"level": "satisfied"})  # fmt: skip
        else:
            add(code, later, EventType.REFUSED, {"reason": "Không đủ điều kiện"})
    return events


@pytest.fixture(scope="module")
def at_0003(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo commune and odd-time dossiers, written at head and taken down to 0003."""
    folder = tmp_path_factory.mktemp("report-columns") / "data"
    ws, _admin = create_demo(folder, dossiers=120, clock=lambda: NOW)
    with ws.db.writing() as session:
        apply_events(session, ws, {"may-3": _odd_times_events()}, ImportReport())
    ws.close()
    engine = make_engine(folder / DB_FILENAME)
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0003")
    engine.dispose()
    return folder


def _unmigrated(folder: Path) -> Workspace:
    """The workspace as it is, without the upgrade ``open_workspace`` does."""
    db_path = folder / DB_FILENAME
    ws = Workspace(data_dir=folder, db=Database(db_path, make_engine(db_path)), clock=lambda: NOW)
    ws.reload_settings()
    return ws


def _reports(ws: Workspace) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    service = ReportService(ws)
    built = [service.build(p, by, late_list=True).to_dict() for p in PERIODS for by in GroupBy]
    return built, service.on_time_by_month(2026)


def _rows(run: Any) -> dict[str, dict[str, Any]]:
    result = run("SELECT * FROM dossiers")
    names = list(result.keys())
    rows = {}
    for row in result:
        values = dict(zip(names, row, strict=True))
        del values["updated_at"]
        values["state"] = json.loads(values["state"])  # its content; the text's layout may differ
        rows[values["code"]] = values
    return rows


def test_the_upgrade_fills_the_columns_as_project_writes_them_and_reports_do_not_change(
    at_0003: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    shutil.copytree(at_0003, folder)
    old = _unmigrated(folder)
    try:
        assert current_revision(old.db.engine) == "0003"
        with old.db.reading() as session:
            assert fact_sql(eventstore.raw(session)) == JSON_FACTS
        before = _reports(old)
    finally:
        old.close()
    assert all(report["total"]["received"] for report in before[0])
    assert any(report["late_list"] for report in before[0])

    ws = open_workspace(folder, clock=lambda: NOW)
    try:
        with ws.db.reading() as session:
            assert fact_sql(eventstore.raw(session)) == {name: name for name in JSON_FACTS}
        assert _reports(ws) == before
        try:
            with ws.db.writing() as session:
                run = session.connection().exec_driver_sql
                upgraded = _rows(run)
                assert len(upgraded) > 120
                for code in upgraded:
                    state = fold(eventstore.dossier_events(session, code))
                    assert state is not None
                    eventstore.project(session, state, now=NOW)
                assert _rows(run) == upgraded
                raise _Rollback
        except _Rollback:
            pass
    finally:
        ws.close()


def test_columns_and_json_state_give_the_same_cells(at_0003: Path, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(at_0003, folder)
    ws = open_workspace(folder, clock=lambda: NOW)
    try:
        service = ReportService(ws)
        with ws.db.reading() as session:
            conn = eventstore.raw(session)
            columns = fact_sql(conn)
            for period in PERIODS:
                params = service._params(*service.bounds(period), None)
                for by in GroupBy:
                    sqls = [
                        aggregate_sql(f, by, field=False, late=True) for f in (columns, JSON_FACTS)
                    ]
                    from_columns, from_json = (sorted(conn.execute(s, params)) for s in sqls)
                    assert from_columns == from_json
                    assert from_columns
    finally:
        ws.close()
