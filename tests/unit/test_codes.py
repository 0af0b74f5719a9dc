"""Dossier codes: the regulation's shape, and no collision between PCs working offline."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from motcua_desktop.domain.codes import (
    daily_number,
    looks_like_code,
    make_code,
    parse_code,
    validate_unit_code,
)
from motcua_desktop.domain.errors import ValidationError


def test_the_regulation_example():
    assert make_code("000.00.20.H12", date(2024, 11, 22), 0, 1) == "000.00.20.H12-241122-0001"


@given(st.integers(0, 9), st.integers(1, 9999), st.integers(0, 9), st.integers(1, 9999))
def test_two_slots_never_issue_the_same_number(slot_a, n_a, slot_b, n_b):
    if (slot_a, n_a) != (slot_b, n_b):
        assert daily_number(slot_a, n_a) != daily_number(slot_b, n_b)


@given(st.integers(0, 9), st.integers(1, 9999))
def test_parse_gives_back_what_was_made(slot, counter):
    code = make_code("000.12.34.H40", date(2026, 2, 14), slot, counter)
    assert parse_code(code) == ("000.12.34.H40", date(2026, 2, 14), slot, counter)
    assert looks_like_code(code) and looks_like_code(code.lower())


@pytest.mark.parametrize("bad", ["", "000 00", "abc;drop", "Đ.01", "0" * 50])
def test_bad_unit_codes_are_refused(bad):
    with pytest.raises(ValidationError) as err:
        validate_unit_code(bad)
    assert err.value.field == "unit_code"


@pytest.mark.parametrize("bad", ["X-241322-0001", "X-241122-01", "nonsense", "X-241122-0001;"])
def test_bad_codes_are_refused(bad):
    with pytest.raises(ValidationError):
        parse_code(bad)
