"""``motcua backup create|list|verify|restore`` and ``motcua clock status|confirm``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, datetime
from functools import wraps
from pathlib import Path
from typing import Any

from ..domain.errors import MotcuaError, register_messages
from ..services import backup, startup
from ..services.faults import classify
from ..services.restore import restore_backup
from ..services.workspace import default_data_dir
from .commands import actor, workspace
from .output import emit

register_messages(
    {
        "backup.none": "Chưa có bản sao lưu nào trong «{path}».",
        "backup.confirm": "Khôi phục sẽ thay cơ sở dữ liệu hiện tại (bản hiện tại được giữ lại "
        "trong thư mục replaced/). Thêm --yes để xác nhận.",
    }
)

Handler = Callable[[argparse.Namespace], int]


def _faults(handler: Handler) -> Handler:
    """The environment's failures (disk, lock, permissions, damage) as messages, exit code 5."""

    @wraps(handler)
    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except Exception as exc:
            fault = classify(exc, args.data_dir or default_data_dir())
            if fault is None or fault is exc:
                raise
            raise fault from exc

    return run


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``backup`` and ``clock`` to the ``motcua`` subcommands."""
    bk = sub.add_parser("backup", help="sao lưu và khôi phục dữ liệu").add_subparsers(
        dest="action", required=True
    )
    p = bk.add_parser("create", help="sao lưu ngay (kiểm tra bản sao sau khi ghi)")
    _json(p)
    p.add_argument("--to", type=Path, help="thư mục đích (mặc định: theo cấu hình backup_dir)")
    p.set_defaults(func=_faults(cmd_create))
    p = bk.add_parser("list", help="các bản sao lưu, mới nhất trước")
    _json(p)
    p.add_argument("--dir", type=Path, help="thư mục sao lưu (mặc định: theo cấu hình)")
    p.set_defaults(func=_faults(cmd_list))
    p = bk.add_parser("verify", help="kiểm tra lại một bản sao lưu (mặc định: bản mới nhất)")
    _json(p)
    p.add_argument("file", nargs="?", type=Path, help="tệp .sqlite3 hoặc .json của bản sao lưu")
    p.set_defaults(func=_faults(cmd_verify))
    p = bk.add_parser("restore", help="khôi phục một bản sao lưu (đóng phần mềm trước)")
    _json(p)
    p.add_argument("file", type=Path, help="tệp .sqlite3 hoặc .json của bản sao lưu")
    p.add_argument("--yes", action="store_true", help="xác nhận thay cơ sở dữ liệu hiện tại")
    p.add_argument("--other-node", action="store_true", help="bản sao lưu của máy cũ (thay máy)")
    p.set_defaults(func=_faults(cmd_restore))

    ck = sub.add_parser("clock", help="đồng hồ của máy").add_subparsers(
        dest="action", required=True
    )
    p = ck.add_parser("status", help="giờ máy, lần ghi gần nhất, cảnh báo đồng hồ")
    _json(p)
    p.set_defaults(func=_faults(cmd_clock_status))
    p = ck.add_parser("confirm", help="quản trị xác nhận đồng hồ hiện tại là đúng")
    _json(p)
    p.add_argument("--user", help="người thực hiện (mặc định: biến MOTCUA_USER)")
    p.add_argument("--password", help=argparse.SUPPRESS)
    p.set_defaults(func=_faults(cmd_clock_confirm))


def _json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="kết quả dạng JSON")


def _line(info: backup.BackupInfo) -> str:
    return (
        f"{info.created_at:%Y-%m-%d %H:%M}  {info.name}  {info.events} sự kiện, "
        f"{info.dossiers} hồ sơ, {info.documents} PDF, {info.size // 1024} KB ({info.reason})"
    )


def cmd_create(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        info = backup.create_backup(ws, reason="manual", target=args.to)
    emit(
        info.to_dict(),
        as_json=args.json,
        text=f"Đã sao lưu và kiểm tra: {info.path}\n{_line(info)}",
    )
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        folder = args.dir or backup.backup_dir(ws)
        items = backup.list_backups(ws, folder)
        warning = None if args.dir else backup.backup_warning(ws)
    data: dict[str, Any] = {
        "folder": str(folder),
        "backups": [b.to_dict() for b in items],
        "warning": warning.to_dict() if warning else None,
    }
    lines = [f"Thư mục sao lưu: {folder}"] + [_line(b) for b in items]
    if not items:
        lines.append("Chưa có bản sao lưu nào.")
    if warning:
        lines.append(f"Cảnh báo: {warning.message}")
    emit(data, as_json=args.json, text="\n".join(lines))
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    target: Path | None = args.file
    if target is None:
        with workspace(args) as ws:
            folder = backup.backup_dir(ws)
            newest = backup.list_backups(ws, folder)
        if not newest:
            raise MotcuaError("backup.none", path=str(folder))
        target = newest[0].path
    info, facts = backup.verify_backup(target)
    data = {**info.to_dict(), "verified": True, "chains": len(facts.chains)}
    emit(data, as_json=args.json, text=f"Bản sao lưu tốt: {info.path}\n{_line(info)}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    if not args.yes:
        raise MotcuaError("backup.confirm", field="yes")
    data_dir = args.data_dir or default_data_dir()
    result = restore_backup(data_dir, args.file, now=datetime.now(UTC), other_node=args.other_node)
    data = {
        "restored_from": str(result.restored_from),
        "kept_aside": str(result.kept_aside) if result.kept_aside else None,
        "schema": result.schema,
        "events": result.events,
        "dossiers": result.dossiers,
    }
    text = f"Đã khôi phục {result.restored_from}: {result.events} sự kiện, {result.dossiers} hồ sơ."
    if result.kept_aside:
        text += f"\nCơ sở dữ liệu trước khi khôi phục được giữ tại: {result.kept_aside}"
    emit(data, as_json=args.json, text=text)
    return 0


def cmd_clock_status(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        now = ws.clock()
        mark = startup.high_water(ws)
        warning = startup.check_clock(ws)
        pending = startup.pending_incident(ws)
    data = {
        "now": now.isoformat(),
        "high_water": mark.isoformat() if mark else None,
        "warning": warning.to_dict() if warning else None,
        "pending_incident": pending,
    }
    text = f"Giờ máy: {now:%H:%M %d/%m/%Y}"
    if mark:
        text += f"\nMốc thời gian gần nhất đã thấy: {mark:%H:%M %d/%m/%Y}"
    text += f"\n{warning.message}" if warning else "\nĐồng hồ bình thường."
    emit(data, as_json=args.json, text=text)
    return 0


def cmd_clock_confirm(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        entry = startup.confirm_clock(ws, actor(ws, args))
    emit(
        entry,
        as_json=args.json,
        text=f"Đã xác nhận đồng hồ; sự cố lúc {entry['detected_at']} được ghi lại.",
    )
    return 0
