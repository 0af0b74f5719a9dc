"""Form 04: the apology and new appointment, signed by the head of the unit that caused the delay."""

from __future__ import annotations

from ...domain.events import parse_time
from .context import DocumentContext
from .facts import DossierFacts
from .layout import A4_PORTRAIT, Signer, Styles, esc
from .parts import fill, letter_closing, letter_opening


def render_apology(ctx: DocumentContext, facts: DossierFacts) -> bytes:
    """Form 04 from the dossier's one ``apology_issued`` event (refused without it, or with two)."""
    form = ctx.forms.form("apology")
    apology = facts.single_apology(form.title)
    spec, st = A4_PORTRAIT, Styles(A4_PORTRAIT.scale)
    state, data = facts.state, apology.data
    blank = ctx.forms.text("blank")
    unit = str(data.get("responsible_unit") or facts.responsible_unit or ctx.centre_name)
    raw_old = data.get("original_appointment")
    old = parse_time(raw_old, name="original_appointment") if raw_old else state.appointment
    raw_new = data.get("new_appointment")
    new = parse_time(raw_new, name="new_appointment") if raw_new else None
    story, intake = letter_opening(ctx, form, spec, st, state, apology.at)
    paragraphs = [
        intake,
        fill(form.text("appointment"), time=ctx.time_text(old)),
        fill(form.text("delay"), unit=unit),
        fill(form.text("reason"), reason=data.get("reason") or blank),
        fill(form.text("apology"), bold=("time",), unit=unit, time=ctx.time_text(new)),
        esc(form.text("closing")),
    ]  # fmt: skip
    signer = Signer(
        form.text("sign"), ctx.head_of(unit), ctx.forms.text("sign_hint_seal"), unit=unit
    )
    return letter_closing(ctx, form, spec, st, story, paragraphs, signer, facts.code)
