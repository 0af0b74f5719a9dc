"""Exporting a report with its late list: applicants' names only for roles that may export
personal data, like the dossier list's export."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from report_history import at, build

from motcua_desktop.domain.errors import PermissionDenied
from motcua_desktop.domain.report_periods import official_period
from motcua_desktop.services.report_columns import LATE_COLUMNS
from motcua_desktop.services.report_export import write_report
from motcua_desktop.services.report_xlsx import SHEET_LATE
from motcua_desktop.services.reports import ReportService

MARCH = official_period("month", 2025, 3)
APPLICANT = [key for key, _label in LATE_COLUMNS].index("applicant") + 2  # after STT and code


@pytest.fixture
def late_report(make_node):
    node, sibling = make_node(0), make_node(1)
    build(node, sibling)
    node.clock.set(at(15, 3, 8))
    result = ReportService(node.ws).build(MARCH, late_list=True)
    names = {entry.applicant for entry in result.late or ()}
    assert len(names) >= 3 and all(names)
    return node, result, names


def _late_rows(path) -> list[tuple]:
    return list(load_workbook(path)[SHEET_LATE].iter_rows(min_row=3, values_only=True))


def test_the_late_list_names_applicants_for_a_role_that_may_export_personal_data(
    late_report, tmp_path
):
    node, result, names = late_report
    path = write_report(node.ws, result, tmp_path / "bao-cao.xlsx", actor=node.leader)
    assert {row[APPLICANT - 1] for row in _late_rows(path)} == names


@pytest.mark.parametrize("role", ["clerk", "officer"])
def test_the_late_list_leaves_names_out_for_other_roles(late_report, tmp_path, role):
    node, result, names = late_report
    actor = getattr(node, role)
    xlsx = write_report(node.ws, result, tmp_path / "bao-cao.xlsx", actor=actor)
    rows = _late_rows(xlsx)
    assert [row[1] for row in rows] == [entry.code for entry in result.late]
    assert all(not row[APPLICANT - 1] for row in rows)
    pdf = write_report(node.ws, result, tmp_path / "bao-cao.pdf", actor=actor)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert all(entry.code in text for entry in result.late)
    assert not any(name in text for name in names)


def test_a_disabled_user_exports_nothing(late_report, tmp_path):
    node, result, _names = late_report
    target = tmp_path / "bao-cao.xlsx"
    with pytest.raises(PermissionDenied):
        write_report(node.ws, result, target, actor=replace(node.leader, active=False))
    assert not target.exists()
