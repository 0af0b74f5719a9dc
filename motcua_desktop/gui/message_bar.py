"""A bar at the top of a page: what happened, in words with a symbol, and the buttons to go on."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

_LOOKS = {  # symbol, text colour, background
    "info": ("ℹ", "#1f3f66", "#e6eef8"),
    "success": ("✔", "#174f22", "#e5f3e8"),
    "warning": ("⚠", "#6b4100", "#fdf1dc"),
    "error": ("✖", "#7a1414", "#fbe4e4"),
}


class MessageBar(QFrame):
    """Hidden until a message is shown; at most a few action buttons, each with a mnemonic."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message_bar")
        self.level = ""
        self.symbol = QLabel(self)
        self.label = QLabel(self)
        self.label.setObjectName("message_text")
        self.label.setWordWrap(True)
        self.buttons: list[QPushButton] = []
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(8, 4, 8, 4)
        self._layout.addWidget(self.symbol)
        self._layout.addWidget(self.label, 1)
        self.hide()

    def text(self) -> str:
        return self.label.text()

    def show_message(
        self,
        text: str,
        *,
        level: str = "info",
        actions: Sequence[tuple[str, Callable[[], object]]] = (),
    ) -> None:
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        symbol, colour, background = _LOOKS[level]
        self.level = level
        self.setStyleSheet(
            f"#message_bar {{ background: {background}; border: 1px solid {colour};"
            f" border-radius: 4px; }} QLabel {{ color: {colour}; }}"
        )
        self.symbol.setText(symbol)
        self.label.setText(text)
        for caption, callback in actions:
            button = QPushButton(caption, self)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, cb=callback: cb())
            self._layout.addWidget(button)
            self.buttons.append(button)
        self.show()

    def hide_message(self) -> None:
        self.show_message("", level="info")
        self.hide()
