"""Crash-test worker: commits counter acts in a loop and reports each one only after it committed.

Run by ``test_crash.py`` in one of two ways:

* ``crash_child.py DATA_DIR --serve``: a fork server. It imports the application once, then for
  every ``run MODE ROUND SEED`` line on stdin forks a worker, waits for it (the parent kills it
  with SIGKILL) and writes ``exit PID STATUS``. Forking skips the ~0.6 s of imports a fresh
  interpreter pays, so a hundred crash rounds fit in the test's time budget. The server itself
  never opens the database: each worker opens it from scratch, exactly like a restarted app.
* ``crash_child.py DATA_DIR --direct MODE ROUND SEED``: one worker in a freshly spawned
  interpreter (the plain "start the app, pull the plug" case).

Worker protocol on stdout, one ``os.write`` per line (atomic on a pipe, never buffered):
``pid PID`` as soon as it runs, ``go`` just before the first write, then ``act CODE TYPE``
after each act's transaction committed (``receive`` or ``hand_over`` etc. returned).

Modes: ``receive`` receives dossiers back to back; ``life`` takes each dossier through its whole
life (receive, hand over, record the result, hand back, return with the satisfaction vote).
"""

from __future__ import annotations

import os
import random
import sys
import traceback
from datetime import date, timedelta
from pathlib import Path

from motcua_desktop.domain.calendar import WorkingCalendar
from motcua_desktop.services.catalog import list_procedures
from motcua_desktop.services.dossiers import DossierService
from motcua_desktop.services.intake import ApplicantInput, IntakeRequest
from motcua_desktop.services.users import get_user
from motcua_desktop.services.workspace import open_workspace

ROUNDS_PER_DAY = 4  # rounds sharing an office day (its counter survives kills; ≤ 9999 a day)
WORKER_LIMIT_S = 60.0  # a worker nobody killed gives up (the parent then fails the round)


def _words(text: str) -> list[str]:
    return text.split()


_SURNAMES = _words("Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý")
_MIDDLE = _words("Văn Thị Hữu Ngọc Đức Thu Minh Kim Quốc Thanh")
_GIVEN = _words("An Bình Cường Dũng Đức Hải Hà Hạnh Hoa Hương Lan Linh Mai Nam Phúc Sơn Tuấn Yến")


def say(line: str) -> None:
    """One unbuffered line on stdout: the parent sees exactly what was written before a kill."""
    os.write(1, (line + "\n").encode())


def day_offset(round_no: int) -> timedelta:
    """The device clock of a round: real time, moved on one day every ``ROUNDS_PER_DAY`` rounds."""
    return timedelta(days=round_no // ROUNDS_PER_DAY)


def applicant(rng: random.Random) -> ApplicantInput:
    female = rng.random() < 0.5
    birth = date(rng.randint(1950, 2004), rng.randint(1, 12), rng.randint(1, 28))
    century_sex = (0 if birth.year < 2000 else 2) + (1 if female else 0)
    return ApplicantInput(
        name=f"{rng.choice(_SURNAMES)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)}",
        id_number=f"040{century_sex}{birth.year % 100:02d}{rng.randint(0, 999999):06d}",
        birth_date=birth,
        sex="female" if female else "male",
        phone=f"09{rng.randint(0, 99999999):08d}",
        address="Thôn Trung Hòa, xã Hòa Phú",
    )


def work(data_dir: Path, mode: str, round_no: int, seed: int) -> None:
    """Open the workspace like a freshly started app and commit acts until killed."""
    say(f"pid {os.getpid()}")
    ws = open_workspace(data_dir)
    real_clock, offset = ws.clock, day_offset(round_no)
    ws.clock = lambda: real_clock() + offset
    service = DossierService(ws)
    clerk, officer = get_user(ws, "tiepnhan"), get_user(ws, "tuphap")
    procedures = [p for p in list_procedures(ws) if p.processing_time is not None]
    for procedure in procedures:  # read-only warm-up (holiday tables), so kills hit the writes
        assert procedure.processing_time is not None
        service.calendar.due(ws.clock(), procedure.processing_time)
    codes = [p.code for p in procedures]
    rng = random.Random(seed)
    started = real_clock()
    say("go")
    while (real_clock() - started).total_seconds() < WORKER_LIMIT_S:
        request = IntakeRequest(
            procedure_code=rng.choice(codes), applicant=applicant(rng), confirm_warnings=True
        )
        code = service.receive(clerk, request).code
        say(f"act {code} received")
        if mode != "life":
            continue
        service.hand_over(clerk, code, officer.username, note="Chuyển xử lý")
        say(f"act {code} handed_over")
        service.record_result(officer, code, digitised=True)
        say(f"act {code} result_ready")
        service.hand_over(officer, code, clerk.username, note="Trả bộ phận Một cửa")
        say(f"act {code} handed_over")
        service.return_result(clerk, code, satisfaction="satisfied")  # two events, one commit
        say(f"act {code} returned")
    say("timeout")
    os._exit(3)


def run_worker(data_dir: Path, mode: str, round_no: int, seed: int) -> None:
    """Run one worker and leave without cleanup (a forked child must never return to the server)."""
    try:
        work(data_dir, mode, round_no, seed)
    except BaseException:
        traceback.print_exc()
        sys.stderr.flush()
        os._exit(1)
    os._exit(0)


def warm_up() -> None:
    """Fill the process-wide holiday tables once, so that forked workers start writing at once."""
    calendar = WorkingCalendar()
    this_year = date.today().year
    for year in range(this_year - 1, this_year + 3):
        calendar.is_working_day(date(year, 6, 1))


def serve(data_dir: Path) -> None:
    warm_up()  # pure computation, no database: each worker still opens everything itself
    say("ready")
    while line := sys.stdin.readline():
        command = line.split()
        if not command or command[0] == "quit":
            break
        _, mode, round_no, seed = command
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            run_worker(data_dir, mode, int(round_no), int(seed))
        _, status = os.waitpid(pid, 0)
        say(f"exit {pid} {status}")


def main(argv: list[str]) -> None:
    data_dir = Path(argv[1])
    if argv[2] == "--serve":
        serve(data_dir)
    else:
        _, _, _, mode, round_no, seed = argv
        run_worker(data_dir, mode, int(round_no), int(seed))


if __name__ == "__main__":
    main(sys.argv)
