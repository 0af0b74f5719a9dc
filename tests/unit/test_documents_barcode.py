"""The dossier code's Code 128 barcode and the optional QR code scan back from a 200-dpi render."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
import pytest
import zxingcpp
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from motcua_desktop.domain.errors import ValidationError
from motcua_desktop.services.documents.barcode import (
    MIN_MODULE,
    QUIET_MODULES,
    code128_drawing,
    code128_modules,
    qr_drawing,
)
from motcua_desktop.services.documents.fonts import REGULAR, register_fonts


def _scan(drawing, dpi: int = 200) -> list[tuple[str, str]]:
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, initialFontName=REGULAR)
    drawing.drawOn(canvas, 30 * mm, 200 * mm)
    canvas.showPage()
    canvas.save()
    pdf = pdfium.PdfDocument(buffer.getvalue())
    image = pdf[0].render(scale=dpi / 72, grayscale=True).to_pil()
    pdf.close()
    return [(r.format.name, r.text) for r in zxingcpp.read_barcodes(image)]


@pytest.mark.parametrize(
    "code",
    ["000.12.34.H40-260305-0001", "000.00.20.H12-241122-1042", "H40-260305-00017", "A1"],
)
def test_code128_scans_back_at_200_dpi(code):
    assert _scan(code128_drawing(code)) == [("Code128", code)]


def test_the_symbol_keeps_its_quiet_zones_and_a_scannable_module():
    code = "000.12.34.H40-260305-0001"
    modules = code128_modules(code)
    symbol = code128_drawing(code, max_width=10 * mm)  # far too narrow: the module wins
    module = symbol.width / (len(modules) + 2 * QUIET_MODULES)
    assert module == pytest.approx(MIN_MODULE)
    assert symbol.bars[0][0] == 0 and modules.startswith("1")  # bars start after the quiet zone
    assert sum(width for _start, width in symbol.bars) == modules.count("1")
    assert symbol.height >= 9 * mm


@pytest.mark.parametrize("bad", ["000.12.34.H40-260305-Đ001", "HỒ-SƠ-01", "", "MÃ\u00a0HỒ SƠ"])
def test_codes_code128_cannot_carry_are_refused_naming_the_field(bad):
    with pytest.raises(ValidationError) as caught:
        code128_drawing(bad, field="dossier_code")
    assert caught.value.field == "dossier_code"
    assert "Code 128" in caught.value.message


def test_a_too_long_code_is_refused():
    with pytest.raises(ValidationError) as caught:
        code128_drawing("A" * 49)
    assert caught.value.field == "code"


def test_qr_code_carries_the_lookup_address():
    url = "https://dichvucong.example.vn/tra-cuu?ma=000.12.34.H40-260305-0001"
    assert _scan(qr_drawing(url)) == [("QRCode", url)]
