"""The dialogs of a dossier's acts at the counter: each validates as the user types and runs one act."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..domain.dossier import DossierState
from ..domain.durations import Duration
from ..services.dossiers import ActResult
from ..services.users import User
from .context import AppContext
from .records_common import error_text, form_title, time_text

ActWork = Callable[[], ActResult]


class ActDialog(QDialog):
    """A form, a line saying what is wrong, and Save (enabled only while the form is valid).

    Save runs the act through ``ctx.act``; on failure the form stays filled and says why, so the
    clerk can correct it or try again. ``act_done`` carries the ActResult.
    """

    act_done = Signal(object)
    print_kind: str | None = None

    def __init__(self, ctx: AppContext, state: DossierState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.state = state
        self.result: ActResult | None = None
        self._busy = False
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("problem_label")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #a61b1b;")
        self.print_check = QCheckBox(self)
        self.print_check.setObjectName("print_check")
        self.print_check.setChecked(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(QCoreApplication.translate("ActDialog", "Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("ActDialog", "Cancel")
        )
        intro = QLabel(
            QCoreApplication.translate("ActDialog", "Dossier {code} — {name}").format(
                code=state.code, name=state.applicant.get("name", "")
            ),
            self,
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.form)
        layout.addWidget(self.print_check)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self._save_shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        self._save_shortcut.activated.connect(self.submit)
        self.setMinimumWidth(560)

    # ---- for subclasses ----------------------------------------------------------------------

    def finish(self) -> None:
        """Call at the end of a subclass's ``__init__``: print choice, first validation."""
        if self.print_kind is None:
            self.print_check.hide()
            self.print_check.setChecked(False)
        else:
            self.print_check.setText(
                QCoreApplication.translate("ActDialog", "Print «{form}» after saving").format(
                    form=form_title(self.print_kind)
                )
            )
        self.revalidate()

    def watch(self, *widgets: QWidget) -> None:
        """Validate again whenever one of these widgets changes."""
        for widget in widgets:
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.textChanged.connect(self.revalidate)
                if isinstance(widget, QPlainTextEdit):
                    # A text box takes Ctrl+Enter as a new line; here it means "save".
                    widget.installEventFilter(self)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self.revalidate)
                widget.editTextChanged.connect(self.revalidate)
            elif isinstance(widget, QSpinBox):
                widget.valueChanged.connect(self.revalidate)
            elif isinstance(widget, QCheckBox):
                widget.toggled.connect(self.revalidate)
            elif isinstance(widget, QListWidget):
                widget.itemChanged.connect(self.revalidate)

    def problem(self) -> str:
        """What is wrong with the form now, in Vietnamese; empty when it may be saved."""
        return ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            isinstance(event, QKeyEvent)
            and event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            if event.type() == QEvent.Type.KeyPress:
                self.submit()
            event.accept()
            return True
        return super().eventFilter(watched, event)

    def work(self) -> ActWork:
        """The act to run on the worker, with the form's values captured now."""
        raise NotImplementedError

    # ---- public ------------------------------------------------------------------------------

    @property
    def wants_print(self) -> bool:
        return self.print_kind is not None and self.print_check.isChecked()

    def revalidate(self) -> None:
        if self._busy:
            return
        problem = self.problem()
        self.problem_label.setText(problem)
        self.save_button.setEnabled(not problem)

    def submit(self) -> None:
        if self._busy or not self.save_button.isEnabled():
            return
        work = self.work()
        self._busy = True
        self.save_button.setEnabled(False)
        self.problem_label.setText(QCoreApplication.translate("ActDialog", "Saving…"))
        self.ctx.act(work, self._on_act_done, self._on_act_failed)

    def _on_act_done(self, result: ActResult) -> None:
        self._busy = False
        self.result = result
        self.act_done.emit(result)
        self.accept()

    def _on_act_failed(self, error: Exception) -> None:
        self._busy = False
        self.save_button.setEnabled(True)
        self.problem_label.setText(error_text(error))


def text_box(parent: QWidget, name: str, placeholder: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setObjectName(name)
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(80)
    return box


class HandOverDialog(ActDialog):
    """Pass the file to a colleague (an officer, the leader, or back to the counter)."""

    print_kind = "control"

    def __init__(
        self,
        ctx: AppContext,
        state: DossierState,
        users: Sequence[User],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, state, parent)
        self.setWindowTitle(self.tr("Hand over the dossier"))
        self.target_combo = QComboBox(self)
        self.target_combo.setObjectName("target_combo")
        self.target_combo.addItem(self.tr("— choose who receives it —"), "")
        for user in users:
            if user.active and user.username != ctx.user.username:
                label = self.tr("{name} — {unit}").format(name=user.full_name, unit=user.unit)
                self.target_combo.addItem(label, user.username)
        self.step_spin = QSpinBox(self)
        self.step_spin.setObjectName("step_spin")
        self.step_spin.setRange(0, 60)
        self.step_spin.setSpecialValueText(self.tr("no step deadline"))
        self.step_spin.setSuffix(self.tr(" working days"))
        self.note_edit = text_box(self, "note_edit", self.tr("Note for the receiver (optional)"))
        self.form.addRow(self.tr("Hand over to:"), self.target_combo)
        self.form.addRow(self.tr("Time for this step:"), self.step_spin)
        self.form.addRow(self.tr("Note:"), self.note_edit)
        self.watch(self.target_combo)
        self.finish()

    def problem(self) -> str:
        if not self.target_combo.currentData():
            return self.tr("Choose who receives the dossier.")
        return ""

    def work(self) -> ActWork:
        service, user, code = self.ctx.dossiers, self.ctx.user, self.state.code
        target = str(self.target_combo.currentData())
        note = self.note_edit.toPlainText()
        days = self.step_spin.value() or None
        return lambda: service.hand_over(user, code, target, note=note, step_days=days)


class SupplementRequestDialog(ActDialog):
    """Every missing item in one request: the regulation allows asking only once per round."""

    print_kind = "supplement"

    def __init__(self, ctx: AppContext, state: DossierState, parent: QWidget | None = None) -> None:
        super().__init__(ctx, state, parent)
        self.setWindowTitle(self.tr("Request supplements"))
        self.items_list = QListWidget(self)
        self.items_list.setObjectName("items_list")
        for component in state.components:
            item = QListWidgetItem(str(component.get("name", "")), self.items_list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.items_list.setMaximumHeight(150)
        self.other_edit = text_box(
            self, "other_edit", self.tr("Other documents to add, one per line")
        )
        self.reason_edit = text_box(
            self, "reason_edit", self.tr("Why the dossier is incomplete (printed on the request)")
        )
        self.contact_edit = QLineEdit(self)
        self.contact_edit.setObjectName("contact_edit")
        self.contact_edit.setPlaceholderText(self.tr("Who the applicant can ask (optional)"))
        self.form.addRow(self.tr("Documents to supplement:"), self.items_list)
        if not state.components:  # the catalog lists none: everything is typed below
            self.items_list.hide()
            self.form.labelForField(self.items_list).hide()
        self.form.addRow(self.tr("Other documents:"), self.other_edit)
        self.form.addRow(self.tr("Reason:"), self.reason_edit)
        self.form.addRow(self.tr("Contact:"), self.contact_edit)
        self.watch(self.items_list, self.other_edit, self.reason_edit)
        self.finish()

    def items(self) -> list[dict[str, str]]:
        """The checked components and the other lines, in that order."""
        out = []
        for row in range(self.items_list.count()):
            item = self.items_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append({"name": item.text(), "kind": "component", "reason": ""})
        for line in self.other_edit.toPlainText().splitlines():
            if line.strip():
                out.append({"name": line.strip(), "kind": "other", "reason": ""})
        return out

    def problem(self) -> str:
        if not self.items():
            return self.tr("Tick or type every document the applicant must add (all at once).")
        if not self.reason_edit.toPlainText().strip():
            return self.tr("Write the reason the dossier is incomplete.")
        return ""

    def work(self) -> ActWork:
        service, user, code = self.ctx.dossiers, self.ctx.user, self.state.code
        items, reason = self.items(), self.reason_edit.toPlainText()
        contact = self.contact_edit.text()
        return lambda: service.request_supplement(user, code, items, reason=reason, contact=contact)


class ReceiveSupplementDialog(ActDialog):
    """The complete dossier arrived: the clock restarts and a new receipt carries the new date."""

    print_kind = "receipt"

    def __init__(self, ctx: AppContext, state: DossierState, parent: QWidget | None = None) -> None:
        super().__init__(ctx, state, parent)
        self.setWindowTitle(self.tr("Receive supplements"))
        self.appointment_label = QLabel(self)
        self.appointment_label.setObjectName("appointment_label")
        due = time_text(self.new_appointment())
        self.appointment_label.setText(self.tr("New appointment: {time}").format(time=due))
        self.note_edit = text_box(self, "note_edit", self.tr("What was received (optional)"))
        self.form.addRow(self.appointment_label)
        self.form.addRow(self.tr("Note:"), self.note_edit)
        self.finish()

    def new_appointment(self) -> datetime | None:
        """The appointment the calendar gives if the supplement is received now."""
        if self.state.processing_time is None:
            return None
        duration = Duration.from_dict(self.state.processing_time)
        now = self.ctx.workspace.clock().astimezone(self.ctx.workspace.tz)
        return self.ctx.dossiers.calendar.due(now, duration)

    def work(self) -> ActWork:
        service, user, code = self.ctx.dossiers, self.ctx.user, self.state.code
        note = self.note_edit.toPlainText()
        return lambda: service.receive_supplement(user, code, note=note)


class ReasonDialog(ActDialog):
    """An act whose only input is its reason (refuse, withdraw, stop)."""

    def __init__(self, ctx: AppContext, state: DossierState, parent: QWidget | None = None) -> None:
        super().__init__(ctx, state, parent)
        self.reason_edit = text_box(self, "reason_edit")
        self.reason_edit.setFixedHeight(110)
        self.form.addRow(QCoreApplication.translate("ActDialog", "Reason:"), self.reason_edit)
        self.watch(self.reason_edit)

    def problem(self) -> str:
        if not self.reason_edit.toPlainText().strip():
            return QCoreApplication.translate("ActDialog", "Write the reason.")
        return ""


class RefuseDialog(ReasonDialog):
    print_kind = "refusal"

    def __init__(self, ctx: AppContext, state: DossierState, parent: QWidget | None = None) -> None:
        super().__init__(ctx, state, parent)
        self.setWindowTitle(self.tr("Refuse the dossier"))
        self.reason_edit.setPlaceholderText(self.tr("The legal ground for refusing"))
        self.finish()

    def work(self) -> ActWork:
        service, user, code = self.ctx.dossiers, self.ctx.user, self.state.code
        reason = self.reason_edit.toPlainText()
        return lambda: service.refuse(user, code, reason=reason)


class WithdrawDialog(ReasonDialog):
    def __init__(self, ctx: AppContext, state: DossierState, parent: QWidget | None = None) -> None:
        super().__init__(ctx, state, parent)
        self.setWindowTitle(self.tr("The applicant withdraws the dossier"))
        self.reason_edit.setPlaceholderText(self.tr("As the applicant's written request says"))
        self.finish()

    def work(self) -> ActWork:
        service, user, code = self.ctx.dossiers, self.ctx.user, self.state.code
        reason = self.reason_edit.toPlainText()
        return lambda: service.withdraw(user, code, reason=reason)


class StopDialog(ReasonDialog):
    print_kind = "stop"

    def __init__(self, ctx: AppContext, state: DossierState, parent: QWidget | None = None) -> None:
        super().__init__(ctx, state, parent)
        self.setWindowTitle(self.tr("Stop processing the dossier"))
        self.reason_edit.setPlaceholderText(self.tr("Why processing stops"))
        self.finish()

    def work(self) -> ActWork:
        service, user, code = self.ctx.dossiers, self.ctx.user, self.state.code
        reason = self.reason_edit.toPlainText()
        return lambda: service.stop(user, code, reason=reason)
