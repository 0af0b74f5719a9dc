"""GUI probe, run in a fresh interpreter: an empty Qt window, or the counter app up to its intake form.

``python -m bench.gui_probe empty`` shows a bare 1366×768 QMainWindow; ``python -m bench.gui_probe
app DATA_DIR CODE...`` opens the data folder as the app does and builds the main window as a
clerk's, which lands on the intake form. Each prints ``ready`` the moment its window is usable (the
parent times spawn → ready), then one JSON line: its memory and, for ``app``, how long switching
screens and opening dossiers took once the start-up work behind the form is over, and the start's
milestones.
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
    import gc

    gc.disable()  # as main.py does before it loads the app (turned back on after the warm-up)
    import re
    from pathlib import Path

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLabel, QStackedWidget

    marks = {"qt_imported": time.perf_counter() - _STARTED}
    from motcua_desktop.gui.app import open_session
    from motcua_desktop.gui.navigation import PageId
    from motcua_desktop.gui.sign_in import SignInDialog
    from motcua_desktop.gui.translations import install_translators
    from motcua_desktop.services.users import get_user

    marks["app_imported"] = time.perf_counter() - _STARTED
    qapp = QApplication(sys.argv[:1])
    translators = install_translators(qapp)
    # The app's own opening (open_for_app: the workspace opens, its whole-file check waits).
    # No backups: the daily one would copy the 2 GB file into the cached folder.
    session = open_session(Path(data_dir), backups=False)
    assert session is not None
    workspace = session.workspace
    marks["workspace_open"] = time.perf_counter() - _STARTED
    # The sign-in screen as gui.app shows it; the clerk picks a user and types the password there,
    # which is left out (argon2 is timed apart). The app starts the whole-file check behind this
    # screen, and it reads the file for the seconds that typing takes: with no typing, it would
    # compete with building the window as it never does, so it starts after the first paint.
    dialog = SignInDialog(workspace)
    dialog.show()
    QTest.qWaitForWindowExposed(dialog)
    marks["sign_in_shown"] = time.perf_counter() - _STARTED
    dialog.user = get_user(workspace, "tiepnhan")
    dialog.accept()
    ctx = session.sign_in(dialog.user)
    window = session.build_window()  # a clerk's window lands on the intake form
    assert window.current_page is PageId.INTAKE
    intake = window.pages[PageId.INTAKE]
    intake.name_edit.setFocus()
    session.show_window()
    QTest.qWaitForWindowExposed(window)

    def settle() -> None:
        while ctx.ops.pending or not session.is_settled:
            qapp.processEvents()
            ctx.ops.wait(5)
        qapp.processEvents()
        window.repaint()

    # Usable: the intake form painted with the focus in it. What the app left for after the first
    # paint (the whole-file check, the background services, the warm-up of the other screens)
    # keeps going behind it; when it is over is reported too.
    window.repaint()
    marks["intake_ready"] = time.perf_counter() - _STARTED
    print("ready", flush=True)
    # Proof, on the form exactly as it was when "ready" was printed (no event processed since):
    # the catalog is in, the picker finds a procedure by its code and picks it with Enter (the
    # appointment shows), and the name field takes typing. Then the form is cleared: no draft.
    assert window.focusWidget() is intake.name_edit
    assert intake.procedures.rowCount() > 0, "the catalog is not loaded"
    code = intake.procedures.procedure(intake.procedures.rowCount() - 1).code
    started = time.perf_counter()
    QTest.keyClicks(intake.procedure_search, code)
    QTest.keyClick(intake.procedure_search, Qt.Key.Key_Return)
    first_pick = time.perf_counter() - started
    assert intake.procedure is not None and intake.procedure.code == code, "the picker failed"
    assert re.search(r"\d{2}/\d{2}/\d{4}", intake.appointment_label.text()), "no appointment"
    QTest.keyClicks(intake.name_edit, "Tran Thi Thu")
    assert intake.name_edit.text() == "Tran Thi Thu", "the name field refused typing"
    intake.clear()
    intake.flow.draft_timer.stop()
    intake.flow.save_draft()  # an empty form: no draft left in the folder
    settle()
    marks["settled"] = time.perf_counter() - _STARTED
    assert session.whole, "the start-up checks refused the database"

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
    # Signing in: the clerk types the password, then argon2 checks it (the probe does the check).
    from motcua_desktop.services.demo import DEMO_PASSWORD
    from motcua_desktop.services.users import authenticate

    started = time.perf_counter()
    authenticate(workspace, "tiepnhan", DEMO_PASSWORD)
    sign_in = time.perf_counter() - started
    result = {
        "rss_bytes": _rss_bytes(), "peak_bytes": _peak_bytes(), "switch": switches,
        "first_visits": first_visits,
        "open": opens, "floor_switch": floor, "marks": marks, "first_pick_s": first_pick,
        "sign_in_s": sign_in,
        "unavailable": [p.value for p, w in window.pages.items() if type(w).__name__ == "UnavailablePage"],
    }  # fmt: skip
    print(json.dumps(result), flush=True)
    window.close()
    session.stop()
    workspace.close()
    del translators


if __name__ == "__main__":
    if sys.argv[1] == "empty":
        empty()
    else:
        app(sys.argv[2], sys.argv[3:])
