"""Sync with the hub: enrol once, then push this PC's new events, pull siblings' events and
downward data.

The events waiting to go up are the log itself: this node's events after ``sync_state.acked_seq``,
the last one the hub acknowledged (``eventstore.waiting_rows``); an act writes nothing more.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import datetime
from json.encoder import encode_basestring
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.errors import MotcuaError, register_messages
from ..domain.events import Event, parse_time
from ..domain.roles import Action
from ..domain.sync_wire import PROTOCOL_VERSION
from ..storage import eventstore
from ..storage.schema import SyncClockRecord, SyncRejectionRecord, SyncStateRecord
from .events_io import ImportReport, apply_events
from .settings import write_settings
from .sync_client import Credentials, HubClient, SyncError, SyncRefused
from .sync_downward import KINDS, apply_downward
from .users import User, require
from .workspace import Workspace

register_messages(
    {
        "sync.enrolled": "Máy này đã đăng ký với máy chủ {hub}.",
        "sync.pull_apply": "Không ghi được sự kiện nhận từ máy chủ: {detail}",
        "sync.url": "Địa chỉ máy chủ «{value}» phải bắt đầu bằng https:// hoặc http://.",
    }
)

PUSH_BATCH = 2000
PULL_PAGE = 500  # one SQLite transaction each: a clerk's act never waits long behind it
COUNTER_BLOCK = 64
STATE_ID = 1


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar shows: online or not, events waiting, last success, last error."""

    online: bool | None
    waiting: int
    last_success: datetime | None
    last_error: str | None
    enrolled: bool = False
    hub_url: str = ""
    last_attempt: datetime | None = None
    last_error_code: str | None = None
    rejected: int = 0
    skew_ms: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        for key in ("last_success", "last_attempt"):
            out[key] = out[key].isoformat() if out[key] else None
        return out


@dataclass
class SyncReport:
    """What one sync cycle did."""

    pushed: int = 0
    duplicates: int = 0
    acknowledged_seq: int = 0
    rejected: list[dict[str, Any]] = field(default_factory=list)
    pulled: int = 0
    downward: dict[str, int] = field(default_factory=dict)
    skew_ms: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _state(session: Session) -> SyncStateRecord | None:
    return session.get(SyncStateRecord, STATE_ID)


def enroll(
    workspace: Workspace,
    actor: User | None,
    *,
    hub_url: str,
    code: str,
    label: str = "",
    client: HubClient | None = None,
) -> dict[str, Any]:
    """Enrol this PC with a one-time code; stores the key the hub returns (admin only)."""
    if actor is not None:
        require(actor, Action.MANAGE_SETTINGS)
    url = hub_url.strip().rstrip("/")
    if not url.startswith(("https://", "http://")):
        raise MotcuaError("sync.url", field="hub", value=hub_url)
    with workspace.db.reading() as session:
        existing = _state(session)
    if existing is not None:
        raise MotcuaError("sync.enrolled", hub=existing.hub_url)
    own = client or HubClient(url)
    try:
        reply = own.enroll(
            code=code.strip(),
            node=str(workspace.setting("node_id")),
            slot=int(workspace.setting("node_slot", 0)),
            unit_code=str(workspace.setting("unit_code")),
            label=label or str(workspace.setting("commune_name", "")),
        )
    finally:
        if client is None:
            own.close()
    now = workspace.clock().isoformat()
    with workspace.db.writing() as session:
        session.add(
            SyncStateRecord(
                id=STATE_ID,
                hub_url=url,
                commune=str(reply["commune"]),
                node_key=str(reply["key"]),
                counter=0,
                pull_cursor=0,
                acked_seq=0,
                catalog_version=0,
                calendar_version=0,
                users_version=0,
                enrolled_at=now,
            )  # fmt: skip
        )
    write_settings(workspace, {"hub_url": url})
    return {"hub": url, "commune": reply["commune"], "commune_name": reply.get("commune_name", "")}


class _Link:
    """One sync cycle's view of the link: credentials and a block of request numbers."""

    def __init__(self, workspace: Workspace, client: HubClient) -> None:
        self.ws = workspace
        self.client = client
        with workspace.db.reading() as session:
            state = _state(session)
            if state is None:
                raise SyncError("sync.not_enrolled", retry=False)
            self.commune = state.commune
            self.cursor = state.pull_cursor
            self.versions = {k: int(getattr(state, f"{k}_version")) for k in KINDS}
            self.creds = Credentials(str(workspace.setting("node_id")), state.node_key)
        self._next = self._end = 0
        self.skew_ms: int | None = None

    def counter(self) -> int:
        """A request number never used before (reserved in blocks: one fsync per block)."""
        if self._next >= self._end:
            with self.ws.db.writing() as session:
                state = _state(session)
                assert state is not None
                state.counter += COUNTER_BLOCK
                self._end = state.counter + 1
                self._next = state.counter - COUNTER_BLOCK + 1
        value = self._next
        self._next += 1
        return value

    def call(
        self, method: str, path: str, *, body: bytes = b"", params: dict[str, Any] | None = None
    ) -> Any:
        sent = self.ws.clock()
        started = time.monotonic()
        reply = self.client.signed(
            method, path, self.creds, self.counter(), sent.isoformat(), body=body, params=params
        )
        if self.skew_ms is None and isinstance(reply, dict) and "hub_time" in reply:
            self._record_clock(sent, reply["hub_time"], time.monotonic() - started)
        return reply

    def _record_clock(self, sent: datetime, hub_time: Any, rtt: float) -> None:
        try:
            hub_at = parse_time(hub_time)
        except MotcuaError:
            return
        self.skew_ms = int(((hub_at - sent).total_seconds() - rtt / 2) * 1000)
        with self.ws.db.writing() as session:
            session.add(
                SyncClockRecord(
                    node_at=sent.isoformat(),
                    hub_at=hub_at.isoformat(),
                    skew_ms=self.skew_ms,
                    rtt_ms=int(rtt * 1000),
                )  # fmt: skip
            )


def _waiting_batch(workspace: Workspace, node: str, limit: int) -> tuple[list[int], list[str]]:
    """The oldest waiting events as wire JSON, built from the stored columns as they are.

    ``data`` is stored as its canonical JSON text, so it goes out without a parse and re-encode.
    """
    with workspace.db.reading() as session:
        rows = eventstore.waiting_rows(session, node, limit)
    text = encode_basestring  # json's own string escaper (ensure_ascii=False), without the call overhead
    seqs, parts = [], []
    for event_id, node, seq, at, actor, dossier, etype, data, prev, digest, version in rows:
        seqs.append(int(seq))
        parts.append(
            f'{{"v":{int(version)},"id":{text(event_id)},"node":{text(node)},"seq":{int(seq)},'
            f'"at":{text(at)},"actor":{text(actor)},"dossier":{text(dossier)},'
            f'"type":{text(etype)},"data":{data},"prev":{text(prev)},"hash":{text(digest)}}}'
        )
    return seqs, parts


def _push(link: _Link, report: SyncReport) -> None:
    requeued = False
    last_ack = -1
    while True:
        seqs, parts = _waiting_batch(link.ws, link.creds.node, PUSH_BATCH)
        if not seqs:
            return
        head = json.dumps(
            {
                "protocol": PROTOCOL_VERSION,
                "commune": link.commune,
                "node": link.creds.node,
                "sent_at": link.ws.clock().isoformat(),
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )
        body = f'{head[:-1]},"events":[{",".join(parts)}]}}'.encode()
        try:
            reply = link.call("POST", "/v1/events", body=body)
        except SyncRefused as refusal:
            if refusal.reason == "chain.gap" and not requeued:
                # The hub lost events it had acknowledged (restored from a backup): resend them.
                _requeue(link.ws, int(refusal.detail.get("expected_seq", 1)))
                requeued = True
                continue
            raise
        ack = int(reply["acknowledged_seq"])
        _acknowledge(link.ws, ack, reply.get("rejected") or [])
        report.pushed += int(reply.get("accepted", 0))
        report.duplicates += int(reply.get("duplicates", 0))
        report.rejected.extend(reply.get("rejected") or [])
        report.acknowledged_seq = ack
        if ack <= last_ack and ack < seqs[-1]:
            raise SyncError("sync.bad_reply", retry=True, detail=f"acknowledged_seq {ack}")
        last_ack = ack


def _acknowledge(workspace: Workspace, ack: int, rejected: list[dict[str, Any]]) -> None:
    now = workspace.clock().isoformat()
    with workspace.db.writing() as session:
        for item in rejected:
            session.merge(
                SyncRejectionRecord(
                    event_id=str(item["id"]),
                    seq=int(item["seq"]),
                    reason=str(item["reason"]),
                    message=str(item.get("message", "")),
                    at=now,
                )  # fmt: skip
            )
        state = _state(session)
        assert state is not None
        state.acked_seq = max(state.acked_seq, ack)


def _requeue(workspace: Workspace, from_seq: int) -> None:
    """Send again from ``from_seq``: the hub no longer has what it acknowledged after it."""
    with workspace.db.writing() as session:
        state = _state(session)
        assert state is not None
        state.acked_seq = min(state.acked_seq, max(0, from_seq - 1))


def _pull(link: _Link, report: SyncReport) -> None:
    while True:
        reply = link.call("GET", "/v1/events", params={"after": link.cursor, "limit": PULL_PAGE})
        try:
            events = [Event.from_wire(raw) for raw in reply["events"]]
            cursor = int(reply["next"])
        except (MotcuaError, KeyError, TypeError, ValueError) as exc:
            raise SyncError("sync.bad_reply", retry=True, detail=str(exc)[:200]) from None
        if events or cursor != link.cursor:
            _store_pulled(link.ws, events, cursor)
        report.pulled += len(events)
        link.cursor = cursor
        if not reply.get("more"):
            return


def _store_pulled(workspace: Workspace, events: list[Event], cursor: int) -> None:
    """Siblings' events through the same fold as any import; the cursor moves in the same commit."""
    by_node: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        by_node[event.node].append(event)
    result = ImportReport()
    with workspace.db.writing() as session:
        apply_events(session, workspace, dict(by_node), result)
        if result.errors:
            raise SyncError("sync.pull_apply", retry=True, detail=result.errors[0].message)
        state = _state(session)
        assert state is not None
        state.pull_cursor = cursor


def _downward(link: _Link, report: SyncReport) -> None:
    for kind in KINDS:
        reply = link.call("GET", f"/v1/downward/{kind}", params={"since": link.versions[kind]})
        if reply.get("unchanged", True):
            continue
        version = int(reply["version"])
        apply_downward(link.ws, kind, reply.get("payload"))
        with link.ws.db.writing() as session:
            state = _state(session)
            assert state is not None
            setattr(state, f"{kind}_version", version)
        report.downward[kind] = version


def sync_once(workspace: Workspace, *, client: HubClient | None = None) -> SyncReport:
    """One whole cycle: push everything waiting, pull everything new, then downward data.

    The outcome (online, last success or last error) is recorded for ``sync_status``. Raises
    SyncError when the cycle could not finish; what was done before the failure stays done.
    """
    report = SyncReport()
    with workspace.db.reading() as session:
        state = _state(session)
        if state is None:
            raise SyncError("sync.not_enrolled", retry=False)
        url = state.hub_url
    own = client or HubClient(url)
    try:
        link = _Link(workspace, own)
        _push(link, report)
        _pull(link, report)
        _downward(link, report)
        report.skew_ms = link.skew_ms
    except SyncError as error:
        _record_outcome(workspace, error)
        raise
    finally:
        if client is None:
            own.close()
    _record_outcome(workspace, None)
    return report


def _record_outcome(workspace: Workspace, error: SyncError | None) -> None:
    now = workspace.clock().isoformat()
    with workspace.db.writing() as session:
        state = _state(session)
        if state is None:
            return
        state.last_attempt = now
        if error is None:
            state.online, state.last_success = True, now
            state.last_error = state.last_error_code = None
        else:
            state.online = isinstance(error, SyncRefused) or error.code == "sync.bad_reply"
            state.last_error = error.message
            state.last_error_code = error.reason if isinstance(error, SyncRefused) else error.code


def sync_status(workspace: Workspace) -> SyncStatus:
    """The node's sync state as the status bar and ``motcua sync status`` show it."""
    with workspace.db.reading() as session:
        waiting = eventstore.waiting_count(session, str(workspace.setting("node_id")))
        state = _state(session)
        rejected = session.execute(
            select(func.count()).select_from(SyncRejectionRecord)
        ).scalar_one()
        skew = session.execute(
            select(SyncClockRecord.skew_ms).order_by(SyncClockRecord.id.desc()).limit(1)
        ).scalar()
    if state is None:
        return SyncStatus(online=None, waiting=waiting, last_success=None, last_error=None)
    return SyncStatus(
        online=state.online,
        waiting=waiting,
        last_success=_time(state.last_success),
        last_error=state.last_error,
        enrolled=True,
        hub_url=state.hub_url,
        last_attempt=_time(state.last_attempt),
        last_error_code=state.last_error_code,
        rejected=int(rejected),
        skew_ms=skew,
    )


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def rejections(workspace: Workspace) -> list[dict[str, Any]]:
    """This node's events the hub did not accept, for the admin."""
    with workspace.db.reading() as session:
        rows = session.scalars(select(SyncRejectionRecord).order_by(SyncRejectionRecord.seq))
        return [
            {"id": r.event_id, "seq": r.seq, "reason": r.reason, "message": r.message, "at": r.at}
            for r in rows
        ]


def change_hub_url(workspace: Workspace, actor: User | None, hub_url: str) -> None:
    """The hub moved (new address, same hub): keep the enrolment, change where to reach it."""
    if actor is not None:
        require(actor, Action.MANAGE_SETTINGS)
    url = hub_url.strip().rstrip("/")
    if not url.startswith(("https://", "http://")):
        raise MotcuaError("sync.url", field="hub", value=hub_url)
    with workspace.db.writing() as session:
        state = _state(session)
        if state is None:
            raise SyncError("sync.not_enrolled", retry=False)
        state.hub_url = url
    write_settings(workspace, {"hub_url": url})
