"""Form 01: the receipt and appointment slip, two copies (one kept, one for the applicant)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from ...domain.events import EventType
from .context import DocumentContext
from .facts import DossierFacts
from .layout import (
    A4_PORTRAIT,
    A5_PORTRAIT,
    GRID_SLACK,
    PageSpec,
    Signer,
    Styles,
    build_pdf,
    esc,
    header,
    signatures,
    title,
)
from .parts import applicant_lines, code_block, fill, grid
from .templates import FormText


def _components(facts: DossierFacts, form: FormText, spec: PageSpec, st: Styles) -> Flowable:
    items = facts.state.components
    if not items:
        return Paragraph(esc(form.text("components_none")), st.note_center)
    narrow = 20 * mm * st.scale
    first = 10 * mm * st.scale
    widths = [first, spec.width - GRID_SLACK - first - 2 * narrow, narrow, narrow]
    rows = [
        (str(i), str(c.get("name", "")), str(c.get("originals", 0)), str(c.get("copies", 0)))
        for i, c in enumerate(items, start=1)
    ]
    return grid(spec, st, form.items("components_columns"), rows, widths, centred=(0, 2, 3))


def _delivery(ctx: DocumentContext, facts: DossierFacts, form: FormText) -> str:
    if facts.intake.get("delivery") == "postal":
        address = facts.state.applicant.get("address") or ctx.forms.text("blank")
        return form.text("delivery_postal", address=address)
    if ctx.address:
        return form.text("delivery_counter_address", centre=ctx.centre_name, address=ctx.address)
    return form.text("delivery_counter", centre=ctx.centre_name)


def _copy(ctx: DocumentContext, facts: DossierFacts, spec: PageSpec, label: str) -> list[Flowable]:
    st = Styles(spec.scale)
    form = ctx.forms.form("receipt")
    state = facts.state
    assert state.received_at is not None
    blank = ctx.forms.text("blank")
    story: list[Flowable] = header(
        ctx, spec, st, date_text=ctx.date_line(state.received_at),
        left_below=[Paragraph(esc(label), st.note_center)], form_number=form.number,
    )  # fmt: skip
    story += title(form.title, st)
    story += code_block(ctx, state.code, spec, st)
    story.append(Paragraph(fill(form.text("receiving"), centre=ctx.centre_name), st.body))
    story += applicant_lines(ctx, facts, st)
    story.append(Paragraph(esc(form.text("components_heading")), st.body))
    story.append(_components(facts, form, spec, st))
    sets = int(facts.intake.get("sets") or 1)
    lines = [
        fill(form.text("sets"), sets=f"{sets:02d}"),
        fill(form.text("processing_time"), bold=("duration",),
             duration=facts.duration_label() or blank),
        fill(form.text("received_at"), bold=("time",), time=ctx.time_text(state.received_at)),
        fill(form.text("appointment"), bold=("time",),
             time=ctx.time_text(state.appointment)),
        fill(form.text("delivery"), place=_delivery(ctx, facts, form)),
        esc(form.text("ledger")),
    ]  # fmt: skip
    body = [Paragraph(line, st.body) for line in lines]
    story += body[:-2]
    hint = ctx.forms.text("sign_hint")
    clerk = ctx.person(state.received_by).full_name
    story.append(
        signatures(
            spec, st, ctx.forms.text("sign_blank"),
            left=Signer(form.text("sign_left"), state.applicant.get("name", ""), hint),
            right=Signer(form.text("sign_right"), clerk, hint), keep_with=body[-2:],
        )
    )  # fmt: skip
    return story


def render_receipt(ctx: DocumentContext, facts: DossierFacts, *, a5: bool = False) -> bytes:
    """Form 01 in two copies, each from its own page: «Liên 1: Lưu», «Liên 2: Giao người nộp»."""
    form = ctx.forms.form("receipt")
    facts.require(EventType.RECEIVED, "sự kiện tiếp nhận", form.title)
    spec = A5_PORTRAIT if a5 else A4_PORTRAIT
    sections = [_copy(ctx, facts, spec, label) for label in form.items("copies")]
    return build_pdf(sections, spec, title=form.title, author=ctx.centre_name, subject=facts.code)
