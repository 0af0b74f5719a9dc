"""The clerk's day at a glance: which dossiers are late, due soon, waiting or ready to return."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from ..domain.calendar import WorkingCalendar
from ..domain.dossier import Status
from ..storage.timekeys import utc_key
from .calendar_service import working_calendar
from .lookup import DossierSummary, summaries
from .workspace import Workspace

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

SOON_WORKING_DAYS = 2


class Bucket(StrEnum):
    """The lists of the "today" screen, in the order a clerk works through them."""

    OVERDUE = "overdue"
    DUE_TODAY = "due_today"
    DUE_SOON = "due_soon"  # within the next two working days
    WAITING_SUPPLEMENT = "waiting_supplement"
    RESULT_READY = "result_ready"
    NEEDS_REVIEW = "needs_review"


@dataclass(frozen=True, slots=True)
class BucketRows:
    """How many dossiers fall in one bucket and the first of them (most urgent first)."""

    bucket: Bucket
    count: int
    rows: tuple[DossierSummary, ...]


@dataclass(frozen=True, slots=True)
class TodaySummary:
    now: datetime
    soon_until: datetime  # the end of the second working day after today
    buckets: tuple[BucketRows, ...]

    def get(self, bucket: Bucket) -> BucketRows:
        return next(b for b in self.buckets if b.bucket is bucket)


def _conditions(
    now: datetime, tz_today_end: datetime, soon_until: datetime
) -> dict[Bucket, tuple[tuple[object, ...], object]]:
    from ..storage.schema import DossierRecord  # SQLAlchemy: with the first summary, not the screen

    # Deadlines run only while the dossier is with the administration: a dossier waiting for the
    # applicant's supplement has its own list, not a place among the late ones.
    processing = DossierRecord.status == Status.PROCESSING.value
    appointment = DossierRecord.appointment
    by_appointment = DossierRecord.appointment
    return {
        Bucket.OVERDUE: ((processing, appointment < utc_key(now)), by_appointment),
        Bucket.DUE_TODAY: (
            (processing, appointment >= utc_key(now), appointment < utc_key(tz_today_end)),
            by_appointment,
        ),
        Bucket.DUE_SOON: (
            (processing, appointment >= utc_key(tz_today_end), appointment < utc_key(soon_until)),
            by_appointment,
        ),
        Bucket.WAITING_SUPPLEMENT: (
            (DossierRecord.status == Status.WAITING_SUPPLEMENT.value,),
            DossierRecord.id,
        ),
        Bucket.RESULT_READY: (
            (DossierRecord.status == Status.RESULT_READY.value,),
            DossierRecord.id,
        ),
        Bucket.NEEDS_REVIEW: ((DossierRecord.needs_review.is_(True),), DossierRecord.id.desc()),
    }


def _count(session: Session, conditions: tuple[object, ...]) -> int:
    from sqlalchemy import func, select

    from ..storage.schema import DossierRecord

    stmt = select(func.count()).select_from(DossierRecord).where(*conditions)  # type: ignore[arg-type]
    return int(session.execute(stmt).scalar_one())


def today_summary(
    workspace: Workspace,
    *,
    limit: int = 200,
    calendar: WorkingCalendar | None = None,
) -> TodaySummary:
    """Count every bucket and list its first ``limit`` dossiers, as of the workspace's clock."""
    cal = calendar or working_calendar(workspace)
    tz = workspace.tz
    now = workspace.clock().astimezone(tz)
    today = now.date()
    today_end = datetime.combine(today + timedelta(days=1), time.min, tz)
    soon_day = cal.add_working_days(today, SOON_WORKING_DAYS)
    soon_until = datetime.combine(soon_day + timedelta(days=1), time.min, tz)
    out = []
    with workspace.db.reading() as session:
        for bucket, (conditions, order) in _conditions(now, today_end, soon_until).items():
            rows = summaries(session, tz, *conditions, limit=limit, order=order)
            count = len(rows) if len(rows) < limit else _count(session, conditions)
            out.append(BucketRows(bucket, count, tuple(rows)))
    return TodaySummary(now, soon_until, tuple(out))
