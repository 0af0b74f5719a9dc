"""Roles and what each may do; services check these, the GUI only hides what is not allowed."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    CLERK = "clerk"  # cán bộ tiếp nhận
    OFFICER = "officer"  # công chức chuyên môn
    LEADER = "leader"  # lãnh đạo
    ADMIN = "admin"  # quản trị


ROLE_LABELS_VI = {
    Role.CLERK: "Cán bộ tiếp nhận",
    Role.OFFICER: "Công chức chuyên môn",
    Role.LEADER: "Lãnh đạo",
    Role.ADMIN: "Quản trị",
}


class Action(StrEnum):
    RECEIVE = "receive"
    HAND_OVER = "hand_over"
    REQUEST_SUPPLEMENT = "request_supplement"
    RECEIVE_SUPPLEMENT = "receive_supplement"
    REFUSE = "refuse"
    RECORD_RESULT = "record_result"
    RETURN_RESULT = "return_result"
    ISSUE_APOLOGY = "issue_apology"
    WITHDRAW = "withdraw"
    STOP = "stop"
    RECORD_SATISFACTION = "record_satisfaction"
    VIEW = "view"
    PRINT = "print"
    EXPORT_PERSONAL_DATA = "export_personal_data"
    MANAGE_CATALOG = "manage_catalog"
    MANAGE_CALENDAR = "manage_calendar"
    MANAGE_USERS = "manage_users"
    MANAGE_SETTINGS = "manage_settings"
    IMPORT_EVENTS = "import_events"


ACTION_LABELS_VI = {
    Action.RECEIVE: "tiếp nhận hồ sơ",
    Action.HAND_OVER: "chuyển hồ sơ",
    Action.REQUEST_SUPPLEMENT: "yêu cầu bổ sung hồ sơ",
    Action.RECEIVE_SUPPLEMENT: "nhận hồ sơ bổ sung",
    Action.REFUSE: "từ chối hồ sơ",
    Action.RECORD_RESULT: "ghi nhận kết quả giải quyết",
    Action.RETURN_RESULT: "trả kết quả",
    Action.ISSUE_APOLOGY: "phát hành văn bản xin lỗi, hẹn lại",
    Action.WITHDRAW: "ghi nhận rút hồ sơ",
    Action.STOP: "dừng giải quyết hồ sơ",
    Action.RECORD_SATISFACTION: "ghi nhận mức độ hài lòng",
    Action.VIEW: "xem hồ sơ",
    Action.PRINT: "in biểu mẫu",
    Action.EXPORT_PERSONAL_DATA: "xuất dữ liệu cá nhân",
    Action.MANAGE_CATALOG: "quản lý danh mục thủ tục",
    Action.MANAGE_CALENDAR: "sửa lịch làm việc",
    Action.MANAGE_USERS: "quản lý người dùng",
    Action.MANAGE_SETTINGS: "sửa cấu hình",
    Action.IMPORT_EVENTS: "nhập sự kiện từ tệp",
}

_COMMON = {Action.VIEW, Action.PRINT}
_COUNTER = {
    Action.RECEIVE,
    Action.HAND_OVER,
    Action.REQUEST_SUPPLEMENT,
    Action.RECEIVE_SUPPLEMENT,
    Action.REFUSE,
    Action.RETURN_RESULT,
    Action.ISSUE_APOLOGY,  # the clerk records the letter the responsible unit's head signed
    Action.WITHDRAW,
    Action.RECORD_SATISFACTION,
}
_PROCESSING = {
    Action.HAND_OVER,
    Action.REQUEST_SUPPLEMENT,
    Action.REFUSE,
    Action.RECORD_RESULT,
    Action.ISSUE_APOLOGY,
}

PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.CLERK: frozenset(_COMMON | _COUNTER),
    Role.OFFICER: frozenset(_COMMON | _PROCESSING),
    Role.LEADER: frozenset(_COMMON | _PROCESSING | {Action.STOP, Action.EXPORT_PERSONAL_DATA}),
    Role.ADMIN: frozenset(
        _COMMON
        | {
            Action.MANAGE_CATALOG,
            Action.MANAGE_CALENDAR,
            Action.MANAGE_USERS,
            Action.MANAGE_SETTINGS,
            Action.IMPORT_EVENTS,
            Action.EXPORT_PERSONAL_DATA,
        }
    ),
}


def can(role: Role, action: Action) -> bool:
    return action in PERMISSIONS[role]
