"""Editing one procedure of the catalog (administrators), validated by the catalog's own rules."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.catalog import Component, Procedure, Submission, check_procedure
from ..domain.durations import DurationKind
from ..domain.roles import Action
from ..services.catalog import store_procedures
from ..services.users import require
from .context import AppContext
from .records_common import error_text

_SHOW_WORDS = ("xuất trình", "xuat trinh", "show")


def component_lines(components: tuple[Component, ...]) -> str:
    """One line per component: ``name | originals | copies | nộp/xuất trình``."""
    return "\n".join(
        f"{c.name} | {c.originals} | {c.copies} | {c.submission.label_vi.lower()}"
        for c in components
    )


def parse_component_lines(text: str) -> list[dict[str, Any]]:
    """The lines back into component records; the catalog's checks judge the values."""
    out: list[dict[str, Any]] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split("|")]
        name = parts[0]
        counts: list[Any] = []
        for raw in parts[1:3]:
            counts.append(int(raw) if raw.isdigit() else (raw or 0))
        counts += [0] * (2 - len(counts))
        kind = parts[3].lower() if len(parts) > 3 else ""
        submission = Submission.SHOW if kind in _SHOW_WORDS else Submission.SUBMIT
        out.append(
            {"name": name, "originals": counts[0], "copies": counts[1], "submission": submission}
        )
    return out


class ProcedureDialog(QDialog):
    """Every field of one procedure; Save stays off while the catalog's checks find an error.

    Signals:
        saved(object): the Procedure as stored.
    """

    saved = Signal(object)

    def __init__(
        self, ctx: AppContext, procedure: Procedure, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.original = procedure
        self.setWindowTitle(self.tr("Procedure {code}").format(code=procedure.code))
        self.setMinimumWidth(720)
        self.name_edit = QLineEdit(procedure.name, self)
        self.name_edit.setCursorPosition(0)
        self.field_edit = QLineEdit(procedure.field, self)
        self.level_edit = QLineEdit(procedure.level, self)
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(self.tr("Not set"), "")
        self.kind_combo.addItem(self.tr("Working days"), DurationKind.WORKING_DAYS.value)
        self.kind_combo.addItem(self.tr("Working hours"), DurationKind.WORKING_HOURS.value)
        self.kind_combo.addItem(self.tr("Same day"), DurationKind.SAME_DAY.value)
        self.value_spin = QSpinBox(self)
        self.value_spin.setRange(0, 365)
        self.cutoff_edit = QTimeEdit(self)
        self.cutoff_edit.setDisplayFormat("HH:mm")
        self.cutoff_edit.setTime(QTime(15, 0))
        time = procedure.processing_time
        if time is not None:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(time.kind.value))
            self.value_spin.setValue(time.value)
            if time.cutoff is not None:
                self.cutoff_edit.setTime(QTime(time.cutoff.hour, time.cutoff.minute))
        self.fee_edit = QLineEdit(procedure.fee, self)
        self.fee_amount_edit = QLineEdit(
            "" if procedure.fee_amount is None else str(procedure.fee_amount), self
        )
        self.fee_amount_edit.setPlaceholderText(self.tr("in đồng; empty when not stated"))
        self.unit_edit = QLineEdit(procedure.responsible_unit, self)
        self.components_edit = QPlainTextEdit(component_lines(procedure.components), self)
        self.components_edit.setPlaceholderText(
            self.tr("One per line: name | originals | copies | nộp or xuất trình")
        )
        self.components_edit.setTabChangesFocus(True)
        self.notes_edit = QPlainTextEdit(procedure.notes, self)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(60)
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("problem_label")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #a61b1b;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

        time_row = QHBoxLayout()
        time_row.addWidget(self.kind_combo)
        time_row.addWidget(self.value_spin)
        time_row.addWidget(QLabel(self.tr("cut-off"), self))
        time_row.addWidget(self.cutoff_edit)
        form = QFormLayout()
        form.addRow(self.tr("Code:"), QLabel(procedure.code, self))
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Field:"), self.field_edit)
        form.addRow(self.tr("Level:"), self.level_edit)
        form.addRow(self.tr("Processing time:"), time_row)
        form.addRow(self.tr("Fee:"), self.fee_edit)
        form.addRow(self.tr("Fee amount:"), self.fee_amount_edit)
        form.addRow(self.tr("Unit in charge:"), self.unit_edit)
        form.addRow(self.tr("Components:"), self.components_edit)
        form.addRow(self.tr("Notes:"), self.notes_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)

        for edit in (
            self.name_edit, self.field_edit, self.level_edit, self.fee_edit,
            self.fee_amount_edit, self.unit_edit,
        ):  # fmt: skip
            edit.textChanged.connect(self.revalidate)
        self.components_edit.textChanged.connect(self.revalidate)
        self.notes_edit.textChanged.connect(self.revalidate)
        self.kind_combo.currentIndexChanged.connect(self.revalidate)
        self.value_spin.valueChanged.connect(self.revalidate)
        self.cutoff_edit.timeChanged.connect(self.revalidate)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.revalidate()

    # ---- public ------------------------------------------------------------------------------

    def raw(self) -> dict[str, Any]:
        """The form as a catalog record, for the catalog's checks."""
        kind = str(self.kind_combo.currentData() or "")
        time: dict[str, Any] | None = None
        if kind == DurationKind.SAME_DAY.value:
            time = {"kind": kind, "cutoff": self.cutoff_edit.time().toString("HH:mm")}
        elif kind:
            time = {"kind": kind, "value": self.value_spin.value()}
        amount_text = self.fee_amount_edit.text().strip().replace(".", "")
        amount: Any = int(amount_text) if amount_text.isdigit() else amount_text
        return {
            **self.original.to_dict(),
            "name": self.name_edit.text(),
            "field": self.field_edit.text(),
            "level": self.level_edit.text(),
            "processing_time": time,
            "fee": self.fee_edit.text(),
            "fee_amount": amount if amount != "" else None,
            "responsible_unit": self.unit_edit.text(),
            "components": parse_component_lines(self.components_edit.toPlainText()),
            "notes": self.notes_edit.toPlainText(),
        }

    def procedure(self) -> Procedure | None:
        procedure, _errors = check_procedure(self.raw())
        return procedure

    def revalidate(self) -> None:
        kind = str(self.kind_combo.currentData() or "")
        self.value_spin.setEnabled(kind in ("working_days", "working_hours"))
        self.cutoff_edit.setEnabled(kind == "same_day")
        try:
            _procedure, errors = check_procedure(self.raw())
        except (TypeError, ValueError) as error:  # a value the checks do not expect at all
            self.problem_label.setText(str(error))
            self.save_button.setEnabled(False)
            return
        self.problem_label.setText("\n".join(e.message for e in errors[:4]))
        self.save_button.setEnabled(not errors)

    def submit(self) -> None:
        procedure = self.procedure()
        if procedure is None or not self.save_button.isEnabled():
            return
        ws, user = self.ctx.workspace, self.ctx.user

        def save() -> Procedure:
            require(user, Action.MANAGE_CATALOG)
            store_procedures(ws, [procedure])
            return procedure

        self.save_button.setEnabled(False)
        self.ctx.act(save, self._on_saved, self._on_failed)

    # ---- slots -------------------------------------------------------------------------------

    def _on_saved(self, procedure: Procedure) -> None:
        self.saved.emit(procedure)
        self.accept()

    def _on_failed(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        self.problem_label.setText(error_text(error))
