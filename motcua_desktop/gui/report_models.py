"""Table models of the Reports screen: the report's rows with their total, and the late list."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from ..services.report_columns import COLUMNS, percent

Index = QModelIndex | QPersistentModelIndex

# English headers (context "ReportTableModel"), one per column of report_columns.COLUMNS
REPORT_HEADERS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("ReportTableModel", "Received"),
    QT_TRANSLATE_NOOP("ReportTableModel", "Carried over"),
    QT_TRANSLATE_NOOP("ReportTableModel", "New online"),
    QT_TRANSLATE_NOOP("ReportTableModel", "New at the counter"),
    QT_TRANSLATE_NOOP("ReportTableModel", "New by post"),
    QT_TRANSLATE_NOOP("ReportTableModel", "Resolved"),
    QT_TRANSLATE_NOOP("ReportTableModel", "Early"),
    QT_TRANSLATE_NOOP("ReportTableModel", "On time"),
    QT_TRANSLATE_NOOP("ReportTableModel", "Late"),
    QT_TRANSLATE_NOOP("ReportTableModel", "Pending"),
    QT_TRANSLATE_NOOP("ReportTableModel", "Within time"),
    QT_TRANSLATE_NOOP("ReportTableModel", "Overdue"),
    QT_TRANSLATE_NOOP("ReportTableModel", "Waiting for supplements"),
    QT_TRANSLATE_NOOP("ReportTableModel", "Withdrawn"),
    QT_TRANSLATE_NOOP("ReportTableModel", "Stopped"),
    QT_TRANSLATE_NOOP("ReportTableModel", "On-time rate (%)"),
    QT_TRANSLATE_NOOP("ReportTableModel", "Late rate (%)"),
)
GROUP_HEADERS = {
    "field": QT_TRANSLATE_NOOP("ReportTableModel", "Field"),
    "procedure": QT_TRANSLATE_NOOP("ReportTableModel", "Procedure"),
    "unit": QT_TRANSLATE_NOOP("ReportTableModel", "Unit in charge"),
}
TOTAL = QT_TRANSLATE_NOOP("ReportTableModel", "Total")
LATE_HEADERS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("LateListModel", "Dossier code"),
    QT_TRANSLATE_NOOP("LateListModel", "Procedure"),
    QT_TRANSLATE_NOOP("LateListModel", "Applicant"),
    QT_TRANSLATE_NOOP("LateListModel", "Appointment"),
    QT_TRANSLATE_NOOP("LateListModel", "Resolved"),
    QT_TRANSLATE_NOOP("LateListModel", "Days over"),
    QT_TRANSLATE_NOOP("LateListModel", "Step that overran"),
    QT_TRANSLATE_NOOP("LateListModel", "Apology"),
)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class ReportTableModel(QAbstractTableModel):
    """One row per field, procedure or unit, then the total (bold); counts and rates by column."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []
        self._by = "field"

    def set_report(self, data: dict[str, Any] | None) -> None:
        self.beginResetModel()
        if data is None:
            self._rows = []
        else:
            self._by = str(data["by"])
            total = {**data["total"], "label": None}
            self._rows = [*data["rows"], total]
        self.endResetModel()

    def row_data(self, row: int) -> dict[str, Any]:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS) + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                label = row["label"]
                return (
                    QCoreApplication.translate("ReportTableModel", TOTAL)
                    if label is None
                    else label
                )
            spec = COLUMNS[column - 1]
            value = row.get(spec.key)
            return percent(value) if spec.rate else str(value if value is not None else 0)
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return _RIGHT
        if role == Qt.ItemDataRole.FontRole and row["label"] is None:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < len(COLUMNS) + 1:
            return None
        if section == 0:
            return QCoreApplication.translate("ReportTableModel", GROUP_HEADERS[self._by])
        return QCoreApplication.translate("ReportTableModel", REPORT_HEADERS[section - 1])


class LateListModel(QAbstractTableModel):
    """The late and overdue dossiers: the step that overran, its unit, and the apology."""

    def __init__(self, tz: tzinfo, parent: Any = None) -> None:
        super().__init__(parent)
        self._tz = tz
        self._rows: list[dict[str, Any]] = []

    def set_entries(self, entries: Sequence[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> dict[str, Any]:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(LATE_HEADERS)

    def _day(self, value: str | None) -> str:
        return f"{datetime.fromisoformat(value).astimezone(self._tz):%d/%m/%Y}" if value else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 5:
            return _RIGHT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 6:
            return self.tr("Step {step}: {unit}").format(
                step=entry["step"], unit=entry["responsible_unit"] or "—"
            )
        if column == 7:
            if not entry["apology_issued"]:
                return self.tr("Not issued")
            return self.tr("Issued {date}").format(date=self._day(entry["apology_at"]))
        key = ("code", "procedure_name", "applicant", "appointment", "resolved_at", "days_over")[
            column
        ]
        if key in ("appointment", "resolved_at"):
            return self._day(entry.get(key))
        return str(entry.get(key, ""))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < len(LATE_HEADERS):
            return None
        return QCoreApplication.translate("LateListModel", LATE_HEADERS[section])
