"""The counter app's own speed: start to a usable intake form, switching screens, opening a dossier,
memory — with a 200,000-dossier database, each beside an empty Qt window measured in the same run."""

from __future__ import annotations

import compileall
import json
import os
import py_compile
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.build_db import ensure
from bench.common import Benchmark, Context, Row, Target, summary
from motcua_desktop.storage.database import DB_FILENAME

REPO = Path(__file__).resolve().parents[1]
GUI_SIZE = 200_000
START_TARGET = Target(ratio=3.0)
SWITCH_TARGET = Target(max_s=0.100)
MEMORY_TARGET = Target(max_s=0.300)  # 300 MB, shown in the table's "ms" column: 1 ms = 1 MB


def _probe(*args: str) -> tuple[float, dict[str, Any]]:
    """Spawn a probe; seconds from spawn to its ``ready`` line, and its final JSON line."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": os.pathsep.join(filter(None, (str(REPO), os.environ.get("PYTHONPATH")))),
    }
    with tempfile.TemporaryFile("w+") as errors:
        started = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-m", "bench.gui_probe", *args],
            stdout=subprocess.PIPE, stderr=errors, text=True, cwd=REPO, env=env,
        )  # fmt: skip
        assert child.stdout is not None
        line = child.stdout.readline()
        ready = time.perf_counter() - started
        rest = child.stdout.read()  # the same buffered reader: nothing read ahead is lost
        child.wait(timeout=600)
        errors.seek(0)
        if child.returncode != 0 or line.strip() != "ready":
            raise RuntimeError(f"gui probe {args[0]} failed: {line}{rest}{errors.read()}")
    return ready, json.loads(rest.strip().splitlines()[-1])


def _compile_app() -> None:
    """Byte-compile the application, as installing it does (pip, or a frozen build): a user's
    start never compiles the sources, but a checkout run with PYTHONDONTWRITEBYTECODE would.
    Checked-hash files are checked against the source at every import, so an edit is never
    missed."""
    compileall.compile_dir(
        REPO / "motcua_desktop", quiet=1,
        invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH,
    )  # fmt: skip


def _codes(data_dir: Path, n: int) -> list[str]:
    raw = sqlite3.connect(data_dir / DB_FILENAME)
    try:
        (size,) = raw.execute("SELECT MAX(id) FROM dossiers").fetchone()
        step = max(1, size // n)
        ids = [size - i * step for i in range(n)]
        marks = ",".join("?" * len(ids))
        return [r[0] for r in raw.execute(f"SELECT code FROM dossiers WHERE id IN ({marks})", ids)]
    finally:
        raw.close()


def bench_gui(ctx: Context) -> list[Row]:
    runs = 3 if ctx.quick else 5
    data_dir, stats = ensure(GUI_SIZE, log=ctx.log)
    ctx.datasets[f"dossiers_{GUI_SIZE}"] = stats
    codes = _codes(data_dir, 10)
    _compile_app()
    app_start, empty_start, apps, empties = [], [], [], []
    for i in range(runs):
        order = [("app", data_dir), ("empty", None)]
        if i % 2:
            order.reverse()  # alternate who goes first, so the disk cache favours neither
        for kind, folder in order:
            if kind == "app":
                seconds, result = _probe("app", str(folder), *codes)
                app_start.append(seconds)
                apps.append(result)
            else:
                seconds, result = _probe("empty")
                empty_start.append(seconds)
                empties.append(result)
    again = [s for r in apps for s in r["switch"].get("again", [])]
    first = [s for r in apps for s in r["switch"].get("first", [])]
    opens = [s for r in apps for s in r["open"]]
    floor_switch = [s for r in apps for s in r["floor_switch"]]
    rss = max(r["rss_bytes"] for r in apps)
    empty_rss = max(r["rss_bytes"] for r in empties)
    detail = {
        "runs": runs, "dossiers": GUI_SIZE, "start": summary(app_start),
        "empty_window": summary(empty_start), "switch_again": summary(again),
        "switch_first_visit": summary(first) if first else None, "open_dossier": summary(opens),
        "floor_switch": summary(floor_switch), "rss_mb": rss / 1e6, "empty_rss_mb": empty_rss / 1e6,
        "peak_mb": max(r["peak_bytes"] for r in apps) / 1e6,
        "unavailable_pages": sorted({p for r in apps for p in r["unavailable"]}),
        "first_visit_max_s": {
            page: max(r["first_visits"].get(page, 0.0) for r in apps)
            for page in apps[0]["first_visits"]
        },
        "marks_median_s": {
            k: summary([r["marks"][k] for r in apps])["median_s"] for k in apps[0]["marks"]
        },
        "first_pick_median_s": summary([r["first_pick_s"] for r in apps])["median_s"],
        "sign_in_median_s": summary([r["sign_in_s"] for r in apps])["median_s"],
    }  # fmt: skip
    ctx.log(f"gui: RSS {rss / 1e6:.0f} MB (empty Qt window {empty_rss / 1e6:.0f} MB)")
    ctx.log("gui first visit of each screen, worst run: " + ", ".join(
        f"{k} {v * 1000:.0f} ms" for k, v in detail["first_visit_max_s"].items()))  # fmt: skip
    ctx.log("gui start, seconds after the interpreter began (median): " + ", ".join(
        f"{k} {v:.2f}" for k, v in detail["marks_median_s"].items()))  # fmt: skip
    pick, sign_in = detail["first_pick_median_s"], detail["sign_in_median_s"]
    ctx.log(f"gui: a procedure picked right at start {pick * 1000:.0f} ms, the sign-in's password "
            f"check (argon2) {sign_in * 1000:.0f} ms (medians)")  # fmt: skip
    return [
        Row("gui start to intake form (median)", summary(app_start)["median_s"],
            summary(empty_start)["median_s"], START_TARGET, detail),
        Row("gui switch screen (p95)", summary(again)["p95_s"], summary(floor_switch)["p95_s"],
            SWITCH_TARGET),
        Row("gui first visit of a screen (max)", max(first) if first else 0.0, None,
            SWITCH_TARGET),
        Row("gui open a dossier (p95)", summary(opens)["p95_s"], summary(floor_switch)["p95_s"],
            SWITCH_TARGET),
        Row("gui memory RSS (1 ms = 1 MB)", rss / 1e9, empty_rss / 1e9, MEMORY_TARGET),
    ]  # fmt: skip


BENCHMARKS = (
    Benchmark("gui", "counter app start, screen switch, dossier open, memory", bench_gui),
)
