"""A dossier as the forms read it: its folded state plus the events that carry the printed details."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import Any

from ...domain.dossier import DossierState, fold
from ...domain.durations import Duration
from ...domain.errors import NotFoundError, StateError, register_messages
from ...domain.events import Event, EventType, parse_time

register_messages(
    {
        "dossier.print_needs_event": "Hồ sơ {code} chưa có {what}; không thể in «{form}».",
        "dossier.print_apology_many": "Hồ sơ {code} có {count} văn bản xin lỗi, hẹn lại; quy định chỉ "
        "cho hẹn lại một lần. Cần rà soát hồ sơ trước khi in.",
    }
)

EARLY, ON_TIME, LATE = "early", "on_time", "late"


@dataclass(frozen=True)
class DossierFacts:
    """One dossier's state and its events in fold order."""

    state: DossierState
    events: tuple[Event, ...]

    @classmethod
    def from_events(cls, events: Iterable[Event]) -> DossierFacts:
        ordered = tuple(sorted(events, key=lambda e: e.order_key))
        state = fold(ordered)
        if state is None:
            raise NotFoundError("hồ sơ", "")
        return cls(state, ordered)

    @property
    def code(self) -> str:
        return self.state.code

    def of_type(self, kind: EventType) -> list[Event]:
        return [e for e in self.events if e.type is kind]

    def last(self, kind: EventType) -> Event | None:
        found = self.of_type(kind)
        return found[-1] if found else None

    def require(self, kind: EventType, what: str, form: str) -> Event:
        """The last event of ``kind``, or a StateError naming what the form needs."""
        event = self.last(kind)
        if event is None:
            raise StateError(
                "dossier.print_needs_event", field="dossier", code=self.code, what=what, form=form
            )
        return event

    @property
    def intake(self) -> dict[str, Any]:
        """The data of the received event (or of the counter refusal): what the applicant gave."""
        event = self.last(EventType.RECEIVED) or self.last(EventType.REFUSED)
        return dict(event.data) if event is not None else {}

    @property
    def responsible_unit(self) -> str:
        return str(self.intake.get("responsible_unit") or self.state.holder_unit or "")

    def duration_label(self) -> str:
        raw = self.intake.get("processing_time")
        if not isinstance(raw, dict):
            return ""
        return Duration.from_dict(raw).label_vi()

    def appointment_at(self, moment: datetime) -> datetime | None:
        """The appointment in force at ``moment``: the receipt's, or the last restarted clock's."""
        due: datetime | None = None
        for event in self.events:
            if event.at > moment:
                break
            if event.type in (EventType.RECEIVED, EventType.SUPPLEMENT_RECEIVED):
                raw = event.data.get("appointment")
                if raw:
                    due = parse_time(raw, name="appointment")
        return due

    def single_apology(self, form: str) -> Event:
        """The one apology-and-reschedule event; refused when there is none or more than one."""
        found = self.of_type(EventType.APOLOGY_ISSUED)
        if not found:
            self.require(EventType.APOLOGY_ISSUED, "văn bản xin lỗi, hẹn lại", form)
        if len(found) > 1:
            raise StateError(
                "dossier.print_apology_many", field="dossier", code=self.code, count=len(found)
            )
        return found[0]


def step_result(at: datetime, due: datetime | None, tz: tzinfo) -> str | None:
    """A step done before its due day is early, on the due day on time, after it late."""
    if due is None:
        return None
    done: date = at.astimezone(tz).date()
    limit: date = due.astimezone(tz).date()
    if done < limit:
        return EARLY
    return ON_TIME if done == limit else LATE
