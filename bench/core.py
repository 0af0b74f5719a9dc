"""Core benchmarks: intake commit, lookups among a million dossiers, opening the database."""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from motcua_desktop.domain.events import canonical_json
from motcua_desktop.domain.text import fold
from motcua_desktop.services import lookup
from motcua_desktop.services.catalog import list_procedures
from motcua_desktop.services.demo import create_demo
from motcua_desktop.services.dossiers import DossierService
from motcua_desktop.services.intake import IntakeRequest
from motcua_desktop.services.users import get_user
from motcua_desktop.services.workspace import Workspace, open_workspace
from motcua_desktop.storage.database import DB_FILENAME, immediate

from .build_db import Applicants, ensure
from .common import INFO, Benchmark, Context, Row, Target, summary

REPO = Path(__file__).resolve().parents[1]
INTAKE_TARGET = Target(ratio=2.5)
LOOKUP_TARGET = Target(max_s=0.005)
OPEN_TARGET = Target(max_s=1.0)

# The floor of an intake: one row shaped like an event, committed alone with the same pragmas.
# An intake's writes must cost at most 2.5 times as much.
_FLOOR_DDL = (
    "CREATE TABLE floor_events (id TEXT PRIMARY KEY, node TEXT NOT NULL, seq INTEGER NOT NULL, "
    "at TEXT NOT NULL, dossier TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, "
    "hash TEXT NOT NULL)"
)


def _wal_settled(conn: sqlite3.Connection, path: Path) -> bool:
    """Whether the WAL has grown to its checkpoint size once, so commits now write into a file
    of stable size, as they do all day on a counter PC.

    Until then every commit also extends the file, and ext4's ``fdatasync`` then commits the
    size change in its journal: a growing WAL's commit costs about 1.5× a settled one's here.
    A series that writes two pages an act stays in that state five times longer than one that
    writes sixteen, so the floor and the intake are both measured settled.
    """
    (page_size,) = conn.execute("PRAGMA page_size").fetchone()
    (limit,) = conn.execute("PRAGMA wal_autocheckpoint").fetchone()  # the default, as the app's
    wal = path.with_name(path.name + "-wal")
    frames = (wal.stat().st_size if wal.exists() else 0) // (page_size + 24)  # header + page
    return frames >= limit


def _check_settled(**files: Path) -> None:
    """Refuse to measure a series whose WAL has not settled after the warm-up."""
    unsettled = []
    for name, path in files.items():
        conn = sqlite3.connect(path)  # another connection stays open: closing does not checkpoint
        try:
            if not _wal_settled(conn, path):
                unsettled.append(name)
        finally:
            conn.close()
    if unsettled:
        raise RuntimeError(f"the WAL of {', '.join(unsettled)} has not settled after the warm-up")


def _timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


# ---- intake ------------------------------------------------------------------------------------


class _Recorder(sqlite3.Connection):
    """A connection that keeps every statement it runs, with its parameters."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.log: list[tuple[str, tuple[Any, ...]]] = []

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        self.log.append((sql, tuple(parameters)))
        return super().execute(sql, parameters)


def _connect(path: Path, **kwargs: Any) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, **kwargs)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
        conn.execute(f"PRAGMA {pragma}")
    return conn


def _record_intakes(
    ws: Workspace, requests: list[IntakeRequest]
) -> list[list[tuple[str, tuple[Any, ...]]]]:
    """The statements of each intake, BEGIN to COMMIT, as ``receive`` ran them (not timed).

    The workspace's write unit of work is swapped for one on a recording connection to the
    same file; everything else is the application's own code.
    """
    conn = _connect(ws.data_dir / DB_FILENAME, factory=_Recorder)
    assert isinstance(conn, _Recorder)

    ws.db.writing_raw = lambda: immediate(conn)  # type: ignore[method-assign]
    service, clerk = DossierService(ws), get_user(ws, "tiepnhan")
    recorded = []
    try:
        for req in requests:
            conn.log = []
            service.receive(clerk, req)
            recorded.append(conn.log)
    finally:
        conn.close()
    return recorded


def bench_intake(ctx: Context) -> list[Row]:
    """What an intake writes, and the whole ``DossierService.receive``, against a bare INSERT +
    COMMIT; the three series interleaved op by op.

    The target is on what an intake writes: the event, its read-model row and chain head, the
    day's number and the queue (the log itself), at WAL and ``synchronous=FULL``, in one
    transaction. That series replays each intake's own statements (the same SQL with the same
    values, recorded beforehand by the real ``receive`` on an identical workspace) on a bare
    connection, so it measures the storage and nothing else. The whole ``receive`` adds the
    application's work in Python (permission, applicant and ID checks, the working-day calendar,
    the code, the canonical JSON and its SHA-256, the fold): shown beside it, for information,
    because on a machine whose fsync is cheap and whose CPU is slow that work outweighs the
    floor by itself (see bench/README.md).
    """
    ops = 150 if ctx.quick else 300
    warmup = 100  # enough intakes for the WAL of the workspace and of its replay to settle
    folder = ctx.scratch("intake")
    source, _admin = create_demo(folder / "replay-source", dossiers=0)
    source.close()  # checkpointed: the file is complete
    shutil.copy(folder / "replay-source" / DB_FILENAME, folder / "replay.sqlite3")
    ws, _admin = create_demo(folder / "workspace", dossiers=0)
    floor_path = folder / "floor.sqlite3"
    floor_conn = sqlite3.connect(floor_path, isolation_level=None)
    replay_conn = _connect(folder / "replay.sqlite3")
    try:
        service = DossierService(ws)
        clerk = get_user(ws, "tiepnhan")
        procedures = [p.code for p in list_procedures(ws) if p.processing_time is not None]
        rng = random.Random(11)
        applicants = Applicants(rng)
        requests = [  # what the form hands over; built outside the timing
            IntakeRequest(
                procedure_code=rng.choice(procedures), applicant=applicants(), confirm_warnings=True
            )
            for _ in range(warmup + ops)
        ]
        source = open_workspace(folder / "replay-source")
        try:
            replays = _record_intakes(source, requests)
        finally:
            source.close()

        sample = service.receive(clerk, requests[0]).events[0]
        payload = canonical_json(sample.data)  # a real received event's body, ~1.5 kB
        for pragma in ("journal_mode=WAL", "synchronous=FULL"):
            floor_conn.execute(f"PRAGMA {pragma}")
        floor_conn.execute(_FLOOR_DDL)
        counter = 0

        def floor_insert() -> None:
            nonlocal counter
            counter += 1
            floor_conn.execute(  # autocommit: one implicit transaction, one commit
                "INSERT INTO floor_events VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (f"{counter:036d}", sample.node, counter, sample.at.isoformat(), sample.dossier,
                 "received", payload, sample.hash),
            )  # fmt: skip

        def replay(statements: list[tuple[str, tuple[Any, ...]]]) -> None:
            for sql, params in statements:
                replay_conn.execute(sql, params)

        while not _wal_settled(floor_conn, floor_path):  # two pages an insert: ~500 of them
            floor_insert()
        measured: list[float] = []
        floor: list[float] = []
        sql_alone: list[float] = []
        for i in range(warmup + ops):
            req = requests[i + 1] if i + 1 < len(requests) else requests[0]
            trio = [
                (measured, lambda r=req: service.receive(clerk, r)),
                (sql_alone, lambda s=replays[i]: replay(s)),
                (floor, floor_insert),
            ]
            shift = i % 3  # rotate who goes first, so drift and noise hit all three
            for bucket, action in trio[shift:] + trio[:shift]:
                elapsed = _timed(action)
                if i >= warmup:
                    bucket.append(elapsed)
            if i + 1 == warmup:
                _check_settled(
                    intake=folder / "workspace" / DB_FILENAME,
                    sql_alone=folder / "replay.sqlite3",
                    floor=floor_path,
                )
    finally:
        floor_conn.close()
        replay_conn.close()
        ws.close()
        shutil.rmtree(folder, ignore_errors=True)
    m, f, q = summary(measured), summary(floor), summary(sql_alone)
    statements = sum(len(r) for r in replays) / len(replays)
    detail = {
        "ops": ops, "measured": m, "floor": f, "sql_alone": q, "journal": "WAL",
        "synchronous": "FULL", "statements_per_intake": statements,
        "application_over_its_sql": m["median_s"] / q["median_s"],
    }  # fmt: skip
    return [
        Row("intake: its writes (median)", q["median_s"], f["median_s"], INTAKE_TARGET, detail),
        Row("intake: whole receive (median)", m["median_s"], f["median_s"], INFO, detail),
        Row("intake: whole receive (p95)", m["p95_s"], f["p95_s"]),
    ]


# ---- lookup ------------------------------------------------------------------------------------


def _dataset(ctx: Context) -> Path:
    data_dir, stats = ensure(ctx.size, log=ctx.log)
    ctx.datasets[f"dossiers_{ctx.size}"] = stats
    return data_dir


def _name_query(rng: random.Random, name: str) -> str:
    """What a clerk types for a person: the name without diacritics, the last word cut short."""
    words = fold(name).split()
    last = words[-1]
    return " ".join([*words[:-1], last[: rng.randint(min(2, len(last)), len(last))]])


def bench_lookup(ctx: Context) -> list[Row]:
    """``lookup.search`` by code, ID number, phone and name, warm, against a raw PK lookup."""
    samples = 100 if ctx.quick else 200
    data_dir = _dataset(ctx)
    rng = random.Random(5)
    ws = open_workspace(data_dir)
    raw = sqlite3.connect(data_dir / DB_FILENAME)
    try:
        (size,) = raw.execute("SELECT MAX(id) FROM dossiers").fetchone()
        ids = rng.sample(range(1, size + 1), samples)
        marks = ",".join("?" * len(ids))
        rows = raw.execute(
            f"SELECT code, id_number, phone, applicant_name FROM dossiers WHERE id IN ({marks})",
            ids,
        ).fetchall()
        queries: dict[str, list[str]] = {
            "code": [r[0] for r in rows],
            "id_number": [r[1] for r in rows if r[1]],
            "phone": [r[2] for r in rows if r[2]],
            "name": [_name_query(rng, r[3]) for r in rows],
            "name_common": ["nguyen van"] * len(rows),
        }
        out: list[Row] = []
        for kind, keys in queries.items():
            for key in keys:  # warm-up pass: the page cache and SQLAlchemy's statement cache
                assert lookup.search(ws, key), f"{kind} {key!r} found nothing"
            measured: list[float] = []
            floor: list[float] = []
            for key in keys:
                measured.append(_timed(lambda k=key: lookup.search(ws, k)))
                pk = rng.randint(1, size)
                floor.append(
                    _timed(
                        lambda p=pk: raw.execute(
                            "SELECT * FROM dossiers WHERE id = ?", (p,)
                        ).fetchone()
                    )
                )
            m, f = summary(measured), summary(floor)
            example = keys[0]
            detail = {"queries": len(keys), "example": example, "measured": m, "floor": f}
            out.append(Row(f"lookup.{kind} (p95)", m["p95_s"], f["p95_s"], LOOKUP_TARGET, detail))
        return out
    finally:
        raw.close()
        ws.close()


# ---- open --------------------------------------------------------------------------------------


def bench_open(ctx: Context) -> list[Row]:
    """A fresh process opens the database and runs the first search; floor: connect + SELECT."""
    runs = 3 if ctx.quick else 5
    data_dir = _dataset(ctx)
    raw = sqlite3.connect(data_dir / DB_FILENAME)
    try:
        newest, name = raw.execute(
            "SELECT id, applicant_name FROM dossiers ORDER BY id DESC LIMIT 1"
        ).fetchone()
    finally:
        raw.close()
    query = fold(name)  # the person at the counter, typed without diacritics
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, (str(REPO), os.environ.get("PYTHONPATH")))),
    }
    results = []
    for i in range(runs):
        order = "floor-first" if i % 2 else "app-first"
        done = subprocess.run(
            [sys.executable, "-m", "bench.open_probe", str(data_dir), str(newest), query, order],
            capture_output=True, text=True, cwd=REPO, env=env, check=True,
        )  # fmt: skip
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    app = [r["app_s"] for r in results]
    floor = [r["floor_s"] for r in results]
    imports = [r["imports_s"] for r in results]
    startup = [r["imports_s"] + r["app_s"] for r in results]
    detail = {"runs": runs, "query": query, "app": summary(app), "floor": summary(floor),
              "imports": summary(imports), "page_cache": "warm"}  # fmt: skip
    return [
        Row(f"open + first search (worst of {runs})", max(app), max(floor), OPEN_TARGET, detail),
        Row(f"  same, with app imports (worst of {runs})", max(startup), max(floor)),
    ]


BENCHMARKS = (
    Benchmark(
        "intake", "an intake's writes and the whole receive vs a bare INSERT+COMMIT", bench_intake
    ),
    Benchmark("lookup", "lookup.search by code/ID/phone/name among N dossiers", bench_lookup),
    Benchmark("open", "open_workspace + first search in a fresh process", bench_open),
)
