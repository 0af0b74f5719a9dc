"""The late list: for each late or overdue dossier, the step of the control slip that overran."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .dossier import Handover


@dataclass(frozen=True, slots=True)
class Overrun:
    """The step that made a dossier late, and so the unit responsible for the delay.

    Step 0 is the receiving counter (from intake to the first hand-over); step n is held by the
    receiver of the n-th hand-over until the next one. ``reason`` is "step_due" when the step
    outlasted its own due time, "appointment" when the appointment passed while it held the file.
    """

    step: int
    unit: str
    user: str
    started: datetime
    ended: datetime | None  # None: still held at the end of the period
    due: datetime | None
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "step": self.step,
            "unit": self.unit,
            "user": self.user,
            "started": self.started.isoformat(),
            "ended": self.ended.isoformat() if self.ended else None,
            "due": self.due.isoformat() if self.due else None,
            "reason": self.reason,
        }


def overrun_step(
    handovers: Sequence[Handover],
    *,
    received_at: datetime,
    received_unit: str,
    received_by: str,
    appointment: datetime | None,
    until: datetime,
) -> Overrun:
    """The first step that outlasted its own due time; else the step holding the file when the
    appointment in force passed. Only hand-overs before ``until`` count."""
    steps: list[tuple[str, str, datetime, datetime | None]] = [
        (received_unit, received_by, received_at, None)
    ]
    for h in sorted(handovers, key=lambda h: h.at):
        if h.at < until:
            steps.append((h.to_unit, h.to_user, h.at, h.step_due))
    ends: list[datetime | None] = [s[2] for s in steps[1:]] + [None]
    for index, ((unit, user, started, due), ended) in enumerate(zip(steps, ends, strict=True)):
        if due is not None and (ended or until) > due:
            return Overrun(index, unit, user, started, ended, due, "step_due")
    chosen = len(steps) - 1
    if appointment is not None:
        chosen = max((i for i, s in enumerate(steps) if s[2] <= appointment), default=0)
    unit, user, started, due = steps[chosen]
    return Overrun(chosen, unit, user, started, ends[chosen], due, "appointment")


@dataclass(frozen=True, slots=True)
class LateEntry:
    """One line of the chairman's list: a dossier resolved late or overdue at the period end."""

    code: str
    procedure_name: str
    field: str
    applicant: str
    received_at: datetime
    appointment: datetime | None
    resolved_at: datetime | None  # None: still pending (overdue) at the end
    overrun: Overrun
    apology_at: datetime | None = None
    apology_unit: str = ""
    rescheduled_to: datetime | None = None

    @property
    def kind(self) -> str:
        return "late" if self.resolved_at is not None else "overdue"

    def days_over(self, end: datetime) -> int:
        """Whole days (started) past the appointment, at resolution or at the period end."""
        if self.appointment is None:
            return 0
        moment = self.resolved_at or end
        return max(0, math.ceil((moment - self.appointment).total_seconds() / 86400))

    def to_dict(self, end: datetime) -> dict[str, Any]:
        return {
            "code": self.code,
            "kind": self.kind,
            "procedure_name": self.procedure_name,
            "field": self.field,
            "applicant": self.applicant,
            "received_at": self.received_at.isoformat(),
            "appointment": self.appointment.isoformat() if self.appointment else None,
            "resolved_at": self.resolved_at.isoformat() if self.resolved_at else None,
            "days_over": self.days_over(end),
            "step": self.overrun.step,
            "responsible_unit": self.overrun.unit,
            "responsible_user": self.overrun.user,
            "overrun": self.overrun.to_dict(),
            "apology_issued": self.apology_at is not None,
            "apology_at": self.apology_at.isoformat() if self.apology_at else None,
            "apology_unit": self.apology_unit,
            "rescheduled_to": self.rescheduled_to.isoformat() if self.rescheduled_to else None,
        }


def late_sort_key(entry: LateEntry) -> tuple[str, float, str]:
    """The chairman reads the list unit by unit, oldest appointment first."""
    appointment = entry.appointment.timestamp() if entry.appointment else 0.0
    return (entry.overrun.unit.casefold(), appointment, entry.code)
