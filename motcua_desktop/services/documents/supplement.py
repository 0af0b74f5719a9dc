"""Form 02: the request to supplement and complete a dossier (every missing item in one request)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from ...domain.events import EventType
from .context import DocumentContext
from .facts import DossierFacts
from .layout import (
    A4_PORTRAIT,
    GRID_SLACK,
    Signer,
    Styles,
    build_pdf,
    esc,
    header,
    signatures,
    title,
)
from .parts import applicant_lines, code_block, fill, grid


def render_supplement(ctx: DocumentContext, facts: DossierFacts) -> bytes:
    """Form 02 for the dossier's latest supplement request, signed by the officer who asked."""
    form = ctx.forms.form("supplement")
    request = facts.require(EventType.SUPPLEMENT_REQUESTED, "yêu cầu bổ sung hồ sơ", form.title)
    spec, st = A4_PORTRAIT, Styles(A4_PORTRAIT.scale)
    state = facts.state
    blank = ctx.forms.text("blank")
    story: list[Flowable] = header(
        ctx, spec, st, date_text=ctx.date_line(request.at), form_number=form.number
    )
    story += title(form.title, st)
    story += code_block(ctx, state.code, spec, st)
    received = ctx.day_text(state.received_at) or blank
    story.append(
        Paragraph(fill(form.text("receiving"), date=received, centre=ctx.centre_name), st.body)
    )
    story += applicant_lines(ctx, facts, st)
    story.append(Paragraph(esc(form.text("items_heading")), st.body))
    items = request.data.get("items") or []
    first, kind = 10 * mm, 38 * mm
    rest = (spec.width - GRID_SLACK - first - kind) / 2
    rows = [
        (str(i), str(item.get("name", "")), str(item.get("kind", "")), str(item.get("reason", "")))
        for i, item in enumerate(items, start=1)
    ]
    story.append(grid(spec, st, form.items("items_columns"), rows, [first, rest, kind, rest]))
    story.append(Paragraph(fill(form.text("reason"), reason=request.data.get("reason") or blank),
                           st.body))  # fmt: skip
    officer = ctx.person(request.actor)
    contact = str(request.data.get("contact") or officer.full_name)
    story.append(Paragraph(fill(form.text("contact"), bold=("contact",), contact=contact), st.body))
    restart = Paragraph(fill(form.text("restart"), days=ctx.supplement_expiry_days), st.body)
    story.append(
        signatures(
            spec, st, ctx.forms.text("sign_blank"),
            right=Signer(form.text("sign"), officer.full_name, ctx.forms.text("sign_hint")),
            keep_with=[restart],
        )
    )  # fmt: skip
    return build_pdf([story], spec, title=form.title, author=ctx.centre_name, subject=facts.code)
