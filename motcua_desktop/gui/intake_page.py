"""Tiếp nhận: the intake form, keyboard first; Ctrl+Enter saves and prints the two-copy receipt."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.catalog import Procedure
from ..services.catalog import list_procedures
from ..services.intake import (
    CHANNEL_LABELS_VI,
    PAYMENT_LABELS_VI,
    ApplicantInput,
    Channel,
    ComponentInput,
    Delivery,
    IntakeRequest,
    Payment,
)
from .context import AppContext
from .intake_fields import (
    FieldMessage,
    Finding,
    check_address,
    check_birth,
    check_email,
    check_id,
    check_name,
    check_phone,
    parse_birth,
)
from .intake_flow import IntakeFlow
from .intake_models import ComponentModel, ComponentRow, ProcedureListModel, rows_for
from .message_bar import MessageBar

_VI = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)


class IntakePage(QWidget):
    """The clerk's form. Nothing typed is lost: a draft follows every change, a failed save keeps
    the form as it was and says why."""

    dossier_saved = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.procedure: Procedure | None = None
        self._restoring = False
        self._build()
        self.flow = IntakeFlow(ctx, self)
        self._connect()
        self.procedures.set_procedures(list_procedures(ctx.workspace))
        self._show_procedure(None)
        self.flow.offer_draft()

    # ---- layout -------------------------------------------------------------------------------

    def _build(self) -> None:
        self.bar = MessageBar(self)
        self.procedure_search = QLineEdit(self)
        self.procedure_search.setObjectName("procedure_search")
        self.procedure_search.setPlaceholderText(
            self.tr("Type a procedure code or name, with or without diacritics")
        )
        self.procedures = ProcedureListModel(self)
        self.procedure_list = QListView(self)
        self.procedure_list.setObjectName("procedure_list")
        self.procedure_list.setModel(self.procedures)
        self.procedure_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.procedure_list.setMaximumHeight(110)
        self.procedure_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.procedure_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.procedure_label = QLabel(self)
        self.procedure_label.setObjectName("procedure_label")
        self.procedure_label.setWordWrap(True)
        self.procedure_label.setStyleSheet("font-weight: bold;")
        picker = QGroupBox(self.tr("Procedure"), self)
        picker_layout = QVBoxLayout(picker)
        picker_layout.addWidget(self.procedure_search)
        picker_layout.addWidget(self.procedure_list)
        picker_layout.addWidget(self.procedure_label)

        applicant = QGroupBox(self.tr("Applicant"), self)
        form = QFormLayout(applicant)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name_edit = self._line("name_edit")
        self.id_edit = self._line("id_edit", self.tr("12 digits (CCCD) or 9 (old CMND)"))
        self.birth_edit = self._line("birth_edit", self.tr("dd/mm/yyyy"))
        self.sex_combo = QComboBox(self)
        self.sex_combo.setObjectName("sex_combo")
        self.sex_combo.addItem(self.tr("(not stated)"), "")
        self.sex_combo.addItem(self.tr("Male"), "male")
        self.sex_combo.addItem(self.tr("Female"), "female")
        self.address_edit = self._line("address_edit")
        self.phone_edit = self._line("phone_edit")
        self.email_edit = self._line("email_edit")
        self.messages: dict[str, FieldMessage] = {}
        birth_row = QHBoxLayout()
        birth_row.addWidget(self.birth_edit, 1)
        birth_row.addWidget(QLabel(self.tr("Sex:"), self))
        birth_row.addWidget(self.sex_combo)
        for key, caption, field in (
            ("name", self.tr("Full &name:"), self.name_edit),
            ("id", self.tr("&ID number:"), self.id_edit),
            ("birth", self.tr("&Birth date:"), birth_row),
            ("address", self.tr("&Address:"), self.address_edit),
            ("phone", self.tr("&Phone:"), self.phone_edit),
            ("email", self.tr("E-&mail:"), self.email_edit),
        ):
            message = FieldMessage(self)
            message.setObjectName(f"{key}_message")
            self.messages[key] = message
            cell = QVBoxLayout()
            cell.setSpacing(1)
            if isinstance(field, QWidget):
                cell.addWidget(field)
            else:
                cell.addLayout(field)
            cell.addWidget(message)
            label = QLabel(caption, self)
            label.setBuddy(field if isinstance(field, QWidget) else self.birth_edit)
            form.addRow(label, cell)
        self.confirm_check = QCheckBox(
            self.tr("I have checked the warnings above with the applicant"), self
        )
        self.confirm_check.setObjectName("confirm_check")
        self.confirm_check.hide()
        form.addRow(self.confirm_check)

        self.components = ComponentModel(self)
        self.component_table = QTableView(self)
        self.component_table.setObjectName("component_table")
        self.component_table.setModel(self.components)
        self.component_table.setTabKeyNavigation(False)
        self.component_table.setWordWrap(False)
        self.component_table.verticalHeader().hide()
        self.component_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.component_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.component_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        checklist = QGroupBox(self.tr("Documents received"), self)
        QVBoxLayout(checklist).addWidget(self.component_table)

        details = QGroupBox(self.tr("Channel, fee and result"), self)
        details_form = QFormLayout(details)
        self.channel_combo = QComboBox(self)
        self.channel_combo.setObjectName("channel_combo")
        for channel, label_vi in CHANNEL_LABELS_VI.items():
            self.channel_combo.addItem(label_vi, channel.value)
        self.delivery_combo = QComboBox(self)
        self.delivery_combo.setObjectName("delivery_combo")
        self.delivery_combo.addItem(self.tr("At the counter"), Delivery.COUNTER.value)
        self.delivery_combo.addItem(self.tr("By post"), Delivery.POSTAL.value)
        self.fee_spin = QSpinBox(self)
        self.fee_spin.setObjectName("fee_spin")
        self.fee_spin.setRange(0, 1_000_000_000)
        self.fee_spin.setSingleStep(1000)
        self.fee_spin.setSuffix(" đ")
        self.fee_spin.setGroupSeparatorShown(True)
        self.payment_combo = QComboBox(self)
        self.payment_combo.setObjectName("payment_combo")
        self.payment_combo.addItem(self.tr("not recorded"), "")
        for payment, label_vi in PAYMENT_LABELS_VI.items():
            self.payment_combo.addItem(label_vi, payment.value)
        self.payment_combo.setEnabled(False)  # only with a fee to pay
        self.fee_note = QLabel(self)
        self.fee_note.setWordWrap(True)
        self.fee_note.setStyleSheet("color: #555555;")
        self.sets_spin = QSpinBox(self)
        self.sets_spin.setObjectName("sets_spin")
        self.sets_spin.setRange(1, 20)
        self.note_edit = self._line("note_edit")
        channel_row = QHBoxLayout()
        channel_row.addWidget(self.channel_combo, 1)
        channel_row.addWidget(QLabel(self.tr("Result:"), self))
        channel_row.addWidget(self.delivery_combo, 1)
        fee_row = QHBoxLayout()
        fee_row.addWidget(self.fee_spin, 1)
        paid = QLabel(self.tr("&Paid:"), self)
        paid.setBuddy(self.payment_combo)
        fee_row.addWidget(paid)
        fee_row.addWidget(self.payment_combo, 1)
        fee_row.addWidget(QLabel(self.tr("Sets:"), self))
        fee_row.addWidget(self.sets_spin)
        for caption, buddy, field in (
            (self.tr("&Channel:"), self.channel_combo, channel_row),
            (self.tr("&Fee:"), self.fee_spin, fee_row),
            (self.tr("N&ote:"), self.note_edit, self.note_edit),
        ):
            label = QLabel(caption, self)
            label.setBuddy(buddy)
            details_form.addRow(label, field)
        details_form.insertRow(2, "", self.fee_note)

        self.appointment_label = QLabel(self)
        self.appointment_label.setObjectName("appointment_label")
        self.appointment_label.setWordWrap(True)
        self.appointment_label.setStyleSheet(
            "font-size: 12pt; font-weight: bold; color: #1f5fa8; padding: 4px;"
        )
        self.clear_button = QPushButton(self.tr("Clear form"), self)
        self.clear_button.setObjectName("clear_button")
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"), self)
        self.save_button.setObjectName("save_button")
        self.save_print_button = QPushButton(self.tr("Save and print receipt (Ctrl+Enter)"), self)
        self.save_print_button.setObjectName("save_print_button")
        for button in (self.clear_button, self.save_button, self.save_print_button):
            button.setAutoDefault(False)
        self.save_print_button.setStyleSheet("font-weight: bold; padding: 6px 12px;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.save_print_button)

        left = QVBoxLayout()
        left.addWidget(picker)
        left.addWidget(applicant, 1)
        right = QVBoxLayout()
        right.addWidget(checklist, 1)
        right.addWidget(details)
        right.addWidget(self.appointment_label)
        right.addLayout(buttons)
        columns = QHBoxLayout()
        columns.addLayout(left, 5)
        columns.addLayout(right, 6)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 8, 10, 8)
        outer.addWidget(self.bar)
        outer.addLayout(columns, 1)

        order = [
            self.procedure_search, self.name_edit, self.id_edit, self.birth_edit, self.sex_combo,
            self.address_edit, self.phone_edit, self.email_edit, self.confirm_check,
            self.component_table, self.channel_combo, self.delivery_combo, self.fee_spin,
            self.payment_combo, self.sets_spin, self.note_edit, self.save_print_button, self.save_button,
            self.clear_button,
        ]  # fmt: skip
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    @property
    def first_field(self) -> QWidget:
        """Where the clerk starts: the procedure picker (Enter there moves on to the name)."""
        return self.procedure_search

    def _line(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _connect(self) -> None:
        self.procedure_search.textEdited.connect(self._on_procedure_search_edited)
        self.procedure_search.installEventFilter(self)
        self.procedure_list.clicked.connect(self._on_procedure_list_clicked)
        for edit in (self.name_edit, self.id_edit, self.birth_edit, self.address_edit,
                     self.phone_edit, self.email_edit, self.note_edit):  # fmt: skip
            edit.textChanged.connect(self._on_field_changed)
        self.sex_combo.currentIndexChanged.connect(self._on_field_changed)
        for combo in (self.channel_combo, self.delivery_combo, self.payment_combo):
            combo.currentIndexChanged.connect(self._on_form_changed)
        self.fee_spin.valueChanged.connect(self._on_fee_changed)
        self.fee_spin.valueChanged.connect(self._on_form_changed)
        self.sets_spin.valueChanged.connect(self._on_form_changed)
        self.confirm_check.toggled.connect(self._on_form_changed)
        self.components.dataChanged.connect(self._on_form_changed)
        self.save_button.clicked.connect(lambda: self.flow.save(print_receipt=False))
        self.save_print_button.clicked.connect(lambda: self.flow.save(print_receipt=True))
        self.clear_button.clicked.connect(self._on_clear_clicked)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda: self.flow.save(print_receipt=True))
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(lambda: self.flow.save(print_receipt=False))
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(30_000)
        self._clock_timer.timeout.connect(self._update_appointment)
        self._clock_timer.start()

    # ---- the procedure ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.procedure_search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key, rows = event.key(), self.procedures.rowCount()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and rows:
                row = self.procedure_list.currentIndex().row()
                row = (row + (1 if key == Qt.Key.Key_Down else -1)) % rows if row >= 0 else 0
                self.procedure_list.setCurrentIndex(self.procedures.index(row, 0))
                return True
            plain = not event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
                row = max(self.procedure_list.currentIndex().row(), 0)
                if rows:
                    self.pick_procedure(self.procedures.procedure(row))
                    self.name_edit.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return False

    def pick_procedure(self, procedure: Procedure) -> None:
        self._show_procedure(procedure)
        self.components.set_rows(rows_for(procedure))
        self.fee_spin.setValue(procedure.fee_amount or 0)
        self._on_form_changed()

    def _on_procedure_search_edited(self, text: str) -> None:
        self.procedures.filter(text)
        if self.procedures.rowCount():
            self.procedure_list.setCurrentIndex(self.procedures.index(0, 0))

    def _on_procedure_list_clicked(self, index: Any) -> None:
        self.pick_procedure(self.procedures.procedure(index.row()))
        self.name_edit.setFocus()

    def _show_procedure(self, procedure: Procedure | None) -> None:
        self.procedure = procedure
        if procedure is None:
            self.procedure_label.setText(self.tr("No procedure chosen yet."))
            self.fee_note.setText("")
        else:
            self.procedure_label.setText(
                self.tr("{code} · {name} ({time})").format(
                    code=procedure.code,
                    name=procedure.name,
                    time=procedure.processing_time.label_vi()
                    if procedure.processing_time
                    else self.tr("no processing time in the catalog"),
                )
            )
            self.fee_note.setText(procedure.fee)
        self._update_appointment()

    def _update_appointment(self) -> None:
        procedure = self.procedure
        if procedure is None or procedure.processing_time is None:
            self.appointment_label.setText(self.tr("Appointment: choose a procedure first."))
            return
        due = self._ctx.calendar.due(self._ctx.workspace.clock(), procedure.processing_time)
        local = due.astimezone(self._ctx.workspace.tz)
        self.appointment_label.setText(
            self.tr("Appointment if received now: {when}").format(
                when=_VI.toString(local.date(), "dddd, dd/MM/yyyy").capitalize() + f" {local:%H:%M}"
            )
        )

    # ---- validation ----------------------------------------------------------------------------

    def _today(self) -> Any:
        return self._ctx.workspace.clock().astimezone(self._ctx.workspace.tz).date()

    def check_fields(self) -> dict[str, list[Finding]]:
        """Check every field now and show each finding beside its field."""
        today = self._today()
        findings = {
            "name": check_name(self.name_edit.text()) if self.name_edit.text() else [],
            "id": check_id(
                self.id_edit.text(), self.birth_edit.text(), self.sex_combo.currentData(), today
            ),  # fmt: skip
            "birth": check_birth(self.birth_edit.text(), today),
            "address": check_address(self.address_edit.text()),
            "phone": check_phone(self.phone_edit.text()),
            "email": check_email(self.email_edit.text()),
        }
        for key, found in findings.items():
            self.messages[key].show_findings(found)
        warned = any(m.has_warning for m in self.messages.values())
        self.confirm_check.setVisible(warned)
        if not warned:
            self.confirm_check.setChecked(False)
        return findings

    def _on_field_changed(self) -> None:
        self.check_fields()
        self._on_form_changed()

    def _on_form_changed(self) -> None:
        if not self._restoring:
            self.flow.draft_timer.start()

    # ---- the form's content ---------------------------------------------------------------------

    def content(self) -> dict[str, Any]:
        """Everything the clerk has typed or ticked, as plain data (the draft's format)."""
        return {
            "version": 1,
            "procedure_code": self.procedure.code if self.procedure else "",
            "name": self.name_edit.text(), "id_number": self.id_edit.text(),
            "birth_date": self.birth_edit.text(), "sex": self.sex_combo.currentData(),
            "address": self.address_edit.text(), "phone": self.phone_edit.text(),
            "email": self.email_edit.text(), "channel": self.channel_combo.currentData(),
            "delivery": self.delivery_combo.currentData(), "fee": self.fee_spin.value(),
            "payment": self.payment(), "sets": self.sets_spin.value(), "note": self.note_edit.text(),
            "confirm_warnings": self.confirm_check.isChecked(),
            "components": [row.to_dict() for row in self.components.rows],
        }  # fmt: skip

    def is_empty(self) -> bool:
        c = self.content()
        typed = ("name", "id_number", "birth_date", "address", "phone", "email", "note")
        return not c["procedure_code"] and not any(c[k] for k in typed)

    def set_content(self, content: dict[str, Any]) -> None:
        self._restoring = True
        try:
            procedure = self.procedures.find(str(content.get("procedure_code", "")))
            self._show_procedure(procedure)
            self.procedure_search.clear()
            self.procedures.filter("")
            for edit, key in (
                (self.name_edit, "name"), (self.id_edit, "id_number"),
                (self.birth_edit, "birth_date"), (self.address_edit, "address"),
                (self.phone_edit, "phone"), (self.email_edit, "email"), (self.note_edit, "note"),
            ):  # fmt: skip
                edit.setText(str(content.get(key, "")))
            for combo, key in (
                (self.sex_combo, "sex"),
                (self.channel_combo, "channel"),
                (self.delivery_combo, "delivery"),
            ):
                index = combo.findData(content.get(key, ""))
                combo.setCurrentIndex(max(index, 0))
            self.fee_spin.setValue(int(content.get("fee", 0)))
            index = self.payment_combo.findData(content.get("payment", ""))
            self.payment_combo.setCurrentIndex(max(index, 0))
            self.sets_spin.setValue(int(content.get("sets", 1)))
            self.components.set_rows(
                [ComponentRow.from_dict(row) for row in content.get("components", [])]
            )
            self.check_fields()
            self.confirm_check.setChecked(bool(content.get("confirm_warnings")))
        finally:
            self._restoring = False

    def clear(self) -> None:
        self.set_content({})
        self.messages_clear()
        self.procedure_search.setFocus()

    def messages_clear(self) -> None:
        for message in self.messages.values():
            message.show_findings([])
        self.confirm_check.hide()

    def request(self) -> IntakeRequest:
        """The service's input, built from the widgets (the service validates it again)."""
        assert self.procedure is not None
        received = [row for row in self.components.rows if row.received]
        return IntakeRequest(
            procedure_code=self.procedure.code,
            applicant=ApplicantInput(
                name=self.name_edit.text(), id_number=self.id_edit.text(),
                birth_date=parse_birth(self.birth_edit.text()), sex=self.sex_combo.currentData(),
                address=self.address_edit.text(), phone=self.phone_edit.text(),
                email=self.email_edit.text(),
            ),
            channel=self.channel_combo.currentData(),
            components=tuple(
                ComponentInput(row.name, row.originals, row.copies, row.digitised)
                for row in received
            ) if self.components.rows else None,
            sets=self.sets_spin.value(), fee=self.fee_spin.value(), payment=self.payment(),
            delivery=self.delivery_combo.currentData(), note=self.note_edit.text(),
            confirm_warnings=self.confirm_check.isChecked(),
        )  # fmt: skip

    def payment(self) -> str:
        """How the fee is paid, as the service takes it: "" when not recorded or nothing to pay."""
        return str(self.payment_combo.currentData() or "") if self.fee_spin.value() > 0 else ""

    def _on_fee_changed(self, fee: int) -> None:
        combo = self.payment_combo
        combo.setEnabled(fee > 0)
        if fee <= 0:
            combo.setCurrentIndex(0)
        elif not combo.currentData() and not self._restoring:
            # A fee to pay: offer the likely way, the channel's own (the clerk can change it).
            online = self.channel_combo.currentData() == Channel.ONLINE.value
            combo.setCurrentIndex(
                combo.findData((Payment.ONLINE if online else Payment.DIRECT).value)
            )

    def _on_clear_clicked(self) -> None:
        self.clear()
        self.bar.hide_message()
        self.flow.save_draft()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Enter moves to the next field, as on a paper form; Ctrl+Enter is the shortcut to save."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            focused = self.focusWidget()
            if isinstance(focused, QPushButton):
                focused.click()  # Enter on a button presses it
            else:
                self.focusNextChild()
            event.accept()
            return
        super().keyPressEvent(event)
