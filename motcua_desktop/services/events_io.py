"""Events in and out as JSON Lines: the wire format of sync and of ``motcua events export/import``."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.dossier import fold
from ..domain.errors import ImportFailed, MotcuaError, ValidationError, register_messages
from ..domain.events import Event
from ..domain.roles import Action
from ..storage import eventstore
from ..storage.schema import EventRecord
from .users import User, require
from .workspace import Workspace

register_messages(
    {
        "event.conflict": "Sự kiện {id} đã có nhưng nội dung khác (mã băm khác).",
        "event.gap": "Sự kiện số {seq} của máy {node} đến trước sự kiện số {expected}; "
        "cần nhập các sự kiện còn thiếu trước.",
        "event.too_large": "Dòng quá dài ({size} byte, tối đa {max}).",
        "event.encoding": "Dòng không phải văn bản UTF-8 (tệp cần lưu với bảng mã UTF-8).",
    }
)

MAX_LINE_BYTES = 1_000_000


@dataclass
class ImportReport:
    """What an import did: new events stored, duplicates skipped, dossiers re-folded, errors."""

    stored: int = 0
    duplicates: int = 0
    dossiers: set[str] = field(default_factory=set)
    errors: list[MotcuaError] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "stored": self.stored,
            "duplicates": self.duplicates,
            "dossiers": len(self.dossiers),
            "errors": [e.to_dict() for e in self.errors],
        }


def export_events(
    workspace: Workspace, out: IO[str], *, node: str | None = None, after_seq: int = 0
) -> int:
    """Write events as JSON Lines (one canonical event per line), by node then seq."""
    count = 0
    with workspace.db.reading() as session:
        events: Iterable[Event]
        if node is not None:
            events = eventstore.node_events(session, node, after_seq=after_seq)
        else:
            events = eventstore.all_events(session)
        for event in events:
            out.write(event.to_json() + "\n")
            count += 1
    return count


def _parse_line(raw: str | bytes) -> Event:
    """One JSON Lines record to an event; every failure is a Vietnamese ValidationError."""
    if len(raw) > MAX_LINE_BYTES:
        raise ValidationError("event.too_large", size=len(raw), max=MAX_LINE_BYTES)
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise ValidationError("event.encoding") from None
    try:
        payload = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValidationError("event.json", column=exc.colno) from None
    return Event.from_wire(payload)


def parse_lines(lines: Iterable[str | bytes]) -> Iterator[tuple[int, Event | MotcuaError]]:
    """Parse JSON Lines, yielding (line number, the event or the error naming that line)."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            yield number, _parse_line(raw)
        except MotcuaError as exc:
            exc.row = number
            yield number, exc


def import_events(
    workspace: Workspace, actor: User | None, lines: Iterable[str | bytes], *, partial: bool = False
) -> ImportReport:
    """Store events from JSON Lines: idempotent on id, each node's chain verified, dossiers re-folded.

    All-or-nothing unless ``partial``: then good events are stored and the bad ones reported.
    ``actor`` None is the sync worker acting for the node itself.
    """
    if actor is not None:
        require(actor, Action.IMPORT_EVENTS)
    report = ImportReport()
    by_node: dict[str, list[Event]] = defaultdict(list)
    line_of: dict[str, int] = {}
    for line, item in parse_lines(lines):
        if isinstance(item, MotcuaError):
            report.errors.append(item)
        else:
            by_node[item.node].append(item)
            line_of[item.id] = line
    if report.errors and not partial:
        raise ImportFailed(report.errors)
    with workspace.db.writing() as session:
        apply_events(session, workspace, by_node, report, line_of=line_of)
        if report.errors and not partial:
            raise ImportFailed(report.errors)
    return report


def apply_events(
    session: Session,
    workspace: Workspace,
    by_node: dict[str, list[Event]],
    report: ImportReport,
    *,
    line_of: Mapping[str, int] | None = None,
) -> None:
    """Append each node's events in seq order onto its chain, then re-fold every touched dossier.

    ``line_of`` maps event ids to the input line they came from, so errors can name it.
    """
    now = workspace.clock()
    lines = line_of or {}
    for node, events in by_node.items():
        last_seq, last_hash = eventstore.chain_head(session, node)
        for event in sorted(events, key=lambda e: e.seq):
            if event.seq <= last_seq:
                stored = session.execute(
                    select(EventRecord.hash).where(EventRecord.id == event.id)
                ).scalar()
                if stored == event.hash:
                    report.duplicates += 1
                else:
                    report.errors.append(
                        ValidationError(
                            "event.conflict", field="id", row=lines.get(event.id), id=event.id
                        )
                    )
                continue
            if event.seq != last_seq + 1:
                report.errors.append(
                    ValidationError(
                        "event.gap",
                        field="seq",
                        row=lines.get(event.id),
                        node=node,
                        seq=event.seq,
                        expected=last_seq + 1,
                    )  # fmt: skip
                )
                break  # later events of this node cannot chain either
            if event.prev != last_hash:
                report.errors.append(
                    ValidationError(
                        "event.chain",
                        field="prev",
                        row=lines.get(event.id),
                        node=node,
                        seq=event.seq,
                    )
                )
                break
            eventstore.append(session, event, stored_at=now)
            last_seq, last_hash = event.seq, event.hash
            report.stored += 1
            report.dossiers.add(event.dossier)
    for code in sorted(report.dossiers):
        state = fold(eventstore.dossier_events(session, code))
        if state is not None:
            eventstore.project(session, state, now=now)
