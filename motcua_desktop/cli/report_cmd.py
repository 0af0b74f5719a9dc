"""``motcua report``: the periodic report of a period, as text, JSON, PDF ready to sign or XLSX."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..domain.errors import ValidationError, register_messages
from ..domain.report_periods import PeriodKind, custom_period, official_period
from ..services.report_columns import BY_LABELS, percent
from ..services.report_export import write_report
from ..services.reports import ReportResult, ReportService
from .commands import parse_day, workspace
from .output import emit

register_messages(
    {
        "report.period_required": "Cần kỳ báo cáo: --from và --to, hoặc --period với --year.",
        "report.period_both": "Chỉ dùng một cách chọn kỳ: --from/--to hoặc --period.",
        "report.file_kind": "Tệp «{path}» phải có đuôi {suffix}.",
    }
)

PERIODS = tuple(k.value for k in PeriodKind if k is not PeriodKind.CUSTOM)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``report`` to the ``motcua`` subcommands."""
    p = sub.add_parser(
        "report",
        help="báo cáo định kỳ tình hình giải quyết hồ sơ",
        description="Kỳ tháng: ngày 15 tháng trước đến ngày 14; quý, 6 tháng, 9 tháng và năm "
        "tính từ ngày 15/12 năm trước. Hoặc khoảng ngày tùy chọn với --from/--to.",
    )
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="từ ngày")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="đến ngày")
    p.add_argument("--period", choices=PERIODS, help="kỳ báo cáo chính thức")
    p.add_argument("--year", type=int, help="năm báo cáo (với --period)")
    p.add_argument("--index", type=int, help="tháng 1–12 hoặc quý 1–4 (với --period)")
    p.add_argument(
        "--by", default="field", choices=tuple(BY_LABELS), help="nhóm theo lĩnh vực/thủ tục/đơn vị"
    )
    p.add_argument("--field", help="chỉ một lĩnh vực")
    p.add_argument("--late-list", action="store_true", help="kèm danh sách hồ sơ quá hạn")
    p.add_argument("--pdf", type=Path, metavar="TỆP.pdf", help="ghi báo cáo PDF (sẵn sàng ký)")
    p.add_argument("--xlsx", type=Path, metavar="TỆP.xlsx", help="ghi báo cáo Excel")
    p.add_argument("--json", action="store_true", help="kết quả dạng JSON")
    p.set_defaults(func=cmd_report)


def _period(args: argparse.Namespace) -> Any:
    custom = args.date_from is not None or args.date_to is not None
    if custom and args.period:
        raise ValidationError("report.period_both", field="period")
    if args.period:
        if args.year is None:
            raise ValidationError("report.period_required", field="year")
        return official_period(args.period, args.year, args.index)
    if not custom:
        raise ValidationError("report.period_required", field="from")
    if args.date_from is None or args.date_to is None:
        raise ValidationError(
            "report.period_required", field="from" if not args.date_from else "to"
        )
    return custom_period(parse_day(args.date_from, "from"), parse_day(args.date_to, "to"))


def _check_suffix(path: Path | None, suffix: str, field: str) -> None:
    if path is not None and path.suffix.lower() != suffix:
        raise ValidationError("report.file_kind", field=field, path=str(path), suffix=suffix)


def cmd_report(args: argparse.Namespace) -> int:
    _check_suffix(args.pdf, ".pdf", "pdf")
    _check_suffix(args.xlsx, ".xlsx", "xlsx")
    period = _period(args)
    with workspace(args) as ws:
        result = ReportService(ws).build(
            period, args.by, field=args.field, late_list=args.late_list
        )
        written = [str(write_report(ws, result, path)) for path in (args.pdf, args.xlsx) if path]
    data = result.to_dict()
    if written:
        data["files"] = written
    emit(data, as_json=args.json, text=text(result, written))
    return 0


def text(result: ReportResult, written: list[str]) -> str:
    """A plain summary for the terminal: one line per row, then the total."""
    report = result.report
    lines = [f"Báo cáo {report.period.label_vi}", f"Số liệu đến: {result.as_of:%H:%M %d/%m/%Y}"]
    head = (
        "tiếp nhận (kỳ trước) | đã giải quyết: trước/đúng/quá hạn | đang giải quyết: trong/quá hạn"
    )
    lines.append(f"{BY_LABELS[report.by.value]}: {head} | rút, dừng | đúng hạn %")
    for label, counts in [*((r.label, r.counts) for r in report.rows), ("Tổng cộng", report.total)]:
        c = counts.to_dict()
        lines.append(
            f"- {label}: {c['received']} ({c['carried']}) | {c['resolved']}: {c['early']}/"
            f"{c['on_time']}/{c['late']} | {c['pending']}: {c['within']}/{c['overdue']} | "
            f"{c['withdrawn']}, {c['stopped']} | {percent(c['on_time_rate'])}"
        )
    if result.late is not None:
        lines.append(f"Hồ sơ quá hạn: {len(result.late)}")
        for unit in result.late_units():
            lines.append(
                f"- {unit['unit']}: {unit['late']} trễ hạn, {unit['overdue']} đang quá hạn"
            )
    lines += [f"Đã ghi: {path}" for path in written]
    return "\n".join(lines)
