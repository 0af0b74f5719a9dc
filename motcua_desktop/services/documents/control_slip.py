"""Form 06: the control slip, one row per hand-over with the result of that step against its due time."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from ...domain.events import EventType
from .context import DocumentContext
from .facts import DossierFacts, step_result
from .layout import (
    A4_PORTRAIT,
    GRID_SLACK,
    PageSpec,
    Styles,
    build_pdf,
    esc,
    header,
    ruled_table,
    title,
)
from .parts import code_block, fill
from .templates import FormText


def _side(name: str, unit: str, st: Styles) -> list[Flowable]:
    """A person and their unit, with room below for their signature."""
    cell: list[Flowable] = [Paragraph(f"<b>{esc(name)}</b>", st.cell)]
    if unit:
        cell.append(Paragraph(f"<i>{esc(unit)}</i>", st.cell))
    cell.append(Spacer(1, 10 * mm))
    return cell


def _row(
    number: int, giver: list[Flowable], taker: list[Flowable], at: datetime, due: datetime | None,
    note: str, ctx: DocumentContext, form: FormText, st: Styles,
) -> list[Any]:  # fmt: skip
    local = ctx.local(at)
    result = step_result(at, due, ctx.tz)
    label = form.mapping("results").get(result, "") if result else ""
    return [
        Paragraph(str(number), st.cell_center),
        giver,
        taker,
        Paragraph(f"{local:%H:%M}<br/>{local:%d/%m/%Y}", st.cell_center),
        Paragraph(f"<b>{esc(label)}</b>", st.cell_center),
        Paragraph(esc(note), st.cell),
    ]


def step_rows(ctx: DocumentContext, facts: DossierFacts, form: FormText, st: Styles) -> list[Any]:
    """Each hand-over, then the return to the applicant, with the result of the step it closes.

    A hand-over closes the giver's step, so it is judged against the ``step_due`` the giver was
    handed with (the previous hand-over's), else against the appointment in force at that time.
    Judging it against its own ``step_due``, set at that very moment for the receiver's step,
    could never be anything but early.
    """
    rows: list[Any] = []
    giver_due: datetime | None = None
    for h in facts.state.handovers:
        giver, taker = ctx.person(h.from_user), ctx.person(h.to_user)
        due = giver_due or facts.appointment_at(h.at)
        rows.append(
            _row(len(rows) + 1, _side(giver.full_name, h.from_unit or giver.unit, st),
                 _side(taker.full_name, h.to_unit or taker.unit, st),
                 h.at, due, h.note, ctx, form, st)
        )  # fmt: skip
        giver_due = h.step_due
    returned = facts.last(EventType.RETURNED)
    if returned is not None and facts.state.returned_at is not None:
        clerk = ctx.person(returned.actor)
        to_whom = str(returned.data.get("to_whom") or facts.state.applicant.get("name", ""))
        due = giver_due or facts.appointment_at(returned.at)
        rows.append(
            _row(len(rows) + 1, _side(clerk.full_name, clerk.unit, st),
                 _side(to_whom, form.text("applicant_side"), st), returned.at, due,
                 form.text("return_note"), ctx, form, st)
        )  # fmt: skip
    return rows


def _steps_table(rows: list[Any], form: FormText, spec: PageSpec, st: Styles) -> Flowable:
    if not rows:
        return Paragraph(esc(form.text("no_rows")), st.note_center)
    first, when, result = 9 * mm, 24 * mm, 26 * mm
    side = 40 * mm
    note = spec.width - GRID_SLACK - first - 2 * side - when - result
    head = [Paragraph(esc(c), st.cell_head) for c in form.items("columns")]
    return ruled_table([head, *rows], [first, side, side, when, result, note], spec)


def render_control_slip(ctx: DocumentContext, facts: DossierFacts) -> bytes:
    """Form 06 with the dossier's barcode; the step results name the step that made it late."""
    form = ctx.forms.form("control")
    facts.require(EventType.RECEIVED, "sự kiện tiếp nhận", form.title)
    spec, st = A4_PORTRAIT, Styles(A4_PORTRAIT.scale)
    state = facts.state
    assert state.received_at is not None
    blank = ctx.forms.text("blank")
    story: list[Flowable] = header(
        ctx, spec, st, date_text=ctx.date_line(state.received_at), form_number=form.number
    )
    story += title(form.title, st)
    story += code_block(ctx, state.code, spec, st)
    story.append(Paragraph(esc(form.text("attached")), st.note_center))
    main_unit = facts.responsible_unit
    skip = {main_unit, str(facts.intake.get("unit") or "")}
    partners = list(dict.fromkeys(h.to_unit for h in state.handovers if h.to_unit not in skip))
    lines = [
        fill(form.text("applicant"), bold=("name",), name=state.applicant.get("name") or blank),
        fill(form.text("procedure"), procedure=state.procedure_name or blank),
        fill(form.text("unit"), unit=main_unit or blank),
        fill(form.text("partners"), units=", ".join(partners) or blank),
        fill(form.text("received_at"), time=ctx.time_text(state.received_at)),
        fill(form.text("appointment"), bold=("time",), time=ctx.time_text(state.appointment)),
    ]
    story += [Paragraph(line, st.body) for line in lines]
    story.append(Spacer(1, 4))
    story.append(_steps_table(step_rows(ctx, facts, form, st), form, spec, st))
    return build_pdf([story], spec, title=form.title, author=ctx.centre_name, subject=facts.code)
