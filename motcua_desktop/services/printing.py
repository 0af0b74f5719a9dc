"""Print a form for a dossier (or the ledger for a period) and keep the PDF with the dossier."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import select

from ..domain.errors import ValidationError, register_messages
from ..domain.roles import Action
from ..storage import eventstore
from ..storage.schema import DossierRecord
from ..storage.timekeys import utc_key
from .documents import (
    KINDS,
    DocumentContext,
    DossierFacts,
    render_apology,
    render_control_slip,
    render_ledger,
    render_receipt,
    render_refusal,
    render_stop,
    render_supplement,
)
from .dossiers import DossierService
from .files import write_atomic
from .users import User, require
from .workspace import Workspace

register_messages(
    {
        "print.kind": "Loại giấy tờ «{value}» không hợp lệ (có: {available}).",
        "print.code_required": "Cần mã hồ sơ để in «{kind}».",
        "print.range_required": "Sổ theo dõi hồ sơ cần khoảng ngày: từ ngày và đến ngày.",
        "print.range_order": "Khoảng ngày không hợp lệ: từ {start} đến {end}.",
        "print.range_too_long": "Khoảng ngày quá dài ({days} ngày); tối đa {max} ngày mỗi lần in sổ.",
    }
)

MAX_LEDGER_DAYS = 400
_FORMS: dict[str, Callable[[DocumentContext, DossierFacts], bytes]] = {
    "supplement": render_supplement,
    "refusal": render_refusal,
    "apology": render_apology,
    "stop": render_stop,
    "control": render_control_slip,
}


class PrintService:
    """Renders forms and archives every printed PDF under ``documents/<code>/<kind>-<time>.pdf``."""

    def __init__(self, workspace: Workspace, actor: User | None = None) -> None:
        self.ws = workspace
        self.actor = actor

    def context(self, form_set: str | None = None) -> DocumentContext:
        return DocumentContext.from_workspace(self.ws, form_set=form_set)

    def facts(self, code: str) -> DossierFacts:
        service = DossierService(self.ws)
        service.state(code)  # NotFoundError for an unknown code, before any rendering
        return DossierFacts.from_events(service.events(code))

    def render_bytes(
        self,
        kind: str,
        code: str | None = None,
        *,
        start: date | None = None,
        end: date | None = None,
        a5: bool = False,
        form_set: str | None = None,
    ) -> bytes:
        """The PDF of one form, without keeping it (the preview uses this)."""
        if self.actor is not None:
            require(self.actor, Action.PRINT)
        if kind not in KINDS:
            raise ValidationError(
                "print.kind", field="kind", value=kind, available=", ".join(KINDS)
            )
        ctx = self.context(form_set)
        if kind == "ledger":
            first, last = _check_range(start, end)
            return render_ledger(ctx, self._received_between(first, last), first, last)
        if not code:
            raise ValidationError("print.code_required", field="dossier", kind=kind)
        facts = self.facts(code)
        if kind == "receipt":
            return render_receipt(ctx, facts, a5=a5)
        return _FORMS[kind](ctx, facts)

    def render(
        self,
        kind: str,
        code: str | None = None,
        *,
        start: date | None = None,
        end: date | None = None,
        a5: bool = False,
        form_set: str | None = None,
    ) -> Path:
        """Render and keep the PDF with its dossier (ledgers in ``documents/ledger``); its path."""
        data = self.render_bytes(kind, code, start=start, end=end, a5=a5, form_set=form_set)
        stamp = f"{self.ws.clock().astimezone(self.ws.tz):%Y%m%d-%H%M%S}"
        if kind == "ledger":
            assert start is not None and end is not None
            folder = self.ws.documents_dir / "ledger"
            stem = f"ledger-{start:%Y%m%d}-{end:%Y%m%d}-{stamp}"
        else:
            assert code is not None
            folder = self.ws.documents_dir / _folder_name(code)
            stem = f"{kind}{'-a5' if a5 else ''}-{stamp}"
        return write_atomic(_free_name(folder, stem), data)

    def _received_between(self, start: date, end: date) -> list[DossierFacts]:
        tz = self.ws.tz
        low = utc_key(datetime.combine(start, time.min, tz))
        high = utc_key(datetime.combine(end + timedelta(days=1), time.min, tz))
        with self.ws.db.reading() as session:
            codes = session.scalars(
                select(DossierRecord.code)
                .where(DossierRecord.received_at >= low, DossierRecord.received_at < high)
                .order_by(DossierRecord.received_at, DossierRecord.code)
            ).all()
            return [
                DossierFacts.from_events(eventstore.dossier_events(session, code)) for code in codes
            ]


def _check_range(start: date | None, end: date | None) -> tuple[date, date]:
    if start is None or end is None:
        raise ValidationError("print.range_required", field="from" if start is None else "to")
    if end < start:
        raise ValidationError(
            "print.range_order", field="to", start=f"{start:%d/%m/%Y}", end=f"{end:%d/%m/%Y}"
        )
    days = (end - start).days + 1
    if days > MAX_LEDGER_DAYS:
        raise ValidationError("print.range_too_long", field="to", days=days, max=MAX_LEDGER_DAYS)
    return start, end


def _folder_name(code: str) -> str:
    """The dossier's folder name: its code, with anything a path could misread replaced.

    Codes also arrive by sync from other PCs, so they are never trusted as paths.
    """
    name = re.sub(r"[^\w.-]", "_", code.strip().upper()).lstrip(".")
    return name or "_"


def _free_name(folder: Path, stem: str) -> Path:
    """``stem.pdf``, or ``stem-2.pdf``… when the same form was printed twice in one second."""
    path = folder / f"{stem}.pdf"
    counter = 2
    while path.exists():
        path = folder / f"{stem}-{counter}.pdf"
        counter += 1
    return path
