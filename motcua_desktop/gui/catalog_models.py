"""Table models of the catalog screen: procedures and the year's calendar overrides (plain rows)."""

from __future__ import annotations

from collections.abc import Sequence
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

from ..domain.calendar import CalendarOverride, OverrideKind
from ..domain.catalog import Procedure

_Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """A read-only table over a list of rows; subclasses name the columns and cells."""

    context = ""
    headers: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.headers)
        ):
            return QCoreApplication.translate(self.context, self.headers[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell(self._rows[index.row()], index.column())
        return None

    def cell(self, row: Any, column: int) -> str:
        raise NotImplementedError


class ProcedureTableModel(RowsModel):
    context = "ProcedureTableModel"
    headers = (
        QT_TRANSLATE_NOOP("ProcedureTableModel", "Code"),
        QT_TRANSLATE_NOOP("ProcedureTableModel", "Procedure"),
        QT_TRANSLATE_NOOP("ProcedureTableModel", "Field"),
        QT_TRANSLATE_NOOP("ProcedureTableModel", "Processing time"),
        QT_TRANSLATE_NOOP("ProcedureTableModel", "Fee"),
        QT_TRANSLATE_NOOP("ProcedureTableModel", "Unit in charge"),
    )

    def cell(self, row: Procedure, column: int) -> str:
        if column == 0:
            return row.code
        if column == 1:
            return row.name
        if column == 2:
            return row.field
        if column == 3:
            if row.processing_time is None:
                return QCoreApplication.translate("ProcedureTableModel", "not set")
            return row.processing_time.label_vi()
        if column == 4:
            return row.fee
        return row.responsible_unit


OVERRIDE_KINDS = {
    OverrideKind.DAY_OFF: QT_TRANSLATE_NOOP("OverrideTableModel", "Day off"),
    OverrideKind.WORKING_DAY: QT_TRANSLATE_NOOP("OverrideTableModel", "Working day"),
}
_WEEKDAYS = (
    QT_TRANSLATE_NOOP("OverrideTableModel", "Monday"),
    QT_TRANSLATE_NOOP("OverrideTableModel", "Tuesday"),
    QT_TRANSLATE_NOOP("OverrideTableModel", "Wednesday"),
    QT_TRANSLATE_NOOP("OverrideTableModel", "Thursday"),
    QT_TRANSLATE_NOOP("OverrideTableModel", "Friday"),
    QT_TRANSLATE_NOOP("OverrideTableModel", "Saturday"),
    QT_TRANSLATE_NOOP("OverrideTableModel", "Sunday"),
)


def override_kind_label(kind: OverrideKind) -> str:
    return QCoreApplication.translate("OverrideTableModel", OVERRIDE_KINDS[kind])


class OverrideTableModel(RowsModel):
    context = "OverrideTableModel"
    headers = (
        QT_TRANSLATE_NOOP("OverrideTableModel", "Day"),
        QT_TRANSLATE_NOOP("OverrideTableModel", "Weekday"),
        QT_TRANSLATE_NOOP("OverrideTableModel", "Change"),
        QT_TRANSLATE_NOOP("OverrideTableModel", "Note"),
    )

    def cell(self, row: CalendarOverride, column: int) -> str:
        if column == 0:
            return f"{row.day:%d/%m/%Y}"
        if column == 1:
            return QCoreApplication.translate("OverrideTableModel", _WEEKDAYS[row.day.weekday()])
        if column == 2:
            return override_kind_label(row.kind)
        return row.note
