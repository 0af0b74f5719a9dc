"""Identity data at intake: CCCD/CMND numbers, phone numbers, e-mail addresses, birth dates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from .errors import MotcuaError, ValidationError, register_messages
from .text import nfc

__all__ = [
    "PROVINCE_CODES",
    "IdCheck",
    "IdKind",
    "Sex",
    "check_birth_date",
    "check_id_number",
    "normalize_email",
    "normalize_phone",
]

register_messages(
    {
        "id_number.type": "Số định danh phải là văn bản, nhận được kiểu {type}.",
        "id_number.required": "Chưa nhập số định danh cá nhân / CCCD.",
        "id_number.not_digits": "Số định danh «{value}» chỉ được gồm chữ số.",
        "id_number.length": (
            "Số định danh «{value}» có {length} chữ số; "
            "cần 12 chữ số (CCCD) hoặc 9 chữ số (CMND cũ)."
        ),
        "id_number.unknown_province": (
            "Mã tỉnh «{province_code}» ở 3 chữ số đầu không có trong danh mục mã tỉnh, thành phố."
        ),
        "id_number.birth_mismatch": (
            "Số định danh cho biết năm sinh {found}, nhưng năm sinh đã khai là {expected}."
        ),
        "id_number.sex_mismatch": (
            "Số định danh cho biết giới tính {found}, nhưng giới tính đã khai là {expected}."
        ),
        "id_number.future_birth_year": (
            "Năm sinh theo số định danh ({found}) nằm trong tương lai; hãy kiểm tra lại."
        ),
        "id_number.old_cmnd": "Đây là số CMND cũ 9 chữ số; nên đề nghị công dân cung cấp số CCCD.",
        "phone.type": "Số điện thoại phải là văn bản, nhận được kiểu {type}.",
        "phone.invalid_chars": (
            "Số điện thoại «{value}» chỉ được gồm chữ số, dấu cách, dấu chấm, gạch ngang, "
            "ngoặc đơn và dấu + ở đầu."
        ),
        "phone.prefix": (
            "Số điện thoại «{value}» không hợp lệ: số di động bắt đầu bằng 03, 05, 07, 08, 09; "
            "số cố định bắt đầu bằng 02."
        ),
        "phone.length": (
            "Số điện thoại «{value}» có {length} chữ số; {kind} cần đúng {expected} chữ số."
        ),
        "email.type": "Địa chỉ email phải là văn bản, nhận được kiểu {type}.",
        "email.invalid": "Địa chỉ email «{value}» không hợp lệ (dạng ten@ten-mien.vn).",
        "birth_date.type": "Ngày sinh phải là một ngày, nhận được kiểu {type}.",
        "birth_date.future": "Ngày sinh {value} nằm sau ngày hôm nay ({today}).",
        "birth_date.too_old": "Ngày sinh {value} trước năm 1900.",
    }
)


class IdKind(StrEnum):
    """Which identity document a number belongs to."""

    CCCD = "cccd"  # 12-digit personal identification number (CCCD / thẻ căn cước)
    CMND = "cmnd"  # 9-digit old identity card


class Sex(StrEnum):
    """Sex as recorded on identity documents."""

    MALE = "male"
    FEMALE = "female"


_SEX_LABELS = {Sex.MALE: "nam", Sex.FEMALE: "nữ"}

# Province/city codes, first three digits of a CCCD (Thông tư 07/2016/TT-BCA). Cards keep
# these codes after the 2025 province mergers, so the 63 historical units stay valid.
PROVINCE_CODES: dict[str, str] = {
    "001": "Hà Nội",
    "002": "Hà Giang",
    "004": "Cao Bằng",
    "006": "Bắc Kạn",
    "008": "Tuyên Quang",
    "010": "Lào Cai",
    "011": "Điện Biên",
    "012": "Lai Châu",
    "014": "Sơn La",
    "015": "Yên Bái",
    "017": "Hòa Bình",
    "019": "Thái Nguyên",
    "020": "Lạng Sơn",
    "022": "Quảng Ninh",
    "024": "Bắc Giang",
    "025": "Phú Thọ",
    "026": "Vĩnh Phúc",
    "027": "Bắc Ninh",
    "030": "Hải Dương",
    "031": "Hải Phòng",
    "033": "Hưng Yên",
    "034": "Thái Bình",
    "035": "Hà Nam",
    "036": "Nam Định",
    "037": "Ninh Bình",
    "038": "Thanh Hóa",
    "040": "Nghệ An",
    "042": "Hà Tĩnh",
    "044": "Quảng Bình",
    "045": "Quảng Trị",
    "046": "Thừa Thiên Huế",
    "048": "Đà Nẵng",
    "049": "Quảng Nam",
    "051": "Quảng Ngãi",
    "052": "Bình Định",
    "054": "Phú Yên",
    "056": "Khánh Hòa",
    "058": "Ninh Thuận",
    "060": "Bình Thuận",
    "062": "Kon Tum",
    "064": "Gia Lai",
    "066": "Đắk Lắk",
    "067": "Đắk Nông",
    "068": "Lâm Đồng",
    "070": "Bình Phước",
    "072": "Tây Ninh",
    "074": "Bình Dương",
    "075": "Đồng Nai",
    "077": "Bà Rịa - Vũng Tàu",
    "079": "Hồ Chí Minh",
    "080": "Long An",
    "082": "Tiền Giang",
    "083": "Bến Tre",
    "084": "Trà Vinh",
    "086": "Vĩnh Long",
    "087": "Đồng Tháp",
    "089": "An Giang",
    "091": "Kiên Giang",
    "092": "Cần Thơ",
    "093": "Hậu Giang",
    "094": "Sóc Trăng",
    "095": "Bạc Liêu",
    "096": "Cà Mau",
}

# Century/sex digit // 2 -> century start; even digits are male, odd digits female.
_CENTURIES = {0: 1900, 1: 2000, 2: 2100, 3: 2200, 4: 1800}


@dataclass(frozen=True, slots=True)
class IdCheck:
    """The outcome of checking an identity number: the parsed parts and non-blocking warnings.

    ``province_code``, ``century_sex_digit`` and ``birth_year_2`` are None for a CMND.
    """

    number: str
    kind: IdKind
    province_code: str | None
    century_sex_digit: int | None
    birth_year_2: int | None
    warnings: tuple[MotcuaError, ...]

    @property
    def birth_year(self) -> int | None:
        """The full birth year encoded in a CCCD, or None for a CMND."""
        if self.century_sex_digit is None or self.birth_year_2 is None:
            return None
        return _birth_year(self.century_sex_digit, self.birth_year_2)

    @property
    def sex(self) -> Sex | None:
        """The sex encoded in a CCCD, or None for a CMND."""
        return None if self.century_sex_digit is None else _sex_of(self.century_sex_digit)

    @property
    def province_name(self) -> str | None:
        """The Vietnamese name of the province code, if known."""
        return PROVINCE_CODES.get(self.province_code or "")


def _birth_year(century_sex_digit: int, birth_year_2: int) -> int:
    return _CENTURIES[century_sex_digit // 2] + birth_year_2


def _sex_of(century_sex_digit: int) -> Sex:
    return Sex.FEMALE if century_sex_digit % 2 else Sex.MALE


_ID_SEPARATORS = re.compile(r"[\s.\-]+")
_ASCII_DIGITS = re.compile(r"[0-9]+")


def check_id_number(
    value: str,
    *,
    birth_date: date | None = None,
    sex: Sex | None = None,
    today: date | None = None,
) -> IdCheck:
    """Parse a CCCD (12 digits) or CMND (9 digits) and check it against the declared data.

    There is no check digit, so only structure and consistency are checked; mismatches
    are returned as warnings for the officer to confirm, never raised.

    Args:
        value: The number as typed; spaces, dots and dashes are ignored.
        birth_date: Declared birth date, compared with the encoded century and year.
        sex: Declared sex, compared with the century/sex digit.
        today: Reference date for the future-birth-year check (default: the local date).

    Returns:
        The parsed number with its warnings.

    Raises:
        ValidationError: (field ``id_number``) empty, non-digit, or not 9 or 12 digits.
    """
    if not isinstance(value, str):
        raise ValidationError("id_number.type", field="id_number", type=type(value).__name__)
    number = _ID_SEPARATORS.sub("", value)
    if not number:
        raise ValidationError("id_number.required", field="id_number")
    if not _ASCII_DIGITS.fullmatch(number):
        raise ValidationError("id_number.not_digits", field="id_number", value=value.strip())
    if len(number) == 9:
        warning = MotcuaError("id_number.old_cmnd", field="id_number")
        return IdCheck(number, IdKind.CMND, None, None, None, (warning,))
    if len(number) != 12:
        raise ValidationError(
            "id_number.length", field="id_number", value=value.strip(), length=len(number)
        )

    province, digit, year_2 = number[:3], int(number[3]), int(number[4:6])
    found_year, found_sex = _birth_year(digit, year_2), _sex_of(digit)
    warnings: list[MotcuaError] = []

    def warn(code: str, **params: Any) -> None:
        warnings.append(MotcuaError(code, field="id_number", **params))

    if province not in PROVINCE_CODES:
        warn("id_number.unknown_province", province_code=province)
    if birth_date is not None and birth_date.year != found_year:
        warn("id_number.birth_mismatch", expected=birth_date.year, found=found_year)
    if sex is not None and Sex(sex) is not found_sex:
        warn("id_number.sex_mismatch", expected=_SEX_LABELS[Sex(sex)], found=_SEX_LABELS[found_sex])
    if found_year > (today or date.today()).year:
        warn("id_number.future_birth_year", found=found_year)
    return IdCheck(number, IdKind.CCCD, province, digit, year_2, tuple(warnings))


_PHONE_ALLOWED = re.compile(r"\(?\+?[0-9\s.\-()]*")
_PHONE_NOISE = re.compile(r"[\s.\-()]+")
_MOBILE_PREFIXES = ("03", "05", "07", "08", "09")


def normalize_phone(value: str) -> str:
    """Normalise a Vietnamese phone number to its domestic digits-only form.

    ``"+84 912 345 678"``, ``"84912345678"``, ``"0912.345.678"`` and
    ``"(0912) 345-678"`` all become ``"0912345678"``. Mobiles have 10 digits starting
    03/05/07/08/09; landlines 11 digits starting 02.

    Args:
        value: The number as typed; empty means no phone given.

    Returns:
        The normalised number, or "" for empty input (the caller decides if required).

    Raises:
        ValidationError: (field ``phone``) bad characters, prefix or length.
    """
    if not isinstance(value, str):
        raise ValidationError("phone.type", field="phone", type=type(value).__name__)
    shown = " ".join(value.split())
    if not shown:
        return ""
    if not _PHONE_ALLOWED.fullmatch(shown):
        raise ValidationError("phone.invalid_chars", field="phone", value=shown)
    digits = _PHONE_NOISE.sub("", shown)
    international = digits.startswith("+")
    digits = digits.lstrip("+")
    if digits.startswith("0084"):
        digits = "0" + digits[4:]
    elif digits.startswith("84") and (international or len(digits) in (11, 12)):
        digits = "0" + digits[2:]
    elif international:
        # Any other country code is not a Vietnamese number.
        raise ValidationError("phone.prefix", field="phone", value=shown)
    if digits.startswith("00"):
        # "+84 (0)912 ..." keeps the trunk zero after the country code.
        digits = digits[1:]
    if digits.startswith("02"):
        kind, expected = "số cố định", 11
    elif digits.startswith(_MOBILE_PREFIXES):
        kind, expected = "số di động", 10
    else:
        raise ValidationError("phone.prefix", field="phone", value=shown)
    if len(digits) != expected:
        raise ValidationError(
            "phone.length",
            field="phone",
            value=shown,
            length=len(digits),
            kind=kind,
            expected=expected,
        )
    return digits


# Deliberately simple: no spaces, one "@", dotted letter/digit/hyphen labels, non-numeric TLD.
_EMAIL_LOCAL = re.compile(r"[^\s@\"(),:;<>\[\\\]\x00-\x1f\x7f]{1,64}")
_DOMAIN_LABEL = re.compile(r"[^\W_](?:[^\W_]|-){0,61}(?<!-)")


def _is_email(s: str) -> bool:
    local, at, domain = s.partition("@")
    if not at or len(s) > 254 or not _EMAIL_LOCAL.fullmatch(local):
        return False
    if local.startswith(".") or local.endswith(".") or ".." in local:
        return False
    labels = domain.split(".")
    if len(labels) < 2 or labels[-1].isdigit():
        return False
    return all(_DOMAIN_LABEL.fullmatch(label) for label in labels)


def normalize_email(value: str) -> str:
    """Check an optional e-mail address's structure and lowercase its domain.

    Args:
        value: The address as typed; empty means none given.

    Returns:
        ``local@domain`` with the domain lowercased, or "" for empty input.

    Raises:
        ValidationError: (field ``email``) not of the form ``name@domain.tld``.
    """
    if not isinstance(value, str):
        raise ValidationError("email.type", field="email", type=type(value).__name__)
    s = nfc(value).strip()
    if not s:
        return ""
    if not _is_email(s):
        raise ValidationError("email.invalid", field="email", value=s)
    local, _, domain = s.partition("@")
    return f"{local}@{domain.lower()}"


_EARLIEST_BIRTH = date(1900, 1, 1)


def check_birth_date(value: date, *, today: date) -> date:
    """Check a declared birth date: not in the future and not before 1900.

    Args:
        value: The birth date (a datetime is reduced to its date).
        today: The current local date, passed in so the check is deterministic.

    Returns:
        The birth date as a plain ``date``.

    Raises:
        ValidationError: (field ``birth_date``) wrong type, future or before 1900.
    """
    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        raise ValidationError("birth_date.type", field="birth_date", type=type(value).__name__)
    if value > today:
        raise ValidationError(
            "birth_date.future",
            field="birth_date",
            value=value.strftime("%d/%m/%Y"),
            today=today.strftime("%d/%m/%Y"),
        )
    if value < _EARLIEST_BIRTH:
        raise ValidationError(
            "birth_date.too_old", field="birth_date", value=value.strftime("%d/%m/%Y")
        )
    return value
