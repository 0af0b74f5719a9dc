"""Checks of the applicant's fields as the clerk types, each answered in a sentence beside the field."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from ..domain.errors import MotcuaError
from ..domain.identity import (
    Sex,
    check_birth_date,
    check_id_number,
    normalize_email,
    normalize_phone,
)
from ..domain.text import clean_text
from .messages import plain_message


class Level(StrEnum):
    ERROR = "error"  # the dossier cannot be saved like this
    WARNING = "warning"  # saved only once the clerk confirms


@dataclass(frozen=True)
class Finding:
    level: Level
    message: str


def _error(error: MotcuaError) -> list[Finding]:
    return [Finding(Level.ERROR, plain_message(error))]


def check_name(text: str) -> list[Finding]:
    try:
        clean_text(text, field="applicant.name", max_len=200)
    except MotcuaError as error:
        return _error(error)
    return []


def parse_birth(text: str) -> date | None:
    """dd/mm/yyyy (also d/m/yyyy, with - or .); None for an empty field; ValueError otherwise."""
    value = text.strip()
    if not value:
        return None
    for sep in "-.":
        value = value.replace(sep, "/")
    return datetime.strptime(value, "%d/%m/%Y").date()


def check_birth(text: str, today: date) -> list[Finding]:
    try:
        birth = parse_birth(text)
    except ValueError:
        return [
            Finding(
                Level.ERROR,
                QCoreApplication.translate(
                    "IntakeFields", "Type the birth date as day/month/year, e.g. 02/03/1985."
                ),
            )
        ]
    if birth is None:
        return []
    try:
        check_birth_date(birth, today=today)
    except MotcuaError as error:
        return _error(error)
    return []


def check_id(text: str, birth_text: str, sex: str, today: date) -> list[Finding]:
    if not text.strip():
        return []
    try:
        birth = parse_birth(birth_text)
    except ValueError:
        birth = None
    declared = Sex(sex) if sex in (Sex.MALE.value, Sex.FEMALE.value) else None
    try:
        result = check_id_number(text, birth_date=birth, sex=declared, today=today)
    except MotcuaError as error:
        return _error(error)
    return [Finding(Level.WARNING, plain_message(w)) for w in result.warnings]


def check_phone(text: str) -> list[Finding]:
    try:
        normalize_phone(text)
    except MotcuaError as error:
        return _error(error)
    return []


def check_email(text: str) -> list[Finding]:
    try:
        normalize_email(text)
    except MotcuaError as error:
        return _error(error)
    return []


def check_address(text: str) -> list[Finding]:
    try:
        clean_text(text, field="applicant.address", max_len=500, required=False)
    except MotcuaError as error:
        return _error(error)
    return []


class FieldMessage(QLabel):
    """The sentence under a field: a symbol and words, in colour; never colour alone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.findings: list[Finding] = []
        self.hide()

    def show_findings(self, findings: list[Finding]) -> None:
        self.findings = findings
        if not findings:
            self.clear()
            self.hide()
            return
        worst = Level.ERROR if any(f.level is Level.ERROR for f in findings) else Level.WARNING
        symbol, colour = ("✖", "#a61b1b") if worst is Level.ERROR else ("⚠", "#8a5300")
        self.setText("\n".join(f"{symbol} {f.message}" for f in findings))
        self.setStyleSheet(f"color: {colour};")
        self.show()

    @property
    def has_error(self) -> bool:
        return any(f.level is Level.ERROR for f in self.findings)

    @property
    def has_warning(self) -> bool:
        return any(f.level is Level.WARNING for f in self.findings)
