"""Vietnamese text helpers: NFC storage form, accent-insensitive search keys, input cleaning."""

from __future__ import annotations

import re
import unicodedata

from .errors import ValidationError, register_messages

__all__ = ["clean_text", "fold", "nfc", "search_tokens"]

register_messages(
    {
        "text.type": "Giá trị phải là văn bản, nhận được kiểu {type}.",
        "text.required": "Trường này không được để trống.",
        "text.too_long": "Quá dài: {length} ký tự, tối đa {max_len}.",
        "text.control_chars": "Có ký tự điều khiển không hợp lệ.",
        "text.invalid_chars": "Có ký tự Unicode không hợp lệ (nửa cặp thay thế).",
    }
)

# The twelve Vietnamese vowel letters; each takes one of five tone marks or none.
_VOWELS = "aăâeêioôơuưy"
# Grave (huyền), acute (sắc), tilde (ngã), hook above (hỏi), dot below (nặng).
_TONES = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")


def vietnamese_letters() -> list[str]:
    """Every precomposed Vietnamese letter carrying a diacritic, both cases, plus đ/Đ.

    Returns:
        NFC single-character strings; plain ASCII letters are not included.
    """
    letters: list[str] = []
    for base in _VOWELS:
        for tone in _TONES:
            lower = unicodedata.normalize("NFC", base + tone)
            if lower.isascii():
                continue
            letters.extend((lower, lower.upper()))
    letters.extend(("đ", "Đ"))
    return letters


def _strip_marks(s: str) -> str:
    """Decompose and drop every combining character (non-zero canonical combining class)."""
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def _build_fold_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for letter in vietnamese_letters():
        table[ord(letter)] = _strip_marks(letter).casefold()
    # đ has no decomposition, so NFD alone would leave it; searchers type "d".
    table[ord("đ")] = table[ord("Đ")] = "d"
    # Legacy converters and some fonts substitute Ð/ð (eth) for Đ/đ in Vietnamese names.
    table[ord("Ð")] = table[ord("ð")] = "d"
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = chr(code).lower()
    # Dropping combining marks here lets NFD input take the fast path too.
    for code in range(0x0300, 0x0370):
        if unicodedata.combining(chr(code)):
            table[code] = None
    return table


_FOLD_TABLE = _build_fold_table()


def nfc(s: str) -> str:
    """Return ``s`` in Unicode NFC, the form every stored text uses."""
    return unicodedata.normalize("NFC", s)


def fold(s: str) -> str:
    """Return the search key of ``s``: accent-, case- and normalisation-insensitive.

    Diacritics are removed, đ/Đ becomes d, letters are casefolded, whitespace runs
    become one space and the ends are stripped, so
    ``fold("Nguyễn Văn Đức") == fold("NGUYEN van  duc") == "nguyen van duc"``.
    Vietnamese text is handled by one ``str.translate``; only strings that still hold
    non-ASCII characters afterwards pay for the general Unicode path.

    Args:
        s: Any text, NFC or NFD.

    Returns:
        The folded key.
    """
    t = s.translate(_FOLD_TABLE)
    if not t.isascii():
        # Casefolding can itself produce marks (e.g. "İ" -> "i̇"), hence strip again.
        t = _strip_marks(_strip_marks(t).casefold())
    return " ".join(t.split())


def is_noncharacter(c: str) -> bool:
    """Unicode noncharacters (U+FDD0–FDEF, U+xxFFFE/F): not text, and invalid in XML files."""
    code = ord(c)
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def _is_control(c: str, multiline: bool) -> bool:
    code = ord(c)
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return not (multiline and c in "\n\t")
    return is_noncharacter(c)


_H_SPACE_RUN = re.compile(r"[^\S\n\t]+")


def clean_text(
    value: object, *, field: str, max_len: int, required: bool = True, multiline: bool = False
) -> str:
    """Validate and normalise one text field from user input or an import.

    The result is NFC, stripped, with internal runs of spaces collapsed to one. In
    multiline mode line breaks (CRLF and CR become LF) and tabs are kept and each
    line's trailing spaces are dropped.

    Args:
        value: The raw input; must be a ``str``.
        field: Field name reported in errors.
        max_len: Maximum length in characters (code points, after cleaning).
        required: Whether an empty result is an error.
        multiline: Whether ``\\n`` and ``\\t`` are allowed.

    Returns:
        The cleaned text ("" if empty and not required).

    Raises:
        ValidationError: ``text.type``, ``text.control_chars``, ``text.invalid_chars``,
            ``text.required`` or ``text.too_long``.
    """
    if not isinstance(value, str):
        raise ValidationError("text.type", field=field, type=type(value).__name__)
    s = nfc(value)
    if multiline:
        s = s.replace("\r\n", "\n").replace("\r", "\n")
    # Printable text (the usual case, checked in C) has no controls, surrogates or
    # noncharacters; anything else is looked at character by character.
    if not s.isprintable():
        if any(_is_control(c, multiline) for c in s):
            raise ValidationError("text.control_chars", field=field)
        if any(0xD800 <= ord(c) <= 0xDFFF for c in s):
            # Lone surrogates cannot be encoded as UTF-8 and would fail at the database.
            raise ValidationError("text.invalid_chars", field=field)
    if multiline:
        lines = (_H_SPACE_RUN.sub(" ", line).rstrip(" ") for line in s.split("\n"))
        s = "\n".join(lines).strip()
    else:
        s = " ".join(s.split())
    if not s:
        if required:
            raise ValidationError("text.required", field=field)
        return ""
    if len(s) > max_len:
        raise ValidationError("text.too_long", field=field, max_len=max_len, length=len(s))
    return s


# Runs of letters/digits only: \w minus the underscore, which is a LIKE wildcard.
_TOKEN = re.compile(r"[^\W_]+")


def search_tokens(query: str) -> list[str]:
    """Split a search box query into folded tokens made only of letters and digits.

    Quotes, ``%``, ``_``, ``*``, ``;`` and every other non-alphanumeric character act as
    separators, so no SQL or LIKE metacharacter can reach a query. Duplicates are dropped,
    keeping the first occurrence's position.

    Args:
        query: Raw text typed by the user.

    Returns:
        The tokens, possibly empty.
    """
    return list(dict.fromkeys(_TOKEN.findall(fold(query))))
