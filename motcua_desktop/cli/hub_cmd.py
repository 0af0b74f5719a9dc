"""``motcua hub``: serve the hub, issue enrolment codes, publish downward data, list nodes.

The hub (FastAPI, uvicorn, its schema) loads only when a ``hub`` command runs: every other
``motcua`` command builds this parser too.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

from ..domain.errors import MotcuaError, register_messages
from .output import emit

register_messages(
    {
        "hub.cert": "Cần cả --cert và --key để phục vụ qua HTTPS.",
        "hub.file": "Không đọc được tệp JSON «{path}»: {detail}",
    }
)

DB_ENV = "MOTCUA_HUB_DB"
PUBLISH_KINDS = ("catalog", "calendar", "users")  # hub.store.DOWNWARD_KINDS (a test compares)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``hub`` to the ``motcua`` subcommands."""
    hub = sub.add_parser("hub", help="máy chủ tổng hợp (tỉnh/huyện)").add_subparsers(
        dest="action", required=True, metavar="VIỆC"
    )
    p = hub.add_parser("serve", help="chạy máy chủ tổng hợp")
    _db(p)
    p.add_argument("--host", default="127.0.0.1", help="địa chỉ lắng nghe (mặc định 127.0.0.1)")
    p.add_argument("--port", type=int, default=8600, help="cổng (mặc định 8600)")
    p.add_argument("--cert", type=Path, help="chứng chỉ TLS (PEM) để phục vụ qua HTTPS")
    p.add_argument("--key", type=Path, help="khóa riêng của chứng chỉ (PEM)")
    p.add_argument("--workers", type=int, default=1, help="số tiến trình phục vụ (mặc định 1)")
    p.set_defaults(func=cmd_serve)
    p = hub.add_parser("migrate", help="tạo/nâng cấp lược đồ cơ sở dữ liệu của máy chủ")
    _db(p)
    p.set_defaults(func=cmd_migrate)
    p = hub.add_parser("enroll-code", help="cấp mã đăng ký dùng một lần cho một máy của xã")
    _db(p)
    p.add_argument("--commune", required=True, help="mã đơn vị của xã, ví dụ 000.00.20.H12")
    p.add_argument("--name", default="", help="tên xã/phường")
    p.add_argument("--valid-hours", type=int, default=72)
    p.set_defaults(func=cmd_enroll_code)
    p = hub.add_parser("publish", help="phát hành danh mục, lịch hoặc người dùng cho một xã")
    _db(p)
    p.add_argument("kind", choices=PUBLISH_KINDS)
    p.add_argument("file", type=Path, help="tệp JSON")
    p.add_argument("--commune", required=True)
    p.set_defaults(func=cmd_publish)
    p = hub.add_parser("nodes", help="các máy đã đăng ký: sự kiện đã nhận, lệch giờ, bị từ chối")
    _db(p)
    p.set_defaults(func=cmd_nodes)


def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", help=f"URL cơ sở dữ liệu (mặc định: biến {DB_ENV}, hoặc SQLite)")
    p.add_argument("--json", action="store_true", help="kết quả dạng JSON")


def _url(args: argparse.Namespace) -> str | None:
    return args.db or os.environ.get(DB_ENV) or None


def cmd_serve(args: argparse.Namespace) -> int:
    if bool(args.cert) != bool(args.key):
        raise MotcuaError("hub.cert", field="cert")
    from ..hub.server import serve

    serve(
        _url(args), host=args.host, port=args.port, certfile=args.cert, keyfile=args.key,
        workers=args.workers,
    )  # fmt: skip
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    from ..hub.server import open_hub

    open_hub(_url(args)).dispose()
    emit({"migrated": True}, as_json=args.json, text="Đã nâng cấp lược đồ.")
    return 0


def cmd_enroll_code(args: argparse.Namespace) -> int:
    from ..hub.server import open_hub
    from ..hub.store import issue_enroll_code

    engine = open_hub(_url(args))
    try:
        code, expires = issue_enroll_code(
            engine, args.commune, name=args.name, valid_hours=args.valid_hours
        )
    finally:
        engine.dispose()
    result = {"code": code, "commune": args.commune.strip().upper(), "expires_at": expires}
    emit(result, as_json=args.json, text=f"{code}  (hết hạn {expires:%Y-%m-%d %H:%M} UTC)")
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    try:
        payload: Any = json.loads(Path(args.file).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MotcuaError("hub.file", field="file", path=str(args.file), detail=str(exc)) from None
    from ..hub.server import open_hub
    from ..hub.store import publish

    engine = open_hub(_url(args))
    try:
        version = publish(engine, args.commune, args.kind, payload)
    finally:
        engine.dispose()
    result = {"kind": args.kind, "commune": args.commune, "version": version}
    emit(result, as_json=args.json, text=f"Đã phát hành {args.kind} phiên bản {version}.")
    return 0


def cmd_nodes(args: argparse.Namespace) -> int:
    from sqlalchemy import func, select

    from ..hub.schema import nodes, rejected_events
    from ..hub.server import open_hub

    engine = open_hub(_url(args))
    try:
        with engine.connect() as conn:
            counts: dict[str, int] = {
                str(node): int(count)
                for node, count in conn.execute(
                    select(rejected_events.c.node, func.count()).group_by(rejected_events.c.node)
                )
            }
            rows = conn.execute(
                select(
                    nodes.c.id,
                    nodes.c.commune,
                    nodes.c.slot,
                    nodes.c.label,
                    nodes.c.last_seq,
                    nodes.c.last_seen,
                    nodes.c.last_skew_ms,
                ).order_by(nodes.c.commune, nodes.c.slot)  # fmt: skip
            ).all()
    finally:
        engine.dispose()
    items = [
        {
            "node": r.id, "commune": r.commune, "slot": r.slot, "label": r.label,
            "last_seq": r.last_seq, "last_seen": r.last_seen, "skew_ms": r.last_skew_ms,
            "rejected": int(counts.get(r.id, 0)),
        }
        for r in rows
    ]  # fmt: skip
    text = "\n".join(
        f"{i['commune']} máy {i['slot']} {i['node']}: đến số {i['last_seq']}, "
        f"lệch {i['skew_ms']} ms, bị từ chối {i['rejected']}"
        for i in items
    )
    emit(items, as_json=args.json, text=text or "Chưa có máy nào.")
    return 0
