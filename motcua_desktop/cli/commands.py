"""What each ``motcua`` subcommand does: parse arguments into service calls and print the result."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..domain.calendar import WorkingCalendar
from ..domain.dossier import STATUS_LABELS_VI
from ..domain.durations import DEFAULT_CUTOFF, Duration, parse_hhmm
from ..domain.errors import MotcuaError, ValidationError, register_messages
from ..services import calendar_service, catalog, events_io, lookup, users
from ..services import settings as settings_service
from ..services.catalog_io import CatalogFormat
from ..services.demo import DEMO_PASSWORD, create_demo
from ..services.dossiers import ActResult, DossierService
from ..services.intake import ApplicantInput, ComponentInput, IntakeRequest
from ..services.setup import CommuneInfo, initialise
from ..services.status import node_status, status_text
from ..services.workspace import Workspace, default_data_dir, open_workspace
from ..storage.database import DB_FILENAME
from ..storage.eventstore import state_to_json
from .output import emit

register_messages(
    {
        "cli.date": "Ngày «{value}» không hợp lệ (dạng YYYY-MM-DD).",
        "cli.datetime": "Thời điểm «{value}» không hợp lệ (dạng 2025-01-24T09:00).",
        "cli.user_required": "Cần cho biết người thực hiện: --user hoặc biến MOTCUA_USER.",
        "cli.password_required": "Cần mật khẩu: --password, biến {env} hoặc nhập khi được hỏi.",
        "cli.init_required": "Thiếu {what}: khởi tạo thật cần --commune và --unit-code (hoặc dùng --demo).",
        "cli.component": "Thành phần «{value}» không đúng dạng TÊN:BẢN_CHÍNH:BẢN_SAO[:số_hóa].",
        "events.output": "«{path}» không phải tên tệp; hãy cho biết tệp để ghi sự kiện.",
        "events.file_unreadable": "Không đọc được tệp «{path}»: {reason}.",
        "cli.refuse_args": "Từ chối tại quầy cần --procedure và --name; từ chối hồ sơ đã nhận cần mã hồ sơ.",
    }
)


@contextmanager
def workspace(args: argparse.Namespace) -> Iterator[Workspace]:
    ws = open_workspace(args.data_dir)
    try:
        yield ws
    finally:
        ws.close()


def _secret(value: str | None, env: str, prompt: str) -> str:
    if value:
        return value
    if os.environ.get(env):
        return os.environ[env]
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    raise MotcuaError("cli.password_required", field="password", env=env)


def actor(ws: Workspace, args: argparse.Namespace) -> users.User:
    """Sign in the person behind a command; every event it writes carries their name."""
    username = args.user or os.environ.get("MOTCUA_USER")
    if not username:
        raise MotcuaError("cli.user_required", field="user")
    password = _secret(args.password, "MOTCUA_PASSWORD", f"Mật khẩu của {username}: ")
    return users.authenticate(ws, username, password)


def parse_day(value: str, field: str = "date") -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValidationError("cli.date", field=field, value=value) from None


def _state_json(result: ActResult) -> dict[str, Any]:
    return {
        "code": result.code,
        "state": state_to_json(result.state),
        "events": [e.to_wire() for e in result.events],
        "warnings": [w.to_dict() for w in result.warnings],
    }


def _act_text(result: ActResult) -> str:
    s = result.state
    lines = [f"Hồ sơ {s.code}: {STATUS_LABELS_VI[s.status]}"]
    if s.appointment:
        lines.append(f"Hẹn trả: {s.appointment:%H:%M %d/%m/%Y}")
    lines += [f"Cảnh báo: {w.message}" for w in result.warnings]
    return "\n".join(lines)


def _emit_act(args: argparse.Namespace, result: ActResult) -> int:
    emit(_state_json(result), as_json=args.json, text=_act_text(result))
    return 0


# ---- init, status, deadline ---------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    data_dir = args.data_dir or default_data_dir()
    if args.demo:
        ws, _admin = create_demo(data_dir, dossiers=args.demo_dossiers)
        password_note = (
            f"Người dùng mẫu: admin, tiepnhan, tuphap, chutich… — mật khẩu «{DEMO_PASSWORD}»."
        )
    else:
        missing = [
            flag
            for flag, v in (("--commune", args.commune), ("--unit-code", args.unit_code))
            if not v
        ]
        if missing:
            raise MotcuaError(
                "cli.init_required", field=missing[0].lstrip("-"), what=", ".join(missing)
            )
        password = _secret(args.admin_password, "MOTCUA_ADMIN_PASSWORD", "Mật khẩu quản trị: ")
        info = CommuneInfo(args.commune, args.unit_code, args.address, args.parent_agency,
                           args.centre_name, args.place_name)  # fmt: skip
        ws, admin = initialise(data_dir, info, admin_password=password, admin_username=args.admin_user,
                               node_slot=args.node_slot)  # fmt: skip
        if args.catalog:
            catalog.import_catalog(ws, admin, args.catalog)
        password_note = f"Quản trị viên: {admin.username}."
    try:
        summary = node_status(ws)
    finally:
        ws.close()
    emit(
        summary,
        as_json=args.json,
        text=f"Đã khởi tạo {summary['commune_name']} tại {data_dir}.\n{password_note}",
    )
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        info = node_status(ws)
    emit(info, as_json=args.json, text=status_text(info))
    return 0


def cmd_deadline(args: argparse.Namespace) -> int:
    """``{"due": ISO}`` on this PC's calendar; with no database, on the installed default calendar."""
    data_dir = args.data_dir or default_data_dir()
    cutoff_setting = None
    if (Path(data_dir) / DB_FILENAME).exists():
        with workspace(argparse.Namespace(data_dir=data_dir)) as ws:
            cal = calendar_service.working_calendar(ws)
            cutoff_setting = ws.setting("cutoff")
    else:
        cal = WorkingCalendar()
    try:
        received = datetime.fromisoformat(args.received)
    except ValueError:
        raise ValidationError("cli.datetime", field="received", value=args.received) from None
    if args.days is not None:
        duration = Duration.days(args.days)
    elif args.hours is not None:
        duration = Duration.hours(args.hours)
    else:
        cutoff = args.cutoff or cutoff_setting
        duration = Duration.same_day(
            parse_hhmm(cutoff, field="cutoff") if cutoff else DEFAULT_CUTOFF
        )
    due = cal.due(received, duration)
    emit(
        {"due": due.isoformat()},
        as_json=args.json,
        text=f"Hẹn trả: {due:%H:%M %d/%m/%Y} ({due.isoformat()})",
    )
    return 0


# ---- catalog and calendar -----------------------------------------------------------------------


def cmd_catalog_import(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        fmt = CatalogFormat(args.format) if args.format else None
        result = catalog.import_catalog(ws, actor(ws, args), args.file, fmt, partial=args.partial)
    data = {"added": result.added, "updated": result.updated, "errors": result.errors}
    text = f"Đã nhập: {result.added} thủ tục mới, {result.updated} cập nhật."
    if result.errors:
        text += f"\nBỏ qua {len(result.errors)} dòng lỗi:\n" + "\n".join(
            f"  - {e['message']}" for e in result.errors
        )
    emit(data, as_json=args.json, text=text)
    return 0


def cmd_catalog_export(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        count = catalog.export_catalog(
            ws, args.file, CatalogFormat(args.format) if args.format else None
        )
    emit(
        {"exported": count, "file": str(args.file)},
        as_json=args.json,
        text=f"Đã xuất {count} thủ tục ra {args.file}.",
    )
    return 0


def cmd_catalog_list(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        procs = catalog.list_procedures(ws, args.search)
    text = "\n".join(
        f"{p.code:<12} {p.processing_time.label_vi() if p.processing_time else '(chưa có thời hạn)':<28} {p.name}"
        for p in procs
    )
    emit([p.to_dict() for p in procs], as_json=args.json, text=text or "Không có thủ tục nào.")
    return 0


def cmd_calendar_show(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        cal = calendar_service.working_calendar(ws)
        year = args.year or ws.clock().year
    off = [
        {"date": d.day.isoformat(), "kind": d.kind.value, "name": d.name}
        for d in cal.year_days_off(year)
    ]
    sat = [{"date": d.day.isoformat(), "name": d.name} for d in cal.year_working_saturdays(year)]
    text = "\n".join(
        [f"Năm {year} — ngày nghỉ:"]
        + [f"  {d['date']}  {d['name']}" for d in off]
        + ["Thứ Bảy làm việc:"]
        + [f"  {d['date']}  {d['name']}" for d in sat]
    )
    emit({"year": year, "days_off": off, "working_saturdays": sat}, as_json=args.json, text=text)
    return 0


def cmd_override_add(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        override = calendar_service.set_override(
            ws, actor(ws, args), parse_day(args.date), args.kind, args.note
        )
    data = {"date": override.day.isoformat(), "kind": override.kind.value, "note": override.note}
    emit(data, as_json=args.json, text=f"Đã ghi điều chỉnh {data['date']}: {data['kind']}.")
    return 0


def cmd_override_remove(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        calendar_service.remove_override(ws, actor(ws, args), parse_day(args.date))
    emit({"removed": args.date}, as_json=args.json, text=f"Đã bỏ điều chỉnh ngày {args.date}.")
    return 0


def cmd_override_list(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        items = calendar_service.list_overrides(ws, args.year)
    data = [{"date": o.day.isoformat(), "kind": o.kind.value, "note": o.note} for o in items]
    emit(
        data,
        as_json=args.json,
        text="\n".join(f"{d['date']}  {d['kind']}  {d['note']}" for d in data)
        or "Chưa có điều chỉnh.",
    )
    return 0


# ---- dossiers -----------------------------------------------------------------------------------


def _applicant(args: argparse.Namespace) -> ApplicantInput:
    return ApplicantInput(
        name=args.name or "", id_number=args.id_number,
        birth_date=parse_day(args.birth_date, "birth_date") if args.birth_date else None,
        sex=args.sex, address=args.address, phone=args.phone, email=args.email,
    )  # fmt: skip


def _component(text: str) -> ComponentInput:
    parts = text.rsplit(":", 3)
    try:
        if len(parts) == 4:
            name, originals, copies, digitised = parts
        else:
            name, originals, copies = text.rsplit(":", 2)
            digitised = ""
        return ComponentInput(
            name,
            int(originals),
            int(copies),
            digitised.strip().lower() in ("1", "true", "có", "co", "x"),
        )
    except ValueError:
        raise ValidationError("cli.component", field="component", value=text) from None


def cmd_receive(args: argparse.Namespace) -> int:
    request = IntakeRequest(
        procedure_code=args.procedure, applicant=_applicant(args), channel=args.channel,
        components=tuple(_component(c) for c in args.component) if args.component else None,
        sets=args.sets, fee=args.fee, payment=args.payment, delivery=args.delivery,
        note=args.note, confirm_warnings=args.confirm_warnings,
    )  # fmt: skip
    with workspace(args) as ws:
        result = DossierService(ws).receive(actor(ws, args), request)
    return _emit_act(args, result)


def _service_act(args: argparse.Namespace, act: str, /, **kwargs: Any) -> int:
    with workspace(args) as ws:
        service = DossierService(ws)
        result = getattr(service, act)(actor(ws, args), args.code, **kwargs)
    return _emit_act(args, result)


def cmd_handover(args: argparse.Namespace) -> int:
    return _service_act(
        args, "hand_over", to_username=args.to, note=args.note, step_days=args.step_days
    )


def cmd_supplement_request(args: argparse.Namespace) -> int:
    items = []
    for raw in args.item:
        name, _, rest = raw.partition(":")
        kind, _, reason = rest.partition(":")
        items.append({"name": name, "kind": kind, "reason": reason})
    return _service_act(
        args, "request_supplement", items=items, reason=args.reason, contact=args.contact
    )


def cmd_supplement_receive(args: argparse.Namespace) -> int:
    return _service_act(args, "receive_supplement", note=args.note)


def cmd_refuse(args: argparse.Namespace) -> int:
    if args.code:
        return _service_act(args, "refuse", reason=args.reason)
    if not (args.procedure and args.name):
        raise MotcuaError("cli.refuse_args", field="code")
    request = IntakeRequest(procedure_code=args.procedure, applicant=_applicant(args))
    with workspace(args) as ws:
        result = DossierService(ws).refuse_at_counter(actor(ws, args), request, args.reason)
    return _emit_act(args, result)


def cmd_result(args: argparse.Namespace) -> int:
    return _service_act(args, "record_result", digitised=args.digitised, note=args.note)


def cmd_return(args: argparse.Namespace) -> int:
    return _service_act(
        args,
        "return_result",
        to_whom=args.to_whom,
        method=args.method,
        satisfaction=args.satisfaction,
    )


def cmd_apologize(args: argparse.Namespace) -> int:
    return _service_act(
        args,
        "issue_apology",
        reason=args.reason,
        extra_days=args.days,
        responsible_unit=args.unit or None,
    )


def cmd_withdraw(args: argparse.Namespace) -> int:
    return _service_act(args, "withdraw", reason=args.reason)


def cmd_stop(args: argparse.Namespace) -> int:
    return _service_act(args, "stop", reason=args.reason)


def cmd_satisfaction(args: argparse.Namespace) -> int:
    return _service_act(args, "record_satisfaction", level=args.level)


def cmd_show(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        service = DossierService(ws)
        state = service.state(args.code)
        events = service.events(args.code)
    data = {
        "code": state.code,
        "state": state_to_json(state),
        "events": [e.to_wire() for e in events],
    }
    lines = [
        f"Hồ sơ {state.code} — {STATUS_LABELS_VI[state.status]}",
        f"Thủ tục: {state.procedure_code} {state.procedure_name}",
        f"Người nộp: {state.applicant.get('name', '')}",
    ]
    if state.appointment:
        lines.append(f"Hẹn trả: {state.appointment.astimezone(ws.tz):%H:%M %d/%m/%Y}")
    lines += [f"  {e.at:%d/%m/%Y %H:%M}  {e.type.value:<22} {e.actor}" for e in events]
    lines += [f"  ! Cần rà soát: {flag.reason}" for flag in state.review]
    emit(data, as_json=args.json, text="\n".join(lines))
    return 0


def _summaries_text(rows: list[lookup.DossierSummary]) -> str:
    return (
        "\n".join(
            f"{r.code}  {STATUS_LABELS_VI[r.status]:<20} {r.applicant_name:<28} {r.procedure_name[:50]}"
            for r in rows
        )
        or "Không tìm thấy hồ sơ nào."
    )


def cmd_search(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        rows = lookup.search(ws, args.query, limit=args.limit)
    emit(rows, as_json=args.json, text=_summaries_text(rows))
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        rows = lookup.needs_review(ws)
    emit(rows, as_json=args.json, text=_summaries_text(rows))
    return 0


# ---- events and users ---------------------------------------------------------------------------


def cmd_events_export(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        if args.output is not None:
            if not args.output.name or args.output.is_dir():
                raise ValidationError("events.output", field="output", path=str(args.output))
            tmp = args.output.with_suffix(args.output.suffix + ".part")
            with tmp.open("w", encoding="utf-8") as out:
                count = events_io.export_events(ws, out, node=args.node, after_seq=args.after_seq)
            tmp.replace(args.output)
            print(f"Đã xuất {count} sự kiện ra {args.output}.", file=sys.stderr)
        else:
            events_io.export_events(ws, sys.stdout, node=args.node, after_seq=args.after_seq)
    return 0


def cmd_events_import(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        user = actor(ws, args)
        if args.file == "-":
            report = events_io.import_events(ws, user, sys.stdin.buffer, partial=args.partial)
        else:
            try:
                handle = open(args.file, "rb")  # noqa: SIM115 - closed just below
            except OSError as error:
                raise ValidationError(
                    "events.file_unreadable",
                    field="file",
                    path=args.file,
                    reason=error.strerror or str(error),
                ) from None
            with handle:
                report = events_io.import_events(ws, user, handle, partial=args.partial)
    data = report.to_dict()
    text = f"Đã nhập {report.stored} sự kiện mới, bỏ qua {report.duplicates} sự kiện đã có, {len(report.dossiers)} hồ sơ được cập nhật."
    if report.errors:
        text += "\n" + "\n".join(f"  - {e.message}" for e in report.errors)
    emit(data, as_json=args.json, text=text)
    return 0


def cmd_user_add(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        admin = actor(ws, args)
        password = _secret(
            args.new_password, "MOTCUA_NEW_PASSWORD", f"Mật khẩu cho {args.username}: "
        )
        user = users.create_user(ws, admin, username=args.username, full_name=args.full_name,
                                 role=args.role, password=password, unit=args.unit)  # fmt: skip
    emit(user, as_json=args.json, text=f"Đã thêm người dùng {user.username} ({user.role.value}).")
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        items = users.list_users(ws)
    text = "\n".join(
        f"{u.username:<14} {u.role.value:<8} {u.full_name:<24} {u.unit}" for u in items
    )
    emit(items, as_json=args.json, text=text)
    return 0


def cmd_user_passwd(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        who = actor(ws, args)
        password = _secret(args.new_password, "MOTCUA_NEW_PASSWORD", "Mật khẩu mới: ")
        users.change_password(ws, who, args.username, password)
    emit(
        {"changed": args.username}, as_json=args.json, text=f"Đã đổi mật khẩu của {args.username}."
    )
    return 0


def cmd_user_lock(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        user = users.set_active(ws, actor(ws, args), args.username, active=args.active)
    done = "Đã mở khóa" if user.active else "Đã khóa"
    emit(user, as_json=args.json, text=f"{done} tài khoản {user.username}.")
    return 0


def cmd_settings_show(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        values = ws.settings
    lines = [f"{key}: {value}" for key, value in sorted(values.items())]
    lines += ["", "Các mục sửa được (motcua settings set KEY VALUE):"]
    lines += [f"  {key:<24} {label}" for key, (label, _check) in settings_service.EDITABLE.items()]
    emit(values, as_json=args.json, text="\n".join(lines))
    return 0


def cmd_settings_set(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        stored = settings_service.update_settings(ws, actor(ws, args), {args.key: args.value})
    emit(stored, as_json=args.json, text=f"Đã lưu {args.key} = {stored[args.key]}.")
    return 0
