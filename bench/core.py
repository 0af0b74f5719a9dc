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

from motcua_desktop.domain.events import canonical_json
from motcua_desktop.domain.text import fold
from motcua_desktop.services import lookup
from motcua_desktop.services.catalog import list_procedures
from motcua_desktop.services.demo import create_demo
from motcua_desktop.services.dossiers import DossierService
from motcua_desktop.services.intake import IntakeRequest
from motcua_desktop.services.users import get_user
from motcua_desktop.services.workspace import open_workspace
from motcua_desktop.storage.database import DB_FILENAME

from .build_db import Applicants, ensure
from .common import Benchmark, Context, Row, Target, summary

REPO = Path(__file__).resolve().parents[1]
INTAKE_TARGET = Target(ratio=2.5)
LOOKUP_TARGET = Target(max_s=0.005)
OPEN_TARGET = Target(max_s=1.0)

# The floor of an intake: one row shaped like an event, committed alone with the same pragmas.
_FLOOR_DDL = (
    "CREATE TABLE floor_events (id TEXT PRIMARY KEY, node TEXT NOT NULL, seq INTEGER NOT NULL, "
    "at TEXT NOT NULL, dossier TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, "
    "hash TEXT NOT NULL)"
)


def _timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


# ---- intake ------------------------------------------------------------------------------------


def bench_intake(ctx: Context) -> list[Row]:
    """``DossierService.receive`` against a bare INSERT + COMMIT, interleaved op by op."""
    ops, warmup = (150, 20) if ctx.quick else (300, 30)
    folder = ctx.scratch("intake")
    ws, _admin = create_demo(folder / "workspace", dossiers=0)
    floor_conn = sqlite3.connect(folder / "floor.sqlite3", isolation_level=None)
    try:
        service = DossierService(ws)
        clerk = get_user(ws, "tiepnhan")
        procedures = [p.code for p in list_procedures(ws) if p.processing_time is not None]
        rng = random.Random(11)
        applicants = Applicants(rng)

        def request() -> IntakeRequest:  # what the form hands over; built outside the timing
            return IntakeRequest(
                procedure_code=rng.choice(procedures), applicant=applicants(), confirm_warnings=True
            )

        sample = service.receive(clerk, request()).events[0]
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

        measured: list[float] = []
        floor: list[float] = []
        for i in range(warmup + ops):
            req = request()
            pair = [(measured, lambda r=req: service.receive(clerk, r)), (floor, floor_insert)]
            if i % 2:
                pair.reverse()  # alternate who goes first, so drift and noise hit both
            for bucket, action in pair:
                elapsed = _timed(action)
                if i >= warmup:
                    bucket.append(elapsed)
    finally:
        floor_conn.close()
        ws.close()
        shutil.rmtree(folder, ignore_errors=True)
    m, f = summary(measured), summary(floor)
    detail = {"ops": ops, "measured": m, "floor": f, "journal": "WAL", "synchronous": "FULL"}
    return [
        Row("intake (median)", m["median_s"], f["median_s"], INTAKE_TARGET, detail),
        Row("intake (p95)", m["p95_s"], f["p95_s"]),
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
    Benchmark("intake", "one DossierService.receive vs a bare INSERT+COMMIT", bench_intake),
    Benchmark("lookup", "lookup.search by code/ID/phone/name among N dossiers", bench_lookup),
    Benchmark("open", "open_workspace + first search in a fresh process", bench_open),
)
