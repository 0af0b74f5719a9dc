"""The backup scheduler: today's backup once a day, one on exit when anything changed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from motcua_desktop.gui import backup_scheduler
from motcua_desktop.gui.backup_scheduler import BackupScheduler
from motcua_desktop.gui.context import AppContext
from motcua_desktop.services import backup
from motcua_desktop.services.catalog import list_procedures
from motcua_desktop.services.intake import ApplicantInput, IntakeRequest
from motcua_desktop.services.settings import update_settings
from motcua_desktop.services.users import get_user


def _scheduler(qtbot, ctx: AppContext, **kwargs: int) -> BackupScheduler:
    scheduler = BackupScheduler(ctx, **kwargs)
    return scheduler


def _receive(ctx: AppContext) -> None:
    procedure = next(p for p in list_procedures(ctx.workspace) if p.processing_time is not None)
    ctx.dossiers.receive(
        get_user(ctx.workspace, "tiepnhan"),
        IntakeRequest(
            procedure_code=procedure.code,
            applicant=ApplicantInput(name="Hồ Văn Cuối Ngày"),
            confirm_warnings=True,
        ),
    )


def test_the_first_check_takes_todays_backup_and_the_next_ones_wait_a_day(
    qtbot, make_ctx: Callable[[str], AppContext], clock
) -> None:
    ctx = make_ctx("tiepnhan")
    scheduler = _scheduler(qtbot, ctx)
    with qtbot.waitSignal(scheduler.backup_finished, timeout=30_000) as first:
        scheduler.start()
    assert first.args[0] is not None and first.args[0].reason == "daily"
    assert scheduler.timer.isActive()
    with qtbot.waitSignal(scheduler.backup_finished, timeout=30_000) as again:
        scheduler.check_now()
    assert again.args[0] is None  # already backed up today
    clock.advance(days=1)
    with qtbot.waitSignal(scheduler.backup_finished, timeout=30_000) as next_day:
        scheduler.check_now()
    assert next_day.args[0] is not None
    assert len(backup.list_backups(ctx.workspace)) == 2
    scheduler.stop()
    assert not scheduler.timer.isActive()


def test_the_timer_runs_the_check(qtbot, make_ctx: Callable[[str], AppContext]) -> None:
    scheduler = _scheduler(qtbot, make_ctx("tiepnhan"), interval_ms=20)
    scheduler.timer.start()  # no immediate check: the timer alone must lead to the backup
    with qtbot.waitSignal(scheduler.backup_finished, timeout=30_000) as done:
        pass
    scheduler.stop()
    assert done.args[0] is not None


def test_on_exit_only_when_something_changed(
    qtbot, make_ctx: Callable[[str], AppContext], clock
) -> None:
    ctx = make_ctx("tiepnhan")
    scheduler = _scheduler(qtbot, ctx)
    backup.create_backup(ctx.workspace)
    with qtbot.waitSignal(scheduler.backup_finished, timeout=30_000) as unchanged:
        scheduler.backup_on_exit()
    assert unchanged.args[0] is None
    _receive(ctx)
    clock.advance(minutes=5)
    with qtbot.waitSignal(scheduler.backup_finished, timeout=30_000) as changed:
        scheduler.backup_on_exit()
    assert changed.args[0] is not None and changed.args[0].reason == "exit"


def test_no_exit_backup_when_the_last_one_took_longer_than_the_exit_waits(
    qtbot, make_ctx: Callable[[str], AppContext], monkeypatch
) -> None:
    ctx = make_ctx("tiepnhan")
    last = backup.create_backup(ctx.workspace)
    _receive(ctx)
    monkeypatch.setattr(backup_scheduler, "EXIT_WAIT_S", last.duration_s / 2)
    scheduler = _scheduler(qtbot, ctx)
    with qtbot.waitSignal(scheduler.backup_finished, timeout=30_000) as skipped:
        scheduler.backup_on_exit()
    assert skipped.args[0] is None  # it would have been abandoned half-way


def test_a_failed_backup_is_reported_in_vietnamese_and_retried_later(
    qtbot, make_ctx: Callable[[str], AppContext], tmp_path: Path
) -> None:
    ctx = make_ctx("tiepnhan")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the USB folder should be")
    update_settings(
        ctx.workspace, get_user(ctx.workspace, "admin"), {"backup_dir": str(blocker / "MotCua")}
    )
    scheduler = _scheduler(qtbot, ctx)
    with qtbot.waitSignal(scheduler.backup_failed, timeout=30_000) as failed:
        scheduler.check_now()
    assert "«" in failed.args[0] and not scheduler.running
    blocker.unlink()
    with qtbot.waitSignal(scheduler.backup_finished, timeout=30_000) as retried:
        scheduler.check_now()
    assert retried.args[0] is not None and retried.args[0].path.parent == blocker / "MotCua"
