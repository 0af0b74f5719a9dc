"""The counter app with a real hub: acts reach it by themselves, and the status bar says online,
offline (the counter keeps working, events wait) and online again as the network comes and goes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from motcua_desktop.gui.background import BackgroundServices, sync_provider
from motcua_desktop.gui.context import AppContext
from motcua_desktop.gui.main_window import MainWindow
from motcua_desktop.gui.translations import install_translators
from motcua_desktop.services.intake import ApplicantInput, IntakeRequest
from motcua_desktop.services.sync import change_hub_url, sync_status
from motcua_desktop.services.sync_worker import SyncWorker

THREE_DAYS = "1.004873"  # a catalog procedure with 3 working days

UNREACHABLE = "http://127.0.0.1:9"  # the discard port: nothing listens, the connection is refused


@pytest.fixture
def vietnamese(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp)
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


def _quick_worker(ws):  # the app's worker, with delays fit for a test
    return SyncWorker(ws, interval=0.5, poll=0.1, base_delay=0.1, max_delay=0.3)


def test_the_status_bar_follows_the_network_and_acts_reach_the_hub(
    qtbot, vietnamese, enrolled, hub
):
    node = enrolled(1)
    ctx = AppContext(node.ws, node.clerk)
    window = MainWindow(ctx, sync_provider=sync_provider(node.ws))
    qtbot.addWidget(window)
    background = BackgroundServices(ctx, worker_factory=_quick_worker, parent=ctx)
    bar = window.sync_bar

    def shows(text: str, waiting: str) -> bool:
        window.monitor.poll()
        return bar.network_label.text().startswith(text) and bar.waiting_label.text() == waiting

    def receive(name: str) -> None:
        request = IntakeRequest(procedure_code=THREE_DAYS, applicant=ApplicantInput(name=name))
        node.clock.advance(seconds=30)
        ctx.act(lambda: ctx.dossiers.receive(node.clerk, request))

    background.start()
    try:
        receive("Nguyễn Văn Trực Tuyến")  # the act wakes the worker: at the hub within seconds
        qtbot.waitUntil(
            lambda: shows("Đã kết nối", "Không còn dữ liệu chờ đồng bộ"), timeout=15_000
        )
        assert bar.last_sync_label.text().startswith("Đồng bộ lần cuối:")

        change_hub_url(node.ws, node.admin, UNREACHABLE)  # the network goes away
        receive("Trần Thị Ngoại Tuyến")
        qtbot.waitUntil(lambda: shows("Mất kết nối", "1 sự kiện chờ đồng bộ"), timeout=15_000)
        assert sync_status(node.ws).last_error  # the reason is kept (the label's tooltip)

        change_hub_url(node.ws, node.admin, hub.url)  # back: the worker notices by itself
        qtbot.waitUntil(
            lambda: shows("Đã kết nối", "Không còn dữ liệu chờ đồng bộ"), timeout=15_000
        )
    finally:
        background.stop()
    assert not background.worker.running
