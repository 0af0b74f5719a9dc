"""All dossiers as a table model: filtered and sorted in SQL, fetched a page at a time on the worker."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView

from ..services.dossier_list import (
    PAGE_SIZE,
    DossierList,
    DossierRow,
    ListFilters,
    ListOrder,
    SortKey,
    channel_label,
)
from ..services.users import list_users
from .context import AppContext
from .records_common import (
    day_text,
    error_text,
    status_icon,
    status_text,
    time_text,
    while_alive,
)

COLUMNS: tuple[tuple[SortKey, str], ...] = (
    (SortKey.CODE, QT_TRANSLATE_NOOP("DossierTableModel", "Code")),
    (SortKey.STATUS, QT_TRANSLATE_NOOP("DossierTableModel", "Status")),
    (SortKey.APPLICANT, QT_TRANSLATE_NOOP("DossierTableModel", "Applicant")),
    (SortKey.PROCEDURE, QT_TRANSLATE_NOOP("DossierTableModel", "Procedure")),
    (SortKey.FIELD, QT_TRANSLATE_NOOP("DossierTableModel", "Field")),
    (SortKey.CHANNEL, QT_TRANSLATE_NOOP("DossierTableModel", "Channel")),
    (SortKey.RECEIVED, QT_TRANSLATE_NOOP("DossierTableModel", "Received")),
    (SortKey.APPOINTMENT, QT_TRANSLATE_NOOP("DossierTableModel", "Appointment")),
    (SortKey.HOLDER, QT_TRANSLATE_NOOP("DossierTableModel", "Held by")),
)
CODE_ROLE = Qt.ItemDataRole.UserRole + 1
_LATE = QBrush(QColor("#a61b1b"))
# What each column must show whole; the procedure column takes what is left.
COLUMN_SAMPLES = {
    SortKey.CODE: "000.12.34.H40-260305-0001", SortKey.STATUS: "Có kết quả, chờ trả",
    SortKey.APPLICANT: "Nguyễn Thị Thanh Hương", SortKey.FIELD: "Chứng thực",
    SortKey.CHANNEL: "Trực tuyến", SortKey.RECEIVED: "05/03/2026",
    SortKey.APPOINTMENT: "17:00 26/03/2026", SortKey.HOLDER: "Nguyễn Thị Hoa",
}  # fmt: skip


def fit_columns(view: QTableView, samples: dict[SortKey, str], *, stretch: SortKey) -> None:
    """Starting widths that show each sample whole (the user may drag them); one column stretches."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    metrics = view.fontMetrics()
    keys = [key for key, _ in COLUMNS]
    icon = view.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + 8
    for key, sample in samples.items():
        extra = icon if key is SortKey.STATUS else 0
        header.resizeSection(keys.index(key), metrics.horizontalAdvance(sample) + 16 + extra)
    header.setSectionResizeMode(keys.index(stretch), QHeaderView.ResizeMode.Stretch)


class DossierTableModel(QAbstractTableModel):
    """Rows are plain ``DossierRow`` values; more are fetched as the view scrolls (``fetchMore``).

    Every query runs on the worker through ``ctx.query``; an answer to an outdated request
    (filters or sort changed meanwhile) is dropped.

    Signals:
        reloading(): a new filter/sort was asked for; rows are on their way.
        loaded(): the first page of a new filter/sort has arrived.
        count_changed(int): how many dossiers match the filters (counted after the rows).
        failed(str): a query failed; the Vietnamese reason.
    """

    reloading = Signal()
    loaded = Signal()
    count_changed = Signal(int)
    failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: Any = None, *, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._listing = DossierList(ctx.workspace)
        self._page_size = page_size
        self._rows: list[DossierRow] = []
        self._total: int | None = None
        self._more = False
        self._filters = ListFilters()
        self._order = ListOrder()
        self._generation = 0
        self._fetching = False
        self.names: dict[str, str] = {}
        self._names_asked = False

    # ---- public ------------------------------------------------------------------------------

    @property
    def filters(self) -> ListFilters:
        return self._filters

    @property
    def order(self) -> ListOrder:
        return self._order

    @property
    def total(self) -> int | None:
        """Dossiers matching the filters (rows not yet fetched included); None while counting."""
        return self._total

    @property
    def loading(self) -> bool:
        return self._fetching

    def row_at(self, row: int) -> DossierRow:
        return self._rows[row]

    def set_names(self, names: dict[str, str]) -> None:
        """Full names to show for usernames (the holder column)."""
        self.names = dict(names)
        if self._rows:
            column = [key for key, _ in COLUMNS].index(SortKey.HOLDER)
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def set_filters(self, filters: ListFilters) -> None:
        self._filters = filters
        self.reload()

    def set_query(self, filters: ListFilters, order: ListOrder) -> None:
        """New filters and sort at once (one reload)."""
        self._filters, self._order = filters, order
        self.reload()

    def reload(self) -> None:
        """Start again from the first page (after a change of filters, sort or data).

        The rows come first; the count (which may scan the whole table for some filters)
        follows in its own query, so the list never waits for it.
        """
        self._generation += 1
        self._fetching = True
        self._total = None
        self.reloading.emit()
        generation, filters, order = self._generation, self._filters, self._order
        listing, size = self._listing, self._page_size
        self._ctx.query(
            lambda: listing.page(filters, order, offset=0, limit=size),
            while_alive(self, lambda rows: self._on_first_page(generation, rows)),
            while_alive(self, lambda error: self._on_failed(generation, error)),
        )
        if not self._names_asked:
            self._names_asked = True
            ws = self._ctx.workspace
            self._ctx.query(
                lambda: {u.username: u.full_name for u in list_users(ws)},
                while_alive(self, self.set_names),
            )
        self._ctx.query(
            lambda: listing.count(filters),
            while_alive(self, lambda total: self._on_counted(generation, total)),
            while_alive(self, lambda error: self._on_failed(generation, error)),
        )

    # ---- Qt model ----------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return QCoreApplication.translate("DossierTableModel", COLUMNS[section][1])
        return None

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key is SortKey.STATUS and row.late:
                return QCoreApplication.translate("DossierTableModel", "{status}, late").format(
                    status=status_text(row.status)
                )
            return self._display(row, key)
        if role == Qt.ItemDataRole.DecorationRole and key is SortKey.STATUS:
            return status_icon(row.status, late=row.late, review=row.needs_review)
        if role == Qt.ItemDataRole.ForegroundRole and row.late and key is SortKey.APPOINTMENT:
            return _LATE
        if role == CODE_ROLE:
            return row.code
        return None

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not parent.isValid() and not self._fetching and self._more

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        generation, filters, order = self._generation, self._filters, self._order
        listing, size, offset = self._listing, self._page_size, len(self._rows)
        self._ctx.query(
            lambda: listing.page(filters, order, offset=offset, limit=size),
            while_alive(self, lambda rows: self._on_more(generation, offset, rows)),
            while_alive(self, lambda error: self._on_failed(generation, error)),
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        wanted = ListOrder(COLUMNS[column][0], descending)
        if wanted != self._order:
            self._order = wanted
            self.reload()

    # ---- internals ---------------------------------------------------------------------------

    def _display(self, row: DossierRow, key: SortKey) -> str:
        if key is SortKey.CODE:
            return row.code
        if key is SortKey.STATUS:
            return status_text(row.status)
        if key is SortKey.APPLICANT:
            return row.applicant_name
        if key is SortKey.PROCEDURE:
            return row.procedure_name
        if key is SortKey.FIELD:
            return row.field
        if key is SortKey.CHANNEL:
            return channel_label(row.channel)
        if key is SortKey.RECEIVED:
            return day_text(row.received_at)
        if key is SortKey.APPOINTMENT:
            return time_text(row.rescheduled_to or row.appointment)
        return self.names.get(row.holder_user, row.holder_user)

    def _on_first_page(self, generation: int, rows: list[DossierRow]) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        self.beginResetModel()
        self._rows = rows
        self._more = len(rows) == self._page_size
        self.endResetModel()
        self.loaded.emit()

    def _on_counted(self, generation: int, total: int) -> None:
        if generation != self._generation:
            return
        self._total = total
        self.count_changed.emit(total)

    def _on_more(self, generation: int, offset: int, rows: list[DossierRow]) -> None:
        if generation != self._generation or offset != len(self._rows):
            return
        self._fetching = False
        self._more = len(rows) == self._page_size
        if not rows:
            return
        self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def _on_failed(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        self.failed.emit(error_text(error))
