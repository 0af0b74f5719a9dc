"""Finding dossiers: by code (typed or scanned), ID number, phone, or name with or without diacritics.

The queries load SQLAlchemy when they first run; importing the module (for ``DossierSummary``,
the row every list shows) does not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from ..domain.codes import looks_like_code
from ..domain.dossier import OPEN, Status
from ..domain.errors import MotcuaError
from ..domain.identity import normalize_phone
from ..domain.text import search_tokens
from ..storage.timekeys import from_utc_key, utc_key
from .workspace import Workspace

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..storage.schema import DossierRecord

_DIGITS = re.compile(r"^\+?[\d .\-()]+$")


@dataclass(frozen=True, slots=True)
class DossierSummary:
    """One row of a list: plain data, safe to hand to any thread or Qt model."""

    code: str
    status: Status
    procedure_code: str
    procedure_name: str
    field: str
    channel: str
    applicant_name: str
    phone: str
    received_at: datetime | None
    appointment: datetime | None
    rescheduled_to: datetime | None
    resolved_at: datetime | None
    holder_user: str
    holder_unit: str
    needs_review: bool


# The read model's columns a list shows, in DossierSummary's order.
_COLUMNS = (
    "code", "status", "procedure_code", "procedure_name", "field", "channel", "applicant_name",
    "phone", "received_at", "appointment", "rescheduled_to", "resolved_at", "holder_user",
    "holder_unit", "needs_review",
)  # fmt: skip


_INDEXED_SEARCH = (
    f"SELECT {', '.join('d.' + c for c in _COLUMNS)} "
    "FROM dossier_search s JOIN dossiers d ON d.id = s.rowid "
    "WHERE dossier_search MATCH :match ORDER BY s.rowid DESC LIMIT :limit"
)


def _dossiers() -> type[DossierRecord]:
    from ..storage.schema import DossierRecord  # SQLAlchemy's ORM: with the first query

    return DossierRecord


def _t(key: str | None, tz: tzinfo) -> datetime | None:
    # Stored as UTC keys for ordering; shown in the commune's zone like every other time.
    return from_utc_key(key).astimezone(tz) if key else None


def _summary(row: tuple[object, ...], tz: tzinfo) -> DossierSummary:
    (code, status, pcode, pname, field, channel, name, phone, rec, appt, resched, resolved,
     holder_user, holder_unit, review) = row  # fmt: skip
    return DossierSummary(
        str(code), Status(str(status)), str(pcode), str(pname), str(field), str(channel), str(name),
        str(phone), _t(rec, tz), _t(appt, tz), _t(resched, tz), _t(resolved, tz),  # type: ignore[arg-type]
        str(holder_user), str(holder_unit), bool(review),
    )  # fmt: skip


def summaries(
    session: Session, tz: tzinfo, *conditions: object, limit: int = 50, order: object = None
) -> list[DossierSummary]:
    """Dossiers of the read model matching SQLAlchemy ``conditions``, newest first by default."""
    from sqlalchemy import select

    record = _dossiers()
    stmt = select(*(getattr(record, c) for c in _COLUMNS)).where(*conditions)  # type: ignore[arg-type]
    stmt = stmt.order_by(order if order is not None else record.id.desc()).limit(limit)  # type: ignore[arg-type]
    return [_summary(tuple(r), tz) for r in session.execute(stmt)]


def classify(query: str) -> tuple[str, str]:
    """What a typed or scanned string most likely is: ("code"|"id_number"|"phone"|"name", key)."""
    text = query.strip()
    if looks_like_code(text):
        return "code", text.upper()
    if _DIGITS.match(text):
        digits = re.sub(r"\D", "", text)
        if len(digits) in (9, 12) and not text.startswith("+"):
            return "id_number", digits
        try:
            return "phone", normalize_phone(text)
        except MotcuaError:
            return "digits", digits
    return "name", text


def search(workspace: Workspace, query: str, *, limit: int = 50) -> list[DossierSummary]:
    """The one search box: a code through its unique index; an ID number, a phone or a name
    through the search index (a name typed from its start through a B-tree range first), so a
    lookup stays in milliseconds."""
    kind, key = classify(query)
    record = _dossiers()
    from ..storage import eventstore  # with SQLAlchemy, on the first search

    with workspace.db.reading() as session:
        if kind == "code":
            return summaries(session, workspace.tz, record.code == key, limit=1)
        if kind in ("id_number", "phone", "digits"):
            if not key:
                return []
            # An ID number or a phone whole, or the first digits of a phone, in its own column
            # of the search index.
            column = "id_number" if kind == "id_number" else "phone"
            prefix = kind == "digits"
            return _indexed(
                session,
                workspace.tz,
                eventstore.key_tail(session, column, key, prefix=prefix),
                eventstore.key_match(column, key, prefix=prefix),
                limit,
            )
        tokens = search_tokens(key)
        if not tokens:
            return []
        # Clerks type a name from its start: a B-tree range answers that in O(log n), where the
        # full-text AND of common words ("nguyen", "thi") walks long lists to prove a rare
        # name has no more matches. Every-word-anywhere is the fallback ("lan" for Trần Thị Lan).
        typed = " ".join(tokens)
        starting = summaries(
            session,
            workspace.tz,
            (record.name_folded >= typed) & (record.name_folded < typed + "\uffff"),
            limit=limit,
            order=record.name_folded,
        )
        if starting:
            return starting
        return _indexed(
            session,
            workspace.tz,
            eventstore.search_tail(session, tokens),
            eventstore.name_match(tokens),
            limit,
        )


def _indexed(
    session: Session, tz: tzinfo, tail: list[int], match: str, limit: int
) -> list[DossierSummary]:
    """The newest dossiers, not yet in the search index, that match (``tail``, read from the
    table), then one query: the index's matches joined to the columns a list shows, newest first."""
    from sqlalchemy import text

    record = _dossiers()
    tail = tail[:limit]
    found = summaries(session, tz, record.id.in_(tail), limit=limit) if tail else []
    rows = session.execute(text(_INDEXED_SEARCH), {"match": match, "limit": limit - len(found)})
    return found + [_summary(tuple(r), tz) for r in rows]


def needs_review(workspace: Workspace, *, limit: int = 500) -> list[DossierSummary]:
    with workspace.db.reading() as session:
        return summaries(session, workspace.tz, _dossiers().needs_review.is_(True), limit=limit)


def open_due_before(
    workspace: Workspace, moment: datetime, *, limit: int = 1000
) -> list[DossierSummary]:
    """Open dossiers whose appointment in force falls before ``moment`` (oldest first)."""
    record = _dossiers()
    with workspace.db.reading() as session:
        return summaries(
            session,
            workspace.tz,
            record.status.in_([s.value for s in OPEN]),
            record.appointment < utc_key(moment),
            limit=limit,
            order=record.appointment,
        )


def with_status(workspace: Workspace, status: Status, *, limit: int = 1000) -> list[DossierSummary]:
    with workspace.db.reading() as session:
        return summaries(session, workspace.tz, _dossiers().status == status.value, limit=limit)
