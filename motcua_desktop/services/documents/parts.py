"""Pieces several forms share: the applicant's lines, the code with its barcode, simple tables."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from string import Formatter
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from ...domain.dossier import DossierState
from .barcode import code128_drawing, qr_drawing
from .context import DocumentContext
from .facts import DossierFacts
from .layout import (
    PageSpec,
    Signer,
    Styles,
    build_pdf,
    esc,
    header,
    ruled_table,
    signatures,
    table_style,
    title,
)


def fill(template: str, *, bold: Sequence[str] = (), **values: object) -> str:
    """Paragraph markup from a template's wording: every part escaped, the ``bold`` values in bold.

    A placeholder without a value stays visible as ``{name}`` rather than failing the print.
    """
    out: list[str] = []
    for literal, name, _spec, _conv in Formatter().parse(template):
        out.append(esc(literal))
        if name is None:
            continue
        text = esc(values[name]) if name in values else esc("{" + name + "}")
        out.append(f"<b>{text}</b>" if name in bold else text)
    return "".join(out)


def applicant_lines(
    ctx: DocumentContext, facts: DossierFacts, st: Styles, *, with_request: bool = True
) -> list[Flowable]:
    """Ông/Bà, Địa chỉ, Số điện thoại/Email and, optionally, Nội dung yêu cầu giải quyết."""
    person = facts.state.applicant
    common = ctx.forms.common
    blank = common["blank"]
    lines = [
        fill(common["applicant"], bold=("name",), name=person.get("name") or blank),
        fill(common["address"], address=person.get("address") or blank),
        fill(common["contact"], phone=person.get("phone") or blank,
             email=person.get("email") or blank),
    ]  # fmt: skip
    if with_request:
        lines.append(fill(common["request"], procedure=facts.state.procedure_name or blank))
    return [Paragraph(line, st.body) for line in lines]


def code_block(
    ctx: DocumentContext, code: str, spec: PageSpec, st: Styles, *, with_label: bool = True
) -> list[Flowable]:
    """The Code 128 barcode of the dossier code, centred, the code in text below, a QR if set up."""
    height = max(9 * mm, 12 * mm * st.scale)
    bars = code128_drawing(code, max_width=min(spec.width * 0.6, 80 * mm), height=height)
    link = ctx.lookup_link(code)
    cells: list[Any] = [bars]
    widths = [bars.width]
    if link:
        gap = Spacer(6 * mm, 1)
        qr = qr_drawing(link, size=22 * mm * max(st.scale, 0.9))
        cells += [gap, qr]
        widths += [6 * mm, qr.width]
    row = Table([cells], colWidths=widths, hAlign="CENTER")
    row.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    out: list[Flowable] = [row]
    if with_label:
        label = fill(ctx.forms.common["code_label"], bold=("code",), code=code)
        out.append(Paragraph(label, st.center))
        out.append(Spacer(1, 4 * st.scale))
    return out


def grid(
    spec: PageSpec,
    st: Styles,
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    *,
    centred: Sequence[int] = (0,),
) -> Table:
    """A ruled table of plain text: a bold header row repeated on every page."""
    data: list[list[Any]] = [[Paragraph(esc(c), st.cell_head) for c in columns]]
    for row in rows:
        data.append(
            [
                Paragraph(esc(value), st.cell_center if i in centred else st.cell)
                for i, value in enumerate(row)
            ]
        )
    return ruled_table(data, widths, spec)


def letter_opening(
    ctx: DocumentContext, form: Any, spec: PageSpec, st: Styles, state: DossierState, at: datetime
) -> tuple[list[Flowable], str]:
    """How every letter to the applicant opens: header with "Số:", title, "Kính gửi", and the
    sentence recalling when the dossier was received; returns (story, that sentence)."""
    blank = ctx.forms.text("blank")
    number = [Paragraph(esc(ctx.forms.text("doc_number")), st.center)]
    story: list[Flowable] = header(
        ctx, spec, st, date_text=ctx.date_line(at), left_below=number, form_number=form.number
    )
    story += title(form.title, st)
    story.append(Spacer(1, 4 * st.scale))
    name = state.applicant.get("name") or blank
    story.append(
        Paragraph(fill(ctx.forms.common["salutation"], bold=("name",), name=name), st.center)
    )
    story.append(Spacer(1, 8 * st.scale))
    intake = fill(
        form.text("intake"), bold=("code",), date=ctx.day_text(state.received_at) or blank,
        centre=ctx.centre_name, procedure=state.procedure_name or blank, code=state.code,
    )  # fmt: skip
    return story, intake


def letter_closing(
    ctx: DocumentContext,
    form: Any,
    spec: PageSpec,
    st: Styles,
    story: list[Flowable],
    paragraphs: Sequence[str],
    signer: Signer,
    code: str,
) -> bytes:
    """How every letter ends: its paragraphs, then "Nơi nhận" and the signer kept together
    with the last paragraph; returns the finished PDF."""
    body = [Paragraph(p, st.prose) for p in paragraphs]
    recipients = [
        str(line).replace("{centre}", ctx.centre_name) for line in form.items("recipients")
    ]
    closing = signatures(
        spec,
        st,
        ctx.forms.text("sign_blank"),
        right=signer,
        recipients=recipients,
        recipients_head=ctx.forms.text("recipients"),
        keep_with=body[-1:],
    )
    return build_pdf(
        [[*story, *body[:-1], closing]], spec, title=form.title, author=ctx.centre_name,
        subject=code,
    )  # fmt: skip
