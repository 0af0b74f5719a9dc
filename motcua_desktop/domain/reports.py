"""Periodic report arithmetic: where each dossier stands in a period, and rows that always add up.

Definitions (docs/reports.md explains them for users):

* A dossier is *received* at its ``received`` act; a refusal at the counter is never received.
* *Carried over* = received before the period and neither resolved, withdrawn nor stopped before
  it. *New* = received within the period, by channel (online, direct, postal).
* *Resolved* = its result is ready, or it is returned to the applicant as not eligible. Compared
  with the appointment in force — the receipt's, or the one given when a complete supplement
  restarted the clock, never the apology's new date — it is *early* (on a day before the
  appointment's day), *on time* (on that day, not after the appointment) or *late*.
* *Pending* at the end = received and neither resolved, withdrawn nor stopped by the end. It is
  *overdue* when its appointment in force has passed at the end; a dossier waiting for
  supplements has its clock stopped, so it is overdue only if the time had run out when the
  supplements were requested. *Waiting for supplements* is a part of pending.
* Every time is the act's own time (``at``), so work done offline counts when it happened.

Hence, by construction, in every row: carried + new = resolved + pending + withdrawn + stopped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import datetime, tzinfo
from enum import StrEnum
from typing import Any, NamedTuple

from .dossier import DossierState, Status, apply
from .events import Event, EventType
from .report_periods import Period

SATISFACTION_LEVELS = ("very_satisfied", "satisfied", "unsatisfied")


class GroupBy(StrEnum):
    """The rows of a report: per field of procedure (lĩnh vực), procedure or unit in charge."""

    FIELD = "field"
    PROCEDURE = "procedure"
    UNIT = "unit"


class Origin(StrEnum):
    CARRIED = "carried"
    ONLINE = "online"
    DIRECT = "direct"
    POSTAL = "postal"


class Outcome(StrEnum):
    EARLY = "early"
    ON_TIME = "on_time"
    LATE = "late"
    WITHDRAWN = "withdrawn"
    STOPPED = "stopped"
    WITHIN = "within"  # pending at the end, within time
    OVERDUE = "overdue"  # pending at the end, past the appointment in force


RESOLVED_OUTCOMES = frozenset({Outcome.EARLY, Outcome.ON_TIME, Outcome.LATE})
PENDING_OUTCOMES = frozenset({Outcome.WITHIN, Outcome.OVERDUE})


class Cell(NamedTuple):
    """One dossier's place in a period; dossiers with equal cells are counted together.

    ``satisfaction`` and ``result`` ("digitised", "paper"; "" for a refusal) only for dossiers
    resolved in the period; ``payment`` ("online", "other", "" not recorded) only for new ones.
    """

    origin: Origin
    outcome: Outcome
    waiting: bool = False
    satisfaction: str = ""
    result: str = ""
    payment: str = ""


def channel_origin(channel: str) -> Origin:
    """Online and postal as recorded; anything else was received at the counter."""
    if channel == "online":
        return Origin.ONLINE
    if channel == "postal":
        return Origin.POSTAL
    return Origin.DIRECT


def timeliness(resolved_at: datetime, appointment: datetime | None, tz: tzinfo) -> Outcome:
    """Early (a day before the appointment's day), on time (that day, not after it) or late."""
    if appointment is None:
        return Outcome.ON_TIME
    if resolved_at > appointment:
        return Outcome.LATE
    if resolved_at.astimezone(tz).date() < appointment.astimezone(tz).date():
        return Outcome.EARLY
    return Outcome.ON_TIME


@dataclass(frozen=True, slots=True)
class Timeline:
    """The facts of one dossier a report needs, with the history of its appointments."""

    code: str
    field: str = ""
    procedure_code: str = ""
    procedure_name: str = ""
    unit: str = ""  # the unit in charge (catalog) at intake
    channel: str = ""
    received_at: datetime | None = None
    appointments: tuple[tuple[datetime, datetime], ...] = ()  # (in force from, appointment)
    waits: tuple[tuple[datetime, datetime | None], ...] = ()  # (requested, completed or None)
    resolved_at: datetime | None = None
    refused: bool = False  # resolved by returning it as not eligible
    result_digitised: bool = False
    closed_at: datetime | None = None
    closed_as: str = ""  # "withdrawn" | "stopped"
    satisfaction: str = ""
    components: int = 0
    components_digitised: int = 0
    payment: str = ""

    def appointment_at(self, moment: datetime) -> datetime | None:
        """The appointment in force just before ``moment``."""
        current = None
        for since, appointment in self.appointments:
            if since < moment:
                current = appointment
        return current

    def waiting_since(self, moment: datetime) -> datetime | None:
        """When the supplements were requested, if the dossier was waiting for them at ``moment``."""
        for requested, completed in self.waits:
            if requested < moment and (completed is None or completed >= moment):
                return requested
        return None

    @classmethod
    def from_events(cls, events: Iterable[Event]) -> Timeline | None:
        """Fold the events (in the fold's order) and note each change the report cares about."""
        state: DossierState | None = None
        appointments: list[tuple[datetime, datetime]] = []
        waits: list[tuple[datetime, datetime | None]] = []
        payment = ""
        for event in sorted(events, key=lambda e: e.order_key):
            flags = len(state.review) if state is not None else 0
            state = apply(state, event)
            if len(state.review) > flags:
                continue  # ignored by the fold: not a fact of the dossier's life
            if event.type is EventType.RECEIVED:
                payment = str(event.data.get("payment", "") or "")
                if state.appointment is not None:
                    appointments.append((event.at, state.appointment))
            elif event.type is EventType.SUPPLEMENT_REQUESTED:
                waits.append((event.at, None))
            elif event.type is EventType.SUPPLEMENT_RECEIVED:
                waits[-1] = (waits[-1][0], event.at)
                if state.appointment is not None:
                    appointments.append((event.at, state.appointment))
        if state is None:
            return None
        return cls.from_state(
            state, appointments=tuple(appointments), waits=tuple(waits), payment=payment
        )

    @classmethod
    def from_state(
        cls,
        state: DossierState,
        *,
        appointments: tuple[tuple[datetime, datetime], ...] | None = None,
        waits: tuple[tuple[datetime, datetime | None], ...] = (),
        payment: str = "",
    ) -> Timeline:
        """From a folded state; without a history the appointment in force never changed."""
        if appointments is None:
            appointments = (
                ((state.received_at, state.appointment),)
                if state.received_at is not None and state.appointment is not None
                else ()
            )
        closed = state.status in (Status.WITHDRAWN, Status.STOPPED)
        return cls(
            code=state.code,
            field=state.field,
            procedure_code=state.procedure_code,
            procedure_name=state.procedure_name,
            unit=state.responsible_unit,
            channel=state.channel,
            received_at=state.received_at,
            appointments=appointments,
            waits=waits,
            resolved_at=state.resolved_at,
            refused=bool(state.refusal_reason) and state.resolved_at is not None,
            result_digitised=state.result_digitised,
            closed_at=state.closed_at if closed else None,
            closed_as=state.status.value if closed else "",
            satisfaction=state.satisfaction,
            components=len(state.components),
            components_digitised=sum(1 for c in state.components if c.get("digitised")),
            payment=payment,
        )


def classify(t: Timeline, start: datetime, end: datetime, tz: tzinfo) -> Cell | None:
    """Where a dossier stands in [start, end); None when it plays no part in the period."""
    received = t.received_at
    if received is None or received >= end:
        return None  # never received (refused at the counter), or received later
    finished = t.resolved_at or t.closed_at
    if finished is not None and finished < start:
        return None  # done before the period: neither carried over nor counted
    origin = Origin.CARRIED if received < start else channel_origin(t.channel)
    payment = "" if origin is Origin.CARRIED or not t.payment else _payment(t.payment)
    if t.resolved_at is not None and t.resolved_at < end:
        outcome = timeliness(t.resolved_at, t.appointment_at(t.resolved_at), tz)
        result = "" if t.refused else ("digitised" if t.result_digitised else "paper")
        return Cell(origin, outcome, satisfaction=t.satisfaction, result=result, payment=payment)
    if t.closed_at is not None and t.closed_at < end:
        return Cell(origin, Outcome(t.closed_as), payment=payment)
    appointment = t.appointment_at(end)
    requested = t.waiting_since(end)
    clock_stop = requested if requested is not None else end
    overdue = appointment is not None and clock_stop > appointment
    return Cell(
        origin,
        Outcome.OVERDUE if overdue else Outcome.WITHIN,
        requested is not None,
        payment=payment,
    )


def _payment(value: str) -> str:
    return "online" if value == "online" else "other"


def group_key(t: Timeline, by: GroupBy) -> tuple[str, str]:
    """(key, label) of the row a dossier belongs to."""
    if by is GroupBy.PROCEDURE:
        return t.procedure_code, t.procedure_name or t.procedure_code
    if by is GroupBy.UNIT:
        return t.unit, t.unit
    return t.field, t.field


def _rate(part: int, whole: int) -> float | None:
    """A percentage with two decimals, as the reports print it; None when there is no whole."""
    return round(100 * part / whole, 2) if whole else None


@dataclass(slots=True)
class Counts:
    """One row of the report (a field, procedure, unit or the total)."""

    carried: int = 0
    new_online: int = 0
    new_direct: int = 0
    new_postal: int = 0
    early: int = 0
    on_time: int = 0
    late: int = 0
    within: int = 0
    overdue: int = 0
    waiting: int = 0
    withdrawn: int = 0
    stopped: int = 0
    very_satisfied: int = 0
    satisfied: int = 0
    unsatisfied: int = 0
    satisfaction_unknown: int = 0
    components: int = 0
    components_digitised: int = 0
    intake_digitised: int = 0  # new dossiers whose every component was digitised at intake
    results: int = 0  # resolved with a result (not refusals)
    results_digitised: int = 0
    payments_recorded: int = 0
    payments_online: int = 0

    def add(
        self, cell: Cell, n: int = 1, *, components: int = 0, digitised: int = 0, whole: int = 0
    ) -> None:
        """Count ``n`` dossiers of ``cell``; the component sums and fully digitised count of the
        new ones among them come with it."""
        name = f"new_{cell.origin.value}" if cell.origin is not Origin.CARRIED else "carried"
        setattr(self, name, getattr(self, name) + n)
        setattr(self, cell.outcome.value, getattr(self, cell.outcome.value) + n)
        if cell.waiting:
            self.waiting += n
        if cell.outcome in RESOLVED_OUTCOMES:
            level = cell.satisfaction if cell.satisfaction in SATISFACTION_LEVELS else ""
            name = level or "satisfaction_unknown"
            setattr(self, name, getattr(self, name) + n)
            if cell.result:
                self.results += n
                self.results_digitised += n if cell.result == "digitised" else 0
        if cell.payment:
            self.payments_recorded += n
            self.payments_online += n if cell.payment == "online" else 0
        self.components += components
        self.components_digitised += digitised
        self.intake_digitised += whole

    def merge(self, other: Counts) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    @property
    def new(self) -> int:
        return self.new_online + self.new_direct + self.new_postal

    @property
    def received(self) -> int:
        return self.carried + self.new

    @property
    def resolved(self) -> int:
        return self.early + self.on_time + self.late

    @property
    def pending(self) -> int:
        return self.within + self.overdue

    def to_dict(self) -> dict[str, Any]:
        """Flat, JSON-ready: the counts, their totals and the rates in percent."""
        out: dict[str, Any] = {f.name: getattr(self, f.name) for f in fields(self)}
        out.update(
            new=self.new,
            received=self.received,
            resolved=self.resolved,
            pending=self.pending,
            on_time_rate=_rate(self.early + self.on_time, self.resolved),
            late_rate=_rate(self.late, self.resolved),
            intake_digitised_rate=_rate(self.intake_digitised, self.new),
            components_digitised_rate=_rate(self.components_digitised, self.components),
            results_digitised_rate=_rate(self.results_digitised, self.results),
            online_payment_rate=_rate(self.payments_online, self.payments_recorded),
        )
        return out


@dataclass(frozen=True, slots=True)
class Row:
    key: str
    label: str
    counts: Counts


@dataclass(frozen=True, slots=True)
class Report:
    """Rows (sorted by label) and their total for one period."""

    period: Period
    by: GroupBy
    rows: tuple[Row, ...]
    total: Counts

    def to_dict(self) -> dict[str, Any]:
        return {
            "period": self.period.to_dict(),
            "by": self.by.value,
            "rows": [{"key": r.key, "label": r.label, **r.counts.to_dict()} for r in self.rows],
            "total": self.total.to_dict(),
        }


UNCLASSIFIED_VI = "(Chưa phân loại)"


class Tally:
    """Accumulates counted cells per row key, then builds the report."""

    def __init__(self) -> None:
        self._rows: dict[str, Counts] = {}
        self._labels: dict[str, str] = {}

    def add(
        self,
        key: str,
        label: str,
        cell: Cell,
        n: int = 1,
        *,
        components: int = 0,
        digitised: int = 0,
        whole: int = 0,
    ) -> None:
        counts = self._rows.get(key)
        if counts is None:
            counts = self._rows[key] = Counts()
            self._labels[key] = label or key or UNCLASSIFIED_VI
        counts.add(cell, n, components=components, digitised=digitised, whole=whole)

    def add_timeline(self, t: Timeline, cell: Cell, by: GroupBy) -> None:
        key, label = group_key(t, by)
        new = cell.origin is not Origin.CARRIED
        self.add(
            key, label, cell,
            components=t.components if new else 0,
            digitised=t.components_digitised if new else 0,
            whole=int(new and t.components > 0 and t.components_digitised == t.components),
        )  # fmt: skip

    def report(self, period: Period, by: GroupBy) -> Report:
        total = Counts()
        rows = []
        for key, counts in self._rows.items():
            total.merge(counts)
            rows.append(Row(key, self._labels[key], counts))
        rows.sort(key=lambda r: (r.label.casefold(), r.key))
        return Report(period, by, tuple(rows), total)


def build_report(
    timelines: Iterable[Timeline], period: Period, tz: tzinfo, by: GroupBy = GroupBy.FIELD
) -> Report:
    """The report of a period straight from the dossiers' timelines (the reference computation)."""
    start, end = period.bounds(tz)
    tally = Tally()
    for t in timelines:
        cell = classify(t, start, end, tz)
        if cell is not None:
            tally.add_timeline(t, cell, by)
    return tally.report(period, by)
