"""The working-day calendar of this commune: the holidays package plus the admin's overrides.

Reading it needs no SQLAlchemy (the intake form's first appointment); changing it loads it.
"""

from __future__ import annotations

from datetime import date

from ..domain.calendar import CalendarOverride, OverrideKind, WorkingCalendar
from ..domain.errors import NotFoundError, ValidationError, register_messages
from ..domain.roles import Action
from ..domain.text import clean_text
from ..storage import reads
from .settings import office_hours
from .users import User, require
from .workspace import Workspace, iso_now

register_messages(
    {
        "calendar.override_kind_alias": "Loại điều chỉnh «{value}» không hợp lệ (off: ngày nghỉ, work: ngày làm việc)."
    }
)

KIND_ALIASES = {
    "off": OverrideKind.DAY_OFF,
    "day_off": OverrideKind.DAY_OFF,
    "nghi": OverrideKind.DAY_OFF,
    "work": OverrideKind.WORKING_DAY,
    "working_day": OverrideKind.WORKING_DAY,
    "lam": OverrideKind.WORKING_DAY,
}


def list_overrides(workspace: Workspace, year: int | None = None) -> list[CalendarOverride]:
    with workspace.db.snapshot() as conn:
        rows = reads.calendar_overrides(conn, year)
    return [
        CalendarOverride(date.fromisoformat(day), OverrideKind(kind), note)
        for day, kind, note in rows
    ]


def working_calendar(workspace: Workspace) -> WorkingCalendar:
    """The calendar every deadline on this PC is computed with."""
    return WorkingCalendar(
        overrides=list_overrides(workspace), hours=office_hours(workspace), tz=workspace.tz
    )


def set_override(
    workspace: Workspace, actor: User, day: date, kind: str, note: str = ""
) -> CalendarOverride:
    """Add or replace the override for one day (admin only)."""
    require(actor, Action.MANAGE_CALENDAR)
    override_kind = KIND_ALIASES.get(str(kind).strip().lower())
    if override_kind is None:
        raise ValidationError("calendar.override_kind_alias", field="kind", value=kind)
    text = clean_text(note, field="note", max_len=300, required=False)
    from sqlalchemy import delete

    from ..storage.schema import CalendarOverrideRecord

    with workspace.db.writing() as session:
        session.execute(
            delete(CalendarOverrideRecord).where(CalendarOverrideRecord.day == day.isoformat())
        )
        session.add(
            CalendarOverrideRecord(
                day=day.isoformat(),
                kind=override_kind.value,
                note=text,
                created_by=actor.username,
                created_at=iso_now(workspace),
            )
        )
    return CalendarOverride(day, override_kind, text)


def remove_override(workspace: Workspace, actor: User, day: date) -> None:
    require(actor, Action.MANAGE_CALENDAR)
    from sqlalchemy import delete

    from ..storage.schema import CalendarOverrideRecord

    with workspace.db.writing() as session:
        result = session.execute(
            delete(CalendarOverrideRecord).where(CalendarOverrideRecord.day == day.isoformat())
        )
        if not result.rowcount:  # type: ignore[attr-defined]
            raise NotFoundError("điều chỉnh lịch", day.isoformat())
