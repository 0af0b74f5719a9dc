"""What a screen that could not be loaded shows instead, so the rest of the app keeps working."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStyle, QVBoxLayout, QWidget


class UnavailablePage(QWidget):
    """A clear sentence in place of a screen whose module is missing or failed to start."""

    def __init__(self, title: str, reason: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        icon = QLabel(self)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel(
            self.tr("The screen «{title}» is not available in this version.").format(title=title),
            self,
        )
        self.message.setObjectName("unavailable_message")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("font-size: 13pt;")
        self.message.setWordWrap(True)
        self.detail = QLabel(
            reason or self.tr("Every act remains available from the «motcua» command line."),
            self,
        )
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("color: #555555;")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(icon)
        layout.addWidget(self.message)
        layout.addWidget(self.detail)
        layout.addStretch(2)
