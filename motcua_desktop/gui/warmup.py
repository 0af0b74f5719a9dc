"""Idle work after the first paint, one short step per turn of the event loop: the modules of the
screens not built yet (so a screen's first visit only builds its widgets), the holiday calendar."""

from __future__ import annotations

import gc
import importlib
import logging
from collections import deque
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

Step = Callable[[], object]


def importing(module: str, package: str | None = None) -> Step:
    """A step that imports ``module`` (a screen says itself why it cannot start, when visited)."""
    return lambda: importlib.import_module(module, package)


def resume_collector() -> None:
    """Turn the garbage collector back on if the launcher paused it for the start-up.

    What the start-up built lives as long as the app, so it is moved out of the collector's way
    first (``gc.freeze``): later collections only walk what the clerk's work creates.
    """
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


class Warmup(QObject):
    """Runs ``steps`` one per turn of the event loop, so input is handled between two of them;
    ``finished`` after the last. A step that fails is logged and skipped."""

    finished = Signal()

    def __init__(self, steps: Iterable[Step], *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps = deque(steps)
        self.done = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._next)

    def start(self) -> None:
        if not self.done:
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _next(self) -> None:
        if not self._steps:
            self.done = True
            self.finished.emit()
            return
        step = self._steps.popleft()
        try:
            step()
        except Exception:  # noqa: BLE001 - warming up is an optimisation, never a reason to fail
            log.debug("start-up warm-up step failed", exc_info=True)  # the screen says so
        self._timer.start()
