"""Form 03: the refusal to receive or to resolve a dossier, with its reason."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from ...domain.events import EventType
from .context import DocumentContext
from .facts import DossierFacts
from .layout import A4_PORTRAIT, Signer, Styles, build_pdf, esc, header, signatures, title
from .parts import applicant_lines, code_block, fill


def render_refusal(ctx: DocumentContext, facts: DossierFacts) -> bytes:
    """Form 03 for a dossier refused at the counter or after receipt, signed by who refused it."""
    form = ctx.forms.form("refusal")
    refusal = facts.require(EventType.REFUSED, "quyết định từ chối", form.title)
    spec, st = A4_PORTRAIT, Styles(A4_PORTRAIT.scale)
    state = facts.state
    story: list[Flowable] = header(
        ctx, spec, st, date_text=ctx.date_line(refusal.at), form_number=form.number
    )
    story += title(form.title, st)
    story += code_block(ctx, state.code, spec, st)
    story.append(Paragraph(fill(form.text("receiving"), centre=ctx.centre_name), st.body))
    story += applicant_lines(ctx, facts, st)
    story.append(Paragraph(fill(form.text("decision"), centre=ctx.centre_name), st.body))
    reason = str(refusal.data.get("reason") or ctx.forms.text("blank"))
    story += [Paragraph(esc(line), st.prose) for line in reason.split("\n") if line.strip()]
    closing = Paragraph(esc(form.text("closing")), st.prose)
    after_receipt = state.received_at is not None
    officer = ctx.person(refusal.actor)
    sign_title = form.text("sign_after_receipt" if after_receipt else "sign")
    story.append(
        signatures(
            spec, st, ctx.forms.text("sign_blank"),
            right=Signer(sign_title, officer.full_name, ctx.forms.text("sign_hint")),
            keep_with=[closing],
        )
    )  # fmt: skip
    return build_pdf([story], spec, title=form.title, author=ctx.centre_name, subject=facts.code)
