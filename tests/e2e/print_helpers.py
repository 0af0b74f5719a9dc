"""Looking at printed PDFs the way a reader and a scanner do: text, fonts, barcodes, ink, overlaps."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pypdfium2 as pdfium
import zxingcpp
from pypdf import PdfReader

MM = 72 / 25.4
# NĐ 30/2020 margins of every printed page (points): top, bottom, left, right.
MARGINS = (20 * MM, 20 * MM, 30 * MM, 15 * MM)
STANDARD_14 = {
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Helvetica",
    "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman", "Times-Bold",
    "Times-Italic", "Times-BoldItalic", "Symbol", "ZapfDingbats",
}  # fmt: skip


def page_texts(data: bytes) -> list[str]:
    """Each page's text as pypdf extracts it (what search and copy-paste see)."""
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def text(data: bytes) -> str:
    return "\n".join(page_texts(data))


def page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def font_problems(data: bytes) -> list[str]:
    """Fonts that are not embedded TrueType programs (base-14 or missing FontFile2)."""
    problems = []
    for number, page in enumerate(PdfReader(io.BytesIO(data)).pages, start=1):
        fonts = page["/Resources"].get_object().get("/Font")
        if fonts is None:
            continue
        for key, ref in fonts.get_object().items():
            font = ref.get_object()
            base = str(font.get("/BaseFont", "")).lstrip("/")
            if base in STANDARD_14:
                problems.append(f"page {number} {key}: base-14 font {base}")
                continue
            descendants = font.get("/DescendantFonts")
            targets = [d.get_object() for d in descendants] if descendants else [font]
            for target in targets:
                descriptor = target.get("/FontDescriptor")
                if descriptor is None or "/FontFile2" not in descriptor.get_object():
                    problems.append(f"page {number} {key}: {base} not embedded")
    return problems


def render(data: bytes, index: int, dpi: int):  # -> PIL.Image.Image
    pdf = pdfium.PdfDocument(data)
    try:
        return pdf[index].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    finally:
        pdf.close()


def barcodes(data: bytes, index: int = 0, dpi: int = 200) -> list[tuple[str, str]]:
    """(format, text) of every barcode zxing-cpp finds on a page rendered at ``dpi``."""
    image = render(data, index, dpi)
    return [(r.format.name, r.text) for r in zxingcpp.read_barcodes(image)]


@dataclass(frozen=True)
class Ink:
    """Something printed where the margins must stay blank."""

    page: int
    band: str
    box: tuple[int, int, int, int]


def margin_ink(
    data: bytes,
    *,
    margins: tuple[float, float, float, float] = MARGINS,
    dpi: int = 100,
    number_zone: float = 12 * MM,
) -> list[Ink]:
    """Non-white pixels inside the margins; the page number's spot (top centre) is allowed."""
    top, bottom, left, right = margins
    found: list[Ink] = []
    pdf = pdfium.PdfDocument(data)
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            width, height = page.get_size()
            image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            k = dpi / 72
            inset = (
                2  # anti-aliasing of a rule ending on a band's inner edge is not ink in the margin
            )
            centre = (left + (width - left - right) / 2) * k
            zone = number_zone * k
            bands = {
                "left": (0, 0, left * k - inset, image.height),
                "right": ((width - right) * k + inset, 0, image.width, image.height),
                "top-left": (0, 0, centre - zone, top * k - inset),
                "top-right": (centre + zone, 0, image.width, top * k - inset),
                "bottom": (0, (height - bottom) * k + inset, image.width, image.height),
            }
            for band, box in bands.items():
                crop = image.crop(tuple(int(v) for v in box))
                inked = crop.point(lambda v: 255 if v < 200 else 0).getbbox()
                if inked is not None:
                    found.append(Ink(index + 1, band, inked))
    finally:
        pdf.close()
    return found


def top_margin_text(data: bytes, index: int) -> str:
    """The text printed in the top margin of a page (its page number, if any)."""
    pdf = pdfium.PdfDocument(data)
    try:
        page = pdf[index]
        width, height = page.get_size()
        return page.get_textpage().get_text_bounded(0, height - MARGINS[0], width, height).strip()
    finally:
        pdf.close()


def text_overlaps(data: bytes, *, tolerance: float = 1.0) -> list[tuple[int, str, str]]:
    """Pairs of text runs whose boxes overlap by more than ``tolerance`` points both ways."""
    clashes: list[tuple[int, str, str]] = []
    pdf = pdfium.PdfDocument(data)
    try:
        for index in range(len(pdf)):
            textpage = pdf[index].get_textpage()
            rects = sorted(
                (textpage.get_rect(i) for i in range(textpage.count_rects())), key=lambda r: r[1]
            )
            for i, a in enumerate(rects):
                for b in rects[i + 1 :]:
                    if b[1] >= a[3] - tolerance:
                        break  # sorted by bottom: nothing further up can overlap a
                    dx = min(a[2], b[2]) - max(a[0], b[0])
                    dy = min(a[3], b[3]) - max(a[1], b[1])
                    if dx > tolerance and dy > tolerance:
                        clashes.append(
                            (
                                index + 1,
                                textpage.get_text_bounded(*a),
                                textpage.get_text_bounded(*b),
                            )
                        )
    finally:
        pdf.close()
    return clashes
