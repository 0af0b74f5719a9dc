"""The dossier list: filters, sorting and paging in SQL over the read model, and XLSX export."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from ..domain.dossier import OPEN, STATUS_LABELS_VI, Status
from ..domain.errors import MotcuaError, ValidationError, register_messages
from ..domain.roles import Action, can
from ..storage.schema import DossierRecord, ProcedureRecord
from ..storage.timekeys import from_utc_key, utc_key
from .files import write_atomic
from .intake import CHANNEL_LABELS_VI, Channel
from .users import User, require
from .workspace import Workspace

if TYPE_CHECKING:
    from openpyxl import Workbook

register_messages(
    {
        "list.range_order": "Khoảng ngày nhận không hợp lệ: từ {start} đến {end}.",
        "list.export_write": "Không ghi được tệp «{name}»: {detail}",
    }
)

PAGE_SIZE = 500
PROGRESS_EVERY = 5000
SHEET_TITLE = "Hồ sơ"


class SortKey(StrEnum):
    """The columns a list can be sorted by (each maps to one read-model column)."""

    CODE = "code"
    STATUS = "status"
    PROCEDURE = "procedure"
    FIELD = "field"
    CHANNEL = "channel"
    APPLICANT = "applicant"
    RECEIVED = "received"
    APPOINTMENT = "appointment"
    RESOLVED = "resolved"
    HOLDER = "holder"


_SORT_COLUMNS: dict[SortKey, Any] = {
    SortKey.CODE: DossierRecord.code,
    SortKey.STATUS: DossierRecord.status,
    SortKey.PROCEDURE: DossierRecord.procedure_name,
    SortKey.FIELD: DossierRecord.field,
    SortKey.CHANNEL: DossierRecord.channel,
    SortKey.APPLICANT: DossierRecord.name_folded,
    SortKey.RECEIVED: DossierRecord.received_at,
    SortKey.APPOINTMENT: DossierRecord.appointment,
    SortKey.RESOLVED: DossierRecord.resolved_at,
    SortKey.HOLDER: DossierRecord.holder_user,
}


@dataclass(frozen=True)
class ListFilters:
    """What the clerk chose above the list; empty values mean "any"."""

    statuses: frozenset[Status] = frozenset()
    field: str = ""
    channel: str = ""
    received_from: date | None = None
    received_to: date | None = None  # inclusive
    late_only: bool = False


@dataclass(frozen=True)
class ListOrder:
    key: SortKey = SortKey.RECEIVED
    descending: bool = True


@dataclass(frozen=True, slots=True)
class DossierRow:
    """One row of the list: plain data, safe to hand to any thread or Qt model."""

    code: str
    status: Status
    procedure_code: str
    procedure_name: str
    field: str
    channel: str
    applicant_name: str
    received_at: datetime | None
    appointment: datetime | None
    rescheduled_to: datetime | None
    resolved_at: datetime | None
    holder_user: str
    holder_unit: str
    needs_review: bool
    late: bool = False


_COLUMNS = (
    DossierRecord.code, DossierRecord.status, DossierRecord.procedure_code,
    DossierRecord.procedure_name, DossierRecord.field, DossierRecord.channel,
    DossierRecord.applicant_name, DossierRecord.received_at, DossierRecord.appointment,
    DossierRecord.rescheduled_to, DossierRecord.resolved_at, DossierRecord.holder_user,
    DossierRecord.holder_unit, DossierRecord.needs_review,
)  # fmt: skip

_OPEN_VALUES = tuple(s.value for s in OPEN)


class DossierList:
    """Queries for one workspace; "late" is judged against its clock at each call."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    def count(self, filters: ListFilters) -> int:
        with self.workspace.db.reading() as session:
            stmt = select(func.count()).select_from(DossierRecord)
            stmt = stmt.where(*self._conditions(filters))
            return int(session.execute(stmt).scalar_one())

    def page(
        self,
        filters: ListFilters,
        order: ListOrder = ListOrder(),
        *,
        offset: int = 0,
        limit: int | None = PAGE_SIZE,
    ) -> list[DossierRow]:
        """Rows ``offset``… of the filtered, sorted list (at most ``limit``; None: all)."""
        with self.workspace.db.reading() as session:
            return list(self._rows(session, filters, order, offset=offset, limit=limit))

    def fields(self) -> list[str]:
        """The catalog's fields (lĩnh vực), for the filter's choices.

        Read from the catalog, not from the dossiers: a DISTINCT over every dossier costs close to
        a second at 200,000 of them, and a dossier's field is copied from its procedure.
        """
        with self.workspace.db.reading() as session:
            stmt = select(ProcedureRecord.field).distinct().order_by(ProcedureRecord.field)
            return [str(f) for f in session.scalars(stmt) if f]

    def export_xlsx(
        self,
        filters: ListFilters,
        path: Path,
        order: ListOrder = ListOrder(),
        *,
        personal: bool = True,
        progress: Callable[[int], None] | None = None,
    ) -> int:
        """Write every filtered row to an XLSX sheet (written atomically); the rows written.

        Without ``personal`` the applicant's name is left out (roles that may not export
        personal data still get the list). ``progress`` hears the rows written so far, every
        :data:`PROGRESS_EVERY` rows.
        """
        from openpyxl import Workbook  # loads on the first export, not with the list screen

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(SHEET_TITLE)
        headers = list(EXPORT_HEADERS)
        if not personal:
            headers.pop(_NAME_COLUMN)
        sheet.append(headers)
        count = 0
        with self.workspace.db.reading() as session:
            for row in self._rows(session, filters, order, offset=0, limit=None):
                cells = export_cells(row)
                if not personal:
                    cells.pop(_NAME_COLUMN)
                sheet.append(cells)
                count += 1
                if progress is not None and count % PROGRESS_EVERY == 0:
                    progress(count)
        _save(workbook, Path(path))
        return count

    # ---- internals -----------------------------------------------------------------------

    def _rows(
        self,
        session: Session,
        filters: ListFilters,
        order: ListOrder,
        *,
        offset: int,
        limit: int | None,
    ) -> Iterator[DossierRow]:
        column = _SORT_COLUMNS[order.key]
        sort = column.desc() if order.descending else column.asc()
        tie = DossierRecord.id.desc() if order.descending else DossierRecord.id.asc()
        stmt = select(*_COLUMNS).where(*self._conditions(filters)).order_by(sort, tie)
        if limit is not None:
            stmt = stmt.limit(limit)
        if offset:
            stmt = stmt.offset(offset)
        tz = self.workspace.tz
        now = utc_key(self.workspace.clock())
        for record in session.execute(stmt).yield_per(2000):
            yield _row(tuple(record), tz, now)

    def _conditions(self, filters: ListFilters) -> list[ColumnElement[bool]]:
        tz = self.workspace.tz
        out: list[ColumnElement[bool]] = []
        if filters.statuses:
            out.append(DossierRecord.status.in_(sorted(s.value for s in filters.statuses)))
        if filters.field:
            out.append(DossierRecord.field == filters.field)
        if filters.channel:
            out.append(DossierRecord.channel == filters.channel)
        start, end = filters.received_from, filters.received_to
        if start is not None and end is not None and end < start:
            raise ValidationError(
                "list.range_order", field="received_to",
                start=f"{start:%d/%m/%Y}", end=f"{end:%d/%m/%Y}",
            )  # fmt: skip
        if start is not None:
            out.append(DossierRecord.received_at >= utc_key(datetime.combine(start, time.min, tz)))
        if end is not None:
            after = datetime.combine(end + timedelta(days=1), time.min, tz)
            out.append(DossierRecord.received_at < utc_key(after))
        if filters.late_only:
            out.append(late_condition(utc_key(self.workspace.clock())))
        return out


def late_condition(now_key: str) -> ColumnElement[bool]:
    """Late: open and past the appointment in force, or resolved after it."""
    return or_(
        and_(DossierRecord.status.in_(_OPEN_VALUES), DossierRecord.appointment < now_key),
        and_(
            DossierRecord.resolved_at.is_not(None),
            DossierRecord.resolved_at > DossierRecord.appointment,
        ),
    )


def _t(key: object, tz: tzinfo) -> datetime | None:
    return from_utc_key(str(key)).astimezone(tz) if key else None


def _row(record: tuple[Any, ...], tz: tzinfo, now_key: str) -> DossierRow:
    (code, status, pcode, pname, field_, channel, name, received, appointment, rescheduled,
     resolved, holder_user, holder_unit, review) = record  # fmt: skip
    state = Status(str(status))
    late = bool(
        appointment
        and (
            (state in OPEN and appointment < now_key)
            or (resolved is not None and resolved > appointment)
        )
    )
    return DossierRow(
        code=str(code), status=state, procedure_code=str(pcode), procedure_name=str(pname),
        field=str(field_), channel=str(channel), applicant_name=str(name),
        received_at=_t(received, tz), appointment=_t(appointment, tz),
        rescheduled_to=_t(rescheduled, tz), resolved_at=_t(resolved, tz),
        holder_user=str(holder_user), holder_unit=str(holder_unit), needs_review=bool(review),
        late=late,
    )  # fmt: skip


EXPORT_HEADERS = (
    "Mã hồ sơ", "Trạng thái", "Trễ hạn", "Mã thủ tục", "Tên thủ tục", "Lĩnh vực", "Kênh",
    "Người nộp", "Ngày nhận", "Hẹn trả", "Hẹn lại", "Ngày có kết quả", "Người giữ hồ sơ",
    "Đơn vị giữ hồ sơ",
)  # fmt: skip
_NAME_COLUMN = EXPORT_HEADERS.index("Người nộp")


def channel_label(value: str) -> str:
    try:
        return CHANNEL_LABELS_VI[Channel(value)]
    except ValueError:
        return value


def export_cells(row: DossierRow) -> list[Any]:
    """One spreadsheet row; times as naive local datetimes (Excel has no time zones)."""

    def local(moment: datetime | None) -> datetime | None:
        return moment.replace(tzinfo=None) if moment is not None else None

    return [
        row.code, STATUS_LABELS_VI[row.status], "Có" if row.late else "", row.procedure_code,
        row.procedure_name, row.field, channel_label(row.channel), row.applicant_name,
        local(row.received_at), local(row.appointment), local(row.rescheduled_to),
        local(row.resolved_at), row.holder_user, row.holder_unit,
    ]  # fmt: skip


def _save(workbook: Workbook, path: Path) -> None:
    buffer = io.BytesIO()
    workbook.save(buffer)
    try:
        write_atomic(path, buffer.getvalue())
    except OSError as error:
        raise MotcuaError(
            "list.export_write", name=path.name, detail=error.strerror or str(error)
        ) from error


def export_xlsx(
    workspace: Workspace,
    filters: ListFilters,
    path: Path,
    order: ListOrder = ListOrder(),
    *,
    actor: User | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the filtered dossiers to ``path`` as XLSX; the number of dossiers written.

    With an ``actor``, the applicant's name is exported only if the role may export personal
    data (Action.EXPORT_PERSONAL_DATA); the list itself needs Action.VIEW.
    """
    personal = True
    if actor is not None:
        require(actor, Action.VIEW)
        personal = actor.active and can(actor.role, Action.EXPORT_PERSONAL_DATA)
    return DossierList(workspace).export_xlsx(
        filters, path, order, personal=personal, progress=progress
    )
