"""Item models of the intake form: the procedure picker's hits and the component checklist."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from ..domain.catalog import Procedure, Submission
from ..domain.text import fold

_Index = QModelIndex | QPersistentModelIndex
MAX_COUNT = 99


class ProcedureListModel(QAbstractListModel):
    """The catalog filtered by every typed word, in code or name, with or without diacritics."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[tuple[str, Procedure]] = []
        self._rows: list[Procedure] = []

    def set_procedures(self, procedures: Sequence[Procedure]) -> None:
        self.beginResetModel()
        self._all = [(fold(f"{p.code} {p.name} {p.field}"), p) for p in procedures]
        self._rows = [p for _key, p in self._all]
        self.endResetModel()

    def filter(self, text: str) -> None:
        """Keep procedures where every typed word starts a word of the code, name or field;
        those holding the typed words side by side come first."""
        phrase = fold(text)
        words = phrase.split()
        hits = []
        for key, procedure in self._all:
            key_words = key.split()
            if all(any(k.startswith(w) for k in key_words) for w in words):
                hits.append((phrase not in key, procedure))
        self.beginResetModel()
        self._rows = [p for _rank, p in sorted(hits, key=lambda hit: hit[0])]
        self.endResetModel()

    def procedure(self, row: int) -> Procedure:
        return self._rows[row]

    def find(self, code: str) -> Procedure | None:
        return next((p for _key, p in self._all if p.code == code), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        procedure = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{procedure.code} · {procedure.name}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{procedure.name}\n{procedure.field}"
        return None


@dataclass(frozen=True)
class ComponentRow:
    """One line of the checklist as the clerk leaves it."""

    name: str
    originals: int
    copies: int
    received: bool
    digitised: bool = False
    shown_only: bool = False  # "xuất trình": looked at, not kept

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "originals": self.originals, "copies": self.copies,
            "received": self.received, "digitised": self.digitised, "shown_only": self.shown_only,
        }  # fmt: skip

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ComponentRow:
        return cls(
            str(data.get("name", "")), int(data.get("originals", 0)), int(data.get("copies", 0)),
            bool(data.get("received")), bool(data.get("digitised")), bool(data.get("shown_only")),
        )  # fmt: skip


COLUMNS = (
    QT_TRANSLATE_NOOP("ComponentModel", "Received"),
    QT_TRANSLATE_NOOP("ComponentModel", "Document"),
    QT_TRANSLATE_NOOP("ComponentModel", "Originals"),
    QT_TRANSLATE_NOOP("ComponentModel", "Copies"),
    QT_TRANSLATE_NOOP("ComponentModel", "Digitised"),
)
RECEIVED, NAME, ORIGINALS, COPIES, DIGITISED = range(5)


def rows_for(procedure: Procedure) -> list[ComponentRow]:
    """The catalog's components: documents to hand in ticked, documents only shown unticked."""
    return [
        ComponentRow(
            c.name,
            c.originals,
            c.copies,
            received=c.submission is Submission.SUBMIT,
            shown_only=c.submission is Submission.SHOW,
        )  # fmt: skip
        for c in procedure.components
    ]


class ComponentModel(QAbstractTableModel):
    """The checklist: tick what was received and digitised, correct the number of copies."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ComponentRow] = []

    @property
    def rows(self) -> list[ComponentRow]:
        return list(self._rows)

    def set_rows(self, rows: Sequence[ComponentRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMNS)
        ):
            return QCoreApplication.translate("ComponentModel", COLUMNS[section])
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (RECEIVED, DIGITISED):
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() in (ORIGINALS, COPIES):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column in (RECEIVED, DIGITISED):
            on = row.received if column == RECEIVED else row.digitised
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == NAME:
                if row.shown_only and role == Qt.ItemDataRole.DisplayRole:
                    return QCoreApplication.translate("ComponentModel", "(shown) {name}").format(
                        name=row.name
                    )
                return row.name
            if column == ORIGINALS:
                return row.originals
            if column == COPIES:
                return row.copies
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME:
            return row.name
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column in (RECEIVED, DIGITISED):
            on = (
                Qt.CheckState(value) == Qt.CheckState.Checked
                if not isinstance(value, bool)
                else value
            )
            new = replace(row, received=on) if column == RECEIVED else replace(row, digitised=on)
        elif role == Qt.ItemDataRole.EditRole and column in (ORIGINALS, COPIES):
            try:
                count = int(value)
            except (TypeError, ValueError):
                return False
            if not 0 <= count <= MAX_COUNT:
                return False
            new = (
                replace(row, originals=count) if column == ORIGINALS else replace(row, copies=count)
            )
        else:
            return False
        self._rows[index.row()] = new
        self.dataChanged.emit(index, index, [role])
        return True
