"""Periodic reports: the one-year report over 200,000 dossiers against one aggregate SQL scan."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import date

from motcua_desktop.domain.report_periods import Period, official_period
from motcua_desktop.services.reports import ReportService
from motcua_desktop.services.workspace import open_workspace
from motcua_desktop.storage import eventstore
from motcua_desktop.storage.timekeys import utc_key

from .build_db import ensure
from .common import Benchmark, Context, Row, Target

SIZE = 200_000  # the database, whatever --size says (built once, then cached)
RUNS = 5
YEAR_TARGET_RATIO = Target(ratio=5.0)
YEAR_TARGET_S = Target(max_s=1.0)

# The floor: one aggregate scan over the rows the report reads (received before the end, not
# resolved before the start), grouped by field like the report's rows.
FLOOR_SQL = (
    "SELECT field, COUNT(*), SUM(resolved_at > appointment) FROM dossiers "
    "WHERE received_at < ? AND (resolved_at IS NULL OR resolved_at >= ?) GROUP BY field"
)


def year_containing(day: date) -> Period:
    """The reporting year (15/12 of the previous year to 14/12) that contains ``day``."""
    return official_period("year", day.year + 1 if (day.month, day.day) >= (12, 15) else day.year)


def _median(action: Callable[[], object], runs: int) -> tuple[float, list[float]]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples), samples


def bench_year_report(ctx: Context) -> list[Row]:
    """``ReportService.build`` for the reporting year, beside the floor scan, interleaved."""
    data_dir, stats = ensure(SIZE, log=ctx.log)
    ctx.datasets[f"dossiers_{SIZE}"] = stats
    ws = open_workspace(data_dir)
    try:
        service = ReportService(ws)
        period = year_containing(ws.clock().astimezone(ws.tz).date())
        start, end = service.bounds(period)
        keys = (utc_key(end), utc_key(start))

        def floor() -> object:
            with ws.db.reading() as session:
                return eventstore.raw(session).execute(FLOOR_SQL, keys).fetchall()

        floor()  # warm the page cache for both
        report = service.build(period)
        report_s: list[float] = []
        floor_s: list[float] = []
        for _ in range(RUNS):  # interleaved: both see the same machine load
            report_s += _median(lambda: service.build(period), 1)[1]
            floor_s += _median(floor, 1)[1]
        by_unit, _ = _median(lambda: service.build(period, "unit"), 3)
        late, _ = _median(lambda: service.build(period, late_list=True), 3)
        trend, _ = _median(lambda: service.on_time_by_month(period.year or 0), 3)
        total = report.report.total
        detail = {
            "period": period.to_dict(),
            "rows_in_period": total.received,
            "dossiers": SIZE,
            "report_samples_s": report_s,
            "floor_samples_s": floor_s,
        }
        measured, base = statistics.median(report_s), statistics.median(floor_s)
        return [
            Row(
                "report: one year, 200k dossiers (median)",
                measured,
                base,
                YEAR_TARGET_RATIO,
                detail,
            ),
            Row("report: one year, 200k dossiers (seconds)", measured, base, YEAR_TARGET_S),
            Row("  same, rows per unit (median)", by_unit, base),
            Row("  same, with the late list (median)", late, base),
            Row("  on-time rate by month, one year (median)", trend, base),
        ]
    finally:
        ws.close()


BENCHMARKS = (
    Benchmark("reports", "one-year periodic report over 200,000 dossiers", bench_year_report),
)
