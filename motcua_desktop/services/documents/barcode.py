"""The dossier code as a Code 128 barcode (python-barcode's encoding, drawn as vectors) and a QR code."""

from __future__ import annotations

import re
from functools import lru_cache

from barcode import Code128
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import black
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from ...domain.errors import ValidationError, register_messages
from .fonts import REGULAR, register_fonts

register_messages(
    {
        "document.barcode_chars": "Mã «{value}» có ký tự mã vạch Code 128 không mang được "
        "(chỉ chữ, số và dấu ASCII, không dấu tiếng Việt).",
        "document.barcode_length": "Mã «{value}» dài {length} ký tự; mã vạch in được tối đa {max}.",
    }
)

MAX_CHARS = 48
QUIET_MODULES = 10  # Code 128 asks for at least ten modules of white on each side
MIN_MODULE = 0.25 * mm  # about 2 pixels at 200 dpi: still scans from a cheap print or a render
MAX_MODULE = 0.33 * mm


def check_code128(value: str, *, field: str = "code") -> str:
    """Refuse a value Code 128 cannot carry: printable ASCII only, not too long."""
    if not isinstance(value, str) or not value or not value.isascii() or not value.isprintable():
        raise ValidationError("document.barcode_chars", field=field, value=value)
    if len(value) > MAX_CHARS:
        raise ValidationError(
            "document.barcode_length", field=field, value=value, length=len(value), max=MAX_CHARS
        )
    return value


@lru_cache(maxsize=256)
def _pattern(value: str) -> str:
    return str(Code128(value, writer=None).build()[0])


def code128_modules(value: str, *, field: str = "code") -> str:
    """The bar pattern ("1" = bar module, "0" = space module) python-barcode encodes for ``value``."""
    return _pattern(check_code128(value, field=field))


def _bars(pattern: str) -> list[tuple[int, int]]:
    """(first module, width in modules) of each bar."""
    return [(m.start(), m.end() - m.start()) for m in re.finditer("1+", pattern)]


class Code128Symbol(Flowable):  # type: ignore[misc]
    """A vector Code 128 symbol with its quiet zones; sharp at any printer or render resolution.

    Bars are filled rectangles drawn straight on the canvas: a reportlab Drawing of the same
    bars costs several times more per page.
    """

    def __init__(self, pattern: str, module: float, height: float) -> None:
        super().__init__()
        self.module, self.bar_height = module, height
        self.bars = _bars(pattern)
        self.width = (len(pattern) + 2 * QUIET_MODULES) * module
        self.height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas, module = self.canv, self.module
        canvas.saveState()
        canvas.setFillColor(black)
        left = QUIET_MODULES * module
        for start, length in self.bars:
            canvas.rect(left + start * module, 0, length * module, self.bar_height, 0, 1)
        canvas.restoreState()


def code128_drawing(
    value: str, *, max_width: float = 80 * mm, height: float = 12 * mm, field: str = "code"
) -> Code128Symbol:
    """The dossier code's barcode, refusing what Code 128 cannot carry (the error names ``field``).

    The module width is the largest (up to 0.33 mm) that fits ``max_width``, but never below
    0.25 mm, so a 200-dpi scan or render still resolves every bar.
    """
    pattern = code128_modules(value, field=field)
    total = len(pattern) + 2 * QUIET_MODULES
    module = max(MIN_MODULE, min(MAX_MODULE, max_width / total))
    return Code128Symbol(pattern, module, height)


def qr_drawing(value: str, *, size: float = 24 * mm) -> Drawing:
    """A QR code (error correction M) of ``value`` with its quiet zone, ``size`` wide."""
    register_fonts()
    widget = QrCodeWidget(value, barLevel="M", barBorder=4)
    x0, y0, x1, y1 = widget.getBounds()
    width, height = x1 - x0, y1 - y0
    drawing = Drawing(
        size, size, transform=[size / width, 0, 0, size / height, 0, 0], initialFontName=REGULAR
    )
    drawing.add(widget)
    return drawing
