"""Reading and writing procedure catalogues as JSON, CSV or XLSX; imports are all-or-nothing.

Row numbers in errors are the numbers the user sees: for CSV and XLSX the spreadsheet row, the
header being row 1 and the first procedure row 2 (a CSV record spanning several text lines still
counts as one row, as a spreadsheet shows it); for JSON the position of the procedure in the
``procedures`` list, starting at 1.

CSV and XLSX share one table: a header row of the stable keys in :data:`COLUMNS` (``code``,
``name`` and ``field`` required, the others optional, unknown ones refused), one procedure per
row. ``components`` is one cell with one component per line, written
``name | originals | copies | nộp/xuất trình``; a line with no ``|`` is a name alone. CSV is
UTF-8 (a BOM is written and tolerated) with ``,`` or, when the header uses it, ``;`` or tab.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
import tempfile
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import time
from enum import StrEnum
from pathlib import Path
from typing import Any

from ..domain.catalog import Procedure, Submission, at_row, check_procedure, clean_text
from ..domain.durations import DEFAULT_CUTOFF, Duration, DurationKind, parse_hhmm
from ..domain.errors import (
    ImportFailed,
    MotcuaError,
    NotFoundError,
    ValidationError,
    register_messages,
)

register_messages(
    {
        "catalog.format_unknown": "Không nhận ra loại tệp «{name}»; chỉ hỗ trợ .json, .csv, .xlsx.",
        "catalog.file_unreadable": "Không đọc được tệp «{name}»: {detail}",
        "catalog.file_write": "Không ghi được tệp «{name}»: {detail}",
        "catalog.file_empty": "Tệp «{name}» rỗng, không có dữ liệu.",
        "catalog.file_encoding": (
            "Tệp «{name}» không phải văn bản UTF-8; hãy lưu lại với kiểu «CSV UTF-8»."
        ),
        "catalog.json_invalid": "Tệp «{name}» không phải JSON hợp lệ (dòng {line}, cột {column}).",
        "catalog.json_shape": "Tệp «{name}» không có danh sách thủ tục (khóa «procedures»).",
        "catalog.json_format": "Tệp «{name}» có định dạng «{value}», không phải danh mục thủ tục.",
        "catalog.json_version": "Tệp «{name}» là danh mục bản {value}; chỉ đọc bản {supported}.",
        "catalog.csv_invalid": (
            "Tệp «{name}» sai cấu trúc CSV gần dòng {line}: "
            "dấu ngoặc kép chưa đóng hoặc đặt sai chỗ."
        ),
        "catalog.xlsx_invalid": "Tệp «{name}» không phải bảng tính .xlsx hợp lệ, hoặc đã hỏng.",
        "catalog.xlsx_sheet_missing": "Bảng tính «{name}» không có trang «{sheet}» (có: {sheets}).",
        "catalog.xlsx_cell_too_long": (
            "Thủ tục «{code}»: cột «{column}» dài {length} ký tự, vượt giới hạn {limit} của Excel."
        ),
        "catalog.header_missing": "Dòng tiêu đề (dòng 1) thiếu cột bắt buộc: {columns}.",
        "catalog.header_unknown": "Tiêu đề có cột không hỗ trợ: {columns}. Cột hợp lệ: {known}.",
        "catalog.header_duplicate": "Dòng tiêu đề có cột lặp lại: {columns}.",
        "catalog.row_extra_cells": "Dòng có {count} ô dữ liệu nằm ngoài các cột tiêu đề.",
        "catalog.time_kind_missing": "Có số thời hạn «{value}» nhưng chưa ghi loại thời hạn.",
        "catalog.cutoff_not_same_day": (
            "Giờ chốt nhận «{value}» chỉ dùng cho thời hạn «trong ngày» (same_day)."
        ),
        "catalog.component_format": (
            "Thành phần hồ sơ thứ {index} «{value}» sai dạng; mỗi dòng trong ô phải là "
            "«tên | số bản chính | số bản sao | nộp/xuất trình»."
        ),
    }
)

FORMAT_TAG = "motcua-catalog"
FORMAT_VERSION = 1
SHEET_NAME = "Thủ tục"
COLUMNS = (
    "code", "name", "field", "level", "time_kind", "time_value", "cutoff", "fee", "fee_amount",
    "online_level", "inter_agency", "responsible_unit", "decision", "notes", "components",
)  # fmt: skip
REQUIRED_COLUMNS = ("code", "name", "field")
DEMO_CATALOG_PATH = (
    Path(__file__).resolve().parents[2] / "resources" / "catalog" / "demo_catalog.json"
)
_XLSX_CELL_LIMIT = 32767
_TEXT_COLUMNS = (
    "name", "field", "level", "fee", "online_level", "inter_agency", "responsible_unit",
    "decision", "notes",
)  # fmt: skip
_TIME_KINDS = {
    "working_days": DurationKind.WORKING_DAYS, "days": DurationKind.WORKING_DAYS,
    "ngày làm việc": DurationKind.WORKING_DAYS, "ngày": DurationKind.WORKING_DAYS,
    "working_hours": DurationKind.WORKING_HOURS, "giờ làm việc": DurationKind.WORKING_HOURS,
    "same_day": DurationKind.SAME_DAY, "trong ngày": DurationKind.SAME_DAY,
}  # fmt: skip
_SUBMISSION_VI = {Submission.SUBMIT: "nộp", Submission.SHOW: "xuất trình"}
_AMOUNT_TEXT = re.compile(r"^(\d{1,3}(?:[.,]\d{3})+|\d+)$")

Record = tuple[int, Any, list[ValidationError]]  # (row, raw record, errors found reading it)


class CatalogFormat(StrEnum):
    """The file formats a catalogue can be read from and written to."""

    JSON = "json"
    CSV = "csv"
    XLSX = "xlsx"


@dataclass
class CatalogReadResult:
    """Procedures read from a file, and every error found (empty unless read with partial)."""

    procedures: list[Procedure] = field(default_factory=list)
    errors: list[MotcuaError] = field(default_factory=list)


def detect_format(path: Path) -> CatalogFormat:
    """The format named by the file's extension, else sniffed from its first bytes."""
    path = Path(path)
    suffixes = {".json": CatalogFormat.JSON, ".csv": CatalogFormat.CSV}
    suffixes |= {".xlsx": CatalogFormat.XLSX, ".xlsm": CatalogFormat.XLSX}
    if path.suffix.lower() in suffixes:
        return suffixes[path.suffix.lower()]
    try:
        with path.open("rb") as handle:
            head = handle.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        head = b""
    if head.startswith(b"PK\x03\x04"):
        return CatalogFormat.XLSX
    if head[:1] in (b"{", b"["):
        return CatalogFormat.JSON
    raise MotcuaError("catalog.format_unknown", name=path.name)


def read_catalog(
    path: Path, fmt: CatalogFormat | None = None, *, partial: bool = False
) -> CatalogReadResult:
    """Read and validate a catalogue file.

    Args:
        path: The file to read.
        fmt: Its format; detected from the file when None.
        partial: Return the good procedures together with the errors instead of failing.

    Raises:
        ImportFailed: Some rows are bad (unless ``partial``); lists every error with its row.
        MotcuaError: The file itself cannot be read (missing, corrupt, wrong encoding, header).
    """
    path = Path(path)
    fmt = CatalogFormat(fmt) if fmt is not None else detect_format(path)
    data = _read_bytes(path)
    loaders = {CatalogFormat.JSON: _json_records, CatalogFormat.CSV: _csv_records}
    records = loaders.get(fmt, _xlsx_records)(data, path.name)
    result = CatalogReadResult()
    first_row: dict[str, int] = {}  # casefolded code -> row where it first appeared
    for row, raw, found in records:
        procedure, errors = check_procedure(raw, row=row)
        errors = found + errors
        if procedure is not None and not errors:
            key = procedure.code.casefold()
            if key in first_row:
                params = {"value": procedure.code, "first_row": first_row[key]}
                errors.append(
                    ValidationError("catalog.duplicate_code", field="code", row=row, **params)
                )
            else:
                first_row[key] = row
                result.procedures.append(procedure)
        result.errors.extend(errors)
    if result.errors and not partial:
        raise ImportFailed(result.errors)
    return result


def write_catalog(
    procedures: Sequence[Procedure], path: Path, fmt: CatalogFormat | None = None
) -> None:
    """Write a catalogue atomically: a temp file in the same folder, then ``os.replace``."""
    path = Path(path)
    fmt = CatalogFormat(fmt) if fmt is not None else detect_format(path)
    writers = {CatalogFormat.JSON: _write_json, CatalogFormat.CSV: _write_csv}
    writer = writers.get(fmt, _write_xlsx)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise MotcuaError(
            "catalog.file_write", name=path.name, detail=exc.strerror or str(exc)
        ) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        # mkstemp makes a private file; keep the old file's mode, or a plain one for a new file.
        os.chmod(tmp, stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o644)
        writer(list(procedures), tmp)
        with tmp.open("r+b") as handle:  # the bytes reach the disk before the rename
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise MotcuaError(
            "catalog.file_write", name=path.name, detail=exc.strerror or str(exc)
        ) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def load_demo_catalog() -> list[Procedure]:
    """The 58 real commune procedures shipped with the application for demos and first runs."""
    return read_catalog(DEMO_CATALOG_PATH, CatalogFormat.JSON).procedures


# --- reading -----------------------------------------------------------------------------------


def _read_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise NotFoundError("tệp danh mục", path.name) from None
    except OSError as exc:
        raise MotcuaError(
            "catalog.file_unreadable", name=path.name, detail=exc.strerror or str(exc)
        ) from exc
    if not data.strip():
        raise MotcuaError("catalog.file_empty", name=path.name)
    return data


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MotcuaError("catalog.file_encoding", name=name) from None


def _json_records(data: bytes, name: str) -> list[Record]:
    try:
        top = json.loads(_decode(data, name))
    except json.JSONDecodeError as exc:
        raise MotcuaError(
            "catalog.json_invalid", name=name, line=exc.lineno, column=exc.colno
        ) from None
    except (ValueError, RecursionError):  # e.g. a number too long to convert, absurd nesting
        raise MotcuaError("catalog.json_invalid", name=name, line="?", column="?") from None
    if not isinstance(top, dict) or not isinstance(top.get("procedures"), list):
        raise MotcuaError("catalog.json_shape", name=name)
    # A file without "format" is portal-shaped; check_procedure reads both shapes.
    if "format" in top:
        if top["format"] != FORMAT_TAG:
            raise MotcuaError("catalog.json_format", name=name, value=str(top["format"]))
        if top.get("version") != FORMAT_VERSION:
            raise MotcuaError(
                "catalog.json_version",
                name=name,
                value=top.get("version"),
                supported=FORMAT_VERSION,
            )
    return [(row, raw, []) for row, raw in enumerate(top["procedures"], start=1)]


def _csv_records(data: bytes, name: str) -> list[Record]:
    text = _decode(data, name)
    header_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=header_line.count)
    # strict: an unclosed quote would otherwise swallow the rest of the file into one cell.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise MotcuaError(
            "catalog.csv_invalid", name=name, line=reader.line_num, detail=str(exc)
        ) from None
    return _table_records(rows, name)


def _xlsx_records(data: bytes, name: str) -> list[Record]:
    from openpyxl import load_workbook  # heavy; only needed for spreadsheets

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about features it drops, not errors
            workbook = load_workbook(io.BytesIO(data), data_only=True)
    except Exception:  # a corrupt zip or XML surfaces as many exception types
        raise MotcuaError("catalog.xlsx_invalid", name=name) from None
    try:
        sheets = {clean_text(ws.title, "sheet").casefold(): ws for ws in workbook.worksheets}
        sheet = sheets.get(SHEET_NAME.casefold())
        if sheet is None and len(sheets) == 1:
            sheet = workbook.worksheets[0]
        if sheet is None:
            titles = ", ".join(ws.title for ws in workbook.worksheets)
            raise MotcuaError(
                "catalog.xlsx_sheet_missing", name=name, sheet=SHEET_NAME, sheets=titles
            )
        rows = [list(values) for values in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    if not any(_cell_text(cell) for row in rows for cell in row):
        raise MotcuaError("catalog.file_empty", name=name)
    return _table_records(rows, name)


def _table_records(rows: list[list[Any]], name: str) -> list[Record]:
    """Turn sheet rows (header first) into records; blank rows are skipped but still counted."""
    if not rows:
        raise MotcuaError("catalog.file_empty", name=name)
    header = [clean_text(_cell_text(cell), "header").casefold() for cell in rows[0]]
    while header and not header[-1]:
        header.pop()
    unknown = [col or "(trống)" for col in header if col not in COLUMNS]
    if unknown:
        known = ", ".join(COLUMNS)
        raise MotcuaError("catalog.header_unknown", columns=", ".join(unknown), known=known)
    repeated = sorted({col for col in header if header.count(col) > 1})
    if repeated:
        raise MotcuaError("catalog.header_duplicate", columns=", ".join(repeated))
    missing = [col for col in REQUIRED_COLUMNS if col not in header]
    if missing:
        raise MotcuaError("catalog.header_missing", columns=", ".join(missing))
    records: list[Record] = []
    for row_number, cells in enumerate(rows[1:], start=2):
        if not any(_cell_text(cell) for cell in cells):
            continue
        extra = [c for c in cells[len(header) :] if _cell_text(c)]
        values = dict(zip(header, cells, strict=False))
        raw, errors = _row_to_raw(values)
        if extra:
            errors.append(ValidationError("catalog.row_extra_cells", count=len(extra)))
        records.append((row_number, raw, [at_row(e, row_number) for e in errors]))
    return records


def _row_to_raw(cells: dict[str, Any]) -> tuple[dict[str, Any], list[ValidationError]]:
    """Map one table row to the record shape check_procedure reads; cell errors name the column."""
    raw: dict[str, Any] = {"code": cells.get("code")}
    errors: list[ValidationError] = []
    for key in _TEXT_COLUMNS:
        if key in cells:
            raw[key] = _cell_text(cells[key])
    for key, convert in (
        ("processing_time", _cells_to_time),
        ("fee_amount", _cell_to_amount),
        ("components", _cell_to_components),
    ):
        if key == "processing_time" or key in cells:
            try:
                raw[key] = convert(cells)
            except ValidationError as exc:
                errors.append(exc)
                raw[key] = None
    return raw, errors


def _cell_text(value: Any) -> Any:
    """Numbers typed into a text column become text; other types pass on to be refused."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return value


def _cell_int(value: Any) -> int | None:
    """An integer from a cell (a whole float or digit text), or None when it is not one."""
    value = _cell_text(value)
    if isinstance(value, str) and _AMOUNT_TEXT.match(value.strip()):
        return int(re.sub(r"[.,]", "", value.strip()))
    return None


def _cells_to_time(cells: dict[str, Any]) -> Duration | None:
    kind_text = _cell_text(cells.get("time_kind"))
    value = _cell_text(cells.get("time_value"))
    cutoff = _cell_text(cells.get("cutoff"))
    if not isinstance(kind_text, str):
        raise ValidationError("duration.kind", field="time_kind", value=kind_text)
    if not kind_text.strip():
        if value != "":
            raise ValidationError("catalog.time_kind_missing", field="time_kind", value=value)
        if cutoff != "":
            raise ValidationError("catalog.cutoff_not_same_day", field="cutoff", value=cutoff)
        return None
    kind = _TIME_KINDS.get(clean_text(kind_text, "time_kind").casefold())
    if kind is None:
        raise ValidationError("duration.kind", field="time_kind", value=kind_text)
    if kind is DurationKind.SAME_DAY:
        if isinstance(cutoff, time):
            cutoff = cutoff.strftime("%H:%M")
        if not isinstance(cutoff, str):
            raise ValidationError("duration.cutoff", field="cutoff", value=cutoff)
        return Duration.same_day(parse_hhmm(cutoff) if cutoff.strip() else DEFAULT_CUTOFF)
    if cutoff != "":
        raise ValidationError("catalog.cutoff_not_same_day", field="cutoff", value=cutoff)
    number = _cell_int(value)
    if number is None or number <= 0:
        raise ValidationError("duration.value", field="time_value", value=value)
    return Duration(kind, number)


def _cell_to_amount(cells: dict[str, Any]) -> int | None:
    value = _cell_text(cells.get("fee_amount"))
    if value == "" or (isinstance(value, str) and not value.strip()):
        return None
    amount = _cell_int(value)
    if amount is None:
        raise ValidationError("catalog.fee_amount_invalid", field="fee_amount", value=value)
    return amount


def _cell_to_components(cells: dict[str, Any]) -> Any:
    value = _cell_text(cells.get("components"))
    if not isinstance(value, str):
        return value  # refused by check_procedure as an invalid list
    items: list[dict[str, Any]] = []
    lines = [line for line in value.replace("\r\n", "\n").split("\n") if line.strip()]
    for index, line in enumerate(lines, start=1):
        parts = line.rsplit("|", 3)
        if len(parts) == 1:
            items.append({"name": line})
            continue
        if len(parts) != 4:
            raise ValidationError(
                "catalog.component_format", field="components", index=index, value=line
            )
        name, originals, copies, submission = (p.strip() for p in parts)
        counts = [_cell_int(c) if c else 0 for c in (originals, copies)]
        items.append({
            "name": name,
            "originals": originals if counts[0] is None else counts[0],
            "copies": copies if counts[1] is None else counts[1],
            "submission": submission,
        })  # fmt: skip
    return items


# --- writing -----------------------------------------------------------------------------------


def _write_json(procedures: list[Procedure], path: Path) -> None:
    document = {
        "format": FORMAT_TAG,
        "version": FORMAT_VERSION,
        "procedures": [p.to_dict() for p in procedures],
    }
    text = json.dumps(document, ensure_ascii=False, indent=1)
    path.write_text(text + "\n", encoding="utf-8", newline="\n")


def _table_row(procedure: Procedure) -> dict[str, Any]:
    time_ = procedure.processing_time
    same_day = time_ is not None and time_.kind is DurationKind.SAME_DAY
    components = "\n".join(
        f"{c.name} | {c.originals} | {c.copies} | {_SUBMISSION_VI[c.submission]}"
        for c in procedure.components
    )
    row = {key: getattr(procedure, key) for key in _TEXT_COLUMNS}
    row |= {
        "code": procedure.code,
        "time_kind": time_.kind.value if time_ else "",
        "time_value": time_.value if time_ and not same_day else "",
        "cutoff": time_.cutoff.strftime("%H:%M") if same_day and time_ and time_.cutoff else "",
        "fee_amount": "" if procedure.fee_amount is None else procedure.fee_amount,
        "inter_agency": "có" if procedure.inter_agency else "không",
        "components": components,
    }
    return row


def _write_csv(procedures: list[Procedure], path: Path) -> None:
    # The BOM lets Excel open the file as UTF-8 instead of the Windows code page.
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for procedure in procedures:
            row = _table_row(procedure)
            writer.writerow([row[key] for key in COLUMNS])


def _write_xlsx(procedures: list[Procedure], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = SHEET_NAME
    sheet.append(list(COLUMNS))
    sheet.freeze_panes = "A2"
    for row_number, procedure in enumerate(procedures, start=2):
        row = _table_row(procedure)
        for col_number, key in enumerate(COLUMNS, start=1):
            value = row[key]
            if isinstance(value, str) and len(value) > _XLSX_CELL_LIMIT:
                raise MotcuaError(
                    "catalog.xlsx_cell_too_long", code=procedure.code, column=key,
                    length=len(value), limit=_XLSX_CELL_LIMIT,
                )  # fmt: skip
            cell = sheet.cell(row=row_number, column=col_number, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # text starting with "=" must stay text, not a formula
                cell.number_format = "@"  # so Excel keeps codes like 1.001190 as typed
            if key in ("components", "notes"):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    workbook.save(path)
