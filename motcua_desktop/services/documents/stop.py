"""Form 05: the notice that the processing of a dossier has stopped, with its reason."""

from __future__ import annotations

from ...domain.events import EventType
from .context import DocumentContext
from .facts import DossierFacts
from .layout import A4_PORTRAIT, Signer, Styles, esc
from .parts import fill, letter_closing, letter_opening


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
    signer = Signer(
        form.text("sign"), ctx.person(stop.actor).full_name, ctx.forms.text("sign_hint_seal")
    )
    return letter_closing(ctx, form, spec, st, story, paragraphs, signer, facts.code)
