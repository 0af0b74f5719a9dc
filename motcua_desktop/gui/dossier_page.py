"""One dossier: its header, its timeline (the control slip) and the acts the user may do now."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QHeaderView, QPushButton, QWidget

from ..domain.dossier import DossierState, Status, allowed
from ..domain.events import Event, EventType
from ..domain.roles import Action
from ..services.dossiers import ACT_TYPES, ActResult
from ..services.intake import CHANNEL_LABELS_VI, Channel
from ..services.users import User, list_users
from .context import AppContext
from .dossier_dialogs import (
    ActDialog,
    HandOverDialog,
    ReceiveSupplementDialog,
    RefuseDialog,
    StopDialog,
    SupplementRequestDialog,
    WithdrawDialog,
)
from .forms.ui_dossier_page import Ui_DossierPage
from .records_common import (
    FormPrinter,
    error_text,
    status_icon,
    status_text,
    time_text,
)
from .result_dialogs import ApologyDialog, RecordResultDialog, ReturnDialog, SatisfactionDialog
from .timeline_model import TimelineModel, timeline_rows


@dataclass(frozen=True)
class DossierView:
    """Everything the page shows, read on the worker in one go."""

    state: DossierState
    events: list[Event]
    users: list[User]


def can_act(ctx: AppContext, state: DossierState, action: Action) -> bool:
    """The role allows the act and the dossier's state admits it now."""
    if not ctx.can(action) or not allowed(state.status, ACT_TYPES[action]):
        return False
    if action is Action.ISSUE_APOLOGY:
        # Only once, and only for a dossier late or due within a working day (the service checks).
        return state.apology is None and _apology_due(ctx, state)
    if action is Action.RECORD_SATISFACTION:
        return state.status is Status.RETURNED and not state.satisfaction
    return True


def _apology_due(ctx: AppContext, state: DossierState) -> bool:
    if state.appointment is None:
        return False
    tz = ctx.workspace.tz
    today = ctx.workspace.clock().astimezone(tz).date()
    calendar = ctx.dossiers.calendar
    return calendar.add_working_days(today, 1) >= state.appointment.astimezone(tz).date()


class DossierPage(QWidget):
    """Shows one dossier; every act opens its dialog, runs through ``ctx.act`` and may print.

    Signals:
        dossier_shown(str): the dossier's data is on screen (after a load or a refresh).
        act_finished(str): an act was saved (its form, if printed, is being previewed).
        dialog_opened(QDialog): an act dialog was opened (tests and tours drive it from here).
    """

    dossier_shown = Signal(str)
    act_finished = Signal(str)
    dialog_opened = Signal(QDialog)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_DossierPage()
        self.ui.setupUi(self)
        self.printer = FormPrinter(ctx, self)
        self.state: DossierState | None = None
        self._users: list[User] = []
        self._loading = ""
        self.timeline = TimelineModel(self)
        self.ui.timeline_view.setModel(self.timeline)
        header = self.ui.timeline_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.ui.timeline_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        font = QFont(self.ui.code_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.ui.code_label.setFont(font)
        self.ui.notice_label.hide()
        self.act_buttons: dict[Action, QPushButton] = {
            Action.HAND_OVER: self.ui.hand_over_button,
            Action.REQUEST_SUPPLEMENT: self.ui.request_supplement_button,
            Action.RECEIVE_SUPPLEMENT: self.ui.receive_supplement_button,
            Action.RECORD_RESULT: self.ui.record_result_button,
            Action.RETURN_RESULT: self.ui.return_button,
            Action.RECORD_SATISFACTION: self.ui.satisfaction_button,
            Action.ISSUE_APOLOGY: self.ui.apology_button,
            Action.REFUSE: self.ui.refuse_button,
            Action.WITHDRAW: self.ui.withdraw_button,
            Action.STOP: self.ui.stop_button,
        }
        for action, button in self.act_buttons.items():
            button.clicked.connect(self._opener(action))
            button.hide()
        self.ui.print_control_button.clicked.connect(self._on_print_control_clicked)
        self.ui.print_receipt_button.clicked.connect(self._on_print_receipt_clicked)
        self.ui.stack.setCurrentWidget(self.ui.empty_page)
        ctx.data_changed.connect(self._on_ctx_data_changed)
        ctx.user_changed.connect(self._on_ctx_user_changed)

    # ---- public ------------------------------------------------------------------------------

    @property
    def code(self) -> str:
        return self.state.code if self.state is not None else ""

    def show_dossier(self, code: str) -> None:
        """Load and show a dossier (on the worker); ``dossier_shown`` says when it is on screen."""
        code = code.strip().upper()
        if code != self.code:
            self.ui.notice_label.hide()
        self._loading = code
        ctx = self.ctx

        def load() -> DossierView:
            service = ctx.dossiers
            state = service.state(code)
            _ = service.calendar  # read the calendar here, not on the GUI thread
            return DossierView(state, service.events(code), list_users(ctx.workspace))

        ctx.query(load, self._on_loaded, self._on_load_failed)

    def visible_acts(self) -> list[Action]:
        """The acts whose buttons are shown now."""
        return [a for a, b in self.act_buttons.items() if not b.isHidden()]

    def open_act(self, action: Action) -> ActDialog | None:
        """Open the act's dialog, as its button does; None when the act is not allowed now."""
        if self.state is None or not can_act(self.ctx, self.state, action):
            return None
        dialog = self._dialog_for(action, self.state)
        dialog.act_done.connect(self._after_act(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    # ---- slots -------------------------------------------------------------------------------

    def _opener(self, action: Action) -> Callable[[], None]:
        return lambda: self._on_act_button_clicked(action)

    def _on_act_button_clicked(self, action: Action) -> None:
        self.open_act(action)

    def _on_print_control_clicked(self) -> None:
        if self.state is not None:
            self.printer.print_form("control", self.state.code)

    def _on_print_receipt_clicked(self) -> None:
        if self.state is not None:
            self.printer.print_form("receipt", self.state.code)

    def _on_ctx_data_changed(self) -> None:
        if self.state is not None:
            self.show_dossier(self.state.code)

    def _on_ctx_user_changed(self) -> None:
        if self.state is not None:
            self._show_acts(self.state)

    def _on_loaded(self, view: DossierView) -> None:
        if view.state.code != self._loading:
            return  # a newer request is on its way
        self.state = view.state
        self._users = view.users
        names = {u.username: u.full_name for u in view.users}
        self._show_header(view.state, names)
        self.timeline.set_rows(
            timeline_rows(view.events, names, self.ctx.workspace.tz, view.state.review)
        )
        self._show_acts(view.state)
        self.ui.stack.setCurrentWidget(self.ui.dossier_view)
        self.dossier_shown.emit(view.state.code)

    def _on_load_failed(self, error: Exception) -> None:
        self.state = None
        self.ui.empty_label.setText(error_text(error))
        self.ui.stack.setCurrentWidget(self.ui.empty_page)

    # ---- internals ---------------------------------------------------------------------------

    def _show_header(self, state: DossierState, names: dict[str, str]) -> None:
        ui, tz = self.ui, self.ctx.workspace.tz
        late = state.is_overdue(self.ctx.workspace.clock()) or bool(state.resolved_late)
        ui.code_label.setText(state.code)
        text = status_text(state.status)
        if late:
            text = self.tr("{status} — late").format(status=text)
        if state.needs_review:
            text = self.tr("{status} — needs review").format(status=text)
        ui.status_label.setText(text)
        icon = status_icon(state.status, late=late, review=state.needs_review)
        ui.status_icon.setPixmap(icon.pixmap(20, 20))
        ui.status_label.setStyleSheet("color: #a61b1b; font-weight: bold;" if late else "")
        ui.procedure_value.setText(f"{state.procedure_code} — {state.procedure_name}")
        applicant = state.applicant
        parts = [str(applicant.get("name", ""))]
        parts += [str(applicant[k]) for k in ("phone", "address") if applicant.get(k)]
        ui.applicant_value.setText(" · ".join(p for p in parts if p))

        def local(moment: datetime | None) -> datetime | None:
            return moment.astimezone(tz) if moment is not None else None

        ui.received_value.setText(time_text(local(state.received_at)))
        ui.appointment_value.setText(time_text(local(state.appointment)))
        ui.rescheduled_value.setText(time_text(local(state.rescheduled_to)) or self.tr("none"))
        holder = names.get(state.holder_user, state.holder_user)
        ui.holder_value.setText(
            self.tr("{person} ({unit})").format(person=holder, unit=state.holder_unit)
            if state.holder_unit
            else holder
        )
        try:
            ui.channel_value.setText(CHANNEL_LABELS_VI[Channel(state.channel)])
        except ValueError:
            ui.channel_value.setText(state.channel)
        ui.print_receipt_button.setVisible(
            state.received_at is not None and self.ctx.can(Action.PRINT)
        )
        ui.print_control_button.setVisible(
            state.received_at is not None and self.ctx.can(Action.PRINT)
        )

    def _show_acts(self, state: DossierState) -> None:
        for action, button in self.act_buttons.items():
            button.setVisible(can_act(self.ctx, state, action))

    def _dialog_for(self, action: Action, state: DossierState) -> ActDialog:
        simple: dict[Action, Callable[[AppContext, DossierState, QWidget], ActDialog]] = {
            Action.REQUEST_SUPPLEMENT: SupplementRequestDialog,
            Action.RECEIVE_SUPPLEMENT: ReceiveSupplementDialog,
            Action.RECORD_RESULT: RecordResultDialog,
            Action.RETURN_RESULT: ReturnDialog,
            Action.RECORD_SATISFACTION: SatisfactionDialog,
            Action.ISSUE_APOLOGY: ApologyDialog,
            Action.REFUSE: RefuseDialog,
            Action.WITHDRAW: WithdrawDialog,
            Action.STOP: StopDialog,
        }
        if action is Action.HAND_OVER:
            return HandOverDialog(self.ctx, state, self._users, self)
        return simple[action](self.ctx, state, self)

    def _after_act(self, dialog: ActDialog) -> Callable[[ActResult], None]:
        def done(result: ActResult) -> None:
            self._announce(result)
            if dialog.wants_print and dialog.print_kind is not None:
                self.printer.print_form(dialog.print_kind, result.code)
            self.act_finished.emit(result.code)

        return done

    def _announce(self, result: ActResult) -> None:
        state = result.state
        tz = self.ctx.workspace.tz
        first = result.events[0].type if result.events else None
        if first is EventType.SUPPLEMENT_RECEIVED:
            text = self.tr("Supplements received. New appointment: {time}.").format(
                time=time_text(state.appointment.astimezone(tz) if state.appointment else None)
            )
        elif first is EventType.APOLOGY_ISSUED and state.rescheduled_to is not None:
            text = self.tr("Apology recorded. New appointment: {time}.").format(
                time=time_text(state.rescheduled_to.astimezone(tz))
            )
        else:
            text = self.tr("Saved: {status}.").format(status=status_text(state.status))
        self.ui.notice_label.setText(text)
        self.ui.notice_label.show()
