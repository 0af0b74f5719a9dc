"""``motcua sync``: enrol this PC with the hub, sync once or keep syncing, show the sync status."""

from __future__ import annotations

import argparse
import logging
import signal
import threading
from typing import Any

from ..domain.errors import MotcuaError
from ..services.sync import enroll, rejections, sync_once, sync_status
from ..services.sync_client import SyncError
from ..services.sync_worker import SyncWorker
from .commands import actor, workspace
from .output import EXIT_STATE, emit, report_error


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``sync`` to the ``motcua`` subcommands."""
    p = sub.add_parser("sync", help="đồng bộ với máy chủ tổng hợp")
    p.add_argument("--once", action="store_true", help="đồng bộ một lần rồi thoát")
    p.add_argument("--interval", type=float, default=30.0, help="chu kỳ đồng bộ (giây)")
    p.add_argument("--json", action="store_true", help="kết quả dạng JSON")
    p.set_defaults(func=cmd_sync)
    actions = p.add_subparsers(dest="action", required=False, metavar="VIỆC")
    s = actions.add_parser("status", help="sự kiện chờ gửi, lần đồng bộ cuối, lỗi cuối")
    s.add_argument("--json", action="store_true", help="kết quả dạng JSON")
    s.set_defaults(func=cmd_sync_status)
    s = actions.add_parser("enroll", help="đăng ký máy này với máy chủ (mã dùng một lần)")
    s.add_argument("--hub", required=True, help="địa chỉ máy chủ, ví dụ https://hub.tinh.gov.vn")
    s.add_argument("--code", required=True, help="mã đăng ký do quản trị máy chủ cấp")
    s.add_argument("--label", default="", help="tên gợi nhớ của máy")
    s.add_argument("--user", help="quản trị viên của máy (tuỳ chọn)")
    s.add_argument("--password", help=argparse.SUPPRESS)
    s.add_argument("--json", action="store_true", help="kết quả dạng JSON")
    s.set_defaults(func=cmd_sync_enroll)
    s = actions.add_parser("rejections", help="sự kiện máy chủ không nhận, kèm lý do")
    s.add_argument("--json", action="store_true", help="kết quả dạng JSON")
    s.set_defaults(func=cmd_sync_rejections)


def _failed(error: MotcuaError, as_json: bool) -> int:
    code = report_error(error, as_json=as_json)
    return EXIT_STATE if isinstance(error, SyncError) and error.retry else code


def cmd_sync(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        if args.once:
            try:
                report = sync_once(ws)
            except SyncError as error:
                return _failed(error, args.json)
            text = (
                f"Đã gửi {report.pushed} sự kiện (máy chủ giữ đến số {report.acknowledged_seq}), "
                f"nhận {report.pulled} sự kiện của các máy khác."
            )
            if report.rejected:
                text += f" Máy chủ không nhận {len(report.rejected)} sự kiện (xem «motcua sync rejections»)."
            emit(report.to_dict(), as_json=args.json, text=text)
            return 0
        return _run_forever(ws, args)


def _run_forever(ws: Any, args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    worker = SyncWorker(ws, interval=args.interval)
    worker.start()
    try:
        done.wait()
    except KeyboardInterrupt:
        pass
    finally:
        worker.stop()
    return 0


def cmd_sync_status(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        status = sync_status(ws)
    online = {True: "có mạng", False: "mất kết nối", None: "chưa rõ"}[status.online]
    lines = [
        f"Máy chủ: {status.hub_url or '(chưa đăng ký)'} — {online}",
        f"Sự kiện chờ gửi: {status.waiting}",
        f"Lần đồng bộ thành công cuối: {status.last_success or 'chưa có'}",
    ]
    if status.last_error:
        lines.append(f"Lỗi cuối: {status.last_error}")
    if status.rejected:
        lines.append(f"Sự kiện máy chủ không nhận: {status.rejected}")
    emit(status.to_dict(), as_json=args.json, text="\n".join(lines))
    return 0


def cmd_sync_enroll(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        who = actor(ws, args) if args.user else None
        try:
            result = enroll(ws, who, hub_url=args.hub, code=args.code, label=args.label)
        except SyncError as error:
            return _failed(error, args.json)
    emit(
        result,
        as_json=args.json,
        text=f"Đã đăng ký với {result['hub']} cho {result['commune_name'] or result['commune']}.",
    )
    return 0


def cmd_sync_rejections(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        items = rejections(ws)
    text = "\n".join(f"#{i['seq']} {i['id']}: {i['message']}" for i in items) or "Không có."
    emit(items, as_json=args.json, text=text)
    return 0
