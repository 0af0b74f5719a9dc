"""Unit tests for Vietnamese text helpers: fold, nfc, clean_text, search_tokens."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from motcua_desktop.domain.errors import ValidationError
from motcua_desktop.domain.text import (
    clean_text,
    fold,
    nfc,
    search_tokens,
    vietnamese_letters,
)


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


def nfd_strip(s: str) -> str:
    """Reference fold of one letter, independent of the module's table: NFD, drop marks."""
    return "".join(c for c in nfd(s) if not unicodedata.combining(c)).casefold()


# --- fold -------------------------------------------------------------------------------


def test_fold_example_from_spec() -> None:
    name = "Nguyễn Văn Đức"
    assert fold(name) == "nguyen van duc"
    assert fold("nguyen van duc") == "nguyen van duc"
    assert fold(nfd(name)) == "nguyen van duc"
    assert fold(name.upper()) == "nguyen van duc"
    assert fold(nfd(name.upper())) == "nguyen van duc"


def test_fold_d_with_stroke_both_cases() -> None:
    assert fold("đ") == fold("Đ") == "d"
    assert fold("ĐẶNG đình ĐÔNG") == "dang dinh dong"


def test_fold_eth_lookalike_used_by_legacy_converters() -> None:
    assert fold("Ðức") == fold("ðức") == "duc"


def test_fold_collapses_and_strips_whitespace() -> None:
    assert fold("  Trần\t\tThị \n Bích\u00a0 Ngọc  ") == "tran thi bich ngoc"
    assert fold("") == ""
    assert fold(" \t\n ") == ""


def _all_vowels_with_tones() -> list[str]:
    out = []
    for base in "aăâeêioôơuưy":
        for tone in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"):
            letter = unicodedata.normalize("NFC", base + tone)
            out.extend((letter, letter.upper()))
    return out


def test_all_vowels_with_all_tones_are_single_precomposed_letters() -> None:
    letters = _all_vowels_with_tones()
    # 12 vowels x 6 tone states x 2 cases.
    assert len(set(letters)) == 144
    assert all(len(c) == 1 for c in letters)
    assert set(vietnamese_letters()) == {c for c in letters if not c.isascii()} | {"đ", "Đ"}


@pytest.mark.parametrize("letter", _all_vowels_with_tones())
def test_fold_table_matches_nfd_strip_for_every_vietnamese_letter(letter: str) -> None:
    expected = nfd_strip(letter)
    assert expected.isascii() and len(expected) == 1
    assert fold(letter) == expected
    assert fold(nfd(letter)) == expected


def test_fold_every_tone_of_every_vowel_collapses_to_its_base() -> None:
    for base, lowered in zip("aăâeêioôơuưy", "aaaeeiooouuy", strict=True):
        tones = "".join(
            unicodedata.normalize("NFC", base + t)
            for t in ("\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
        )
        assert fold(tones) == lowered * 5
        assert fold(tones.upper()) == lowered * 5


def test_fold_mixed_scripts_and_other_accents() -> None:
    assert fold("Ñandú Ǹ Ḱ") == "nandu n k"
    assert fold("Straße") == "strasse"
    assert fold("İstanbul") == "istanbul"
    assert fold("Москва Ёлка") == "москва елка"
    assert fold("北京 Lê") == "北京 le"
    assert fold("ΆΘΗΝΑ") == "αθηνα"
    assert fold("Nguyễn 123 東京") == "nguyen 123 東京"


def test_fold_ascii_input_is_just_lowercased() -> None:
    assert fold("Hello World 42") == "hello world 42"


@given(st.text())
def test_fold_is_idempotent(s: str) -> None:
    once = fold(s)
    assert fold(once) == once


@given(st.text())
def test_fold_ignores_normalisation_form(s: str) -> None:
    assert fold(nfc(s)) == fold(nfd(s)) == fold(s)


@given(st.text(alphabet=st.sampled_from(_all_vowels_with_tones() + list("đĐ bcghkmnqrstvx"))))
def test_fold_of_vietnamese_text_is_ascii_and_case_insensitive(s: str) -> None:
    assert fold(s).isascii()
    assert fold(s) == fold(s.upper()) == fold(s.lower())


# --- nfc --------------------------------------------------------------------------------


def test_nfc_composes_nfd_input() -> None:
    decomposed = nfd("Nguyễn Thị Hường")
    assert len(decomposed) > len("Nguyễn Thị Hường")
    assert nfc(decomposed) == "Nguyễn Thị Hường"


# --- clean_text -------------------------------------------------------------------------


def test_clean_text_normalises_and_collapses() -> None:
    assert clean_text("  Nguyễn   Văn\u00a0 An ", field="name", max_len=100) == "Nguyễn Văn An"


def test_clean_text_nfd_input_becomes_nfc() -> None:
    out = clean_text(nfd("Phạm Thị Thuỷ"), field="name", max_len=100)
    assert out == "Phạm Thị Thuỷ"
    assert unicodedata.is_normalized("NFC", out)


@pytest.mark.parametrize("value", ["", "   ", "\u00a0\u2003 "])
def test_clean_text_empty_required(value: str) -> None:
    with pytest.raises(ValidationError) as info:
        clean_text(value, field="name", max_len=10)
    assert info.value.code == "text.required"
    assert info.value.field == "name"
    assert "không được để trống" in info.value.message


@pytest.mark.parametrize("value", ["", "   "])
def test_clean_text_empty_optional(value: str) -> None:
    assert clean_text(value, field="note", max_len=10, required=False) == ""


def test_clean_text_too_long_10000_chars() -> None:
    with pytest.raises(ValidationError) as info:
        clean_text("A" * 10_000, field="name", max_len=200)
    err = info.value
    assert err.code == "text.too_long"
    assert err.params == {"max_len": 200, "length": 10_000}
    assert "Quá dài: 10000 ký tự, tối đa 200" in err.message


def test_clean_text_length_counts_nfc_characters() -> None:
    # NFD "ễ" is 3 code points but one letter once composed.
    assert clean_text(nfd("ễ" * 5), field="x", max_len=5) == "ễ" * 5


def test_clean_text_exact_max_len_ok() -> None:
    assert clean_text("a" * 200, field="name", max_len=200) == "a" * 200


@pytest.mark.parametrize(
    "bad", ["a\x00b", "a\x07b", "a\x1bb", "a\x7fb", "a\x85b", "a\x9fb", "a\nb", "a\tb", "a\rb"]
)
def test_clean_text_rejects_control_chars_single_line(bad: str) -> None:
    with pytest.raises(ValidationError) as info:
        clean_text(bad, field="name", max_len=100)
    assert info.value.code == "text.control_chars"
    assert "ký tự điều khiển" in info.value.message


def test_clean_text_multiline_keeps_newlines_and_tabs() -> None:
    raw = "  Dòng 1   có  cách\r\n\tDòng 2  \rDòng 3\n\n"
    assert clean_text(raw, field="note", max_len=100, multiline=True) == (
        "Dòng 1 có cách\n\tDòng 2\nDòng 3"
    )


@pytest.mark.parametrize("bad", ["a\x00b", "a\x0bb", "a\x0cb", "a\x1fb", "a\x9bb"])
def test_clean_text_multiline_still_rejects_other_controls(bad: str) -> None:
    with pytest.raises(ValidationError) as info:
        clean_text(bad, field="note", max_len=100, multiline=True)
    assert info.value.code == "text.control_chars"


def test_clean_text_rejects_lone_surrogate() -> None:
    with pytest.raises(ValidationError) as info:
        clean_text("a\ud800b", field="name", max_len=100)
    assert info.value.code == "text.invalid_chars"


@pytest.mark.parametrize("value", [None, 123, b"abc", ["a"]])
def test_clean_text_requires_str(value: object) -> None:
    with pytest.raises(ValidationError) as info:
        clean_text(value, field="name", max_len=100)
    assert info.value.code == "text.type"


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs"))))
def test_clean_text_output_is_clean(s: str) -> None:
    out = clean_text(s, field="x", max_len=10**6, required=False)
    assert unicodedata.is_normalized("NFC", out)
    assert out == out.strip()
    assert "  " not in out
    assert clean_text(out, field="x", max_len=10**6, required=False) == out


# --- search_tokens ----------------------------------------------------------------------


def test_search_tokens_sql_injection_is_harmless() -> None:
    assert search_tokens("'; DROP TABLE x; --") == ["drop", "table", "x"]


@pytest.mark.parametrize(
    "meta", ["%", "_", "*", "'", '"', ";", "--", "\\", "[", "]", "?", "(", ")"]
)
def test_search_tokens_drop_metacharacters(meta: str) -> None:
    assert search_tokens(f"Lê{meta}Văn") == ["le", "van"]
    assert search_tokens(meta) == []


def test_search_tokens_fold_and_dedupe() -> None:
    assert search_tokens("  Nguyễn   NGUYEN Đức 0912 ") == ["nguyen", "duc", "0912"]
    assert search_tokens(nfd("Trần Hưng Đạo")) == ["tran", "hung", "dao"]
    assert search_tokens("") == []


@given(st.text())
def test_search_tokens_only_letters_and_digits(s: str) -> None:
    tokens = search_tokens(s)
    assert all(tok and all(c.isalnum() for c in tok) for tok in tokens)
    assert all(fold(tok) == tok for tok in tokens)


def test_noncharacters_are_refused_as_text():
    from motcua_desktop.domain.errors import ValidationError
    from motcua_desktop.domain.text import clean_text

    for bad in ("\ufffe", "\uffff", "\ufdd0", "\U0001fffe"):
        with pytest.raises(ValidationError):
            clean_text(f"Nguyễn{bad}", field="name", max_len=50)
