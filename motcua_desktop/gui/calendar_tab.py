"""The catalog screen's calendar tab: a year's overrides (days off, working Saturdays), add, remove."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, QObject, Signal
from PySide6.QtWidgets import QHeaderView, QWidget

from ..domain.calendar import CalendarOverride, OverrideKind
from ..domain.roles import Action
from ..services.calendar_service import (
    list_overrides,
    remove_override,
    set_override,
    working_calendar,
)
from ..services.dossiers import DossierService
from .catalog_models import OverrideTableModel, override_kind_label
from .context import AppContext
from .forms.ui_catalog_page import Ui_CatalogPage
from .records_common import error_text, while_alive


@dataclass(frozen=True)
class YearView:
    year: int
    overrides: list[CalendarOverride]
    days_off: int
    working_saturdays: int


class CalendarTab(QObject):
    """Drives the calendar tab's widgets of a CatalogPage.

    Signals:
        loaded(int): the overrides of this year are shown.
        changed(): an override was added or removed.
    """

    loaded = Signal(int)
    changed = Signal()

    def __init__(self, ctx: AppContext, ui: Ui_CatalogPage, page: QWidget) -> None:
        super().__init__(page)
        self.ctx = ctx
        self.ui = ui
        self._page = page
        self.model = OverrideTableModel(self)
        ui.overrides_view.setModel(self.model)
        header = ui.overrides_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for kind in OverrideKind:
            ui.override_kind_combo.addItem(override_kind_label(kind), kind.value)
        today = ctx.workspace.clock().astimezone(ctx.workspace.tz).date()
        ui.year_spin.setValue(today.year)
        ui.override_date.setDate(QDate(today.year, today.month, today.day))
        ui.year_spin.valueChanged.connect(self._on_year_spin_value_changed)
        ui.add_override_button.clicked.connect(self._on_add_override_button_clicked)
        ui.remove_override_button.clicked.connect(self._on_remove_override_button_clicked)
        ui.overrides_view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.reload()

    # ---- public ------------------------------------------------------------------------------

    def apply_permissions(self) -> None:
        self.ui.override_box.setVisible(self.ctx.can(Action.MANAGE_CALENDAR))
        self._on_selection_changed()

    def reload(self) -> None:
        year, ws = self.ui.year_spin.value(), self.ctx.workspace

        def read() -> YearView:
            calendar = working_calendar(ws)
            return YearView(
                year,
                list_overrides(ws, year),
                len(calendar.year_days_off(year)),
                len(calendar.year_working_saturdays(year)),
            )

        self.ctx.query(read, self._on_loaded, self._on_failed)

    def add(self, day: date, kind: OverrideKind, note: str) -> None:
        ws, user = self.ctx.workspace, self.ctx.user
        self.ctx.act(
            lambda: set_override(ws, user, day, kind.value, note),
            while_alive(self, lambda _o: self._on_changed()),
            self._on_failed,
        )

    # ---- slots -------------------------------------------------------------------------------

    def _on_year_spin_value_changed(self, _year: int) -> None:
        self.reload()

    def _on_selection_changed(self, *_args: object) -> None:
        rows = self.ui.overrides_view.selectionModel().selectedRows()
        self.ui.remove_override_button.setEnabled(bool(rows))

    def _on_add_override_button_clicked(self) -> None:
        picked = self.ui.override_date.date()
        day = date(picked.year(), picked.month(), picked.day())
        kind = OverrideKind(str(self.ui.override_kind_combo.currentData()))
        self.add(day, kind, self.ui.override_note_edit.text())

    def _on_remove_override_button_clicked(self) -> None:
        rows = self.ui.overrides_view.selectionModel().selectedRows()
        if not rows:
            return
        day = self.model.row_at(rows[0].row()).day
        ws, user = self.ctx.workspace, self.ctx.user
        self.ctx.act(
            lambda: remove_override(ws, user, day),
            while_alive(self, lambda _none: self._on_changed()),
            self._on_failed,
        )

    def _on_loaded(self, view: YearView) -> None:
        if view.year != self.ui.year_spin.value():
            return
        self.model.set_rows(view.overrides)
        self.ui.year_summary_label.setText(
            self.tr("{days_off} days off and {saturdays} working Saturdays in {year}.").format(
                days_off=view.days_off, saturdays=view.working_saturdays, year=view.year
            )
        )
        self._on_selection_changed()
        self.loaded.emit(view.year)

    def _on_changed(self) -> None:
        # Deadlines computed from now on must see the new calendar.
        self.ctx.dossiers = DossierService(self.ctx.workspace)
        self.ui.override_note_edit.clear()
        self.ui.calendar_status_label.setText(self.tr("Saved. New deadlines use this calendar."))
        self.reload()
        self.changed.emit()

    def _on_failed(self, error: Exception) -> None:
        self.ui.calendar_status_label.setText(error_text(error))
