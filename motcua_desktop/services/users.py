"""Users, roles and sign-in: argon2 password hashes, permission checks for every act.

The reads (the sign-in's list, a password check) need no SQLAlchemy; the changes load it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ..domain.errors import (
    MotcuaError,
    NotFoundError,
    PermissionDenied,
    ValidationError,
    register_messages,
)
from ..domain.roles import ACTION_LABELS_VI, Action, Role, can
from ..domain.text import clean_text
from ..storage import reads
from .workspace import Workspace, iso_now

if TYPE_CHECKING:
    from ..storage.schema import UserRecord

register_messages(
    {
        "user.username": "Tên đăng nhập «{value}» không hợp lệ: 2–32 ký tự a–z, 0–9, dấu chấm, "
        "gạch dưới hoặc gạch ngang.",
        "user.exists": "Tên đăng nhập «{username}» đã có.",
        "user.role": "Vai trò «{value}» không hợp lệ (clerk, officer, leader, admin).",
        "user.password_short": "Mật khẩu phải có ít nhất {min_len} ký tự.",
        "auth.failed": "Sai tên đăng nhập hoặc mật khẩu.",
        "user.inactive": "Tài khoản «{username}» đã bị khóa.",
        "user.lock_self": "Không thể tự khóa tài khoản của chính mình («{username}»).",
    }
)

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")
MIN_PASSWORD = 8
_hasher = PasswordHasher()


@dataclass(frozen=True, slots=True)
class User:
    """A signed-in person; every event carries the username as its actor."""

    username: str
    full_name: str
    role: Role
    unit: str = ""
    active: bool = True


def require(actor: User, action: Action) -> None:
    """Raise PermissionDenied unless the actor's role allows the action."""
    if not actor.active or not can(actor.role, action):
        raise PermissionDenied(actor.username, actor.role.value, ACTION_LABELS_VI[action])


def _to_user(record: UserRecord) -> User:
    return User(record.username, record.full_name, Role(record.role), record.unit, record.active)


def _from_row(row: reads.UserRow) -> User:
    username, full_name, role, unit, active, _hash = row
    return User(username, full_name, Role(role), unit, active)


def validate_username(value: str) -> str:
    text = value.strip().lower() if isinstance(value, str) else ""
    if not USERNAME.match(text):
        raise ValidationError("user.username", field="username", value=value)
    return text


def _role(value: str) -> Role:
    try:
        return Role(value)
    except ValueError:
        raise ValidationError("user.role", field="role", value=value) from None


def _hash_password(password: str) -> str:
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise ValidationError("user.password_short", field="password", min_len=MIN_PASSWORD)
    return _hasher.hash(password)


def create_user(
    workspace: Workspace,
    actor: User | None,
    *,
    username: str,
    full_name: str,
    role: str,
    password: str,
    unit: str = "",
) -> User:
    """Add a user. ``actor`` None is allowed only while setting up a new workspace (no users yet)."""
    name = validate_username(username)
    user_role = _role(role)
    full = clean_text(full_name, field="full_name", max_len=200)
    unit_name = clean_text(unit, field="unit", max_len=200, required=False)
    hashed = _hash_password(password)
    from sqlalchemy import select

    from ..storage.schema import UserRecord

    with workspace.db.writing() as session:
        if actor is None:
            if session.execute(select(UserRecord.id).limit(1)).first() is not None:
                raise PermissionDenied("(none)", "-", ACTION_LABELS_VI[Action.MANAGE_USERS])
        else:
            require(actor, Action.MANAGE_USERS)
        if session.execute(select(UserRecord.id).where(UserRecord.username == name)).first():
            raise ValidationError("user.exists", field="username", username=name)
        session.add(
            UserRecord(
                username=name,
                full_name=full,
                role=user_role.value,
                unit=unit_name,
                password_hash=hashed,
                active=True,
                created_at=iso_now(workspace),
            )
        )
    return User(name, full, user_role, unit_name)


def list_users(workspace: Workspace) -> list[User]:
    with workspace.db.snapshot() as conn:
        return [_from_row(row) for row in reads.users(conn)]


def get_user(workspace: Workspace, username: str) -> User:
    with workspace.db.snapshot() as conn:
        row = reads.user(conn, username.strip().lower())
    if row is None:
        raise NotFoundError("người dùng", username)
    return _from_row(row)


def authenticate(workspace: Workspace, username: str, password: str) -> User:
    """Check a password; the same message for an unknown user and a wrong password."""
    with workspace.db.snapshot() as conn:
        row = reads.user(conn, str(username).strip().lower())
    if row is None:
        _hasher.hash("timing-equaliser")  # do the same work for unknown names
        raise MotcuaError("auth.failed")
    try:
        _hasher.verify(row[-1], password)
    except (VerificationError, InvalidHashError):
        raise MotcuaError("auth.failed") from None
    user = _from_row(row)
    if not user.active:
        raise MotcuaError("user.inactive", username=user.username)
    return user


def change_password(workspace: Workspace, actor: User, username: str, new_password: str) -> None:
    """Users change their own password; an admin may reset anyone's."""
    target = validate_username(username)
    if actor.username != target:
        require(actor, Action.MANAGE_USERS)
    hashed = _hash_password(new_password)
    from sqlalchemy import select

    from ..storage.schema import UserRecord

    with workspace.db.writing() as session:
        record = session.scalars(select(UserRecord).where(UserRecord.username == target)).first()
        if record is None:
            raise NotFoundError("người dùng", target)
        record.password_hash = hashed


def set_active(workspace: Workspace, actor: User, username: str, *, active: bool) -> User:
    """Lock an account (it can no longer sign in or act) or unlock it; its history stays.

    Accounts are never deleted: every event names its actor. Only an administrator whose own
    account is still active (read again here, not from the signed-in session) changes another
    account, and nobody locks their own: so the commune always keeps an active administrator.
    """
    require(actor, Action.MANAGE_USERS)
    target = validate_username(username)
    from sqlalchemy import select

    from ..storage.schema import UserRecord

    with workspace.db.writing() as session:
        records = {
            r.username: r
            for r in session.scalars(
                select(UserRecord).where(UserRecord.username.in_((actor.username, target)))
            )
        }
        own = records.get(actor.username)
        if own is None or not own.active:
            raise PermissionDenied(
                actor.username, actor.role.value, ACTION_LABELS_VI[Action.MANAGE_USERS]
            )
        record = records.get(target)
        if record is None:
            raise NotFoundError("người dùng", target)
        if target == actor.username and not active:
            raise ValidationError("user.lock_self", field="username", username=target)
        record.active = active
        return _to_user(record)
