"""The procedure catalog in the database: import (all-or-nothing), list, search, export.

Listing needs no SQLAlchemy (the intake form's picker at start-up); storing loads it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..domain.catalog import Procedure
from ..domain.errors import register_messages
from ..domain.roles import Action
from ..domain.text import fold, search_tokens
from ..storage import reads
from .catalog_io import CatalogFormat, read_catalog, write_catalog
from .users import User, require
from .workspace import Workspace, iso_now

register_messages(
    {
        "procedure.no_processing_time": "Thủ tục {code} chưa có thời hạn giải quyết trong danh mục; "
        "quản trị viên cần cập nhật trước khi tiếp nhận.",
        "procedure.inactive": "Thủ tục {code} đã ngừng áp dụng.",
    }
)


@dataclass(frozen=True)
class CatalogImportResult:
    added: int
    updated: int
    errors: list[dict[str, object]]


def store_procedures(workspace: Workspace, procedures: Sequence[Procedure]) -> tuple[int, int]:
    """Insert or replace procedures in one transaction; returns (added, updated)."""
    added = updated = 0
    now = iso_now(workspace)
    from ..storage.schema import ProcedureRecord

    with workspace.db.writing() as session:
        for proc in procedures:
            record = session.get(ProcedureRecord, proc.code)
            values = {
                "name": proc.name,
                "name_folded": fold(f"{proc.code} {proc.name}"),
                "field": proc.field,
                "active": True,
                "data": proc.to_dict(),
                "updated_at": now,
            }
            if record is None:
                session.add(ProcedureRecord(code=proc.code, **values))
                added += 1
            else:
                for key, value in values.items():
                    setattr(record, key, value)
                updated += 1
    return added, updated


def import_catalog(
    workspace: Workspace,
    actor: User,
    path: Path,
    fmt: CatalogFormat | None = None,
    *,
    partial: bool = False,
) -> CatalogImportResult:
    """Read a catalog file and store it: all-or-nothing unless ``partial`` (errors then reported)."""
    require(actor, Action.MANAGE_CATALOG)
    result = read_catalog(path, fmt, partial=partial)
    added, updated = store_procedures(workspace, result.procedures)
    return CatalogImportResult(added, updated, [e.to_dict() for e in result.errors])


def list_procedures(
    workspace: Workspace, query: str = "", *, limit: int | None = None
) -> list[Procedure]:
    """Procedures whose code or name contains every typed word, with or without diacritics."""
    tokens = search_tokens(query)
    with workspace.db.snapshot() as conn:
        rows = reads.active_procedures(conn)
    out = []
    for data, folded in rows:
        if all(t in folded for t in tokens):
            out.append(Procedure.from_stored(data))
            if limit is not None and len(out) >= limit:
                break
    return out


def export_catalog(workspace: Workspace, path: Path, fmt: CatalogFormat | None = None) -> int:
    procedures = list_procedures(workspace)
    write_catalog(procedures, path, fmt)
    return len(procedures)
