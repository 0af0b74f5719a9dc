"""A USB barcode scanner types a dossier code and Enter in a burst: catch it wherever focus is."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from ..domain.codes import looks_like_code

# Scanners send a character every 1–20 ms; the fastest typists need 60 ms or more between keys.
MAX_GAP_S = 0.035
MIN_LENGTH = 10  # the shortest dossier code: "A-250101-0001" is 13; allow short unit codes
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_MODIFIERS = (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta)


class ScanFilter(QObject):
    """Application-wide key filter: a fast burst ending in Enter that forms a code is a scan.

    Keys are never held back, so ordinary typing is untouched. When a scan is recognised, its
    Enter is consumed, the characters the scanner typed into a line edit are taken out again, and
    ``code_scanned`` is emitted.
    """

    code_scanned = Signal(str)

    def __init__(
        self,
        *,
        clock: Callable[[], float] = time.monotonic,
        max_gap_s: float = MAX_GAP_S,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._max_gap = max_gap_s
        self._buffer: list[str] = []
        self._last_key_at: float | None = None

    def install(self, app: QApplication) -> None:
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.KeyPress or not self._first_receiver(watched):
            return False
        assert isinstance(event, QKeyEvent)
        key = event.key()
        if key in _MODIFIERS:
            return False  # scanners press Shift for capitals
        now = self._clock()
        fast = self._last_key_at is not None and now - self._last_key_at <= self._max_gap
        self._last_key_at = now
        if key in _ENTER:
            typed = "".join(self._buffer)
            self._buffer.clear()
            if fast and len(typed) >= MIN_LENGTH and looks_like_code(typed):
                self._take_back(watched, typed)
                self.code_scanned.emit(typed.strip().upper())
                return True
            return False
        text = event.text()
        plain = (
            event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier == Qt.KeyboardModifier.NoModifier
        )
        if len(text) == 1 and text.isprintable() and plain:
            if not fast:
                self._buffer.clear()
            self._buffer.append(text)
        else:
            self._buffer.clear()
        return False

    @staticmethod
    def _first_receiver(watched: QObject) -> bool:
        # A key event visits the window, the focus widget and maybe its parents; count it once.
        if not isinstance(watched, QWidget):
            return False
        focus = QApplication.focusWidget()
        return watched is focus if focus is not None else watched.isWindow()

    @staticmethod
    def _take_back(watched: QObject, typed: str) -> None:
        """Remove the scanned characters from the line edit they were typed into."""
        if not isinstance(watched, QLineEdit):
            return
        text, cursor = watched.text(), watched.cursorPosition()
        start = cursor - len(typed)
        if start >= 0 and text[start:cursor] == typed:
            watched.setText(text[:start] + text[cursor:])
            watched.setCursorPosition(start)
