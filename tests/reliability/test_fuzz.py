"""Bad input campaign: fuzzed catalog files, event files, settings and command lines.

Whatever arrives, the program answers with a clear error (a ``MotcuaError`` with a Vietnamese
message, or the command line's own exit code), never with a crash, and a refused import writes
nothing at all. Inputs are valid files taken apart (a field changed, cut, doubled, shuffled)
as well as noise, so the checks reach deep into the readers, not only their first test.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sqlite3
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_helpers import receive

from motcua_desktop.cli.main import build_parser, main
from motcua_desktop.domain.errors import MotcuaError
from motcua_desktop.services import catalog, events_io
from motcua_desktop.services.catalog_io import CatalogFormat
from motcua_desktop.services.demo import DEMO_PASSWORD
from motcua_desktop.services.dossiers import DossierService
from motcua_desktop.services.settings import EDITABLE, update_settings
from motcua_desktop.services.users import User, get_user
from motcua_desktop.services.workspace import Workspace, open_workspace
from motcua_desktop.storage.database import DB_FILENAME

# ``MOTCUA_FUZZ_EXAMPLES`` raises the number of examples of each campaign (default 40).
EXAMPLES = int(os.environ.get("MOTCUA_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Values a spreadsheet, a JSON file or a careless hand may put in any field.
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.sampled_from(
        [
            "",
            " ",
            "0",
            "-1",
            "1e309",
            "NaN",
            "2025-02-30",
            "25:61",
            "\u0000",
            "\ufffe",
            "ngày",
            "｛",
        ]
    ),
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)


def _table(db_path: Path, query: str) -> list[Any]:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(query).fetchall()
    finally:
        conn.close()


def _procedures(ws: Workspace) -> list[Any]:
    return _table(ws.db.path, "SELECT code, data FROM procedures ORDER BY code")


def _events(ws: Workspace) -> list[Any]:
    return _table(ws.db.path, "SELECT id, hash FROM events ORDER BY node, seq") + _table(
        ws.db.path, "SELECT node, last_seq, last_hash FROM node_chains ORDER BY node"
    )


def _refused_cleanly(run: Callable[[], object], snapshot: Callable[[], object]) -> bool:
    """Run an import: it succeeds, or raises a MotcuaError with a message and changes nothing."""
    before = snapshot()
    try:
        run()
    except MotcuaError as error:
        assert error.message.strip() and error.code
        assert snapshot() == before, f"a refused import wrote something ({error.code})"
        return False
    return True


# ---- catalog files ----------------------------------------------------------------------------


@pytest.fixture
def admin(ws: Workspace) -> User:
    return get_user(ws, "admin")


@pytest.fixture
def exported(ws: Workspace, tmp_path: Path) -> dict[str, bytes]:
    out = {}
    for fmt in ("json", "csv", "xlsx"):
        path = tmp_path / f"catalog.{fmt}"
        catalog.export_catalog(ws, path, CatalogFormat(fmt))
        out[fmt] = path.read_bytes()
    return out


def _mutate_json(data: bytes, draw: Any) -> bytes:
    top = json.loads(data)
    procedures = top["procedures"][:3]
    for procedure in procedures:
        key = draw(st.sampled_from(sorted(procedure)))
        procedure[key] = draw(json_values)
    if draw(st.booleans()):
        procedures.append(draw(json_values))
    top["procedures"] = procedures
    if draw(st.booleans()):
        top[draw(st.sampled_from(["format", "version", "procedures"]))] = draw(json_values)
    return json.dumps(top, ensure_ascii=False, default=str).encode()


def _mutate_text(data: bytes, draw: Any) -> bytes:
    lines = data.decode("utf-8-sig").splitlines(keepends=True)[:4]
    index = draw(st.integers(0, len(lines) - 1))
    cells = lines[index].split(",")
    cell = draw(st.integers(0, len(cells) - 1))
    cells[cell] = draw(st.text(max_size=30))
    lines[index] = ",".join(cells)
    if draw(st.booleans()):
        lines = draw(st.permutations(lines))
    return "".join(lines).encode(draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16"])), "replace")


def _xlsx_from(rows: list[list[Any]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# Text a spreadsheet program can hold (openpyxl refuses control characters when writing).
printable = st.text(max_size=30).map(lambda t: "".join(c for c in t if c.isprintable()))
cells = st.one_of(
    st.none(), st.integers(-(10**6), 10**6), st.floats(allow_nan=False, allow_infinity=False),
    printable,
    st.dates(min_value=date(1900, 1, 1)), st.datetimes(min_value=datetime(1900, 1, 1)),
)  # fmt: skip


@st.composite
def catalog_files(draw: Any, exported: dict[str, bytes]) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(["json", "csv", "xlsx", "noise"]))
    if kind == "json":
        return "json", _mutate_json(exported["json"], draw)
    if kind == "csv":
        return "csv", _mutate_text(exported["csv"], draw)
    if kind == "xlsx":
        header = ["code", "name", "field", "time_value", "time_unit", "fee", "components"]
        if draw(st.booleans()):
            header[draw(st.integers(0, len(header) - 1))] = draw(printable)
        body = draw(
            st.lists(st.lists(cells, min_size=len(header), max_size=len(header)), max_size=4)
        )
        return "xlsx", _xlsx_from([header, *body])
    suffix = draw(st.sampled_from(["json", "csv", "xlsx"]))
    noise = draw(st.binary(max_size=200))
    if suffix == "xlsx" and draw(st.booleans()):
        noise = exported["xlsx"][: draw(st.integers(0, len(exported["xlsx"])))]  # a cut file
    return suffix, noise


def test_catalog_imports_never_crash_and_never_write_half(
    ws: Workspace, admin: User, exported: dict[str, bytes], tmp_path: Path
) -> None:
    outcomes = {"stored": 0, "refused": 0}

    @FUZZ
    @given(st.data())
    def check(data: st.DataObject) -> None:
        suffix, content = data.draw(catalog_files(exported))
        path = tmp_path / f"fuzzed.{suffix}"
        path.write_bytes(content)
        stored = _refused_cleanly(
            lambda: catalog.import_catalog(ws, admin, path), lambda: _procedures(ws)
        )
        outcomes["stored" if stored else "refused"] += 1

    check()
    assert outcomes["refused"] > 0


# ---- event files ------------------------------------------------------------------------------


@pytest.fixture
def event_lines(ws: Workspace) -> list[str]:
    out = io.StringIO()
    events_io.export_events(ws, out)
    return out.getvalue().splitlines()[:12]


@st.composite
def event_files(draw: Any, lines: list[str]) -> bytes:
    chosen = list(lines)
    for _ in range(draw(st.integers(1, 3))):
        index = draw(st.integers(0, len(chosen) - 1))
        how = draw(st.sampled_from(["field", "drop", "cut", "noise", "duplicate", "swap"]))
        if how in ("field", "drop"):
            try:
                event = json.loads(chosen[index])
            except ValueError:
                continue  # an earlier mutation already made this line noise
            if not isinstance(event, dict) or not event:
                continue
            key = draw(st.sampled_from(sorted(event)))
            if how == "field":
                event[key] = draw(json_values)
            else:
                del event[key]
            chosen[index] = json.dumps(event, ensure_ascii=False, default=str)
        elif how == "cut":
            chosen[index] = chosen[index][: draw(st.integers(0, len(chosen[index])))]
        elif how == "noise":
            chosen[index] = draw(st.text(max_size=60))
        elif how == "duplicate":
            chosen.insert(index, chosen[index])
        else:
            other = draw(st.integers(0, len(chosen) - 1))
            chosen[index], chosen[other] = chosen[other], chosen[index]
    raw = "\n".join(chosen).encode()
    if draw(st.booleans()):
        raw += draw(st.binary(max_size=20))  # stray bytes, maybe not UTF-8
    return raw


def test_event_imports_never_crash_and_never_write_half(
    ws: Workspace, admin: User, event_lines: list[str]
) -> None:
    @FUZZ
    @given(st.data())
    def check(data: st.DataObject) -> None:
        raw = data.draw(event_files(event_lines))
        _refused_cleanly(
            lambda: events_io.import_events(ws, admin, io.BytesIO(raw)), lambda: _events(ws)
        )

    check()


# ---- settings ---------------------------------------------------------------------------------


def test_settings_values_are_validated_or_refused(ws: Workspace, admin: User) -> None:
    @FUZZ
    @given(st.sampled_from(sorted(EDITABLE)), json_values)
    def check(key: str, value: Any) -> None:
        _refused_cleanly(lambda: update_settings(ws, admin, {key: value}), lambda: ws.settings)

    check()


@pytest.mark.parametrize("key", ["supplement_expiry_days", "backup_keep_daily"])
def test_a_count_setting_refuses_infinity(ws: Workspace, admin: User, key: str) -> None:
    assert not _refused_cleanly(
        lambda: update_settings(ws, admin, {key: float("inf")}), lambda: ws.settings
    )


@pytest.mark.parametrize("value", [None, 5, [None]], ids=["none", "number", "list-of-none"])
def test_office_hours_refuses_values_that_are_not_pairs(
    ws: Workspace, admin: User, value: Any
) -> None:
    """Found by this campaign: the validator iterated any value it was given (TypeError)."""
    assert not _refused_cleanly(
        lambda: update_settings(ws, admin, {"office_hours": value}), lambda: ws.settings
    )


# ---- the command line -------------------------------------------------------------------------

# Commands that wait on the network or serve forever are fuzzed by their own areas' tests.
SKIPPED = ("hub", "sync", "init", "user passwd")


def _commands() -> dict[tuple[str, ...], list[Any]]:
    """Every runnable command path of ``motcua`` with its argparse actions (help excepted)."""
    found: dict[tuple[str, ...], list[Any]] = {}

    def walk(parser: Any, path: tuple[str, ...]) -> None:
        subparsers = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
        if not subparsers:
            found[path] = [a for a in parser._actions if "-h" not in a.option_strings]
            return
        for name, child in subparsers[0].choices.items():
            walk(child, (*path, name))

    walk(build_parser(), ())
    return {p: o for p, o in found.items() if not " ".join(p).startswith(SKIPPED)}


COMMANDS = _commands()
EXIT_CODES = {0, 2, 3, 4, 5}
# Crashes this campaign finds and that are not fixed yet may be listed here, each with its own
# strict xfail test, so the campaign goes on looking for new ones. None are open.
KNOWN_CLI_BUGS: set[tuple[str, str]] = set()


@st.composite
def command_lines(draw: Any, files: list[str], words: list[str]) -> list[str]:
    """A command with its positionals and some of its options, each option given a value of
    the kind it takes half of the time (so the services behind the parser are reached too)."""
    path = draw(st.sampled_from(sorted(COMMANDS)))
    actions = COMMANDS[path]
    value = st.one_of(
        st.text(max_size=20).filter(lambda t: t != "-" and not t.startswith("-")),
        st.integers(-5, 10**6).map(str),
        st.sampled_from(["2026-03-02", "2026-02-30", "15:00", "07:30-11:30", *words]),
        st.sampled_from(files),
    )
    argv = list(path)
    for action in actions:
        if not action.option_strings:
            argv.append(draw(st.sampled_from(action.choices) if action.choices else value))
        elif draw(st.booleans()):
            argv.append(draw(st.sampled_from(action.option_strings)))
            if action.nargs != 0:
                pool = st.sampled_from(action.choices) if action.choices else value
                argv.append(draw(pool if draw(st.integers(0, 9)) else value))
    if draw(st.integers(0, 4)) == 0:
        argv.insert(draw(st.integers(len(path), len(argv))), draw(value))  # one too many
    return argv


def test_the_command_line_never_crashes(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MOTCUA_USER", "admin")
    monkeypatch.setenv("MOTCUA_PASSWORD", DEMO_PASSWORD)
    # Relative paths among the arguments (``backup create --to 15:00``) land in the test's folder.
    (tmp_path / "cwd").mkdir()
    monkeypatch.chdir(tmp_path / "cwd")
    files = []
    for name, content in (
        ("ev.jsonl", b'{"v": 1}\n'),
        ("cat.json", b"{}"),
        ("out.pdf", b""),
        ("x.xlsx", b"PK"),
    ):
        (tmp_path / name).write_bytes(content)
        files.append(str(tmp_path / name))
    conn = sqlite3.connect(data_dir / DB_FILENAME)
    words = ["tiepnhan", "admin", "tuphap", "cutoff", "backup_keep_daily", "unit_heads"]
    words += [r[0] for r in conn.execute("SELECT code FROM dossiers LIMIT 5")]
    words += [r[0] for r in conn.execute("SELECT code FROM procedures LIMIT 5")]
    conn.close()
    seen: dict[int, int] = {}
    known: dict[tuple[str, str], list[str]] = {}

    @settings(
        max_examples=EXAMPLES * 3 // 2, deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )  # fmt: skip
    @given(command_lines(files, words))
    def check(argv: list[str]) -> None:
        out, err = io.StringIO(), io.StringIO()
        before = _table(data_dir / DB_FILENAME, "SELECT id FROM events ORDER BY node, seq")
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(["--data-dir", str(data_dir), *argv])
            except SystemExit as exit_:
                code = exit_.code if isinstance(exit_.code, int) else 2
            except Exception as exc:
                signature = (" ".join(argv[:2]), type(exc).__name__)
                if signature not in KNOWN_CLI_BUGS:
                    raise
                known[signature] = argv
                return
        assert code in EXIT_CODES, (argv, code, err.getvalue()[-500:])
        if code != 0:
            message = (err.getvalue() + out.getvalue()).strip()
            assert message, f"{argv} failed without a word"
            after = _table(data_dir / DB_FILENAME, "SELECT id FROM events ORDER BY node, seq")
            assert after[: len(before)] == before and (
                len(after) == len(before) or argv[:2] == ["backup", "restore"]
            ), argv
        seen[code] = seen.get(code, 0) + 1

    check()
    assert seen.get(2, 0) > 0, seen
    print(
        f"\ncommand-line fuzzing: exit codes {dict(sorted(seen.items()))}, known bugs met {known}"
    )


def test_importing_a_missing_event_file_is_a_clear_error(data_dir: Path, tmp_path: Path) -> None:
    """Found by this campaign: the file was opened unguarded (a traceback)."""
    argv = ["--data-dir", str(data_dir), "events", "import", str(tmp_path / "missing.jsonl")]
    argv += ["--user", "admin", "--password", DEMO_PASSWORD]
    assert main(argv) in (2, 4)


def test_returning_a_result_from_the_command_line(data_dir: Path) -> None:
    """Found by this campaign: ``motcua dossier return`` always failed with a TypeError."""
    ws = open_workspace(data_dir)
    try:
        clerk, officer = get_user(ws, "tiepnhan"), get_user(ws, "tuphap")
        code = receive(ws, clerk)
        service = DossierService(ws)
        service.hand_over(clerk, code, officer.username)
        service.record_result(officer, code, digitised=True)
        service.hand_over(officer, code, clerk.username)
    finally:
        ws.close()
    argv = ["--data-dir", str(data_dir), "dossier", "return", code, "--method", "counter"]
    assert main([*argv, "--user", "tiepnhan", "--password", DEMO_PASSWORD]) == 0


def test_exporting_events_to_an_empty_file_name_is_a_clear_error(data_dir: Path) -> None:
    assert main(["--data-dir", str(data_dir), "events", "export", "-o", ""]) == 2


@pytest.mark.parametrize("command", [["backup", "verify"], ["backup", "restore", "--yes"]])
def test_a_backup_command_given_an_empty_file_name_is_a_clear_error(
    data_dir: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Found by this campaign: an empty name reached Path.with_suffix (ValueError)."""
    assert main(["--data-dir", str(data_dir), *command[:2], "", *command[2:]]) == 2
    assert "Không thấy tệp sao lưu" in capsys.readouterr().err
