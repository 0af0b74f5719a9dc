"""Hôm nay: how many dossiers are late, due, waiting or ready, and the list behind each count."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..services.today import Bucket, TodaySummary, today_summary
from .context import AppContext
from .messages import error_text
from .today_model import TodayTableModel

SP = QStyle.StandardPixmap


@dataclass(frozen=True)
class BucketLook:
    title: str  # English source, context "TodayPage"
    icon: QStyle.StandardPixmap
    colour: str


LOOKS: dict[Bucket, BucketLook] = {
    Bucket.OVERDUE: BucketLook(
        QT_TRANSLATE_NOOP("TodayPage", "Overdue"), SP.SP_MessageBoxCritical, "#b3261e"
    ),
    Bucket.DUE_TODAY: BucketLook(
        QT_TRANSLATE_NOOP("TodayPage", "Due today"), SP.SP_MessageBoxWarning, "#a65b00"
    ),
    Bucket.DUE_SOON: BucketLook(
        QT_TRANSLATE_NOOP("TodayPage", "Due within 2 working days"),
        SP.SP_MessageBoxInformation,
        "#7a5c00",
    ),
    Bucket.WAITING_SUPPLEMENT: BucketLook(
        QT_TRANSLATE_NOOP("TodayPage", "Waiting for supplements"),
        SP.SP_FileDialogContentsView,
        "#1f5fa8",
    ),
    Bucket.RESULT_READY: BucketLook(
        QT_TRANSLATE_NOOP("TodayPage", "Results to return"), SP.SP_DialogApplyButton, "#1b6e2a"
    ),
    Bucket.NEEDS_REVIEW: BucketLook(
        QT_TRANSLATE_NOOP("TodayPage", "Needs review"), SP.SP_MessageBoxQuestion, "#6a3ea1"
    ),
}


def bucket_title(bucket: Bucket) -> str:
    return QCoreApplication.translate("TodayPage", LOOKS[bucket].title)


class TodayPage(QWidget):
    """Six counters (icon, number, words, colour) and the table of the one selected."""

    REFRESH_MS = 60_000  # deadlines move with the clock even when nothing is recorded

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.summary: TodaySummary | None = None
        self.selected = Bucket.OVERDUE
        self._loading = False
        self._stale = False

        self.heading = QLabel(self.tr("Today's work"), self)
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.as_of_label = QLabel(self)
        self.as_of_label.setStyleSheet("color: #555555;")
        self.cards: dict[Bucket, QToolButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        cards = QHBoxLayout()
        cards.setSpacing(8)
        for bucket, look in LOOKS.items():
            card = QToolButton(self)
            card.setObjectName(f"card_{bucket.value}")
            card.setCheckable(True)
            card.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            card.setIcon(self.style().standardIcon(look.icon))
            card.setIconSize(QSize(28, 28))
            card.setMinimumSize(150, 96)
            card.setStyleSheet(
                f"QToolButton {{ border: 2px solid {look.colour}; border-radius: 6px;"
                f" color: {look.colour}; padding: 4px; font-size: 10pt; }}"
                f" QToolButton:checked {{ background: {QColor(look.colour).lighter(185).name()};"
                " font-weight: bold; }"
            )
            card.clicked.connect(lambda _c=False, b=bucket: self.select(b))
            self._group.addButton(card)
            cards.addWidget(card, 1)
            self.cards[bucket] = card
        self.list_title = QLabel(self)
        self.list_title.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #a61b1b;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.model = TodayTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("today_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #555555; font-size: 11pt;")
        self.empty_label.hide()

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.as_of_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.addLayout(top)
        layout.addLayout(cards)
        layout.addWidget(self.error_label)
        layout.addWidget(self.list_title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)

        self.table.activated.connect(self._on_table_activated)
        ctx.data_changed.connect(self._on_ctx_data_changed)
        self._dirty = True  # the first load when first shown: never for a page passed through
        self._timer = QTimer(self)
        self._timer.setInterval(self.REFRESH_MS)
        self._timer.timeout.connect(self._on_ctx_data_changed)
        self._timer.start()
        self.cards[self.selected].setChecked(True)

    # ---- public -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the counts on the database worker; a refresh asked mid-load runs after it."""
        if self._loading:
            self._stale = True
            return
        self._loading = True
        workspace = self._ctx.workspace
        self._ctx.query(lambda: today_summary(workspace), self._on_loaded, self._on_failed)

    def select(self, bucket: Bucket) -> None:
        self.selected = bucket
        self.cards[bucket].setChecked(True)
        self._show_selected()

    # ---- internals ----------------------------------------------------------------------------

    def _on_loaded(self, summary: TodaySummary) -> None:
        self._loading = False
        self.summary = summary
        self.error_label.hide()
        for bucket, card in self.cards.items():
            card.setText(f"{summary.get(bucket).count}\n{bucket_title(bucket)}")
        self.as_of_label.setText(
            self.tr("As of {time}").format(time=f"{summary.now:%H:%M %d/%m/%Y}")
        )
        self._show_selected()
        if self._stale:
            self._stale = False
            self.refresh()

    def _on_failed(self, error: Exception) -> None:
        self._loading = False
        self.error_label.setText(
            self.tr("Could not load today's lists: {reason}").format(reason=error_text(error))
        )
        self.error_label.show()

    def _show_selected(self) -> None:
        if self.summary is None:
            return
        rows = self.summary.get(self.selected)
        look = LOOKS[self.selected]
        self.model.set_rows(
            rows.rows,
            self.summary.now,
            self.style().standardIcon(look.icon),
            QColor(look.colour),
        )
        shown = len(rows.rows)
        title = bucket_title(self.selected)
        self.list_title.setText(
            self.tr("{title}: {count} dossiers").format(title=title, count=rows.count)
            if shown == rows.count
            else self.tr("{title}: {count} dossiers (the first {shown} shown)").format(
                title=title, count=rows.count, shown=shown
            )
        )
        self.empty_label.setText(self.tr("Nothing here. Well done!") if not shown else "")
        self.empty_label.setVisible(not shown)
        self.table.setVisible(bool(shown))
        if shown:
            self.table.resizeColumnToContents(0)
            self.table.setColumnWidth(1, 190)
            self.table.setColumnWidth(2, 380)
            self.table.setColumnWidth(3, 130)

    def _on_table_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self._ctx.dossier_requested.emit(self.model.code_at(index.row()))

    def _on_ctx_data_changed(self) -> None:
        # A hidden page only notes the change; it reloads when shown, not on every act elsewhere.
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._dirty:
            self._dirty = False
            self.refresh()
