"""The embedded Vietnamese font: Liberation Serif (metric-compatible with Times New Roman, SIL OFL)."""

from __future__ import annotations

import struct
import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from ...domain.errors import MotcuaError, register_messages

register_messages(
    {
        "document.font_missing": "Không tìm thấy tệp phông chữ «{path}»; cài đặt lại ứng dụng.",
        "document.font_damaged": "Tệp phông chữ «{path}» bị hỏng; cài đặt lại ứng dụng.",
    }
)

FONT_DIR = Path(__file__).resolve().parents[3] / "resources" / "fonts"

# reportlab names: one family, four faces, so <b> and <i> in paragraphs pick the right file.
REGULAR = "LiberationSerif"
BOLD = "LiberationSerif-Bold"
ITALIC = "LiberationSerif-Italic"
BOLD_ITALIC = "LiberationSerif-BoldItalic"
_FILES = {
    REGULAR: "LiberationSerif-Regular.ttf",
    BOLD: "LiberationSerif-Bold.ttf",
    ITALIC: "LiberationSerif-Italic.ttf",
    BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}
_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the four faces once per process; reportlab embeds the used glyphs as subsets."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, filename in _FILES.items():
            path = FONT_DIR / filename
            if not path.is_file():
                raise MotcuaError("document.font_missing", path=str(path))
            try:
                face = TTFont(name, str(path))
            except (TTFError, OSError, ValueError, struct.error):
                raise MotcuaError("document.font_damaged", path=str(path)) from None
            pdfmetrics.registerFont(face)
        for bold, italic, face in (
            (0, 0, REGULAR), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD_ITALIC),
        ):  # fmt: skip
            addMapping(REGULAR, bold, italic, face)
        _registered = True


def text_width(text: str, font: str, size: float) -> float:
    """The printed width of ``text`` in points."""
    register_fonts()
    return float(pdfmetrics.stringWidth(text, font, size))
