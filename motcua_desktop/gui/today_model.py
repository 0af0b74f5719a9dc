"""The rows of one "today" list as a Qt table: code, applicant, procedure, appointment, what's due."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QIcon

from ..domain.dossier import STATUS_LABELS_VI
from ..services.lookup import DossierSummary

_Index = QModelIndex | QPersistentModelIndex
CODE_ROLE = Qt.ItemDataRole.UserRole + 1
HEADERS = (
    QT_TRANSLATE_NOOP("TodayTableModel", "Dossier code"),
    QT_TRANSLATE_NOOP("TodayTableModel", "Applicant"),
    QT_TRANSLATE_NOOP("TodayTableModel", "Procedure"),
    QT_TRANSLATE_NOOP("TodayTableModel", "Appointment"),
    QT_TRANSLATE_NOOP("TodayTableModel", "Where it stands"),
)


def _when(moment: datetime | None) -> str:
    return f"{moment:%H:%M %d/%m/%Y}" if moment is not None else ""


def due_text(row: DossierSummary, now: datetime) -> str:
    """Late by / due in, in words; the status for dossiers without a running deadline."""
    status = STATUS_LABELS_VI[row.status]
    if row.appointment is None or row.status.value != "processing":
        return status
    delta = row.appointment - now
    late = delta.total_seconds() < 0
    hours = int(abs(delta.total_seconds()) // 3600)
    if hours >= 24:
        amount = QCoreApplication.translate("TodayTableModel", "{n} days").format(n=hours // 24)
    elif hours >= 1:
        amount = QCoreApplication.translate("TodayTableModel", "{n} hours").format(n=hours)
    else:
        amount = QCoreApplication.translate("TodayTableModel", "under an hour")
    if late:
        text = QCoreApplication.translate("TodayTableModel", "Late by {amount}").format(
            amount=amount
        )
    else:
        text = QCoreApplication.translate("TodayTableModel", "Due in {amount}").format(
            amount=amount
        )
    if row.rescheduled_to is not None:
        text += QCoreApplication.translate("TodayTableModel", " · rescheduled to {when}").format(
            when=_when(row.rescheduled_to)
        )
    return text


class TodayTableModel(QAbstractTableModel):
    """Read-only; each row carries its bucket's icon and colour, and the code under CODE_ROLE."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DossierSummary] = []
        self._now: datetime | None = None
        self._icon = QIcon()
        self._colour = QColor()

    def set_rows(
        self, rows: Sequence[DossierSummary], now: datetime, icon: QIcon, colour: QColor
    ) -> None:
        self.beginResetModel()
        self._rows, self._now, self._icon, self._colour = list(rows), now, icon, colour
        self.endResetModel()

    def code_at(self, row: int) -> str:
        return self._rows[row].code

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(HEADERS)
        ):
            return QCoreApplication.translate("TodayTableModel", HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.code
            if column == 1:
                return row.applicant_name
            if column == 2:
                return row.procedure_name
            if column == 3:
                return _when(row.appointment)
            if column == 4:
                assert self._now is not None
                return due_text(row, self._now)
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return self._icon
        if role == Qt.ItemDataRole.ForegroundRole and column == 4:
            return self._colour
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return row.procedure_name
        if role == CODE_ROLE:
            return row.code
        return None
