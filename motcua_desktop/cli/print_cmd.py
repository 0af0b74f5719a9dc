"""``motcua print``: render a form (or the ledger), keep it with the dossier, copy it to ``-o``."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from ..domain.errors import MotcuaError, register_messages
from ..services.documents import KINDS
from ..services.documents.templates import available_sets
from ..services.files import write_atomic
from ..services.printing import PrintService
from .commands import actor, parse_day, workspace
from .output import emit

register_messages(
    {
        "print.output": "Không ghi được tệp «{path}»: {detail}",
        "print.not_pdf": "Tệp đích «{path}» phải có đuôi .pdf.",
    }
)

KIND_HELP = {
    "receipt": "01 giấy tiếp nhận hồ sơ và hẹn trả kết quả (hai liên)",
    "supplement": "02 phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
    "refusal": "03 phiếu từ chối tiếp nhận giải quyết hồ sơ",
    "apology": "04 văn bản xin lỗi và hẹn lại ngày trả kết quả",
    "stop": "05 thông báo dừng giải quyết hồ sơ",
    "control": "06 phiếu kiểm soát quá trình giải quyết hồ sơ",
    "ledger": "07 sổ theo dõi hồ sơ (theo khoảng ngày)",
}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``print`` to the ``motcua`` subcommands."""
    kinds = "; ".join(f"{k}: {v}" for k, v in KIND_HELP.items())
    p = sub.add_parser("print", help="in biểu mẫu ra PDF (lưu kèm hồ sơ)", description=kinds)
    p.add_argument("kind", choices=KINDS, metavar="LOẠI", help=", ".join(KINDS))
    p.add_argument("--dossier", help="mã hồ sơ (mọi loại trừ ledger)")
    p.add_argument("-o", "--output", type=Path, help="sao tệp PDF ra đường dẫn này")
    p.add_argument("--a5", action="store_true", help="giấy tiếp nhận khổ A5 (gọn)")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="sổ theo dõi: từ ngày")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="sổ theo dõi: đến ngày")
    p.add_argument(
        "--form-set", choices=available_sets(), help="bộ biểu mẫu (mặc định theo cấu hình, 2025)"
    )
    p.add_argument("--json", action="store_true", help="kết quả dạng JSON")
    p.add_argument("--user", help="người in (mặc định: biến MOTCUA_USER, nếu có)")
    p.add_argument("--password", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_print)


def cmd_print(args: argparse.Namespace) -> int:
    output: Path | None = args.output
    if output is not None and output.suffix.lower() != ".pdf":
        raise MotcuaError("print.not_pdf", field="output", path=str(output))
    start = parse_day(args.date_from, "from") if args.date_from else None
    end = parse_day(args.date_to, "to") if args.date_to else None
    with workspace(args) as ws:
        signed_in = args.user or os.environ.get("MOTCUA_USER")
        who = actor(ws, args) if signed_in else None
        kept = PrintService(ws, who).render(
            args.kind, args.dossier, start=start, end=end, a5=args.a5, form_set=args.form_set
        )
    if output is not None:
        try:
            write_atomic(output, kept.read_bytes())
        except OSError as exc:
            raise MotcuaError(
                "print.output", field="output", path=str(output), detail=exc.strerror or str(exc)
            ) from None
    data: dict[str, Any] = {
        "kind": args.kind,
        "dossier": args.dossier.strip().upper() if args.dossier else None,
        "archived": str(kept),
        "output": str(output) if output is not None else None,
    }
    text = f"Đã in {KIND_HELP[args.kind].split(' ', 1)[1]}: {output or kept}"
    if output is not None:
        text += f"\nBản lưu kèm hồ sơ: {kept}"
    emit(data, as_json=args.json, text=text)
    return 0
