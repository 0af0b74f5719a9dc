"""Form 07: the ledger of dossiers received in a date range (landscape A4, header row on every page)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from ...domain.dossier import STATUS_LABELS_VI, Status
from ...domain.events import EventType
from .context import DocumentContext
from .facts import DossierFacts
from .fonts import BOLD, REGULAR, text_width
from .layout import A4_LANDSCAPE, GRID_SLACK, Styles, build_pdf, esc, header, ruled_table, title
from .parts import fill
from .templates import FormText

# STT, unit, four dates, result/supplement, note (mm); the code column fits the longest code and
# the procedure and applicant columns share what is left.
_STT, _UNIT, _DATE, _PROGRESS, _NOTE = 9, 23, 17, 19, 17
_CELL = ParagraphStyle("ledger_cell", fontName=REGULAR, fontSize=9, leading=10.5)
_CENTRE = ParagraphStyle("ledger_centre", parent=_CELL, alignment=TA_CENTER)
_HEAD = ParagraphStyle("ledger_head", parent=_CELL, fontName=BOLD, alignment=TA_CENTER)
_NORMAL_END = {Status.PROCESSING, Status.RESULT_READY, Status.RETURNED, Status.WAITING_SUPPLEMENT}


def _day(ctx: DocumentContext, moment: datetime | None) -> str:
    return ctx.day_text(moment)


def _notes(ctx: DocumentContext, facts: DossierFacts, form: FormText) -> list[str]:
    state = facts.state
    notes: list[str] = []
    if state.status not in _NORMAL_END:
        notes.append(STATUS_LABELS_VI[state.status])
    late = state.resolved_late
    if late is None and ctx.now is not None:
        late = state.is_overdue(ctx.now)
    if late:
        notes.append(form.text("late"))
    if state.rescheduled_to is not None:
        notes.append(form.text("rescheduled", date=_day(ctx, state.rescheduled_to)))
    return notes


def _row(number: int, ctx: DocumentContext, facts: DossierFacts, form: FormText) -> list[Any]:
    state = facts.state
    person = state.applicant
    who = [f"<b>{esc(person.get('name', ''))}</b>"]
    who += [esc(person[k]) for k in ("address", "phone") if person.get(k)]
    progress = [
        form.text("supplement", date=_day(ctx, e.at))
        for e in facts.of_type(EventType.SUPPLEMENT_REQUESTED)
    ]
    if state.resolved_at is not None:
        progress.append(form.text("result", date=_day(ctx, state.resolved_at)))
    first_move = state.handovers[0].at if state.handovers else None
    cells = [
        (str(number), _CENTRE),
        (esc(state.code), _CELL),
        (esc(state.procedure_name), _CELL),
        ("<br/>".join(who), _CELL),
        (esc(facts.responsible_unit), _CELL),
        (_day(ctx, state.received_at), _CENTRE),
        (_day(ctx, state.original_appointment), _CENTRE),
        (_day(ctx, first_move), _CENTRE),
        ("<br/>".join(esc(p) for p in progress), _CENTRE),
        (_day(ctx, state.returned_at), _CENTRE),
        ("<br/>".join(esc(n) for n in _notes(ctx, facts, form)), _CELL),
    ]
    return [Paragraph(text, style) for text, style in cells]


def _widths(dossiers: Sequence[DossierFacts], total: float) -> list[float]:
    longest = max(text_width(f.code, REGULAR, _CELL.fontSize) for f in dossiers)
    code = min(max(longest + 8, 30 * mm), 55 * mm)  # 2 × 3 pt cell padding and a little air
    fixed = (_STT + _UNIT + 4 * _DATE + _PROGRESS + _NOTE) * mm
    wide = (total - GRID_SLACK - fixed - code) / 2
    return [
        _STT * mm, code, wide, wide, _UNIT * mm, _DATE * mm, _DATE * mm, _DATE * mm,
        _PROGRESS * mm, _DATE * mm, _NOTE * mm,
    ]  # fmt: skip


def render_ledger(
    ctx: DocumentContext, dossiers: Sequence[DossierFacts], start: date, end: date
) -> bytes:
    """Form 07: one row per dossier received from ``start`` to ``end`` (inclusive), oldest first."""
    form = ctx.forms.form("ledger")
    spec = A4_LANDSCAPE
    st = Styles(spec.scale)
    printed = ctx.now or datetime.now(ctx.tz)
    story: list[Flowable] = header(
        ctx, spec, st, date_text=ctx.date_line(printed), form_number=form.number
    )
    period = form.text("period", start=f"{start:%d/%m/%Y}", end=f"{end:%d/%m/%Y}")
    story += title(form.title, st, period)
    ordered = sorted(
        dossiers, key=lambda f: (f.state.received_at or datetime.max.replace(tzinfo=ctx.tz), f.code)
    )
    if not ordered:
        story.append(Paragraph(esc(form.text("empty")), st.note_center))
    else:
        head = [Paragraph(esc(c), _HEAD) for c in form.items("columns")]
        rows = [_row(i, ctx, f, form) for i, f in enumerate(ordered, start=1)]
        story.append(ruled_table([head, *rows], _widths(ordered, spec.width), spec))
        story.append(Paragraph(fill(form.text("total"), count=len(ordered)), st.left))
    return build_pdf([story], spec, title=form.title, author=ctx.centre_name, subject=period)
