"""The status bar's promise: network state, events waiting to sync and the last sync, always shown."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QWidget

from .messages import error_text
from .ops import Operations


class SyncStatus(Protocol):
    """What the sync client reports; ``online`` is None when no hub is configured."""

    @property
    def online(self) -> bool | None: ...
    @property
    def waiting(self) -> int: ...
    @property
    def last_success(self) -> datetime | None: ...
    @property
    def last_error(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class SyncSnapshot:
    """A plain SyncStatus, e.g. for a provider that only counts the outbox."""

    online: bool | None
    waiting: int
    last_success: datetime | None = None
    last_error: str | None = None


SyncStatusProvider = Callable[[], SyncStatus]


class SyncMonitor(QObject):
    """Polls a provider every ``interval_ms`` (on the database worker when ``ops`` is given)."""

    status_changed = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        provider: SyncStatusProvider,
        *,
        interval_ms: int = 5000,
        ops: Operations | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._provider = provider
        self._ops = ops
        self._polling = False
        self.last: SyncStatus | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)

    def start(self) -> None:
        self.poll()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def poll(self) -> None:
        """Ask the provider now; a poll still running is not doubled."""
        if self._polling:
            return
        self._polling = True
        if self._ops is None:
            try:
                status = self._provider()
            except Exception as error:  # noqa: BLE001 - a failing probe must not stop the app
                self._on_failed(error)
            else:
                self._on_status(status)
            return
        self._ops.run(self._provider, self._on_status, self._on_failed)

    def _on_status(self, status: SyncStatus) -> None:
        self._polling = False
        self.last = status
        self.status_changed.emit(status)

    def _on_failed(self, error: Exception) -> None:
        self._polling = False
        self.failed.emit(error_text(error))


class SyncStatusBar(QWidget):
    """Three always-visible labels; state is said in words and an icon, never colour alone."""

    def __init__(self, tz: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tz = tz
        self.network_icon = QLabel(self)
        self.network_label = QLabel(self)
        self.network_label.setObjectName("sync_network")
        self.waiting_label = QLabel(self)
        self.waiting_label.setObjectName("sync_waiting")
        self.last_sync_label = QLabel(self)
        self.last_sync_label.setObjectName("sync_last")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(6)
        layout.addWidget(self.network_icon)
        layout.addWidget(self.network_label)
        layout.addWidget(_separator(self))
        layout.addWidget(self.waiting_label)
        layout.addWidget(_separator(self))
        layout.addWidget(self.last_sync_label)
        self.show_status(None)

    def show_status(self, status: SyncStatus | None) -> None:
        style = self.style()
        if status is None:
            icon, text, colour = (
                QStyle.StandardPixmap.SP_BrowserReload,
                self.tr("Checking connection…"),
                "#555555",
            )
        elif status.online is None:
            icon, text, colour = (
                QStyle.StandardPixmap.SP_MessageBoxInformation,
                self.tr("Offline mode (no hub configured)"),
                "#555555",
            )
        elif status.online:
            icon, text, colour = (
                QStyle.StandardPixmap.SP_DialogApplyButton,
                self.tr("Online"),
                "#1b6e2a",
            )
        else:
            icon, text, colour = (
                QStyle.StandardPixmap.SP_MessageBoxWarning,
                self.tr("Offline: the counter keeps working, events wait to be sent"),
                "#a65b00",
            )
        self.network_icon.setPixmap(style.standardIcon(icon).pixmap(16, 16))
        self.network_label.setText(text)
        self.network_label.setStyleSheet(f"color: {colour};")
        tooltip = status.last_error if status is not None and status.last_error else ""
        self.network_label.setToolTip(tooltip)
        waiting = status.waiting if status is not None else 0
        self.waiting_label.setText(
            self.tr("Nothing waiting to sync")
            if waiting == 0
            else self.tr("{count} events waiting to sync").format(
                count=f"{waiting:,}".replace(",", ".")
            )
        )
        last = status.last_success if status is not None else None
        self.last_sync_label.setText(
            self.tr("Never synced")
            if last is None
            else self.tr("Last sync: {time}").format(
                time=f"{last.astimezone(self._tz):%H:%M %d/%m/%Y}"
            )
        )

    def show_problem(self, text: str) -> None:
        self.network_label.setToolTip(text)


def _separator(parent: QWidget) -> QLabel:
    label = QLabel("·", parent)
    label.setStyleSheet("color: #999999;")
    return label
