"""Printed documents: one two-copy receipt with its barcode against a bare reportlab canvas page."""

from __future__ import annotations

import io
import statistics
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from barcode import Code128
from barcode.writer import ImageWriter
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

from motcua_desktop.domain.events import GENESIS_HASH, EventType, seal
from motcua_desktop.services.documents import DocumentContext, DossierFacts, render_receipt
from motcua_desktop.services.documents.fonts import REGULAR, register_fonts
from motcua_desktop.services.documents.layout import A4_PORTRAIT
from motcua_desktop.services.documents.receipt import _copy

from .common import Benchmark, Context, Row, Target

TARGET_RATIO = 3.0
TZ = ZoneInfo("Asia/Ho_Chi_Minh")
SETTINGS = {
    "parent_agency": "UBND TỈNH NGHỆ AN",
    "centre_name": "Trung tâm Phục vụ hành chính công xã Hòa Phú",
    "place_name": "Hòa Phú",
    "address": "Thôn Trung Hòa, xã Hòa Phú, tỉnh Nghệ An",
    "timezone": "Asia/Ho_Chi_Minh",
}
COMPONENTS = (
    "Tờ khai đăng ký khai sinh theo mẫu quy định",
    "Giấy chứng sinh do cơ sở y tế nơi trẻ em sinh ra cấp",
    "Văn bản ủy quyền theo quy định của pháp luật trong trường hợp ủy quyền thực hiện việc đăng "
    "ký khai sinh",
    "Giấy tờ tùy thân của người đi đăng ký khai sinh (bản chính để đối chiếu)",
)


def sample_receipt() -> tuple[DocumentContext, DossierFacts]:
    """A typical dossier (4 components) and the demo commune's settings, built without a database."""
    at = datetime(2026, 3, 5, 9, 40, tzinfo=TZ)
    event = seal(
        node="bench", seq=1, prev=GENESIS_HASH, at=at, actor="tiepnhan",
        dossier="000.12.34.H40-260305-0001", type=EventType.RECEIVED,
        data={
            "procedure_code": "1.001193", "procedure_name": "Thủ tục đăng ký khai sinh",
            "responsible_unit": "Công chức Tư pháp - Hộ tịch", "unit": "Bộ phận Một cửa",
            "applicant": {"name": "Nguyễn Thị Thu Hương", "phone": "0912345678",
                          "address": "Thôn Yên Thịnh, xã Hòa Phú, tỉnh Nghệ An"},
            "components": [{"name": n, "originals": 1, "copies": 0} for n in COMPONENTS],
            "processing_time": {"kind": "working_days", "value": 3}, "sets": 1,
            "appointment": (at + timedelta(days=3)).replace(hour=17, minute=0).isoformat(),
            "delivery": "counter",
        },
    )  # fmt: skip
    return DocumentContext.from_settings(SETTINGS, now=at), DossierFacts.from_events([event])


def _plain_texts(flowables: list[Any]) -> list[str]:
    """Every string a story prints, in order (paragraphs and table cells, nested)."""
    out: list[str] = []
    for item in flowables:
        if isinstance(item, Paragraph):
            out.append(item.getPlainText())
        elif isinstance(item, Table):
            for row in item._cellvalues:
                out += _plain_texts([cell for cell in row])
        elif isinstance(item, KeepTogether):
            out += _plain_texts(list(item._content))
        elif isinstance(item, list | tuple):
            out += _plain_texts(list(item))
        elif isinstance(item, str) and item:
            out.append(item)
        elif not isinstance(item, Flowable):
            continue
    return out


def floor_inputs(ctx: DocumentContext, facts: DossierFacts) -> tuple[list[list[str]], bytes]:
    """The receipt's strings, page by page, and its barcode as a PNG (made outside the timing)."""
    form = ctx.forms.form("receipt")
    pages = [_plain_texts(_copy(ctx, facts, A4_PORTRAIT, label)) for label in form.items("copies")]
    png = io.BytesIO()
    Code128(facts.code, writer=ImageWriter()).write(png, {"module_height": 12.0, "dpi": 200})
    return pages, png.getvalue()


def floor_pdf(pages: list[list[str]], png: bytes) -> bytes:
    """The floor: a bare canvas, each page with the same strings (no layout) and one image."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, initialFontName=REGULAR)
    for texts in pages:
        canvas.drawImage(ImageReader(io.BytesIO(png)), 50 * mm, 215 * mm, 80 * mm, 14 * mm)
        y = 200 * mm
        for line in texts:
            canvas.setFont(REGULAR, 12)
            canvas.drawString(30 * mm, y, line)
            y = y - 14 if y > 30 * mm else 200 * mm
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def measure(quick: bool) -> dict[str, Any]:
    """Interleaved runs (alternating which goes first) after a warm-up; medians in seconds."""
    register_fonts()
    ctx, facts = sample_receipt()
    pages, png = floor_inputs(ctx, facts)
    runs, warmup = (15, 3) if quick else (60, 5)
    for _ in range(warmup):
        render_receipt(ctx, facts)
        floor_pdf(pages, png)
    app: list[float] = []
    floor: list[float] = []
    for i in range(runs):
        pair = [
            ("app", lambda: render_receipt(ctx, facts)),
            ("floor", lambda: floor_pdf(pages, png)),
        ]
        for name, action in pair if i % 2 == 0 else reversed(pair):
            (app if name == "app" else floor).append(_timed(action))
    return {
        "runs": runs,
        "measured_s": statistics.median(app),
        "floor_s": statistics.median(floor),
        "pages": len(pages),
        "strings": sum(len(p) for p in pages),
    }


def run(quick: bool) -> list[dict[str, Any]]:
    """Rows {name, measured_ms, floor_ms, ratio, target, ok} for the bench runner."""
    result = measure(quick)
    ratio = result["measured_s"] / result["floor_s"]
    return [
        {
            "name": f"receipt, 2 copies + barcode (median of {result['runs']})",
            "measured_ms": round(result["measured_s"] * 1000, 2),
            "floor_ms": round(result["floor_s"] * 1000, 2),
            "ratio": round(ratio, 2),
            "target": f"≤ {TARGET_RATIO:g}× floor",
            "ok": ratio <= TARGET_RATIO,
        }
    ]


def bench_receipt(ctx: Context) -> list[Row]:
    """The same measurement as rows of ``bench/run.py``."""
    result = measure(ctx.quick)
    detail = {k: v for k, v in result.items() if k not in ("measured_s", "floor_s")}
    return [
        Row(
            f"receipt, 2 copies + barcode (median of {result['runs']})",
            result["measured_s"],
            result["floor_s"],
            Target(ratio=TARGET_RATIO),
            detail,
        )  # fmt: skip
    ]


BENCHMARKS = (
    Benchmark("documents", "a two-copy receipt with barcode vs a bare canvas", bench_receipt),
)


if __name__ == "__main__":
    for row in run(quick=True):
        print(row)
