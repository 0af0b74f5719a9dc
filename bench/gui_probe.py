"""GUI probe, run in a fresh interpreter: an empty Qt window, or the counter app up to its intake form.

``python -m bench.gui_probe empty`` shows a bare 1366×768 QMainWindow; ``python -m bench.gui_probe
app DATA_DIR`` opens the workspace, builds the main window as a clerk's, shows the intake form and
waits until today's lists have loaded. Each prints ``ready`` the moment its window is usable
(the parent times spawn → ready), then one JSON line: its memory and, for ``app``, how long
switching screens and opening dossiers took.
"""

import time

_STARTED = time.perf_counter()

import os  # noqa: E402
import sys  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json  # noqa: E402
import resource  # noqa: E402


def _rss_bytes() -> int:
    """Resident memory now (Linux /proc), else the peak from getrusage."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _peak_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def empty() -> None:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1366, 768)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.repaint()
    app.processEvents()
    print("ready", flush=True)
    print(json.dumps({"rss_bytes": _rss_bytes(), "peak_bytes": _peak_bytes()}), flush=True)


def app(data_dir: str, codes: list[str]) -> None:
    from pathlib import Path

    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLabel, QStackedWidget

    marks = {"qt_imported": time.perf_counter() - _STARTED}
    from motcua_desktop.gui.background import sync_provider
    from motcua_desktop.gui.context import AppContext
    from motcua_desktop.gui.main_window import MainWindow
    from motcua_desktop.gui.navigation import PageId
    from motcua_desktop.gui.translations import install_translators
    from motcua_desktop.services.users import get_user
    from motcua_desktop.services.workspace import open_workspace

    marks["app_imported"] = time.perf_counter() - _STARTED
    qapp = QApplication(sys.argv[:1])
    translators = install_translators(qapp)
    workspace = open_workspace(Path(data_dir))
    marks["workspace_open"] = time.perf_counter() - _STARTED
    ctx = AppContext(workspace, get_user(workspace, "tiepnhan"))  # signed in: the password is typed
    window = MainWindow(ctx, sync_provider=sync_provider(workspace))
    intake = window.show_page(PageId.INTAKE)
    window.show()
    QTest.qWaitForWindowExposed(window)

    def settle() -> None:
        while ctx.ops.pending:
            qapp.processEvents()
            ctx.ops.wait(5)
        qapp.processEvents()
        window.repaint()

    # Usable: the intake form painted with the focus in it. Today's lists keep loading on the
    # database worker behind it; when they are in is reported too.
    assert intake is not None
    intake.name_edit.setFocus()
    qapp.processEvents()
    window.repaint()
    marks["intake_ready"] = time.perf_counter() - _STARTED
    print("ready", flush=True)
    settle()
    marks["lists_loaded"] = time.perf_counter() - _STARTED

    def timed(action, *, wait_worker: bool) -> float:  # type: ignore[no-untyped-def]
        """From the click to the new screen painted; the worker is idle before it starts.

        A screen shows its last data at once and refreshes from the worker behind it, so a switch
        is done when painted; a dossier is done when its own data is on screen.
        """
        settle()
        started = time.perf_counter()
        action()
        if wait_worker:
            settle()
        else:
            qapp.processEvents()
            window.repaint()
        return time.perf_counter() - started

    switches: dict[str, list[float]] = {"again": []}
    first_visits: dict[str, float] = {}
    pages = [PageId.TODAY, PageId.DOSSIERS, PageId.RETURN, PageId.REPORTS, PageId.CATALOG,
             PageId.INTAKE]  # fmt: skip
    for _round in range(4):
        for page in pages:
            first = page not in window.pages
            seconds = timed(lambda p=page: window.show_page(p), wait_worker=False)
            if first:
                first_visits[page.value] = seconds
            else:
                switches["again"].append(seconds)
    switches["first"] = list(first_visits.values())
    dossier_page = window.page(PageId.DOSSIER)
    opens = []
    for code in codes:

        def open_one(code: str = code) -> None:
            window.open_dossier(code)
            while getattr(dossier_page, "code", code) != code:
                qapp.processEvents()
                ctx.ops.wait(5)

        opens.append(timed(open_one, wait_worker=True))
    # The floor: switching between two plain pages of a stacked widget in this same window.
    stack = QStackedWidget()
    stack.resize(1366, 768)
    plain = [QLabel("1"), QLabel("2")]
    for label in plain:
        stack.addWidget(label)
    stack.show()
    QTest.qWaitForWindowExposed(stack)
    floor = []
    for i in range(20):
        started = time.perf_counter()
        stack.setCurrentIndex(i % 2)
        qapp.processEvents()
        stack.repaint()
        floor.append(time.perf_counter() - started)
    result = {
        "rss_bytes": _rss_bytes(), "peak_bytes": _peak_bytes(), "switch": switches,
        "first_visits": first_visits,
        "open": opens, "floor_switch": floor, "marks": marks,
        "unavailable": [p.value for p, w in window.pages.items() if type(w).__name__ == "UnavailablePage"],
    }  # fmt: skip
    print(json.dumps(result), flush=True)
    window.close()
    ctx.ops.wait()
    workspace.close()
    del translators


if __name__ == "__main__":
    if sys.argv[1] == "empty":
        empty()
    else:
        app(sys.argv[2], sys.argv[3:])
