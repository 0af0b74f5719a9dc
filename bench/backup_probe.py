"""The counter during a backup: how long a receive takes while the backup of a big database runs.

    .venv/bin/python -m bench.backup_probe            # the 200,000-dossier database
    .venv/bin/python -m bench.backup_probe --size 20000 --skip-before

The cached database (``bench.build_db``) is copied to ``bench/results/scratch-backup/`` (the
cache is never written) and opened like the app does, with an ``AppContext`` on the offscreen
Qt platform. Every receive is ``ctx.act(DossierService.receive)``, timed from the call to its
answer on the GUI thread, one started every 250 ms while none is in flight. Series, in order:

* ``floor``: no backup;
* ``backup thread``: the app's backup (``BackupWorker``: its own thread and connection);
* ``backup thread, not quiet``: the same with Python's default thread switch interval and its
  garbage collector left on (``BackupWorker(quiet=False)``);
* ``database worker``: the backup as it was, queued on the database worker (``ctx.ops``), and
  one receive queued behind it (``--skip-before`` leaves it out);
* ``floor again``: drift of the machine over the run.

For each: the receives' median, p95 and worst, and how late a 20 ms timer of the GUI thread
fired at worst (how long the window could not repaint). Nothing here is a pass/fail target.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import time
from collections.abc import Callable
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QEventLoop, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.build_db import RESULTS, Applicants, ensure  # noqa: E402
from bench.common import percentile  # noqa: E402
from motcua_desktop.gui.backup_worker import BackupWorker  # noqa: E402
from motcua_desktop.gui.context import AppContext  # noqa: E402
from motcua_desktop.services import backup  # noqa: E402
from motcua_desktop.services.catalog import list_procedures  # noqa: E402
from motcua_desktop.services.intake import IntakeRequest  # noqa: E402
from motcua_desktop.services.users import get_user  # noqa: E402
from motcua_desktop.services.workspace import open_workspace  # noqa: E402
from motcua_desktop.storage.database import DB_FILENAME  # noqa: E402

PACE_MS = 250
TICK_MS = 20


class Series:
    """Receives at a steady pace and the GUI thread's timer, until ``until()`` says stop."""

    def __init__(self, ctx: AppContext, requests: Callable[[], Any]) -> None:
        self.ctx, self.requests = ctx, requests
        self.latencies: list[float] = []
        self.late: list[float] = []

    def run(self, until: Callable[[], bool]) -> None:
        in_flight: list[float] = []
        pace, tick, clock = QTimer(), QTimer(), QElapsedTimer()
        clock.start()
        last_tick = [clock.nsecsElapsed()]

        def on_tick() -> None:
            now = clock.nsecsElapsed()
            self.late.append(max(0.0, (now - last_tick[0]) / 1e9 - TICK_MS / 1000))
            last_tick[0] = now

        def done(result: object) -> None:
            self.latencies.append(time.perf_counter() - in_flight.pop())
            if isinstance(result, Exception):
                raise result

        def on_pace() -> None:
            if in_flight:
                return
            request, clerk = self.requests(), self.ctx.user
            in_flight.append(time.perf_counter())
            self.ctx.act(lambda: self.ctx.dossiers.receive(clerk, request), done, done)

        loop, check = QEventLoop(), QTimer()

        def on_check() -> None:
            if until() and not in_flight:
                loop.quit()

        pace.timeout.connect(on_pace)
        tick.timeout.connect(on_tick)
        check.timeout.connect(on_check)
        pace.start(PACE_MS)
        tick.start(TICK_MS)
        check.start(50)
        loop.exec()
        for timer in (pace, tick, check):
            timer.stop()

    def line(self, name: str, extra: str = "") -> str:
        ms = sorted(x * 1000 for x in self.latencies)
        late = max(self.late, default=0.0) * 1000
        return (
            f"{name:<28} receives {len(ms):>4}  median {percentile(ms, 50):8.2f} ms  "
            f"p95 {percentile(ms, 95):8.2f} ms  worst {ms[-1]:9.2f} ms  "
            f"GUI timer late at worst {late:6.1f} ms  peak RSS {_peak_mb():5.0f} MB{extra}"
        )


def _backup_on(worker: BackupWorker, ws: Any) -> Callable[[], bool]:
    outcome: list[Any] = []
    started = worker.run(
        lambda stop: backup.create_backup(ws, reason="manual", stop=stop),
        outcome.append,
        outcome.append,
    )
    assert started
    return lambda: bool(outcome)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=200_000)
    parser.add_argument("--floor-s", type=float, default=15.0, help="seconds of each floor")
    parser.add_argument("--skip-before", action="store_true", help="no backup on the worker")
    args = parser.parse_args()

    cached, _facts = ensure(args.size)
    scratch = RESULTS / "scratch-backup"
    shutil.rmtree(scratch, ignore_errors=True)
    data = scratch / "data"
    data.mkdir(parents=True)
    shutil.copyfile(cached / DB_FILENAME, data / DB_FILENAME)
    _app = QApplication.instance() or QApplication([])
    ws = open_workspace(data)
    try:
        ctx = AppContext(ws, get_user(ws, "tiepnhan"))
        rng = random.Random(17)
        applicants = Applicants(rng)
        codes = [p.code for p in list_procedures(ws) if p.processing_time is not None]

        def request() -> IntakeRequest:
            return IntakeRequest(
                procedure_code=rng.choice(codes), applicant=applicants(), confirm_warnings=True
            )

        Series(ctx, request).run(_for(10.0))  # warm-up: caches, the service's imports
        holder = QObject()
        runs: list[tuple[str, Callable[[], Callable[[], bool]]]] = [
            ("floor", lambda: _for(args.floor_s)),
            ("backup thread", lambda: _backup_on(BackupWorker(holder), ws)),
            (
                "backup thread, not quiet",
                lambda: _backup_on(BackupWorker(holder, quiet=False), ws),
            ),
        ]
        if not args.skip_before:
            runs.append(("database worker (before)", lambda: _on_worker(ctx, ws)))
        runs.append(("floor again", lambda: _for(args.floor_s)))
        print(f"{args.size} dossiers, {(data / DB_FILENAME).stat().st_size / 1e9:.2f} GB")
        for name, begin in runs:
            series = Series(ctx, request)
            started = time.perf_counter()
            series.run(begin())
            took = time.perf_counter() - started
            print(series.line(name, f"  ({took:.1f} s)"), flush=True)
        print(f"load average {os.getloadavg()[0]:.2f}")
    finally:
        ws.close()
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _for(seconds: float) -> Callable[[], bool]:
    end = time.perf_counter() + seconds
    return lambda: time.perf_counter() >= end


def _on_worker(ctx: AppContext, ws: Any) -> Callable[[], bool]:
    outcome: list[Any] = []
    ctx.ops.run(lambda: backup.create_backup(ws, reason="manual"), outcome.append, outcome.append)
    return lambda: bool(outcome)


if __name__ == "__main__":
    raise SystemExit(main())
