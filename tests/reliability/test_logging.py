"""The log: a rotating file in the data folder in which no ID or phone number survives."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from motcua_desktop.services.logging_setup import (
    BACKUP_COUNT,
    MAX_BYTES,
    mask_personal_numbers,
    setup_logging,
)


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    factory = logging.getLogRecordFactory()
    path = setup_logging(tmp_path / "data")
    yield path
    logging.setLogRecordFactory(factory)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_motcua", False):
            root.removeHandler(handler)
            handler.close()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CCCD 040085123456 của người nộp", "CCCD [số định danh] của người nộp"),
        ("CMND cũ 186543210.", "CMND cũ [số định danh]."),
        ("gọi 0912345678", "gọi [số điện thoại]"),
        ("gọi 0912 345 678 hoặc 0912.345.678", "gọi [số điện thoại] hoặc [số điện thoại]"),
        ("số +84 912 345 678", "số [số điện thoại]"),
        ("bàn 0238-3844-123", "bàn [số điện thoại]"),
        ("id=040085123456,phone=84912345678", "id=[số định danh],phone=[số điện thoại]"),
    ],
)
def test_personal_numbers_are_masked(text: str, expected: str) -> None:
    assert mask_personal_numbers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "hồ sơ 000.12.34.H40-260302-0001 nhận lúc 2026-03-02T09:00:00+07:00",
        "seq 1234, 12 hồ sơ, 20260302T090000Z, 1048576 byte",
        "sự kiện 6f1c2b9e-3a4d-4e5f-8a9b-0c1d2e3f4a5b",
    ],
)
def test_codes_times_and_counts_are_left_alone(text: str) -> None:
    assert mask_personal_numbers(text) == text


def test_records_and_tracebacks_reach_the_file_masked(log_file: Path) -> None:
    log = logging.getLogger("motcua.test")
    log.info("received dossier for %s, phone %s", "040085123456", "0912345678")
    try:
        raise ValueError("bad id 040085123456")
    except ValueError:
        log.exception("act failed for %s", "0987654321")
    text = log_file.read_text(encoding="utf-8")
    assert "received dossier for [số định danh], phone [số điện thoại]" in text
    assert "Traceback" in text and "ValueError: bad id [số định danh]" in text
    for number in ("040085123456", "0912345678", "0987654321"):
        assert number not in text


def test_the_log_rotates_and_setting_up_twice_never_doubles_lines(
    log_file: Path, tmp_path: Path
) -> None:
    setup_logging(tmp_path / "data")
    log = logging.getLogger("motcua.test")
    log.warning("once")
    assert log_file.read_text(encoding="utf-8").count("once") == 1
    line = "x" * (MAX_BYTES // 10)
    for _ in range(10 * (BACKUP_COUNT + 2)):
        log.warning(line)
    rotated = sorted(p.name for p in log_file.parent.iterdir())
    assert rotated == ["motcua.log", *(f"motcua.log.{n}" for n in range(1, BACKUP_COUNT + 1))]
    assert all(p.stat().st_size <= MAX_BYTES for p in log_file.parent.iterdir())
