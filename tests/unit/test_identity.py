"""Unit tests for identity data at intake: CCCD/CMND, phone, e-mail and birth date checks."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from motcua_desktop.domain.errors import ValidationError
from motcua_desktop.domain.identity import (
    PROVINCE_CODES,
    IdCheck,
    IdKind,
    Sex,
    check_birth_date,
    check_id_number,
    normalize_email,
    normalize_phone,
)

TODAY = date(2025, 6, 1)


def codes(check: IdCheck) -> list[str]:
    return [w.code for w in check.warnings]


# --- province list ----------------------------------------------------------------------


def test_province_list_has_the_63_units() -> None:
    assert len(PROVINCE_CODES) == 63
    assert all(len(code) == 3 and code.isdigit() for code in PROVINCE_CODES)
    assert PROVINCE_CODES["001"] == "Hà Nội"
    assert PROVINCE_CODES["079"] == "Hồ Chí Minh"
    assert PROVINCE_CODES["096"] == "Cà Mau"
    assert len(set(PROVINCE_CODES.values())) == 63


# --- CCCD -------------------------------------------------------------------------------


def test_cccd_man_born_1985_in_ha_noi() -> None:
    check = check_id_number("001085123456", birth_date=date(1985, 4, 30), sex=Sex.MALE, today=TODAY)
    assert check == IdCheck("001085123456", IdKind.CCCD, "001", 0, 85, ())
    assert check.birth_year == 1985
    assert check.sex is Sex.MALE
    assert check.province_name == "Hà Nội"


def test_cccd_woman_born_2005_in_ho_chi_minh_city() -> None:
    check = check_id_number(
        "079305000123", birth_date=date(2005, 1, 2), sex=Sex.FEMALE, today=TODAY
    )
    assert check.kind is IdKind.CCCD
    assert (check.province_code, check.century_sex_digit, check.birth_year_2) == ("079", 3, 5)
    assert check.birth_year == 2005
    assert check.sex is Sex.FEMALE
    assert check.warnings == ()


@pytest.mark.parametrize(
    ("raw", "number"),
    [
        (" 001 085 123 456 ", "001085123456"),
        ("001.085.123.456", "001085123456"),
        ("001-085-123456", "001085123456"),
        ("0010\u00a085123456", "001085123456"),
    ],
)
def test_cccd_separators_are_stripped(raw: str, number: str) -> None:
    assert check_id_number(raw, today=TODAY).number == number


@pytest.mark.parametrize(
    ("digit", "year", "sex"),
    [
        (0, 1900, Sex.MALE),
        (1, 1999, Sex.FEMALE),
        (2, 2000, Sex.MALE),
        (3, 2024, Sex.FEMALE),
        (8, 1899, Sex.MALE),
        (9, 1850, Sex.FEMALE),
    ],
)
def test_century_sex_digit_decoding(digit: int, year: int, sex: Sex) -> None:
    number = f"038{digit}{year % 100:02d}000001"
    check = check_id_number(number, birth_date=date(year, 6, 1), sex=sex, today=TODAY)
    assert check.birth_year == year
    assert check.sex is sex
    assert check.warnings == ()


@pytest.mark.parametrize(("digit", "year"), [(4, 2100), (5, 2101), (6, 2200), (7, 2299)])
def test_far_future_centuries_decode_but_warn(digit: int, year: int) -> None:
    check = check_id_number(f"001{digit}{year % 100:02d}000001", today=TODAY)
    assert check.birth_year == year
    assert codes(check) == ["id_number.future_birth_year"]


def test_future_birth_year_in_this_century_warns() -> None:
    check = check_id_number("001299000001", today=TODAY)
    assert check.birth_year == 2099
    assert codes(check) == ["id_number.future_birth_year"]
    assert "2099" in check.warnings[0].message


def test_century_digit_contradicts_birth_date() -> None:
    # Digit 0 says 1900s, but the declared birth date is in 2005.
    check = check_id_number("001005123456", birth_date=date(2005, 4, 30), today=TODAY)
    assert codes(check) == ["id_number.birth_mismatch"]
    warning = check.warnings[0]
    assert warning.field == "id_number"
    assert warning.params == {"expected": 2005, "found": 1905}
    assert "1905" in warning.message and "2005" in warning.message


def test_two_digit_year_contradicts_birth_date() -> None:
    check = check_id_number("001086123456", birth_date=date(1985, 4, 30), today=TODAY)
    assert codes(check) == ["id_number.birth_mismatch"]
    assert check.warnings[0].params == {"expected": 1985, "found": 1986}


def test_sex_mismatch_warns() -> None:
    check = check_id_number("001185123456", birth_date=date(1985, 4, 30), sex=Sex.MALE, today=TODAY)
    assert codes(check) == ["id_number.sex_mismatch"]
    warning = check.warnings[0]
    assert warning.params == {"expected": "nam", "found": "nữ"}
    assert "giới tính" in warning.message


def test_sex_given_as_plain_string_value() -> None:
    check = check_id_number("001185123456", sex="female", today=TODAY)  # type: ignore[arg-type]
    assert check.warnings == ()


def test_unknown_province_code_is_a_warning_not_an_error() -> None:
    check = check_id_number("003085123456", today=TODAY)
    assert check.kind is IdKind.CCCD
    assert check.province_code == "003"
    assert check.province_name is None
    assert codes(check) == ["id_number.unknown_province"]
    assert "003" in check.warnings[0].message


def test_several_warnings_accumulate() -> None:
    check = check_id_number("999385123456", birth_date=date(1985, 1, 1), sex=Sex.MALE, today=TODAY)
    assert codes(check) == [
        "id_number.unknown_province",
        "id_number.birth_mismatch",
        "id_number.sex_mismatch",
        "id_number.future_birth_year",
    ]


@given(
    st.sampled_from(sorted(PROVINCE_CODES)),
    st.integers(0, 3),
    st.integers(0, 99),
    st.integers(0, 999_999),
)
def test_any_consistent_cccd_has_no_warnings(
    province: str, digit: int, yy: int, serial: int
) -> None:
    year = (1900 if digit < 2 else 2000) + yy
    sex = Sex.FEMALE if digit % 2 else Sex.MALE
    today = date(2100, 1, 1)
    check = check_id_number(
        f"{province}{digit}{yy:02d}{serial:06d}", birth_date=date(year, 1, 1), sex=sex, today=today
    )
    assert check.warnings == ()


# --- CMND and invalid input -------------------------------------------------------------


def test_nine_digit_cmnd_is_accepted_with_mild_warning() -> None:
    check = check_id_number("012 345 678", birth_date=date(1970, 1, 1), sex=Sex.MALE)
    assert check.kind is IdKind.CMND
    assert check.number == "012345678"
    assert (check.province_code, check.century_sex_digit, check.birth_year_2) == (None, None, None)
    assert (check.birth_year, check.sex, check.province_name) == (None, None, None)
    assert codes(check) == ["id_number.old_cmnd"]
    assert "CMND" in check.warnings[0].message


@pytest.mark.parametrize("raw", ["00108512345", "0010851234567", "12345678", "1", "0" * 10])
def test_wrong_length_is_an_error(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        check_id_number(raw)
    err = info.value
    assert err.code == "id_number.length"
    assert err.field == "id_number"
    assert err.params["length"] == len(raw)
    assert "12 chữ số" in err.message and "9 chữ số" in err.message


@pytest.mark.parametrize(
    "raw", ["00108512345A", "CMND 012345678", "001/085/123456", "٠٠١٠٨٥١٢٣٤٥٦", "+001085123456"]
)
def test_non_digits_are_an_error(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        check_id_number(raw)
    assert info.value.code == "id_number.not_digits"
    assert info.value.field == "id_number"


@pytest.mark.parametrize("raw", ["", "   ", " - . "])
def test_empty_id_is_an_error(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        check_id_number(raw)
    assert info.value.code == "id_number.required"


def test_id_must_be_text() -> None:
    with pytest.raises(ValidationError) as info:
        check_id_number(1085123456)  # type: ignore[arg-type]
    assert info.value.code == "id_number.type"


# --- phone ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "0912345678",
        "+84 912 345 678",
        "+84912345678",
        "84912345678",
        "0912.345.678",
        "0912-345-678",
        "(0912) 345-678",
        " 0912 345 678 ",
        "(+84) 912 345 678",
        "+84 (0) 912 345 678",
        "0084 912 345 678",
    ],
)
def test_phone_forms_of_one_mobile(raw: str) -> None:
    assert normalize_phone(raw) == "0912345678"


@pytest.mark.parametrize("prefix", ["03", "05", "07", "08", "09"])
def test_phone_mobile_prefixes(prefix: str) -> None:
    assert normalize_phone(prefix + "12345678") == prefix + "12345678"


def test_phone_landline() -> None:
    assert normalize_phone("024 3825 1234") == "02438251234"
    assert normalize_phone("+84 24 3825 1234") == "02438251234"
    assert normalize_phone("842438251234") == "02438251234"


def test_phone_empty_is_optional() -> None:
    assert normalize_phone("") == ""
    assert normalize_phone("   ") == ""


@pytest.mark.parametrize(
    "raw", ["0112345678", "0412345678", "0612345678", "1912345678", "+1 555 123 4567", "8491234567"]
)
def test_phone_wrong_prefix(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        normalize_phone(raw)
    err = info.value
    assert err.code == "phone.prefix"
    assert err.field == "phone"
    assert "03, 05, 07, 08, 09" in err.message and "02" in err.message


@pytest.mark.parametrize(
    ("raw", "length", "expected"),
    [
        ("091234567", 9, 10),
        ("09123456789", 11, 10),
        ("+84 91234567", 9, 10),
        ("0243825123", 10, 11),
        ("024382512345", 12, 11),
    ],
)
def test_phone_wrong_length(raw: str, length: int, expected: int) -> None:
    with pytest.raises(ValidationError) as info:
        normalize_phone(raw)
    err = info.value
    assert err.code == "phone.length"
    assert (err.params["length"], err.params["expected"]) == (length, expected)
    assert f"{expected} chữ số" in err.message


@pytest.mark.parametrize(
    "raw", ["09l2345678", "0912 345 678 ext 1", "0912+345678", "abc", "０９１２３４５６７８"]
)
def test_phone_bad_characters(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        normalize_phone(raw)
    assert info.value.code == "phone.invalid_chars"
    assert info.value.field == "phone"


# --- email ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "out"),
    [
        ("an.nguyen@example.vn", "an.nguyen@example.vn"),
        (" An.Nguyen@Xa-Binh-An.GOV.VN ", "An.Nguyen@xa-binh-an.gov.vn"),
        ("a+tag@mail.com", "a+tag@mail.com"),
        ("", ""),
        ("  ", ""),
    ],
)
def test_email_valid(raw: str, out: str) -> None:
    assert normalize_email(raw) == out


@pytest.mark.parametrize(
    "raw",
    [
        "an",
        "an@",
        "@example.vn",
        "an@example",
        "an@@example.vn",
        "an nguyen@example.vn",
        "an@exa mple.vn",
        "an@-example.vn",
        "an@example-.vn",
        "an@example..vn",
        "an@example.vn.",
        "an@ex_ample.vn",
        ".an@example.vn",
        "a..n@example.vn",
        "an@1.2.3.4",
        "a" * 65 + "@example.vn",
    ],
)
def test_email_invalid(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        normalize_email(raw)
    assert info.value.code == "email.invalid"
    assert info.value.field == "email"


# --- birth date -------------------------------------------------------------------------


def test_birth_date_valid_bounds() -> None:
    assert check_birth_date(date(1900, 1, 1), today=TODAY) == date(1900, 1, 1)
    assert check_birth_date(TODAY, today=TODAY) == TODAY
    assert check_birth_date(datetime(1985, 4, 30, 8, 0), today=TODAY) == date(1985, 4, 30)


def test_birth_date_in_future() -> None:
    with pytest.raises(ValidationError) as info:
        check_birth_date(date(2025, 6, 2), today=TODAY)
    err = info.value
    assert (err.code, err.field) == ("birth_date.future", "birth_date")
    assert "02/06/2025" in err.message


def test_birth_date_before_1900() -> None:
    with pytest.raises(ValidationError) as info:
        check_birth_date(date(1899, 12, 31), today=TODAY)
    assert (info.value.code, info.value.field) == ("birth_date.too_old", "birth_date")


def test_birth_date_type() -> None:
    with pytest.raises(ValidationError) as info:
        check_birth_date("1985-04-30", today=TODAY)  # type: ignore[arg-type]
    assert info.value.code == "birth_date.type"
