"""Events: the immutable facts of a dossier's life, their wire form and the per-node hash chain."""

from __future__ import annotations

import hashlib
import json
import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from json.encoder import encode_basestring as _json_string  # type: ignore[attr-defined]
from typing import Any

from .errors import ValidationError, register_messages

WIRE_VERSION = 1
GENESIS_HASH = "0" * 64

register_messages(
    {
        "event.type": "Loại sự kiện «{value}» không được hỗ trợ.",
        "event.field": "Sự kiện thiếu hoặc sai trường «{name}».",
        "event.time": "Thời điểm «{value}» không hợp lệ (ISO 8601 có múi giờ).",
        "event.hash": "Mã băm của sự kiện {id} không khớp nội dung (dữ liệu bị sửa?).",
        "event.chain": "Chuỗi băm của máy {node} bị đứt ở sự kiện số {seq}.",
        "event.version": "Phiên bản định dạng sự kiện {value} không được hỗ trợ (hỗ trợ {supported}).",
        "event.json": "Không phải JSON hợp lệ (lỗi ở cột {column}).",
    }
)


class EventType(StrEnum):
    """Every act in a dossier's life; the values are part of the wire format."""

    RECEIVED = "received"
    HANDED_OVER = "handed_over"
    SUPPLEMENT_REQUESTED = "supplement_requested"
    SUPPLEMENT_RECEIVED = "supplement_received"
    REFUSED = "refused"
    RESULT_READY = "result_ready"
    RETURNED = "returned"
    APOLOGY_ISSUED = "apology_issued"
    WITHDRAWN = "withdrawn"
    STOPPED = "stopped"
    SATISFACTION_RECORDED = "satisfaction_recorded"


def canonical_json(value: Any, *, normalized: bool = False) -> str:
    """Deterministic JSON: sorted keys, no spaces, UTF-8 text in NFC.

    ``normalized`` skips the NFC pass for values known to be NFC already (an Event's data is,
    since ``seal`` and ``from_wire`` normalise it).
    """
    data = value if normalized else _nfc_deep(value)
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _nfc_deep(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {_nfc_deep(k): _nfc_deep(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_nfc_deep(v) for v in value]
    return value


def _nfc_encoded(data: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """``data`` in NFC and its canonical text.

    JSON's punctuation never composes with a neighbouring character and its escapes only stand
    for characters that never compose either, so when the whole text is in NFC every string in
    it is: one check of the text (in C) replaces a walk of the data. Data that is not in NFC is
    normalised string by string and encoded again.
    """
    text = canonical_json(data, normalized=True)
    if unicodedata.is_normalized("NFC", text):
        return data, text
    data = _nfc_deep(data)
    return data, canonical_json(data, normalized=True)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def parse_time(value: Any, *, name: str = "at") -> datetime:
    """Parse an ISO 8601 time that must carry its UTC offset (the legal time of an act)."""
    if not isinstance(value, str):
        raise ValidationError("event.time", field=name, value=repr(value))
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValidationError("event.time", field=name, value=value) from None
    if moment.tzinfo is None:
        raise ValidationError("event.time", field=name, value=value)
    return moment


@dataclass(frozen=True, slots=True)
class Event:
    """One fact. ``at`` is the device time of the act with its offset; never updated or deleted."""

    id: str
    node: str
    seq: int
    at: datetime
    actor: str
    dossier: str
    type: EventType
    data: dict[str, Any] = field(default_factory=dict)
    prev: str = GENESIS_HASH
    hash: str = ""
    v: int = WIRE_VERSION
    # ``canonical_json(data)``, kept by ``seal`` so that storing the event does not encode it again.
    data_json: str = field(default="", compare=False, repr=False)

    @property
    def order_key(self) -> tuple[datetime, str, int]:
        """The total order of the fold: (time of the act, node, seq)."""
        return (self.at, self.node, self.seq)

    def body(self) -> dict[str, Any]:
        """Everything the hash covers (all fields but the hash itself)."""
        return {
            "v": self.v,
            "id": self.id,
            "node": self.node,
            "seq": self.seq,
            "at": self.at.isoformat(),
            "actor": self.actor,
            "dossier": self.dossier,
            "type": self.type.value,
            "data": self.data,
            "prev": self.prev,
        }

    def compute_hash(self) -> str:
        # Events are built by ``seal`` or ``from_wire``, which both store their text in NFC.
        body = canonical_json(self.body(), normalized=True)
        return hashlib.sha256(body.encode("utf-8")).hexdigest()

    def to_wire(self) -> dict[str, Any]:
        """The JSON form used by sync and by ``motcua events export`` (see docs/events.md)."""
        return {**self.body(), "hash": self.hash}

    def to_json(self) -> str:
        return canonical_json(self.to_wire())

    @classmethod
    def from_wire(cls, raw: Any) -> Event:
        """Validate and build an event from its wire form; the hash must match the content."""
        if not isinstance(raw, dict):
            raise ValidationError("event.field", field="event", name="(object)")
        version = raw.get("v", WIRE_VERSION)
        if version != WIRE_VERSION:
            raise ValidationError("event.version", field="v", value=version, supported=WIRE_VERSION)
        for name, kind in (
            ("id", str), ("node", str), ("actor", str), ("dossier", str),
            ("type", str), ("prev", str), ("hash", str), ("data", dict),
        ):  # fmt: skip
            if not isinstance(raw.get(name), kind) or (kind is str and not raw[name]):
                raise ValidationError("event.field", field=name, name=name)
        seq = raw.get("seq")
        if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
            raise ValidationError("event.field", field="seq", name="seq")
        try:
            uuid.UUID(raw["id"])
        except ValueError:
            raise ValidationError("event.field", field="id", name="id") from None
        try:
            etype = EventType(raw["type"])
        except ValueError:
            raise ValidationError("event.type", field="type", value=raw["type"]) from None
        event = cls(
            id=raw["id"],
            node=_nfc(raw["node"]),
            seq=seq,
            at=parse_time(raw.get("at")),
            actor=_nfc(raw["actor"]),
            dossier=_nfc(raw["dossier"]),
            type=etype,
            data=_nfc_deep(raw["data"]),
            prev=raw["prev"],
            hash=raw["hash"],
            v=version,
        )
        if event.compute_hash() != event.hash:
            raise ValidationError("event.hash", field="hash", id=event.id)
        return event


def seal(
    *,
    node: str,
    seq: int,
    prev: str,
    at: datetime,
    actor: str,
    dossier: str,
    type: EventType,
    data: dict[str, Any],
    event_id: str | None = None,
) -> Event:
    """Create the next event of a node's chain, with its id and hash.

    ``data`` becomes the event's own (it is kept as given when already in NFC): callers hand
    over a dict they no longer change.
    """
    if at.tzinfo is None:
        raise ValidationError("event.time", field="at", value=at.isoformat())
    data, data_json = _nfc_encoded(data)
    event_id = event_id or str(uuid.uuid4())
    node, actor, dossier = _nfc(node), _nfc(actor), _nfc(dossier)
    # The body's canonical text (see ``Event.body``: its keys in sorted order, compact, strings
    # escaped as json does), the data encoded once: the same bytes ``compute_hash`` encodes.
    q = _json_string
    body = (
        f'{{"actor":{q(actor)},"at":{q(at.isoformat())},"data":{data_json},'
        f'"dossier":{q(dossier)},"id":{q(event_id)},"node":{q(node)},"prev":{q(prev)},'
        f'"seq":{int(seq)},"type":{q(type.value)},"v":{WIRE_VERSION}}}'
    )
    return Event(
        id=event_id, node=node, seq=seq, at=at, actor=actor, dossier=dossier, type=type,
        data=data, prev=prev, hash=hashlib.sha256(body.encode("utf-8")).hexdigest(),
        data_json=data_json,
    )  # fmt: skip


def verify_chain(
    events: list[Event], *, start_prev: str = GENESIS_HASH, start_seq: int = 1
) -> None:
    """Check one node's events (sorted by seq) form an unbroken chain; raise on the first break."""
    prev, expected = start_prev, start_seq
    for event in events:
        if event.seq != expected or event.prev != prev or event.compute_hash() != event.hash:
            raise ValidationError("event.chain", field="prev", node=event.node, seq=event.seq)
        prev, expected = event.hash, expected + 1
