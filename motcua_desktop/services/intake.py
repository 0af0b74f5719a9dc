"""What the clerk types at intake, validated into the data of a ``received`` event."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from ..domain.catalog import Procedure, Submission
from ..domain.errors import MotcuaError, ValidationError, register_messages
from ..domain.identity import (
    Sex,
    check_birth_date,
    check_id_number,
    normalize_email,
    normalize_phone,
)
from ..domain.text import clean_text

register_messages(
    {
        "intake.channel": "Kênh tiếp nhận «{value}» không hợp lệ (trực tiếp, trực tuyến, bưu chính).",
        "intake.delivery": "Hình thức nhận kết quả «{value}» không hợp lệ (tại quầy, bưu chính).",
        "intake.count": "Số lượng «{value}» không hợp lệ (số nguyên từ 0 đến {max}).",
        "intake.no_components": "Chưa có thành phần hồ sơ nào được nhận.",
        "intake.sex": "Giới tính «{value}» không hợp lệ (nam/nữ).",
        "intake.payment": "Hình thức nộp phí «{value}» không hợp lệ (trực tuyến, trực tiếp).",
        "intake.payment_no_fee": "Hồ sơ không có phí, lệ phí nên không ghi hình thức nộp phí.",
        "intake.warnings": "Có {count} cảnh báo cần xác nhận: {details}",
    }
)


class Channel(StrEnum):
    DIRECT = "direct"
    ONLINE = "online"
    POSTAL = "postal"


CHANNEL_LABELS_VI = {
    Channel.DIRECT: "Trực tiếp",
    Channel.ONLINE: "Trực tuyến",
    Channel.POSTAL: "Bưu chính",
}


class Payment(StrEnum):
    """How the applicant paid the fee; the reports give the share paid online."""

    ONLINE = "online"
    DIRECT = "direct"


PAYMENT_LABELS_VI = {
    Payment.ONLINE: "Trực tuyến",
    Payment.DIRECT: "Trực tiếp",
}


class Delivery(StrEnum):
    COUNTER = "counter"
    POSTAL = "postal"


@dataclass(frozen=True)
class ApplicantInput:
    name: str
    id_number: str = ""
    birth_date: date | None = None
    sex: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class ComponentInput:
    name: str
    originals: int = 0
    copies: int = 0
    digitised: bool = False


@dataclass(frozen=True)
class IntakeRequest:
    procedure_code: str
    applicant: ApplicantInput
    channel: str = Channel.DIRECT.value
    components: tuple[ComponentInput, ...] | None = (
        None  # None: every component the catalog asks for
    )
    sets: int = 1
    fee: int = 0
    payment: str = ""  # a Payment value; "" when not recorded (and always without a fee)
    delivery: str = Delivery.COUNTER.value
    note: str = ""
    confirm_warnings: bool = False  # the clerk saw the warnings (e.g. ID vs birth date) and goes on
    extra: dict[str, Any] = field(default_factory=dict)


def _count(value: Any, field_name: str, maximum: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= maximum:
        raise ValidationError("intake.count", field=field_name, value=value, max=maximum)
    return value


_SEX_ALIASES = {
    "male": Sex.MALE,
    "nam": Sex.MALE,
    "female": Sex.FEMALE,
    "nu": Sex.FEMALE,
    "nữ": Sex.FEMALE,
}


def validate_applicant(
    raw: ApplicantInput, *, today: date
) -> tuple[dict[str, Any], list[MotcuaError]]:
    """Clean the applicant's data; structural errors raise, doubts come back as warnings."""
    out: dict[str, Any] = {"name": clean_text(raw.name, field="applicant.name", max_len=200)}
    warnings: list[MotcuaError] = []
    sex = None
    if raw.sex:
        sex = _SEX_ALIASES.get(raw.sex.strip().lower())
        if sex is None:
            raise ValidationError("intake.sex", field="applicant.sex", value=raw.sex)
        out["sex"] = sex.value
    if raw.birth_date is not None:
        out["birth_date"] = check_birth_date(raw.birth_date, today=today).isoformat()
    if raw.id_number.strip():
        check = check_id_number(raw.id_number, birth_date=raw.birth_date, sex=sex, today=today)
        out["id_number"] = check.number
        warnings.extend(check.warnings)
    out["address"] = clean_text(raw.address, field="applicant.address", max_len=500, required=False)
    out["phone"] = normalize_phone(raw.phone)
    out["email"] = normalize_email(raw.email)
    return {k: v for k, v in out.items() if v != ""}, warnings


def intake_data(
    request: IntakeRequest, procedure: Procedure, *, today: date
) -> tuple[dict[str, Any], list[MotcuaError]]:
    """The validated body of a ``received`` event (without the appointment) and any warnings."""
    try:
        channel = Channel(request.channel)
    except ValueError:
        raise ValidationError("intake.channel", field="channel", value=request.channel) from None
    try:
        delivery = Delivery(request.delivery)
    except ValueError:
        raise ValidationError("intake.delivery", field="delivery", value=request.delivery) from None
    applicant, warnings = validate_applicant(request.applicant, today=today)
    if request.components is None:
        components = [
            {"name": c.name, "originals": c.originals, "copies": c.copies, "digitised": False}
            for c in procedure.components
            if c.submission is Submission.SUBMIT
        ]
    else:
        if len(request.components) > 200:
            raise ValidationError(
                "intake.count", field="components", value=len(request.components), max=200
            )
        components = [
            {
                "name": clean_text(c.name, field=f"components[{i}].name", max_len=1000),
                "originals": _count(c.originals, f"components[{i}].originals", 99),
                "copies": _count(c.copies, f"components[{i}].copies", 99),
                "digitised": bool(c.digitised),
            }
            for i, c in enumerate(request.components, start=1)
        ]
    data = {
        "procedure_code": procedure.code,
        "procedure_name": procedure.name,
        "field": procedure.field,
        "responsible_unit": procedure.responsible_unit,
        "channel": channel.value,
        "applicant": applicant,
        "components": components,
        "sets": _count(request.sets, "sets", 20) or 1,
        "fee": _count(request.fee, "fee", 1_000_000_000),
        "delivery": delivery.value,
        "note": clean_text(
            request.note, field="note", max_len=1000, required=False, multiline=True
        ),
    }
    payment = _payment(request.payment, data["fee"])
    if payment:
        data["payment"] = payment
    return data, warnings


def _payment(value: str, fee: int) -> str:
    """The payment method to record: none when not given; only with a fee to pay."""
    if not value:
        return ""
    try:
        payment = Payment(value)
    except ValueError:
        raise ValidationError("intake.payment", field="payment", value=value) from None
    if fee == 0:
        raise ValidationError("intake.payment_no_fee", field="payment")
    return payment.value


def warnings_error(warnings: list[MotcuaError]) -> MotcuaError:
    details = "; ".join(w.message for w in warnings)
    return MotcuaError(
        "intake.warnings", field="confirm_warnings", count=len(warnings), details=details
    )
