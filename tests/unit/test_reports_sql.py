"""The report's SQL pass equals the domain's reference computation, for any generated history."""

from __future__ import annotations

import shutil
import tempfile
from collections import defaultdict
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_reports_properties import TZ, dossier, events_of, periods

from motcua_desktop.domain.errors import ValidationError
from motcua_desktop.domain.events import GENESIS_HASH, Event, seal
from motcua_desktop.domain.reports import GroupBy, Timeline, build_report
from motcua_desktop.services import reports
from motcua_desktop.services.events_io import ImportReport, apply_events
from motcua_desktop.services.report_sql import JSON_FACTS
from motcua_desktop.services.reports import ReportService
from motcua_desktop.services.setup import CommuneInfo, initialise
from motcua_desktop.services.workspace import open_workspace


def one_chain(events: list[Event]) -> list[Event]:
    """The same acts re-sealed on one node's chain (in an order that is not time order)."""
    out, prev = [], GENESIS_HASH
    for seq, e in enumerate(sorted(events, key=lambda e: (e.dossier, e.at)), start=1):
        sealed = seal(node="may-2", seq=seq, prev=prev, at=e.at, actor=e.actor, dossier=e.dossier,
                      type=e.type, data=e.data)  # fmt: skip
        prev = sealed.hash
        out.append(sealed)
    return out


class FixedClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A freshly initialised PC's closed data folder, copied for every example."""
    folder = tmp_path_factory.mktemp("report-sql") / "data"
    commune = CommuneInfo(commune_name="Xã Hòa Phú", unit_code="000.12.34.H40")
    ws, _admin = initialise(folder, commune, admin_password="matkhau-2025")
    ws.close()
    return folder


@pytest.fixture(params=["columns", "json"])
def facts(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Where the report reads its facts: the read model's columns, or (a database without them)
    the JSON state, which has no payment method (none was recorded before the column)."""
    if request.param == "json":
        monkeypatch.setattr(reports, "fact_sql", lambda conn: dict(JSON_FACTS))
    return str(request.param)


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(dossier, min_size=1, max_size=12), st.lists(periods, min_size=1, max_size=3))
def test_sql_pass_equals_the_reference_for_any_history(template, facts, specs, chosen):
    if facts == "json":
        specs = [{**spec, "payment": ""} for spec in specs]
    events = one_chain([e for i, s in enumerate(specs) for e in events_of(i, s)])
    by_code: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        by_code[e.dossier].append(e)
    timelines = [Timeline.from_events(v) for v in by_code.values()]
    folder = Path(tempfile.mkdtemp(prefix="report-sql-"))
    try:
        shutil.copytree(template, folder / "data")
        ws = open_workspace(folder / "data", clock=FixedClock(datetime(2025, 12, 31, tzinfo=TZ)))
        try:
            with ws.db.writing() as session:
                apply_events(session, ws, {"may-2": events}, ImportReport())
            service = ReportService(ws)
            for period in chosen:
                for by in GroupBy:
                    expected = build_report(timelines, period, TZ, by)
                    try:
                        got = service.build(period, by).report
                    except ValidationError as refused:  # a period wholly before the first act
                        assert refused.code == "report.before_data"
                        assert expected.total.received == 0
                        continue
                    assert got.to_dict() == expected.to_dict()
        finally:
            ws.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
