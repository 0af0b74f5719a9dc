"""Write a periodic report to a PDF ready to sign or an XLSX for the district, atomically."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..domain.errors import MotcuaError, register_messages
from ..domain.roles import Action, can
from .documents.context import DocumentContext
from .documents.report import render_report
from .files import write_atomic
from .report_xlsx import render_report_xlsx
from .reports import ReportResult
from .users import User, require
from .workspace import Workspace

register_messages(
    {
        "report.output": "Không ghi được tệp «{path}»: {detail}",
        "report.suffix": "Tệp «{path}» phải có đuôi {suffix}.",
    }
)


def report_pdf(ws: Workspace, result: ReportResult) -> bytes:
    return render_report(DocumentContext.from_workspace(ws), result.to_dict())


def report_xlsx(ws: Workspace, result: ReportResult) -> bytes:
    return render_report_xlsx(result.to_dict(), ws.tz)


def without_applicants(result: ReportResult) -> ReportResult:
    """The same report with the late list's applicant names left out."""
    if not result.late:
        return result
    return replace(result, late=tuple(replace(entry, applicant="") for entry in result.late))


def write_report(
    ws: Workspace, result: ReportResult, path: Path, *, actor: User | None = None
) -> Path:
    """Write ``path`` as PDF or XLSX, by its suffix; a reader never sees a half-written file.

    With an ``actor``, the late list names the applicants only if the role may export personal
    data (Action.EXPORT_PERSONAL_DATA); the report itself needs Action.VIEW.
    """
    suffix = path.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise MotcuaError("report.suffix", field="output", path=str(path), suffix=".pdf hoặc .xlsx")
    if actor is not None:
        require(actor, Action.VIEW)
        if not (actor.active and can(actor.role, Action.EXPORT_PERSONAL_DATA)):
            result = without_applicants(result)
    data = report_pdf(ws, result) if suffix == ".pdf" else report_xlsx(ws, result)
    try:
        return write_atomic(path, data)
    except OSError as exc:
        raise MotcuaError(
            "report.output", field="output", path=str(path), detail=exc.strerror or str(exc)
        ) from None
