"""What loads when: the counter's first form reads its data without SQLAlchemy, the command line
builds its parser without the hub, and the holiday package loads with the first deadline."""

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from motcua_desktop.cli.hub_cmd import PUBLISH_KINDS
from motcua_desktop.domain.catalog import Procedure
from motcua_desktop.hub.store import DOWNWARD_KINDS
from motcua_desktop.services.demo import create_demo, load_demo_catalog
from motcua_desktop.services.faults import classify, sqlite_error

HEAVY = ("sqlalchemy", "alembic", "fastapi", "uvicorn", "httpx", "reportlab", "openpyxl")

START_PATH = """
import json, sys
from datetime import datetime
from pathlib import Path

import motcua_desktop.gui.context, motcua_desktop.gui.main_window, motcua_desktop.gui.messages
import motcua_desktop.gui.search_box, motcua_desktop.gui.sign_in, motcua_desktop.gui.warmup
from motcua_desktop.services import faults, lookup, settings
from motcua_desktop.services.calendar_service import working_calendar
from motcua_desktop.services.catalog import list_procedures
from motcua_desktop.services.users import get_user, list_users
from motcua_desktop.services.workspace import open_workspace

ws = open_workspace(Path(sys.argv[1]))
users = [u.username for u in list_users(ws)]
clerk = get_user(ws, "tiepnhan")
procedures = list_procedures(ws)
calendar = working_calendar(ws)
before_due = "holidays" in sys.modules
due = calendar.due(datetime.fromisoformat("2026-04-24T09:00:00+07:00"), procedures[0].processing_time)
print(json.dumps({
    "heavy": sorted(m for m in sys.argv[2:] if m in sys.modules),
    "demo": motcua_desktop.gui.sign_in.is_demo(ws),
    "users": users, "procedures": len(procedures), "commune": ws.setting("commune_name"),
    "holidays_before_due": before_due, "holidays_after_due": "holidays" in sys.modules,
}))
ws.close()
"""


def _run(code: str, *args: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("lazy") / "data"
    ws, _admin = create_demo(folder, dossiers=0)
    ws.close()
    return folder


def test_the_first_form_reads_its_data_without_sqlalchemy(demo_folder: Path):
    seen = _run(START_PATH, str(demo_folder), *HEAVY)
    assert seen["heavy"] == [] and seen["demo"] is True
    assert "tiepnhan" in seen["users"] and seen["procedures"] > 10 and seen["commune"]
    assert (seen["holidays_before_due"], seen["holidays_after_due"]) == (False, True)


def test_the_command_line_loads_the_hub_only_for_its_commands():
    seen = _run(
        "import json, sys; import motcua_desktop.cli.main\n"
        "print(json.dumps({'loaded': [m for m in sys.argv[1:] if m in sys.modules]}))",
        "fastapi",
        "uvicorn",
        "motcua_desktop.hub.server",
        "motcua_desktop.hub.store",
    )
    assert seen["loaded"] == []
    assert PUBLISH_KINDS == DOWNWARD_KINDS


def test_a_stored_procedure_reads_back_as_validated():
    for procedure in load_demo_catalog():
        stored = json.loads(json.dumps(procedure.to_dict()))
        assert Procedure.from_stored(stored) == procedure == Procedure.from_dict(stored)


def test_a_row_in_an_older_shape_is_validated_again():
    procedure = load_demo_catalog()[0]
    older = procedure.to_dict()
    del older["fee_amount"]  # read from the fee text, as parse_procedure does
    assert Procedure.from_stored(older) == Procedure.from_dict(older)


def test_sqlite_errors_are_found_behind_sqlalchemy():
    locked = sqlite3.OperationalError("database is locked")
    wrapped = OperationalError("INSERT", {}, locked)
    assert sqlite_error(locked) is locked
    assert sqlite_error(wrapped) is locked
    assert sqlite_error(ValueError("no")) is None
    fault = classify(wrapped, "motcua.sqlite3")
    assert fault is not None and fault.code == "fault.locked"


def test_the_demo_commune_is_told_apart_without_the_demo_builder():
    from motcua_desktop.services import demo, demo_commune

    assert demo.DEMO_COMMUNE == demo_commune.DEMO_COMMUNE
    assert demo.DEMO_PASSWORD == demo_commune.DEMO_PASSWORD
