"""The intake form's life: the draft kept on disk, the save on the worker, the receipt printed."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from ..domain.errors import MotcuaError
from ..services.drafts import INTAKE_DRAFT, DraftStore
from .context import AppContext
from .intake_fields import check_name
from .intake_print import ReceiptPrinter
from .messages import error_text

if TYPE_CHECKING:
    from .intake_page import IntakePage

DRAFT_NAME = INTAKE_DRAFT
DRAFT_DELAY_MS = 500


class IntakeFlow(QObject):
    """Saves the page's form; a failure keeps the form filled and offers the way on."""

    def __init__(self, ctx: AppContext, page: IntakePage) -> None:
        super().__init__(page)
        self._ctx = ctx
        self.page = page
        self.saving = False
        self.last_code = ""
        self.drafts = DraftStore.for_workspace(ctx.workspace, ctx.user.username)
        self.receipts = ReceiptPrinter(ctx, page)
        self.receipts.printed.connect(self._on_receipt_printed)
        self.receipts.failed.connect(self._on_receipt_failed)
        self.draft_timer = QTimer(self)
        self.draft_timer.setSingleShot(True)
        self.draft_timer.setInterval(DRAFT_DELAY_MS)
        self.draft_timer.timeout.connect(self.save_draft)

    # ---- drafts ---------------------------------------------------------------------------------

    def save_draft(self) -> None:
        """Keep the form on disk (debounced after each change); an empty form leaves no draft."""
        self.draft_timer.stop()
        try:
            if self.page.is_empty():
                self.drafts.clear(DRAFT_NAME)
            else:
                content = self.page.content()
                content["saved_at"] = self._ctx.workspace.clock().isoformat()
                self.drafts.save(DRAFT_NAME, content)
        except (OSError, MotcuaError) as error:
            self.page.bar.show_message(
                QCoreApplication.translate(
                    "IntakePage", "The draft could not be kept on disk: {reason}"
                ).format(reason=error_text(error)),
                level="warning",
            )

    def offer_draft(self) -> None:
        draft = self.drafts.load(DRAFT_NAME)
        if not draft:
            return
        try:
            when = datetime.fromisoformat(str(draft.get("saved_at")))
            at = f"{when.astimezone(self._ctx.workspace.tz):%H:%M %d/%m/%Y}"
        except ValueError:
            at = "?"
        self.page.bar.show_message(
            QCoreApplication.translate(
                "IntakePage",
                "A dossier was being entered when the program stopped ({at}, applicant «{name}»). "
                "Restore it?",
            ).format(at=at, name=draft.get("name", "")),
            level="warning",
            actions=[
                (
                    QCoreApplication.translate("IntakePage", "&Restore"),
                    lambda: self._restore_draft(draft),
                ),
                (QCoreApplication.translate("IntakePage", "&Discard"), self._discard_draft),
            ],
        )

    def _restore_draft(self, draft: dict[str, Any]) -> None:
        self.page.set_content(draft)
        self.page.bar.hide_message()
        self.page.name_edit.setFocus()

    def _discard_draft(self) -> None:
        self.drafts.clear(DRAFT_NAME)
        self.page.bar.hide_message()

    # ---- saving and printing --------------------------------------------------------------------

    def save(self, *, print_receipt: bool) -> None:
        """Save the dossier on the worker; then, if asked, keep and print its receipt."""
        if self.saving:
            return
        if self.page.procedure is None:
            self.page.bar.show_message(
                QCoreApplication.translate("IntakePage", "Choose the procedure first."),
                level="error",
            )
            self.page.procedure_search.setFocus()
            return
        findings = self.page.check_fields()
        if not self.page.name_edit.text().strip():
            findings["name"] = check_name("")
            self.page.messages["name"].show_findings(findings["name"])
        for key, widget in (
            ("name", self.page.name_edit), ("id", self.page.id_edit), ("birth", self.page.birth_edit),
            ("address", self.page.address_edit), ("phone", self.page.phone_edit),
            ("email", self.page.email_edit),
        ):  # fmt: skip
            if self.page.messages[key].has_error:
                self.page.bar.show_message(
                    QCoreApplication.translate(
                        "IntakePage", "Correct the fields marked ✖ before saving."
                    ),
                    level="error",
                )
                widget.setFocus()
                return
        if not self.page.confirm_check.isHidden() and not self.page.confirm_check.isChecked():
            self.page.bar.show_message(
                QCoreApplication.translate(
                    "IntakePage",
                    "Check the warnings (⚠) with the applicant, then tick the box to go on.",
                ),
                level="warning",
            )
            self.page.confirm_check.setFocus()
            return
        if not any(row.received for row in self.page.components.rows) and self.page.components.rows:
            self.page.bar.show_message(
                QCoreApplication.translate("IntakePage", "Tick at least one document received."),
                level="error",
            )
            self.page.component_table.setFocus()
            return
        request = self.page.request()
        self.save_draft()  # on disk before the attempt, whatever happens to the attempt
        self._set_saving(True)
        self.page.bar.show_message(
            QCoreApplication.translate("IntakePage", "Saving…"), level="info"
        )
        service, user = self._ctx.dossiers, self._ctx.user
        self._ctx.act(
            lambda: service.receive(user, request),
            lambda result: self._on_saved(result.code, print_receipt),
            lambda error: self._on_save_failed(error, print_receipt),
        )

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        for button in (self.page.save_button, self.page.save_print_button, self.page.clear_button):
            button.setEnabled(not saving)

    def _on_saved(self, code: str, print_receipt: bool) -> None:
        self.last_code = code
        self.drafts.clear(DRAFT_NAME)
        self.page.dossier_saved.emit(code)
        if print_receipt:
            self.page.bar.show_message(
                QCoreApplication.translate(
                    "IntakePage", "Dossier {code} saved; preparing the receipt…"
                ).format(code=code),
                level="info",
            )
            self.receipts.print_receipt(code)
            return
        self._finish(code, printed=False)

    def _on_save_failed(self, error: Exception, print_receipt: bool) -> None:
        self._set_saving(False)
        actions = [
            (
                QCoreApplication.translate("IntakePage", "&Try again"),
                lambda: self.save(print_receipt=print_receipt),
            )
        ]
        if print_receipt:
            actions.append(
                (
                    QCoreApplication.translate("IntakePage", "Save &without printing"),
                    lambda: self.save(print_receipt=False),
                )
            )
        self.page.bar.show_message(
            QCoreApplication.translate(
                "IntakePage", "Not saved: {reason} Everything you typed is still here."
            ).format(reason=error_text(error)),
            level="error",
            actions=actions,
        )

    def _on_receipt_printed(self, code: str, _path: object) -> None:
        self._finish(code, printed=True, previewed=not self.receipts.direct)

    def _on_receipt_failed(self, code: str, error: Exception) -> None:
        self._set_saving(False)
        self.page.bar.show_message(
            QCoreApplication.translate(
                "IntakePage", "Dossier {code} is saved, but its receipt was not printed: {reason}"
            ).format(code=code, reason=error_text(error)),
            level="error",
            actions=[
                (
                    QCoreApplication.translate("IntakePage", "&Print again"),
                    lambda: self._retry_print(code),
                ),
                (
                    QCoreApplication.translate("IntakePage", "Continue &without printing"),
                    lambda: self._finish(code, printed=False),
                ),
            ],
        )

    def _retry_print(self, code: str) -> None:
        self._set_saving(True)
        self.receipts.print_receipt(code)

    def _finish(self, code: str, *, printed: bool, previewed: bool = False) -> None:
        self._set_saving(False)
        self.page.clear()
        self.drafts.clear(DRAFT_NAME)
        if previewed:
            text = QCoreApplication.translate(
                "IntakePage", "Dossier {code} received; its receipt is open for printing."
            )
        elif printed:
            text = QCoreApplication.translate(
                "IntakePage", "Dossier {code} received; receipt printed."
            )
        else:
            text = QCoreApplication.translate("IntakePage", "Dossier {code} received.")
        self.page.bar.show_message(
            text.format(code=code),
            level="success",
            actions=[
                (
                    QCoreApplication.translate("IntakePage", "&Open dossier"),
                    lambda: self._ctx.dossier_requested.emit(code),
                )
            ],
        )
