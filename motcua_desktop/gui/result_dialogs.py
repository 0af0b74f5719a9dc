"""The dialogs of the end of a dossier's life: the result, its return, satisfaction, the apology."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QSpinBox, QWidget

from ..domain.dossier import DossierState
from ..domain.durations import Duration, DurationKind
from ..domain.roles import Action
from ..services.dossiers import SATISFACTION_LABELS_VI, SATISFACTION_LEVELS
from .context import AppContext
from .dossier_dialogs import ActDialog, ActWork, ReasonDialog, text_box
from .records_common import time_text


class RecordResultDialog(ActDialog):
    """The officer records that the result is ready (and whether it was digitised)."""

    def __init__(self, ctx: AppContext, state: DossierState, parent: QWidget | None = None) -> None:
        super().__init__(ctx, state, parent)
        self.setWindowTitle(self.tr("Record the result"))
        self.digitised_check = QCheckBox(self.tr("The result was digitised (scanned and signed)"))
        self.digitised_check.setObjectName("digitised_check")
        self.note_edit = text_box(self, "note_edit", self.tr("Decision number, remarks (optional)"))
        self.form.addRow(self.digitised_check)
        self.form.addRow(self.tr("Note:"), self.note_edit)
        self.finish()

    def work(self) -> ActWork:
        service, user, code = self.ctx.dossiers, self.ctx.user, self.state.code
        digitised, note = self.digitised_check.isChecked(), self.note_edit.toPlainText()
        return lambda: service.record_result(user, code, digitised=digitised, note=note)


def satisfaction_combo(parent: QWidget, none_label: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName("satisfaction_combo")
    combo.addItem(none_label, "")
    for level in SATISFACTION_LEVELS:
        combo.addItem(SATISFACTION_LABELS_VI[level], level)
    return combo


class ReturnDialog(ActDialog):
    """Hand the result over (to whom, how) and, when asked, note the applicant's satisfaction."""

    def __init__(self, ctx: AppContext, state: DossierState, parent: QWidget | None = None) -> None:
        super().__init__(ctx, state, parent)
        self.setWindowTitle(self.tr("Return the result"))
        self.to_whom_edit = QLineEdit(str(state.applicant.get("name", "")), self)
        self.to_whom_edit.setObjectName("to_whom_edit")
        self.method_combo = QComboBox(self)
        self.method_combo.setObjectName("method_combo")
        self.method_combo.addItem(self.tr("At the counter"), "counter")
        self.method_combo.addItem(self.tr("By post"), "postal")
        self.method_combo.addItem(self.tr("Online"), "online")
        self.satisfaction_combo = satisfaction_combo(self, self.tr("— not asked —"))
        self.form.addRow(self.tr("Handed to:"), self.to_whom_edit)
        self.form.addRow(self.tr("How:"), self.method_combo)
        self.form.addRow(self.tr("Satisfaction:"), self.satisfaction_combo)
        if not ctx.can(Action.RECORD_SATISFACTION):
            self.satisfaction_combo.hide()
            self.form.labelForField(self.satisfaction_combo).hide()
        self.watch(self.to_whom_edit)
        self.finish()

    def problem(self) -> str:
        if not self.to_whom_edit.text().strip():
            return self.tr("Write who receives the result.")
        return ""

    def work(self) -> ActWork:
        service, user, code = self.ctx.dossiers, self.ctx.user, self.state.code
        to_whom, method = self.to_whom_edit.text(), str(self.method_combo.currentData())
        level = str(self.satisfaction_combo.currentData() or "") or None
        return lambda: service.return_result(
            user, code, to_whom=to_whom, method=method, satisfaction=level
        )


class SatisfactionDialog(ActDialog):
    """The applicant's satisfaction, asked after the return."""

    def __init__(self, ctx: AppContext, state: DossierState, parent: QWidget | None = None) -> None:
        super().__init__(ctx, state, parent)
        self.setWindowTitle(self.tr("Applicant's satisfaction"))
        self.satisfaction_combo = satisfaction_combo(self, self.tr("— choose —"))
        self.form.addRow(self.tr("Satisfaction:"), self.satisfaction_combo)
        self.watch(self.satisfaction_combo)
        self.finish()

    def problem(self) -> str:
        if not self.satisfaction_combo.currentData():
            return self.tr("Choose how satisfied the applicant is.")
        return ""

    def work(self) -> ActWork:
        service, user, code = self.ctx.dossiers, self.ctx.user, self.state.code
        level = str(self.satisfaction_combo.currentData())
        return lambda: service.record_satisfaction(user, code, level)


def responsible_units(state: DossierState, counter_unit: str) -> list[str]:
    """Units from the timeline's hand-overs, the one that held the file last first.

    The counter's own unit only receives and returns, so it comes last: the delay is usually
    the unit the file was handed to.
    """
    units: list[str] = []
    for handover in reversed(state.handovers):
        for unit in (handover.to_unit, handover.from_unit):
            if unit and unit not in units:
                units.append(unit)
    for unit in (state.holder_unit, state.responsible_unit):
        if unit and unit not in units:
            units.append(unit)
    if counter_unit in units and len(units) > 1:
        units.remove(counter_unit)
        units.append(counter_unit)
    return units


class ApologyDialog(ReasonDialog):
    """The apology and the one new appointment; the date comes from the calendar as days change."""

    print_kind = "apology"

    def __init__(self, ctx: AppContext, state: DossierState, parent: QWidget | None = None) -> None:
        super().__init__(ctx, state, parent)
        self.setWindowTitle(self.tr("Apology and new appointment"))
        self.reason_edit.setPlaceholderText(self.tr("Why the dossier is late"))
        self.unit_combo = QComboBox(self)
        self.unit_combo.setObjectName("unit_combo")
        self.unit_combo.setEditable(True)
        self.unit_combo.addItems(responsible_units(state, ctx.user.unit))
        self.days_spin = QSpinBox(self)
        self.days_spin.setObjectName("days_spin")
        self.days_spin.setRange(1, 60)
        self.days_spin.setSuffix(self.tr(" working days"))
        self.days_spin.setValue(_default_days(state))
        self.new_date_label = QLabel(self)
        self.new_date_label.setObjectName("new_date_label")
        self.form.addRow(self.tr("Responsible unit:"), self.unit_combo)
        self.form.addRow(self.tr("Extra time:"), self.days_spin)
        self.form.addRow(self.tr("New appointment:"), self.new_date_label)
        self.days_spin.valueChanged.connect(self._on_days_spin_value_changed)
        self.watch(self.unit_combo)
        self._show_new_date()
        self.finish()

    def new_appointment(self) -> datetime:
        """What the service will compute: working days counted from now or the old date."""
        tz = self.ctx.workspace.tz
        now = self.ctx.workspace.clock().astimezone(tz)
        start = max(now, self.state.appointment) if self.state.appointment else now
        return self.ctx.dossiers.calendar.due(start, Duration.days(self.days_spin.value()))

    def problem(self) -> str:
        if not self.unit_combo.currentText().strip():
            return self.tr("Write the unit responsible for the delay.")
        return super().problem()

    def work(self) -> ActWork:
        service, user, code = self.ctx.dossiers, self.ctx.user, self.state.code
        reason, days = self.reason_edit.toPlainText(), self.days_spin.value()
        unit = self.unit_combo.currentText().strip()
        return lambda: service.issue_apology(
            user, code, reason=reason, extra_days=days, responsible_unit=unit
        )

    def _on_days_spin_value_changed(self, _value: int) -> None:
        self._show_new_date()

    def _show_new_date(self) -> None:
        due = self.new_appointment().astimezone(self.ctx.workspace.tz)
        self.new_date_label.setText(time_text(due))


def _default_days(state: DossierState) -> int:
    """As long again as the procedure's own time, when counted in days; else 3 days."""
    if state.processing_time:
        duration = Duration.from_dict(state.processing_time)
        if duration.kind is DurationKind.WORKING_DAYS and 1 <= duration.value <= 60:
            return duration.value
    return 3
