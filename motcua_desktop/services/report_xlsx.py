"""The periodic report as an Excel workbook for the district: the table, the indicators, the late list."""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import datetime, tzinfo
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from .report_columns import (
    BY_LABELS,
    COLUMNS,
    INDICATORS,
    LATE_COLUMNS,
    LATE_TITLE,
    TITLE,
    TOTAL_LABEL,
    groups,
)

SHEET_REPORT, SHEET_INDICATORS, SHEET_LATE = "Báo cáo", "Chỉ số", "Hồ sơ quá hạn"
HEADER_ROW = 5  # the spanning headers; column labels below it, the data from HEADER_ROW + 2
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, horizontal="center", vertical="center")


def local_time(value: str | None, tz: tzinfo) -> datetime | None:
    """A JSON time as the commune's wall-clock time (Excel has no time zones)."""
    if not value:
        return None
    return datetime.fromisoformat(value).astimezone(tz).replace(tzinfo=None)


def _report_sheet(ws: Any, data: Mapping[str, Any]) -> None:
    ws.title = SHEET_REPORT
    ws["A1"] = str(data.get("commune", ""))
    ws["A2"] = TITLE
    ws["A2"].font = Font(bold=True, size=13)
    ws["A3"] = f"Kỳ báo cáo: {data['period']['label']}"
    if data.get("field"):
        ws["A4"] = f"Lĩnh vực: {data['field']}"
    top, below = HEADER_ROW, HEADER_ROW + 1
    ws.cell(top, 1, "STT")
    ws.cell(top, 2, BY_LABELS.get(str(data.get("by")), ""))
    ws.merge_cells(start_row=top, start_column=1, end_row=below, end_column=1)
    ws.merge_cells(start_row=top, start_column=2, end_row=below, end_column=2)
    for group, first, last in groups():
        ws.cell(top, first + 3, group)
        if last > first:
            ws.merge_cells(start_row=top, start_column=first + 3, end_row=top, end_column=last + 3)
    for index, column in enumerate(COLUMNS):
        ws.cell(below, index + 3, column.label)
    rows: list[tuple[int | None, str, Mapping[str, Any]]] = [
        (n, r["label"], r) for n, r in enumerate(data["rows"], start=1)
    ]
    rows.append((None, TOTAL_LABEL, data["total"]))
    for offset, (number, label, row) in enumerate(rows, start=below + 1):
        ws.cell(offset, 1, number)
        ws.cell(offset, 2, label)
        for index, column in enumerate(COLUMNS):
            ws.cell(offset, index + 3, row.get(column.key))
    last_row = below + len(rows)
    for line in ws.iter_rows(min_row=top, max_row=last_row, max_col=len(COLUMNS) + 2):
        for cell in line:
            cell.border = _BOX
            if cell.row <= below:
                cell.font, cell.alignment = _BOLD, _WRAP
            elif cell.row == last_row:
                cell.font = _BOLD
    ws.column_dimensions["A"].width = 5
    ws.column_dimensions["B"].width = 40
    for index in range(len(COLUMNS)):
        ws.column_dimensions[get_column_letter(index + 3)].width = 11
    ws.row_dimensions[below].height = 45
    ws.freeze_panes = ws.cell(below + 1, 3)


def _indicator_sheet(ws: Any, data: Mapping[str, Any]) -> None:
    ws.append(["Chỉ số", "Giá trị"])
    for key, label in INDICATORS:
        ws.append([label, data["total"].get(key)])
    for cell in ws[1]:
        cell.font = _BOLD
    ws.column_dimensions["A"].width = 55
    ws.column_dimensions["B"].width = 14


def late_values(entry: Mapping[str, Any], tz: tzinfo) -> list[Any]:
    """One late-list row as the workbook stores it (times in the commune's wall-clock time)."""
    out: list[Any] = []
    for key, _label in LATE_COLUMNS:
        if key in ("appointment", "resolved_at"):
            out.append(local_time(entry.get(key), tz))
        elif key == "apology_issued":
            out.append(local_time(entry.get("apology_at"), tz) if entry[key] else "Chưa")
        elif key == "responsible_unit":
            out.append(f"Bước {entry['step']}: {entry[key]}")
        else:
            out.append(entry.get(key))
    return out


def _late_sheet(ws: Any, late: list[Mapping[str, Any]], tz: tzinfo) -> None:
    ws.append([f"{LATE_TITLE} ({len(late)} hồ sơ)"])
    ws.append(["STT", *(label for _, label in LATE_COLUMNS)])
    for number, entry in enumerate(late, start=1):
        ws.append([number, *late_values(entry, tz)])
    for cell in (*ws[1], *ws[2]):
        cell.font = _BOLD
    for row in ws.iter_rows(min_row=3):
        for cell in row:
            if isinstance(cell.value, datetime):
                cell.number_format = "dd/mm/yyyy hh:mm"
    for letter, width in zip("ABCDEFGHI", (5, 28, 45, 24, 16, 16, 10, 36, 18), strict=True):
        ws.column_dimensions[letter].width = width


def render_report_xlsx(data: Mapping[str, Any], tz: tzinfo) -> bytes:
    """The workbook of a report (``ReportResult.to_dict()``): numbers as numbers, rates in percent."""
    book = Workbook()
    _report_sheet(book.active, data)
    _indicator_sheet(book.create_sheet(SHEET_INDICATORS), data)
    if data.get("late_list") is not None:
        _late_sheet(book.create_sheet(SHEET_LATE), list(data["late_list"]), tz)
    book.properties.title = TITLE
    book.properties.creator = "Một Cửa Desktop"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
