"""A dossier's state as the deterministic fold of its events, with the rules of what may follow what."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from dataclasses import field as dc_field
from datetime import datetime
from enum import StrEnum
from typing import Any

from .events import Event, EventType, parse_time


class Status(StrEnum):
    """Where a dossier stands; the values are stored in the read model."""

    REFUSED_AT_COUNTER = "refused_at_counter"  # never received: not counted as received
    PROCESSING = "processing"
    WAITING_SUPPLEMENT = "waiting_supplement"
    RESULT_READY = "result_ready"
    REFUSED = "refused"  # refused after receipt: returned to the applicant as not eligible
    RETURNED = "returned"
    WITHDRAWN = "withdrawn"
    STOPPED = "stopped"


STATUS_LABELS_VI: dict[Status, str] = {
    Status.REFUSED_AT_COUNTER: "Từ chối tiếp nhận",
    Status.PROCESSING: "Đang giải quyết",
    Status.WAITING_SUPPLEMENT: "Chờ bổ sung",
    Status.RESULT_READY: "Có kết quả, chờ trả",
    Status.REFUSED: "Từ chối giải quyết",
    Status.RETURNED: "Đã trả kết quả",
    Status.WITHDRAWN: "Đã rút hồ sơ",
    Status.STOPPED: "Dừng giải quyết",
}

OPEN = frozenset({Status.PROCESSING, Status.WAITING_SUPPLEMENT})
RESOLVED = frozenset({Status.RESULT_READY, Status.REFUSED, Status.RETURNED})


@dataclass(frozen=True, slots=True)
class Handover:
    """One row of the control slip: who passed the file to whom, when."""

    at: datetime
    from_user: str
    from_unit: str
    to_user: str
    to_unit: str
    note: str = ""
    step_due: datetime | None = None


@dataclass(frozen=True, slots=True)
class ReviewFlag:
    """An impossible sequence found by the fold; the event is kept, the state ignores it."""

    event_id: str
    event_type: str
    reason: str


@dataclass(frozen=True, slots=True)
class DossierState:
    """Everything the counter needs to know about one dossier, derived from its events only."""

    code: str
    status: Status
    procedure_code: str = ""
    procedure_name: str = ""
    field: str = ""
    responsible_unit: str = ""  # the catalog's unit in charge, as it stood at intake
    channel: str = ""
    applicant: dict[str, Any] = dc_field(default_factory=dict)
    received_at: datetime | None = None
    received_by: str = ""
    processing_time: dict[str, Any] | None = None  # as printed on the receipt (Duration dict)
    appointment: datetime | None = None  # the promise in force (receipt or restarted clock)
    original_appointment: datetime | None = None
    rescheduled_to: datetime | None = None  # the apology's new date; the dossier still counts late
    apology: dict[str, Any] | None = None
    components: tuple[dict[str, Any], ...] = ()
    fee: int = 0
    payment: str = ""  # how the fee was paid ("online", "direct"); "" when not recorded
    handovers: tuple[Handover, ...] = ()
    holder_user: str = ""
    holder_unit: str = ""
    supplement_requests: tuple[dict[str, Any], ...] = ()
    supplement_requested_at: datetime | None = None
    resolved_at: datetime | None = None
    result_digitised: bool = False
    returned_at: datetime | None = None
    closed_at: datetime | None = None  # withdrawn or stopped
    refusal_reason: str = ""
    satisfaction: str = ""
    review: tuple[ReviewFlag, ...] = ()
    event_count: int = 0
    last_event_at: datetime | None = None

    @property
    def needs_review(self) -> bool:
        return bool(self.review)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN

    def is_overdue(self, now: datetime) -> bool:
        """Open and past the appointment in force (an apology does not cure lateness)."""
        return self.is_open and self.appointment is not None and now > self.appointment

    @property
    def resolved_late(self) -> bool | None:
        """True/False once resolved (compared with the appointment in force), else None."""
        if self.resolved_at is None or self.appointment is None:
            return None
        return self.resolved_at > self.appointment


# A rule gives the fields an event changes; ``apply`` makes the new state in one step.
_Rule = Callable[[DossierState, Event], dict[str, Any]]


def _t(value: Any, name: str) -> datetime | None:
    return parse_time(value, name=name) if value else None


def _received(s: DossierState, e: Event) -> dict[str, Any]:
    d = e.data
    appointment = _t(d.get("appointment"), "appointment")
    return dict(
        status=Status.PROCESSING,
        procedure_code=d.get("procedure_code", ""),
        procedure_name=d.get("procedure_name", ""),
        field=d.get("field", ""),
        responsible_unit=d.get("responsible_unit", ""),
        channel=d.get("channel", ""),
        applicant=dict(d.get("applicant", {})),
        received_at=e.at,
        received_by=e.actor,
        processing_time=d.get("processing_time"),
        appointment=appointment,
        original_appointment=appointment,
        components=tuple(d.get("components", ())),
        fee=int(d.get("fee", 0) or 0),
        payment=str(d.get("payment", "") or ""),
        holder_user=e.actor,
        holder_unit=d.get("unit", ""),
    )


def _handed_over(s: DossierState, e: Event) -> dict[str, Any]:
    d = e.data
    row = Handover(
        at=e.at,
        from_user=d.get("from_user", e.actor),
        from_unit=d.get("from_unit", ""),
        to_user=d.get("to_user", ""),
        to_unit=d.get("to_unit", ""),
        note=d.get("note", ""),
        step_due=_t(d.get("step_due"), "step_due"),
    )
    return dict(handovers=(*s.handovers, row), holder_user=row.to_user, holder_unit=row.to_unit)


def _supplement_requested(s: DossierState, e: Event) -> dict[str, Any]:
    request = {"at": e.at.isoformat(), "by": e.actor, **e.data}
    return dict(
        status=Status.WAITING_SUPPLEMENT,
        supplement_requests=(*s.supplement_requests, request),
        supplement_requested_at=e.at,
    )


def _supplement_received(s: DossierState, e: Event) -> dict[str, Any]:
    # A complete supplement restarts the clock: the new appointment is the promise in force.
    new_appointment = _t(e.data.get("appointment"), "appointment") or s.appointment
    return dict(status=Status.PROCESSING, appointment=new_appointment, supplement_requested_at=None)


def _refused(s: DossierState, e: Event) -> dict[str, Any]:
    reason = e.data.get("reason", "")
    if s.received_at is None:
        return dict(
            status=Status.REFUSED_AT_COUNTER,
            procedure_code=e.data.get("procedure_code", ""),
            procedure_name=e.data.get("procedure_name", ""),
            field=e.data.get("field", ""),
            channel=e.data.get("channel", ""),
            applicant=dict(e.data.get("applicant", {})),
            refusal_reason=reason,
            closed_at=e.at,
        )
    return dict(status=Status.REFUSED, refusal_reason=reason, resolved_at=e.at)


def _result_ready(s: DossierState, e: Event) -> dict[str, Any]:
    return dict(
        status=Status.RESULT_READY,
        resolved_at=e.at,
        result_digitised=bool(e.data.get("digitised", False)),
    )


def _returned(s: DossierState, e: Event) -> dict[str, Any]:
    return dict(status=Status.RETURNED, returned_at=e.at)


def _apology(s: DossierState, e: Event) -> dict[str, Any]:
    return dict(
        rescheduled_to=_t(e.data.get("new_appointment"), "new_appointment"),
        apology={"at": e.at.isoformat(), "by": e.actor, **e.data},
    )


def _closed(status: Status) -> _Rule:
    def rule(s: DossierState, e: Event) -> dict[str, Any]:
        return dict(status=status, closed_at=e.at)

    return rule


def _satisfaction(s: DossierState, e: Event) -> dict[str, Any]:
    return dict(satisfaction=e.data.get("level", ""))


# For each event type: the statuses it may follow (None = the dossier has no events yet) and
# what it does. Anything else is an impossible sequence and goes to review.
_NONE = None
RULES: dict[EventType, tuple[frozenset[Status | None], _Rule]] = {
    EventType.RECEIVED: (frozenset({_NONE}), _received),
    EventType.HANDED_OVER: (frozenset({Status.PROCESSING, Status.RESULT_READY}), _handed_over),
    EventType.SUPPLEMENT_REQUESTED: (frozenset({Status.PROCESSING}), _supplement_requested),
    EventType.SUPPLEMENT_RECEIVED: (frozenset({Status.WAITING_SUPPLEMENT}), _supplement_received),
    EventType.REFUSED: (frozenset({_NONE, *OPEN}), _refused),
    EventType.RESULT_READY: (frozenset({Status.PROCESSING}), _result_ready),
    EventType.RETURNED: (frozenset({Status.RESULT_READY, Status.REFUSED}), _returned),
    EventType.APOLOGY_ISSUED: (frozenset(OPEN), _apology),
    EventType.WITHDRAWN: (frozenset(OPEN), _closed(Status.WITHDRAWN)),
    EventType.STOPPED: (frozenset(OPEN), _closed(Status.STOPPED)),
    EventType.SATISFACTION_RECORDED: (
        frozenset({Status.RETURNED, Status.RESULT_READY}),
        _satisfaction,
    ),
}

REVIEW_REASONS_VI = {
    "not_allowed": "Thao tác «{type}» không hợp lệ khi hồ sơ ở trạng thái «{status}».",
    "apology_twice": "Văn bản xin lỗi, hẹn lại đã được phát hành một lần; chỉ được hẹn lại một lần.",
}


def allowed(status: Status | None, event_type: EventType) -> bool:
    """Whether an act may follow the given status (None: the dossier has no events yet)."""
    return status in RULES[event_type][0]


def apply(state: DossierState | None, event: Event) -> DossierState:
    """Apply one event; an impossible one is kept as a review flag and changes nothing else."""
    current = state or DossierState(code=event.dossier, status=Status.PROCESSING)
    status = state.status if state is not None and state.event_count else None
    reason = None
    if not allowed(status, event.type):
        reason = REVIEW_REASONS_VI["not_allowed"].format(
            type=event.type.value, status=STATUS_LABELS_VI[status] if status else "chưa tiếp nhận"
        )
    elif event.type is EventType.APOLOGY_ISSUED and current.apology is not None:
        reason = REVIEW_REASONS_VI["apology_twice"]
    if reason is not None:
        changes = {"review": (*current.review, ReviewFlag(event.id, event.type.value, reason))}
    else:
        changes = RULES[event.type][1](current, event)
    if state is None:  # the dossier's first event: its state is made once
        return DossierState(**{"code": event.dossier, "status": Status.PROCESSING, **changes},
                            event_count=1, last_event_at=event.at)  # fmt: skip
    last = current.last_event_at
    return replace(
        current,
        **changes,
        event_count=current.event_count + 1,
        last_event_at=event.at if last is None or event.at > last else last,
    )


def fold(events: Iterable[Event]) -> DossierState | None:
    """The state of one dossier from its events, in any arrival order: sorted by (at, node, seq)."""
    state: DossierState | None = None
    for event in sorted(events, key=lambda e: e.order_key):
        state = apply(state, event)
    return state
