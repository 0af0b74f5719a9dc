"""Locking and unlocking accounts: a locked user can neither sign in nor act; history stays."""

from __future__ import annotations

import pytest
from conftest import Node

from motcua_desktop.domain.errors import MotcuaError, PermissionDenied, ValidationError
from motcua_desktop.services.intake import ApplicantInput, IntakeRequest
from motcua_desktop.services.users import authenticate, create_user, get_user, set_active

APPLICANT = ApplicantInput(name="Lê Thị Lan", phone="0912345678")
PROCEDURE = "1.004873"  # Cấp Giấy xác nhận tình trạng hôn nhân


def test_a_locked_clerk_cannot_sign_in_and_is_unlocked_again(node: Node, password: str) -> None:
    received = node.service.receive(node.clerk, IntakeRequest(PROCEDURE, APPLICANT))
    locked = set_active(node.ws, node.admin, "tiepnhan", active=False)
    assert locked.active is False
    with pytest.raises(MotcuaError) as refused:
        authenticate(node.ws, "tiepnhan", password)
    assert refused.value.code == "user.inactive"
    # What the clerk did stays theirs: the event still names them.
    assert node.service.events(received.state.code)[0].actor == "tiepnhan"
    with pytest.raises(PermissionDenied):  # a locked account's acts are refused too
        node.service.receive(get_user(node.ws, "tiepnhan"), IntakeRequest(PROCEDURE, APPLICANT))

    assert set_active(node.ws, node.admin, "tiepnhan", active=True).active is True
    assert authenticate(node.ws, "tiepnhan", password).username == "tiepnhan"


def test_only_an_administrator_locks_accounts(node: Node) -> None:
    with pytest.raises(PermissionDenied):
        set_active(node.ws, node.leader, "tiepnhan", active=False)
    assert get_user(node.ws, "tiepnhan").active is True


def test_nobody_locks_their_own_account(node: Node) -> None:
    with pytest.raises(ValidationError) as own:
        set_active(node.ws, node.admin, "admin", active=False)
    assert own.value.code == "user.lock_self"
    assert get_user(node.ws, "admin").active is True


def test_a_locked_administrator_still_signed_in_can_no_longer_lock_anyone(
    node: Node, password: str
) -> None:
    second = create_user(
        node.ws, node.admin, username="quantri2", full_name="Phan Văn Tâm", role="admin",
        password=password,
    )  # fmt: skip
    set_active(node.ws, node.admin, "quantri2", active=False)
    # ``second`` is the session quantri2 opened before being locked: it is read again.
    with pytest.raises(PermissionDenied):
        set_active(node.ws, second, "admin", active=False)
    assert get_user(node.ws, "admin").active is True


def test_unknown_account_is_named(node: Node) -> None:
    with pytest.raises(MotcuaError) as missing:
        set_active(node.ws, node.admin, "khongco", active=False)
    assert "khongco" in missing.value.message
