"""Record screens' benchmarks: the dossier list's pages and counts, opening a dossier, XLSX export."""

from __future__ import annotations

import random
import shutil
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from motcua_desktop.domain.dossier import Status
from motcua_desktop.services.dossier_list import (
    PAGE_SIZE,
    DossierList,
    ListFilters,
    ListOrder,
    SortKey,
)
from motcua_desktop.services.dossiers import DossierService
from motcua_desktop.services.users import list_users
from motcua_desktop.services.workspace import open_workspace
from motcua_desktop.storage.database import DB_FILENAME

from .build_db import ensure
from .common import Benchmark, Context, Row, Target, summary

PAGE_TARGET = Target(ratio=5.0)  # 500 plain rows with their times parsed, against the bare SELECT
OPEN_TARGET = Target(max_s=0.1)  # "opening a dossier ≤ 100 ms" (the page's read; drawing aside)
EXPORT_ROWS = 20_000


def _timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _dataset(ctx: Context) -> Path:
    data_dir, stats = ensure(ctx.size, log=ctx.log)
    ctx.datasets[f"dossiers_{ctx.size}"] = stats
    return data_dir


def _interleaved(
    runs: int, measured: Callable[[], object], floor: Callable[[], object]
) -> tuple[list[float], list[float]]:
    """Both once to warm up, then alternately, so noise and drift hit both."""
    measured()
    floor()
    got: list[float] = []
    bare: list[float] = []
    for i in range(runs):
        pair = [(got, measured), (bare, floor)]
        if i % 2:
            pair.reverse()
        for bucket, action in pair:
            bucket.append(_timed(action))
    return got, bare


def bench_list(ctx: Context) -> list[Row]:
    """``DossierList.page`` and ``count`` for the filters a clerk uses, against bare SQLite."""
    runs = 10 if ctx.quick else 20
    data_dir = _dataset(ctx)
    ws = open_workspace(data_dir)
    raw = sqlite3.connect(data_dir / DB_FILENAME)
    rows: list[Row] = []
    try:
        listing = DossierList(ws)
        everything = ListFilters()

        def bare_page() -> object:
            return raw.execute(
                "SELECT * FROM dossiers ORDER BY received_at DESC LIMIT ?", (PAGE_SIZE,)
            ).fetchall()

        got, bare = _interleaved(runs, lambda: listing.page(everything), bare_page)
        m, f = summary(got), summary(bare)
        rows.append(
            Row("list.first_page", m["median_s"], f["median_s"], PAGE_TARGET, {"m": m, "f": f})
        )
        pages = {
            "list.page_deep (offset half)": lambda: listing.page(everything, offset=ctx.size // 2),
            "list.first_page open": lambda: listing.page(
                ListFilters(statuses=frozenset({Status.PROCESSING, Status.WAITING_SUPPLEMENT}))
            ),
            "list.first_page late": lambda: listing.page(ListFilters(late_only=True)),
            "list.first_page by field": lambda: listing.page(
                everything, ListOrder(SortKey.FIELD, descending=False)
            ),
        }
        counts = {
            "list.count all": lambda: listing.count(everything),
            "list.count late": lambda: listing.count(ListFilters(late_only=True)),
        }

        def bare_count() -> object:
            return raw.execute("SELECT count(*) FROM dossiers").fetchone()

        # Informational: each against the bare newest page, or the bare count of all rows.
        for group, floor in ((pages, bare_page), (counts, bare_count)):
            for name, action in group.items():
                got, bare = _interleaved(max(3, runs // 2), action, floor)
                m, f = summary(got), summary(bare)
                rows.append(Row(name, m["median_s"], f["median_s"], detail={"m": m, "f": f}))
    finally:
        raw.close()
        ws.close()
    return rows


def bench_open(ctx: Context) -> list[Row]:
    """What DossierPage reads to show a dossier: state (fold), events, the users' names."""
    samples = 100 if ctx.quick else 200
    data_dir = _dataset(ctx)
    ws = open_workspace(data_dir)
    raw = sqlite3.connect(data_dir / DB_FILENAME)
    try:
        service = DossierService(ws)
        _ = service.calendar
        last = raw.execute("SELECT max(id) FROM dossiers").fetchone()[0]
        rng = random.Random(5)
        codes = [
            raw.execute(
                "SELECT code FROM dossiers WHERE id = ?", (rng.randint(1, last),)
            ).fetchone()[0]
            for _ in range(samples)
        ]
        got: list[float] = []
        bare: list[float] = []
        for code in codes:
            got.append(_timed(lambda c=code: (service.state(c), service.events(c), list_users(ws))))
            bare.append(
                _timed(
                    lambda c=code: raw.execute(
                        "SELECT * FROM events WHERE dossier = ?", (c,)
                    ).fetchall()
                )
            )
    finally:
        raw.close()
        ws.close()
    m, f = summary(got), summary(bare)
    return [Row("dossier.open (p95)", m["p95_s"], f["p95_s"], OPEN_TARGET, {"m": m, "f": f})]


def bench_export(ctx: Context) -> list[Row]:
    """XLSX export of the first rows of the list, per 1,000 rows; floor: the same rows as CSV."""
    data_dir = _dataset(ctx)
    folder = ctx.scratch("records-export")
    ws = open_workspace(data_dir)
    try:
        listing = DossierList(ws)
        # The newest EXPORT_ROWS dossiers or so: from the day that many rows back (or all).
        back = listing.page(ListFilters(), offset=min(EXPORT_ROWS, ctx.size) - 1, limit=1)
        cutoff = back[0].received_at if back else None
        filters = ListFilters(received_from=cutoff.date() if cutoff else None)
        count = listing.count(filters)
        measured = _timed(lambda: listing.export_xlsx(filters, folder / "list.xlsx"))

        def csv() -> None:
            import csv as csv_module

            with (folder / "list.csv").open("w", newline="", encoding="utf-8") as handle:
                writer = csv_module.writer(handle)
                for row in listing.page(filters, limit=None):
                    writer.writerow([row.code, row.status.value, row.applicant_name])

        floor = _timed(csv)
    finally:
        ws.close()
        shutil.rmtree(folder, ignore_errors=True)
    per = 1000 / max(count, 1)
    return [
        Row("list.export_xlsx per 1,000 rows", measured * per, floor * per, detail={"rows": count})
    ]


BENCHMARKS = (
    Benchmark("records_list", "dossier list pages and counts", bench_list),
    Benchmark("records_open", "reading one dossier for its page", bench_open),
    Benchmark("records_export", "XLSX export of the list", bench_export),
)
