"""The ``motcua`` command line: every counter operation, scriptable, with ``--json`` everywhere."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from ..domain.errors import MotcuaError
from ..services.faults import classify
from ..services.workspace import default_data_dir
from . import backup_cmd, commands, hub_cmd, print_cmd, report_cmd, sync_cmd
from .output import report_error
from .parser import VietnameseParser

AUTH_HELP = (
    "người thực hiện (mặc định: biến MOTCUA_USER); mật khẩu: --password hoặc MOTCUA_PASSWORD"
)


def _common(parser: argparse.ArgumentParser, *, auth: bool = False) -> None:
    parser.add_argument("--json", action="store_true", help="kết quả dạng JSON")
    if auth:
        parser.add_argument("--user", help=AUTH_HELP)
        parser.add_argument("--password", help=argparse.SUPPRESS)


def build_parser(*, json_errors: bool = False) -> argparse.ArgumentParser:
    parser = VietnameseParser(
        prog="motcua", description="Một Cửa Desktop — dòng lệnh", json_errors=json_errors
    )
    parser.add_argument(
        "--data-dir", type=Path, help="thư mục dữ liệu (mặc định: thư mục dữ liệu người dùng)"
    )
    parser.add_argument("--json", action="store_true", dest="json_global", help="kết quả dạng JSON")
    sub = parser.add_subparsers(dest="command", required=True, metavar="LỆNH")

    p = sub.add_parser("init", help="khởi tạo dữ liệu cho máy này")
    _common(p)
    p.add_argument(
        "--demo", action="store_true", help="xã mẫu với danh mục, người dùng và hồ sơ mẫu"
    )
    p.add_argument("--demo-dossiers", type=int, default=300)
    p.add_argument("--commune", help="tên xã/phường, ví dụ «Xã Hòa Phú»")
    p.add_argument("--unit-code", help="mã đơn vị, ví dụ 000.00.20.H12")
    p.add_argument("--address", default="")
    p.add_argument("--parent-agency", default="")
    p.add_argument("--centre-name", default="")
    p.add_argument("--place-name", default="")
    p.add_argument(
        "--node-slot", type=int, default=0, help="số hiệu máy 0–9 (mỗi máy của xã một số)"
    )
    p.add_argument("--admin-user", default="admin")
    p.add_argument("--admin-password", help="mật khẩu quản trị (hoặc MOTCUA_ADMIN_PASSWORD)")
    p.add_argument("--catalog", type=Path, help="nhập danh mục thủ tục từ tệp")
    p.set_defaults(func=commands.cmd_init)

    p = sub.add_parser("status", help="tình trạng dữ liệu của máy này")
    _common(p)
    p.set_defaults(func=commands.cmd_status)

    p = sub.add_parser("deadline", help="tính ngày hẹn trả theo lịch làm việc")
    _common(p)
    p.add_argument("--received", required=True, help="thời điểm tiếp nhận, ISO 8601")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--days", type=int)
    group.add_argument("--hours", type=int)
    group.add_argument("--same-day", action="store_true")
    p.add_argument("--cutoff", help="giờ chốt nhận trong ngày (mặc định theo cấu hình, 15:00)")
    p.set_defaults(func=commands.cmd_deadline)

    _catalog(sub)
    _calendar(sub)
    _dossier(sub)
    _events(sub)
    _user(sub)
    _settings(sub)
    print_cmd.register(sub)
    sync_cmd.register(sub)
    hub_cmd.register(sub)
    backup_cmd.register(sub)
    report_cmd.register(sub)
    return parser


def _catalog(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cat = sub.add_parser("catalog", help="danh mục thủ tục hành chính").add_subparsers(
        dest="action", required=True
    )
    p = cat.add_parser("import", help="nhập danh mục từ JSON, CSV hoặc XLSX")
    _common(p, auth=True)
    p.add_argument("file", type=Path)
    p.add_argument("--format", choices=("json", "csv", "xlsx"))
    p.add_argument("--partial", action="store_true", help="ghi các dòng đúng, báo các dòng lỗi")
    p.set_defaults(func=commands.cmd_catalog_import)
    p = cat.add_parser("export", help="xuất danh mục")
    _common(p)
    p.add_argument("file", type=Path)
    p.add_argument("--format", choices=("json", "csv", "xlsx"))
    p.set_defaults(func=commands.cmd_catalog_export)
    p = cat.add_parser("list", help="liệt kê/tìm thủ tục (có dấu hoặc không dấu)")
    _common(p)
    p.add_argument("--search", default="")
    p.set_defaults(func=commands.cmd_catalog_list)


def _calendar(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cal = sub.add_parser("calendar", help="lịch làm việc").add_subparsers(
        dest="action", required=True
    )
    p = cal.add_parser("show", help="ngày nghỉ và ngày làm bù của một năm")
    _common(p)
    p.add_argument("--year", type=int)
    p.set_defaults(func=commands.cmd_calendar_show)
    ov = cal.add_parser("override", help="điều chỉnh lịch theo thông báo").add_subparsers(
        dest="op", required=True
    )
    p = ov.add_parser("add", help="thêm ngày nghỉ (off) hoặc ngày làm việc (work)")
    _common(p, auth=True)
    p.add_argument("date")
    p.add_argument("kind", choices=("off", "work"))
    p.add_argument("--note", default="")
    p.set_defaults(func=commands.cmd_override_add)
    p = ov.add_parser("remove", help="bỏ điều chỉnh của một ngày")
    _common(p, auth=True)
    p.add_argument("date")
    p.set_defaults(func=commands.cmd_override_remove)
    p = ov.add_parser("list", help="các điều chỉnh đã nhập")
    _common(p)
    p.add_argument("--year", type=int)
    p.set_defaults(func=commands.cmd_override_list)


def _dossier(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    dos = sub.add_parser("dossier", help="hồ sơ").add_subparsers(dest="action", required=True)

    p = dos.add_parser("receive", help="tiếp nhận hồ sơ")
    _common(p, auth=True)
    _applicant_args(p)
    p.add_argument("--channel", default="direct", choices=("direct", "online", "postal"))
    p.add_argument("--component", action="append", metavar="TÊN:BẢN_CHÍNH:BẢN_SAO[:số_hóa]",
                   help="thành phần đã nhận (lặp lại); mặc định: mọi thành phần của thủ tục")  # fmt: skip
    p.add_argument("--sets", type=int, default=1)
    p.add_argument("--fee", type=int, default=0)
    p.add_argument("--payment", default="", choices=("online", "direct"),
                   help="hình thức nộp phí: online (trực tuyến) hoặc direct (trực tiếp); chỉ khi có phí")  # fmt: skip
    p.add_argument("--delivery", default="counter", choices=("counter", "postal"))
    p.add_argument("--note", default="")
    p.add_argument("--confirm-warnings", action="store_true", help="đã xem cảnh báo, vẫn tiếp nhận")
    p.set_defaults(func=commands.cmd_receive)

    p = dos.add_parser("handover", help="chuyển hồ sơ cho người khác")
    _common(p, auth=True)
    p.add_argument("code")
    p.add_argument("--to", required=True, help="tên đăng nhập người nhận")
    p.add_argument("--note", default="")
    p.add_argument("--step-days", type=int, help="hạn của bước này (ngày làm việc)")
    p.set_defaults(func=commands.cmd_handover)

    sup = dos.add_parser("supplement", help="yêu cầu / nhận bổ sung").add_subparsers(
        dest="op", required=True
    )
    p = sup.add_parser("request", help="yêu cầu bổ sung (mọi thành phần trong một lần)")
    _common(p, auth=True)
    p.add_argument("code")
    p.add_argument("--item", action="append", required=True, metavar="TÊN[:LOẠI[:LÝ_DO]]")
    p.add_argument("--reason", required=True)
    p.add_argument("--contact", default="")
    p.set_defaults(func=commands.cmd_supplement_request)
    p = sup.add_parser("receive", help="nhận đủ hồ sơ bổ sung (tính lại thời hạn)")
    _common(p, auth=True)
    p.add_argument("code")
    p.add_argument("--note", default="")
    p.set_defaults(func=commands.cmd_supplement_receive)

    p = dos.add_parser("refuse", help="từ chối (mã hồ sơ đã nhận, hoặc từ chối ngay tại quầy)")
    _common(p, auth=True)
    p.add_argument("code", nargs="?")
    p.add_argument("--reason", required=True)
    _applicant_args(p, required=False)
    p.set_defaults(func=commands.cmd_refuse)

    for name, help_text, func, extra in (
        ("result", "ghi nhận đã có kết quả", commands.cmd_result, ("--digitised", "--note")),
        (
            "return",
            "trả kết quả cho người nộp",
            commands.cmd_return,
            ("--to-whom", "--method", "--satisfaction"),
        ),
        (
            "apologize",
            "văn bản xin lỗi và hẹn lại",
            commands.cmd_apologize,
            ("--reason", "--days", "--unit"),
        ),
        ("withdraw", "người nộp rút hồ sơ", commands.cmd_withdraw, ("--reason",)),
        ("stop", "dừng giải quyết hồ sơ", commands.cmd_stop, ("--reason",)),
        ("satisfaction", "ghi mức độ hài lòng", commands.cmd_satisfaction, ("--level",)),
    ):
        p = dos.add_parser(name, help=help_text)
        _common(p, auth=True)
        p.add_argument("code")
        for flag in extra:
            if flag == "--digitised":
                p.add_argument(flag, action="store_true")
            elif flag == "--days":
                p.add_argument(flag, type=int, required=True, help="số ngày làm việc gia hạn")
            elif flag == "--method":
                p.add_argument(flag, default="counter", choices=("counter", "postal", "online"))
            elif flag in ("--satisfaction", "--level"):
                p.add_argument(
                    flag,
                    choices=("very_satisfied", "satisfied", "unsatisfied"),
                    required=flag == "--level",
                )
            elif flag == "--reason":
                p.add_argument(flag, required=True)
            else:
                p.add_argument(flag, default="")
        p.set_defaults(func=func)

    p = dos.add_parser("show", help="xem hồ sơ và các sự kiện")
    _common(p)
    p.add_argument("code")
    p.set_defaults(func=commands.cmd_show)
    p = dos.add_parser("search", help="tìm theo mã, số định danh, điện thoại hoặc họ tên")
    _common(p)
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(func=commands.cmd_search)
    p = dos.add_parser("review", help="hồ sơ cần rà soát (chuỗi sự kiện bất thường)")
    _common(p)
    p.set_defaults(func=commands.cmd_review)


def _applicant_args(p: argparse.ArgumentParser, *, required: bool = True) -> None:
    p.add_argument("--procedure", required=required, help="mã thủ tục")
    p.add_argument("--name", required=required, help="họ tên người nộp")
    p.add_argument("--id-number", default="", help="số định danh cá nhân / CCCD")
    p.add_argument("--birth-date", help="ngày sinh YYYY-MM-DD")
    p.add_argument("--sex", default="", help="nam/nữ")
    p.add_argument("--address", default="")
    p.add_argument("--phone", default="")
    p.add_argument("--email", default="")


def _events(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    ev = sub.add_parser("events", help="xuất/nhập sự kiện (JSON Lines)").add_subparsers(
        dest="action", required=True
    )
    p = ev.add_parser("export", help="xuất sự kiện ra JSON Lines")
    p.add_argument("-o", "--output", type=Path, help="tệp đích (mặc định: đầu ra chuẩn)")
    p.add_argument("--node")
    p.add_argument("--after-seq", type=int, default=0)
    p.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(func=commands.cmd_events_export)
    p = ev.add_parser("import", help="nhập sự kiện từ JSON Lines")
    _common(p, auth=True)
    p.add_argument("file", nargs="?", default="-", help="tệp nguồn (mặc định: đầu vào chuẩn)")
    p.add_argument("--partial", action="store_true")
    p.set_defaults(func=commands.cmd_events_import)


def _user(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    us = sub.add_parser("user", help="người dùng").add_subparsers(dest="action", required=True)
    p = us.add_parser("add", help="thêm người dùng")
    _common(p, auth=True)
    p.add_argument("username")
    p.add_argument("--role", required=True, choices=("clerk", "officer", "leader", "admin"))
    p.add_argument("--full-name", required=True)
    p.add_argument("--unit", default="")
    p.add_argument("--new-password", help="mật khẩu (hoặc MOTCUA_NEW_PASSWORD)")
    p.set_defaults(func=commands.cmd_user_add)
    p = us.add_parser("list", help="liệt kê người dùng")
    _common(p)
    p.set_defaults(func=commands.cmd_user_list)
    p = us.add_parser("passwd", help="đổi mật khẩu")
    _common(p, auth=True)
    p.add_argument("username")
    p.add_argument("--new-password", help="mật khẩu mới (hoặc MOTCUA_NEW_PASSWORD)")
    p.set_defaults(func=commands.cmd_user_passwd)
    for action, text in (("lock", "khóa tài khoản"), ("unlock", "mở khóa tài khoản")):
        p = us.add_parser(action, help=text)
        _common(p, auth=True)
        p.add_argument("username")
        p.set_defaults(func=commands.cmd_user_lock, active=action == "unlock")


def _settings(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    st = sub.add_parser("settings", help="cấu hình của xã và của máy").add_subparsers(
        dest="action", required=True
    )
    p = st.add_parser("show", help="xem cấu hình")
    _common(p)
    p.set_defaults(func=commands.cmd_settings_show)
    p = st.add_parser("set", help="sửa một mục cấu hình (quản trị)")
    _common(p, auth=True)
    p.add_argument("key", help="ví dụ: cutoff, office_hours, centre_name, unit_heads")
    p.add_argument("value", help='ví dụ: 15:00 | "07:30-11:30,13:30-17:00" | {"đơn vị": "họ tên"}')
    p.set_defaults(func=commands.cmd_settings_set)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(json_errors="--json" in argv).parse_args(argv)
    as_json = bool(getattr(args, "json", False) or args.json_global)
    args.json = as_json
    try:
        return int(args.func(args) or 0)
    except MotcuaError as error:
        return report_error(error, as_json=as_json)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: not an error of ours; silence the final flush.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:
        # A full disk, a locked or damaged database, a read-only folder: say so, no traceback.
        fault = classify(exc, args.data_dir or default_data_dir())
        if fault is None:
            raise  # our bug: the traceback is what a developer needs
        return report_error(fault, as_json=as_json)


if __name__ == "__main__":
    sys.exit(main())
