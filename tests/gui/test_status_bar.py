"""The status bar always says whether the counter is online, what waits to sync and when it last did."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from motcua_desktop.gui.background import sync_provider
from motcua_desktop.gui.main_window import MainWindow
from motcua_desktop.gui.sync_status import SyncMonitor, SyncSnapshot, SyncStatusBar

pytestmark = pytest.mark.usefixtures("vietnamese")
TZ = ZoneInfo("Asia/Ho_Chi_Minh")


class FakeSync:
    """A sync client whose state the test sets."""

    def __init__(self) -> None:
        self.status = SyncSnapshot(online=False, waiting=12)

    def __call__(self) -> SyncSnapshot:
        return self.status


def test_offline_then_online_show_in_the_main_window(qtbot, make_ctx):
    fake = FakeSync()
    window = MainWindow(make_ctx("tiepnhan"), sync_provider=fake)
    qtbot.addWidget(window)
    bar = window.sync_bar
    qtbot.waitUntil(lambda: "Mất kết nối" in bar.network_label.text())
    assert bar.waiting_label.text() == "12 sự kiện chờ đồng bộ"
    assert bar.last_sync_label.text() == "Chưa đồng bộ lần nào"
    assert not bar.network_icon.pixmap().isNull()  # an icon beside the words, not colour alone
    fake.status = SyncSnapshot(
        online=True, waiting=0, last_success=datetime(2026, 3, 5, 9, 41, tzinfo=TZ)
    )
    window.monitor.poll()
    qtbot.waitUntil(lambda: bar.network_label.text() == "Đã kết nối")
    assert bar.waiting_label.text() == "Không còn dữ liệu chờ đồng bộ"
    assert bar.last_sync_label.text() == "Đồng bộ lần cuối: 09:41 05/03/2026"
    assert bar.isVisibleTo(window)


def test_a_failing_probe_keeps_the_last_state_and_says_why(qtbot):
    calls = []

    def broken() -> SyncSnapshot:
        calls.append(1)
        raise OSError(113, "No route to host")

    bar = SyncStatusBar(TZ)
    qtbot.addWidget(bar)
    monitor = SyncMonitor(broken)
    monitor.status_changed.connect(bar.show_status)
    monitor.failed.connect(bar.show_problem)
    with qtbot.waitSignal(monitor.failed):
        monitor.start()
    monitor.stop()
    assert calls == [1]
    assert "No route to host" in bar.network_label.toolTip()


def test_without_a_hub_the_outbox_is_counted_and_the_mode_is_offline(qtbot, workspace):
    status = sync_provider(workspace)()  # never enrolled with a hub
    assert status.online is None
    assert status.waiting > 0  # the demo's events have never been sent
    bar = SyncStatusBar(TZ)
    qtbot.addWidget(bar)
    bar.show_status(status)
    assert bar.network_label.text() == "Làm việc không kết nối (chưa cấu hình máy chủ tổng hợp)"
    assert f"{status.waiting:,}".replace(",", ".") in bar.waiting_label.text()
