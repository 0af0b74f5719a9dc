"""The periodic report as a PDF ready to sign: NĐ 30 header, the TT 01/2020 table, the late list."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from ..report_columns import (
    BY_LABELS,
    COLUMNS,
    INDICATORS,
    LATE_COLUMNS,
    LATE_TITLE,
    NOT_RECORDED,
    TITLE,
    TOTAL_LABEL,
    groups,
    percent,
)
from .context import DocumentContext
from .fonts import BOLD, REGULAR
from .layout import (
    A4_LANDSCAPE,
    GRID_SLACK,
    Signer,
    Styles,
    build_pdf,
    esc,
    grid_style,
    header,
    signatures,
    title,
)

_CELL = ParagraphStyle("report_cell", fontName=REGULAR, fontSize=9, leading=10.5)
_NUMBER = ParagraphStyle("report_number", parent=_CELL, alignment=TA_RIGHT)
_CENTRE = ParagraphStyle("report_centre", parent=_CELL, alignment=TA_CENTER)
_HEAD = ParagraphStyle(
    "report_head", parent=_CELL, fontName=BOLD, fontSize=8, leading=9.5, alignment=TA_CENTER
)
_TOTAL = ParagraphStyle("report_total", parent=_CELL, fontName=BOLD)
_TOTAL_NUMBER = ParagraphStyle("report_total_number", parent=_NUMBER, fontName=BOLD)
_STT, _LABEL = 9 * mm, 40 * mm


def value_text(row: Mapping[str, Any], key: str, *, rate: bool = False) -> str:
    """A cell as printed: counts as digits, rates with a decimal comma ("-" if undefined)."""
    value = row.get(key)
    return percent(value) if rate else str(value if value is not None else 0)


def _counts_table(data: Mapping[str, Any], width: float) -> Table:
    by_label = BY_LABELS.get(str(data.get("by")), "")
    first = [Paragraph("STT", _HEAD), Paragraph(esc(by_label), _HEAD)]
    second: list[Any] = ["", ""]
    spans: list[tuple[Any, ...]] = [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1))]
    for group, start, end in groups():
        first += [Paragraph(esc(group), _HEAD)] + [""] * (end - start)
        spans.append(("SPAN", (start + 2, 0), (end + 2, 0)))
    second += [Paragraph(esc(c.label), _HEAD) for c in COLUMNS]
    rows: list[list[Any]] = [first, second]
    for number, row in enumerate(data["rows"], start=1):
        rows.append(
            [Paragraph(str(number), _CENTRE), Paragraph(esc(row["label"]), _CELL)]
            + [Paragraph(value_text(row, c.key, rate=c.rate), _NUMBER) for c in COLUMNS]
        )
    total = data["total"]
    rows.append(
        ["", Paragraph(esc(TOTAL_LABEL), _TOTAL)]
        + [Paragraph(value_text(total, c.key, rate=c.rate), _TOTAL_NUMBER) for c in COLUMNS]
    )
    each = (width - GRID_SLACK - _STT - _LABEL) / len(COLUMNS)
    table = Table(rows, colWidths=[_STT, _LABEL] + [each] * len(COLUMNS), repeatRows=2)
    style = grid_style(header_rows=2)
    for command in spans:
        style.add(*command)
    style.add("VALIGN", (0, 0), (-1, 1), "MIDDLE")
    table.setStyle(style)
    return table


def _indicators(data: Mapping[str, Any], st: Styles) -> list[Flowable]:
    total = data["total"]
    satisfaction = "; ".join(
        f"{label}: {total[key]}" for key, label in INDICATORS[:4]
    )  # the split of the dossiers resolved in the period
    lines = [f"Mức độ hài lòng (hồ sơ đã giải quyết): {satisfaction}."]
    for key, label in INDICATORS[4:]:
        value = total.get(key)
        shown = NOT_RECORDED if value is None and key == "online_payment_rate" else percent(value)
        lines.append(f"{label}: {shown}.")
    return [Paragraph(esc(line), st.left) for line in lines]


def _day(ctx: DocumentContext, value: str | None) -> str:
    return ctx.day_text(datetime.fromisoformat(value)) if value else ""


def late_cell(ctx: DocumentContext, entry: Mapping[str, Any], key: str) -> str:
    """A late-list cell as printed (also what the spreadsheet shows as text)."""
    if key in ("appointment", "resolved_at"):
        return _day(ctx, entry.get(key))
    if key == "apology_issued":
        return f"Đã phát hành {_day(ctx, entry['apology_at'])}" if entry[key] else "Chưa"
    if key == "responsible_unit":
        return f"Bước {entry['step']}: {entry[key] or '—'}"
    return str(entry.get(key, ""))


def _late_table(ctx: DocumentContext, late: Sequence[Mapping[str, Any]], width: float) -> Table:
    head = [Paragraph("STT", _HEAD)] + [Paragraph(esc(label), _HEAD) for _, label in LATE_COLUMNS]
    rows: list[list[Any]] = [head]
    for number, entry in enumerate(late, start=1):
        cells = [Paragraph(str(number), _CENTRE)]
        for key, _label in LATE_COLUMNS:
            style = _NUMBER if key == "days_over" else _CELL
            cells.append(Paragraph(esc(late_cell(ctx, entry, key)), style))
        rows.append(cells)
    fixed = [_STT, 44 * mm, 0.0, 36 * mm, 20 * mm, 20 * mm, 16 * mm, 40 * mm, 28 * mm]
    fixed[2] = width - GRID_SLACK - sum(fixed)
    table = Table(rows, colWidths=fixed, repeatRows=1)
    table.setStyle(grid_style())
    return table


def render_report(ctx: DocumentContext, data: Mapping[str, Any]) -> bytes:
    """The report (``ReportResult.to_dict()``) on landscape A4, header per NĐ 30, ready to sign."""
    spec = A4_LANDSCAPE
    st = Styles(spec.scale)
    made = datetime.fromisoformat(str(data["generated_at"]))
    number = [Paragraph(esc(ctx.forms.text("doc_number")), st.center)]
    story: list[Flowable] = header(ctx, spec, st, date_text=ctx.date_line(made), left_below=number)
    period = f"Kỳ báo cáo: {data['period']['label']}"
    scope = f"Lĩnh vực: {data['field']}" if data.get("field") else ""
    story += title(TITLE, st, period, scope)
    story.append(Spacer(1, 2 * mm))
    story.append(_counts_table(data, spec.width))
    story.append(Spacer(1, 3 * mm))
    story += _indicators(data, st)
    late = data.get("late_list")
    if late is not None:
        story.append(Spacer(1, 3 * mm))
        story.append(Paragraph(esc(f"{LATE_TITLE} ({len(late)} hồ sơ)"), st.sign_title))
        story.append(Spacer(1, 2 * mm))
        if late:
            story.append(_late_table(ctx, late, spec.width))
    hint = ctx.forms.text("sign_hint")
    closing = signatures(
        spec, st, ctx.forms.text("sign_blank"),
        left=Signer("NGƯỜI LẬP BIỂU", hint=hint),
        right=Signer("CHỦ TỊCH", name=ctx.chairman_name, hint=ctx.forms.text("sign_hint_seal"),
                     unit=""),
    )  # fmt: skip
    story.append(closing)
    return build_pdf([story], spec, title=TITLE, author=ctx.centre_name, subject=period)
