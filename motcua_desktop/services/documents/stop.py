"""Form 05: the notice that the processing of a dossier has stopped, with its reason."""

from __future__ import annotations

from reportlab.platypus import Paragraph

from ...domain.events import EventType
from .context import DocumentContext
from .facts import DossierFacts
from .layout import A4_PORTRAIT, Signer, Styles, build_pdf, esc, signatures
from .parts import fill, letter_opening


def render_stop(ctx: DocumentContext, facts: DossierFacts) -> bytes:
    """Form 05 from the dossier's ``stopped`` event, signed by who decided the stop."""
    form = ctx.forms.form("stop")
    stop = facts.require(EventType.STOPPED, "quyết định dừng giải quyết", form.title)
    spec, st = A4_PORTRAIT, Styles(A4_PORTRAIT.scale)
    state = facts.state
    blank = ctx.forms.text("blank")
    story, intake = letter_opening(ctx, form, spec, st, state, stop.at)
    paragraphs = [
        intake,
        fill(form.text("decision"), centre=ctx.centre_name, time=ctx.time_text(stop.at)),
        fill(form.text("reason"), reason=stop.data.get("reason") or blank),
        esc(form.text("closing")),
    ]  # fmt: skip
    body = [Paragraph(p, st.prose) for p in paragraphs]
    story += body[:-1]
    recipients = [
        str(line).replace("{centre}", ctx.centre_name) for line in form.items("recipients")
    ]
    signer = Signer(
        form.text("sign"), ctx.person(stop.actor).full_name, ctx.forms.text("sign_hint_seal")
    )
    story.append(
        signatures(
            spec, st, ctx.forms.text("sign_blank"), right=signer,
            recipients=recipients, recipients_head=ctx.forms.text("recipients"),
            keep_with=body[-1:],
        )
    )  # fmt: skip
    return build_pdf([story], spec, title=form.title, author=ctx.centre_name, subject=facts.code)
