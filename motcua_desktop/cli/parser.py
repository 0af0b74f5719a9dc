"""An argument parser that reports usage errors in Vietnamese, or as JSON under ``--json``."""

from __future__ import annotations

import argparse
import re
import sys
from functools import partial
from typing import Any, NoReturn

from ..domain.errors import MotcuaError, register_messages
from .output import EXIT_INVALID, report_error

register_messages({"cli.usage": "{detail}"})

# argparse's English sentences -> Vietnamese. Argument names and values are kept as typed.
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"the following arguments are required: (.+)"), "Thiếu tham số bắt buộc: {0}"),
    (
        re.compile(r"argument (\S+): invalid int value: '(.*)'"),
        "Tham số {0}: «{1}» không phải số nguyên",
    ),
    (
        re.compile(r"argument (\S+): invalid (\w+) value: '(.*)'"),
        "Tham số {0}: giá trị «{2}» không hợp lệ",
    ),
    (
        re.compile(r"argument (\S+): invalid choice: '?(.*?)'? \(choose from (.*)\)"),
        "Tham số {0}: «{1}» không hợp lệ; chọn một trong: {2}",
    ),  # fmt: skip
    (re.compile(r"argument (\S+): expected one argument"), "Tham số {0} cần một giá trị"),
    (re.compile(r"argument (\S+): not allowed with argument (\S+)"), "Không dùng {0} cùng với {1}"),
    (re.compile(r"one of the arguments (.+) is required"), "Cần một trong các tham số: {0}"),
    (re.compile(r"unrecognized arguments: (.+)"), "Tham số không được hỗ trợ: {0}"),
    (re.compile(r"ambiguous option: (.+)"), "Tham số không rõ ràng: {0}"),
)


def translate(message: str) -> str:
    for pattern, template in _PATTERNS:
        match = pattern.search(message)
        if match:
            return template.format(*match.groups())
    return message


def _field(message: str) -> str | None:
    match = re.search(r"argument (?:-+)?([\w-]+)", message) or re.search(
        r"required: (?:-+)?([\w-]+)", message
    )
    return match.group(1).replace("-", "_") if match else None


class VietnameseParser(argparse.ArgumentParser):
    """Usage errors become the same Vietnamese/JSON error reports as every other failure.

    ``json_errors`` is decided before parsing (``--json`` anywhere on the line), since a usage
    error stops parsing before the flag itself would be read.
    """

    def __init__(self, *args: Any, json_errors: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.json_errors = json_errors

    def add_subparsers(self, **kwargs: Any) -> Any:
        kwargs.setdefault("parser_class", partial(VietnameseParser, json_errors=self.json_errors))
        return super().add_subparsers(**kwargs)

    def error(self, message: str) -> NoReturn:
        error = MotcuaError("cli.usage", field=_field(message), detail=translate(message))
        if not self.json_errors:
            self.print_usage(sys.stderr)
        report_error(error, as_json=self.json_errors)
        sys.exit(EXIT_INVALID)
