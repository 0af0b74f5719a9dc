"""Run the benchmarks: a table of measured vs floor vs target, and bench/results/latest.json.

    .venv/bin/python bench/run.py [--quick] [--only NAME ...] [--size N]

Each area of the application has one module (``bench/core.py``, ...) exposing ``BENCHMARKS``;
add a module to ``AREAS`` to register it. Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sqlite3
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (  # noqa: E402
    FULL_SIZE,
    QUICK_SIZE,
    RESULTS,
    Benchmark,
    Context,
    Row,
    fmt_s,
)

AREAS = (
    "bench.core",
    "bench.documents",
    "bench.hub",
    "bench.gui",
    "bench.records",
    "bench.reports",
)  # one module per area of the application


def registry() -> dict[str, Benchmark]:
    found: dict[str, Benchmark] = {}
    for area in AREAS:
        for bench in importlib.import_module(area).BENCHMARKS:
            if bench.name in found:
                raise SystemExit(f"benchmark {bench.name!r} registered twice")
            found[bench.name] = bench
    return found


def table(rows: list[Row]) -> str:
    header = ("benchmark", "measured", "floor", "ratio", "target", "result")
    lines = [
        (
            r.name,
            fmt_s(r.measured_s),
            fmt_s(r.floor_s) if r.floor_s is not None else "-",
            f"{r.ratio:.1f}×" if r.ratio is not None else "-",
            r.target.label(),
            {True: "pass", False: "FAIL", None: "-"}[r.passed],
        )
        for r in rows
    ]
    widths = [max(len(x[i]) for x in (header, *lines)) for i in range(len(header))]

    def fmt(cells: tuple[str, ...]) -> str:
        first, *rest = cells
        return " | ".join(
            [first.ljust(widths[0]), *(c.rjust(w) for c, w in zip(rest, widths[1:], strict=True))]
        )

    rule = "-+-".join("-" * w for w in widths)
    return "\n".join([fmt(header), rule, *(fmt(x) for x in lines)])


def machine() -> dict[str, Any]:
    return {
        "platform": platform.platform(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "cpus": os.cpu_count(),
    }


def main(argv: list[str] | None = None) -> int:
    known = registry()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_SIZE:,} dossiers, fewer ops")
    parser.add_argument("--only", action="append", choices=sorted(known), metavar="NAME",
                        help=f"run only this benchmark (repeatable): {', '.join(known)}")  # fmt: skip
    parser.add_argument("--size", type=int, help="dossiers in the lookup/open database")
    parser.add_argument("--json", type=Path, default=RESULTS / "latest.json", help="where to write")
    args = parser.parse_args(argv)
    size = args.size or (QUICK_SIZE if args.quick else FULL_SIZE)
    ctx = Context(quick=args.quick, size=size, log=lambda m: print(m, file=sys.stderr, flush=True))
    chosen = [known[n] for n in (args.only or known)]
    rows: list[Row] = []
    timings: dict[str, float] = {}
    for bench in chosen:
        ctx.log(f"running {bench.name}: {bench.summary}")
        started = time.perf_counter()
        rows.extend(bench.run(ctx))
        timings[bench.name] = round(time.perf_counter() - started, 1)
    print(table(rows))
    report = {
        "run_at": datetime.now(UTC).isoformat(),
        "quick": args.quick,
        "size": size,
        "machine": machine(),
        "datasets": ctx.datasets,
        "wall_s": timings,
        "rows": [r.to_json() for r in rows],
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    ctx.log(f"written {args.json}")
    return 1 if any(r.passed is False for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
