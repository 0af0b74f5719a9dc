"""Page layout per Nghị định 30/2020: A4 margins, the two-column header, title, signatures, numbering."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import LayoutError

from ...domain.errors import ValidationError, register_messages
from .context import DocumentContext
from .fonts import BOLD, ITALIC, REGULAR, register_fonts, text_width

register_messages(
    {
        "document.too_large": "Nội dung quá dài, không thể dàn trang «{title}»: {detail}",
    }
)


@dataclass(frozen=True)
class PageSpec:
    """Paper size and margins (points); ``scale`` shrinks every type size (A5 only)."""

    size: tuple[float, float]
    top: float = 20 * mm
    bottom: float = 20 * mm
    left: float = 30 * mm
    right: float = 15 * mm
    scale: float = 1.0

    @property
    def width(self) -> float:
        return self.size[0] - self.left - self.right

    @property
    def height(self) -> float:
        return self.size[1] - self.top - self.bottom


A4_PORTRAIT = PageSpec(A4)
A4_LANDSCAPE = PageSpec(landscape(A4))
# The compact counter slip: not an NĐ 30 paper size, so tighter margins and smaller type.
A5_PORTRAIT = PageSpec(A5, top=10 * mm, bottom=10 * mm, left=15 * mm, right=10 * mm, scale=0.74)


def esc(value: object) -> str:
    """User text made safe for reportlab's paragraph markup."""
    return escape(str(value))


class Styles:
    """The type sizes of NĐ 30 (13 body, 12–13 header, 14 title, 12 «Nơi nhận»), scaled."""

    def __init__(self, scale: float = 1.0) -> None:
        register_fonts()
        self.scale = scale

        def style(name: str, size: float, font: str = REGULAR, **kw: Any) -> ParagraphStyle:
            kw["leading"] = kw.get("leading", size * 1.2) * scale
            size *= scale
            return ParagraphStyle(name, fontName=font, fontSize=size, **kw)

        self.body = style("body", 13, alignment=TA_JUSTIFY, spaceAfter=3 * scale)
        self.prose = style(
            "prose", 13, alignment=TA_JUSTIFY, firstLineIndent=10 * mm * scale, spaceAfter=4 * scale
        )
        self.left = style("left", 13, alignment=TA_LEFT, spaceAfter=3 * scale)
        self.center = style("center", 13, alignment=TA_CENTER)
        self.agency_parent = style("agency_parent", 12.5, alignment=TA_CENTER)
        self.agency = style("agency", 12.5, BOLD, alignment=TA_CENTER)
        self.national = style("national", 12, BOLD, alignment=TA_CENTER)
        self.motto = style("motto", 13, BOLD, alignment=TA_CENTER)
        self.date = style("date", 13, ITALIC, alignment=TA_CENTER)
        self.note_center = style("note_center", 12, ITALIC, alignment=TA_CENTER)
        self.form_number = style("form_number", 12, BOLD, alignment=TA_RIGHT)
        self.title = style(
            "title", 14, BOLD, alignment=TA_CENTER, spaceBefore=10 * scale, spaceAfter=4 * scale
        )
        self.subtitle = style("subtitle", 13, alignment=TA_CENTER, spaceAfter=4 * scale)
        self.sign_title = style("sign_title", 13, BOLD, alignment=TA_CENTER)
        self.sign_unit = style("sign_unit", 13, alignment=TA_CENTER)
        self.sign_hint = style("sign_hint", 12, ITALIC, alignment=TA_CENTER)
        self.sign_name = style("sign_name", 13, BOLD, alignment=TA_CENTER)
        self.recipients_head = style("recipients_head", 12, "LiberationSerif-BoldItalic")
        self.recipients = style("recipients", 11)
        self.cell = style("cell", 12, leading=12 * 1.15)
        self.cell_center = style("cell_center", 12, leading=12 * 1.15, alignment=TA_CENTER)
        self.cell_head = style("cell_head", 12, BOLD, leading=12 * 1.15, alignment=TA_CENTER)
        self.page_number = 13 * scale


class Rule(Flowable):  # type: ignore[misc]
    """A horizontal line of a given length; tables centre it in its cell."""

    def __init__(self, length: float, *, thickness: float = 0.6, above: float = 4.0) -> None:
        super().__init__()
        self.length, self.thickness, self.above = length, thickness, above

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.length, self.above + self.thickness

    def draw(self) -> None:
        self.canv.setLineWidth(self.thickness)
        self.canv.line(0, self.thickness / 2, self.length, self.thickness / 2)


class SectionStart(Flowable):  # type: ignore[misc]
    """Marks where a document restarts its page count (each receipt copy is its own document)."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


def _widest_line(paragraph: Paragraph, width: float) -> float:
    paragraph.wrap(width, 10_000)
    widths = paragraph.getActualLineWidths0()
    return float(max(widths)) if widths else 0.0


def header(
    ctx: DocumentContext,
    spec: PageSpec,
    st: Styles,
    *,
    date_text: str,
    left_below: Sequence[Flowable] = (),
    form_number: str | None = None,
) -> list[Flowable]:
    """Form number (top right), the agency and national headers, then the number/date row."""
    width = spec.width
    national = ctx.forms.text("national_name")
    national_w = text_width(national, BOLD, st.national.fontSize) + 2 * mm
    right_w = min(width * 0.62, max(width * 0.56, national_w))
    left_w = width - right_w
    parent = Paragraph(esc(ctx.parent_agency.upper()), st.agency_parent)
    agency = Paragraph(esc(ctx.centre_name.upper()), st.agency)
    agency_rule = Rule(0.4 * _widest_line(agency, left_w))
    motto = ctx.forms.text("motto")
    motto_rule = Rule(text_width(motto, BOLD, st.motto.fontSize))
    left_cell: list[Flowable] = [parent, agency, agency_rule]
    right_cell: list[Flowable] = [
        Paragraph(esc(national), st.national),
        Paragraph(esc(motto), st.motto),
        motto_rule,
    ]
    rows: list[list[Any]] = [
        [left_cell, right_cell],
        [list(left_below), Paragraph(esc(date_text), st.date)],
    ]
    table = Table(rows, colWidths=[left_w, right_w], hAlign="CENTER")
    table.setStyle(
        table_style(
            [
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 5 * st.scale),
            ]
        )
    )
    out: list[Flowable] = []
    if form_number:
        number = ctx.forms.text("form_number", number=form_number)
        out.append(Paragraph(esc(number), st.form_number))
        out.append(Spacer(1, 2 * st.scale))
    out.append(table)
    return out


def title(text: str, st: Styles, *subtitles: str) -> list[Flowable]:
    out: list[Flowable] = [Paragraph(esc(text), st.title)]
    out += [Paragraph(esc(s), st.subtitle) for s in subtitles if s]
    return out


@dataclass(frozen=True)
class Signer:
    """One signature block: title (upper, bold), optional unit, hint, name (bold) or a blank."""

    title: str
    name: str = ""
    hint: str = ""
    unit: str = ""


def signer_block(signer: Signer, st: Styles, blank: str) -> list[Flowable]:
    block: list[Flowable] = [Paragraph(esc(signer.title), st.sign_title)]
    if signer.unit:
        block.append(Paragraph(esc(signer.unit), st.sign_unit))
    if signer.hint:
        block.append(Paragraph(esc(signer.hint), st.sign_hint))
    block.append(Spacer(1, 20 * mm * st.scale))  # room to sign (and to stamp)
    block.append(Paragraph(esc(signer.name or blank), st.sign_name))
    return block


def signatures(
    spec: PageSpec,
    st: Styles,
    blank: str,
    *,
    left: Signer | None = None,
    right: Signer | None = None,
    recipients: Sequence[str] = (),
    recipients_head: str = "",
    keep_with: Sequence[Flowable] = (),
) -> Flowable:
    """The closing row: «Nơi nhận» or a second signer on the left, the signer on the right.

    ``keep_with`` (the last lines of the body) moves with it, so a signature never stands alone
    at the top of a page.
    """
    left_cell: list[Flowable] = []
    if left is not None:
        left_cell = signer_block(left, st, blank)
    elif recipients:
        left_cell = [Paragraph(esc(recipients_head), st.recipients_head)]
        left_cell += [Paragraph(esc(line), st.recipients) for line in recipients]
    right_cell = signer_block(right, st, blank) if right is not None else []
    table = Table(
        [[left_cell, right_cell]], colWidths=[spec.width * 0.45, spec.width * 0.55], hAlign="CENTER"
    )
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 8 * st.scale),
            ]
        )
    )
    return KeepTogether([*keep_with, table])


# A ruled table is this much narrower than the text area, so its outer strokes stay off the margin.
GRID_SLACK = 1.0


def table_style(commands: Sequence[tuple[Any, ...]]) -> TableStyle:
    """A TableStyle whose plain-text cells use our font: reportlab's default would be Helvetica."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), *commands])


def grid_style(header_rows: int = 1) -> TableStyle:
    """A ruled table with a header row; used by the components, items, steps and ledger tables."""
    return table_style(
        [
            ("GRID", (0, 0), (-1, -1), 0.5, "#000000"),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
    )


def _tallest_guess(value: Any, width: float) -> float:
    """An upper bound on a cell's height, without laying it out (that costs as much as printing)."""
    if isinstance(value, Paragraph):
        style = value.style
        # 0.75 em a character over-estimates any mixed Vietnamese text (about 0.45 em on average).
        lines = 1 + value.text.count("<br/>") + len(value.text) * 0.75 * style.fontSize / width
        return float(lines * style.leading)
    if isinstance(value, list | tuple):
        return sum(_tallest_guess(v, width) for v in value)
    if isinstance(value, Flowable):
        return float(value.wrap(width, 1e6)[1])
    return 20.0


def ruled_table(data: list[list[Any]], widths: Sequence[float], spec: PageSpec) -> Table:
    """A grid whose header row repeats on every page and whose rows move whole to the next page.

    Only when some row may be taller than a page may rows split inside (reportlab's
    ``splitInRow``): a split row is harder to read, but a row that can never fit would stop the
    print.
    """
    table = Table(data, colWidths=list(widths), repeatRows=1, hAlign="CENTER")
    table.setStyle(grid_style())

    def row_height(row: list[Any]) -> float:
        return max(
            _tallest_guess(cell, max(w - 6, 1)) for cell, w in zip(row, widths, strict=False)
        )

    if len(data) > 1:
        room = spec.height - row_height(data[0])
        if any(row_height(row) > room for row in data[1:]):
            table.splitInRow = 1
    return table


class _Document(BaseDocTemplate):  # type: ignore[misc]
    """One frame inside the NĐ 30 margins; the page number (from page 2) centred in the top margin."""

    def __init__(self, buffer: io.BytesIO, spec: PageSpec, **meta: Any) -> None:
        super().__init__(
            buffer, pagesize=spec.size, leftMargin=spec.left, rightMargin=spec.right,
            topMargin=spec.top, bottomMargin=spec.bottom, initialFontName=REGULAR,
            initialFontSize=13 * spec.scale, lang="vi-VN", creator="Một Cửa Desktop", **meta,
        )  # fmt: skip
        self.spec = spec
        self.section_first_page = 1
        frame = Frame(
            spec.left, spec.bottom, spec.width, spec.height, id="body",
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
        )  # fmt: skip
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=self._number)])

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, SectionStart):
            self.section_first_page = self.page

    def _number(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        number = self.page - self.section_first_page + 1
        if number < 2:
            return  # NĐ 30: the first page carries no number
        canvas.saveState()
        canvas.setFont(REGULAR, 13 * self.spec.scale)
        y = self.spec.size[1] - self.spec.top / 2 - 4 * self.spec.scale
        canvas.drawCentredString(self.spec.left + self.spec.width / 2, y, str(number))
        canvas.restoreState()


def build_pdf(
    sections: Sequence[Sequence[Flowable]],
    spec: PageSpec,
    *,
    title: str,
    author: str,
    subject: str = "",
) -> bytes:
    """Lay out each section from a fresh page (its own page count) and return the PDF bytes."""
    register_fonts()
    story: list[Flowable] = []
    for index, section in enumerate(sections):
        if index:
            story.append(PageBreak())
        story.append(SectionStart())
        story.extend(section)
    buffer = io.BytesIO()
    doc = _Document(buffer, spec, title=title, author=author, subject=subject)
    try:
        doc.build(story)
    except LayoutError as exc:
        raise ValidationError(
            "document.too_large", field="document", title=title, detail=str(exc)[:200]
        ) from None
    return buffer.getvalue()
