"""The acts of a dossier's life at the counter, each one transaction: event, chain head, read model."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.calendar import WorkingCalendar
from ..domain.catalog import Procedure
from ..domain.codes import make_code
from ..domain.dossier import STATUS_LABELS_VI, DossierState, allowed, fold
from ..domain.durations import Duration
from ..domain.errors import (
    MotcuaError,
    NotFoundError,
    StateError,
    ValidationError,
    register_messages,
)
from ..domain.events import Event, EventType, seal
from ..domain.roles import Action
from ..domain.text import clean_text
from ..storage import eventstore
from ..storage.schema import UserRecord
from .calendar_service import working_calendar
from .intake import IntakeRequest, intake_data, warnings_error
from .users import User, require
from .workspace import Workspace

register_messages(
    {
        "dossier.not_allowed": "Không thể {action} khi hồ sơ {code} đang ở trạng thái «{status}».",
        "dossier.handover_target": "Người nhận «{username}» không tồn tại hoặc đã bị khóa.",
        "supplement.no_items": "Phải liệt kê đầy đủ mọi thành phần cần bổ sung trong một lần yêu cầu.",
        "apology.twice": "Hồ sơ {code} đã được hẹn lại một lần ({date}); quy định chỉ cho hẹn lại một lần.",
        "apology.not_late": "Hồ sơ {code} chưa trễ hạn (hẹn trả {date}); chỉ lập văn bản xin lỗi khi "
        "hồ sơ đã quá hạn hoặc còn không quá 1 ngày làm việc.",
        "apology.days": "Số ngày gia hạn phải từ 1 đến 60 ngày làm việc, nhận được «{value}».",
        "satisfaction.level": "Mức độ hài lòng «{value}» không hợp lệ (rất hài lòng, hài lòng, không hài lòng).",
        "return.method": "Hình thức trả «{value}» không hợp lệ (tại quầy, bưu chính, trực tuyến).",
    }
)

SATISFACTION_LEVELS = ("very_satisfied", "satisfied", "unsatisfied")
SATISFACTION_LABELS_VI = {
    "very_satisfied": "Rất hài lòng",
    "satisfied": "Hài lòng",
    "unsatisfied": "Không hài lòng",
}
RETURN_METHODS = ("counter", "postal", "online")

# The statements of an intake besides the event store's (a benchmark replays them alone).
PROCEDURE_VERSION = "SELECT updated_at FROM procedures WHERE code = ?"
PROCEDURE_DATA = "SELECT data FROM procedures WHERE code = ?"
# The day's next number in one statement: the first of a day inserts 1, later ones add 1.
NEXT_DAY_NUMBER = (
    "INSERT INTO day_counters (day, last) VALUES (?, 1) "
    "ON CONFLICT (day) DO UPDATE SET last = last + 1 RETURNING last"
)

ACT_TYPES: dict[Action, EventType] = {
    Action.HAND_OVER: EventType.HANDED_OVER,
    Action.REQUEST_SUPPLEMENT: EventType.SUPPLEMENT_REQUESTED,
    Action.RECEIVE_SUPPLEMENT: EventType.SUPPLEMENT_RECEIVED,
    Action.REFUSE: EventType.REFUSED,
    Action.RECORD_RESULT: EventType.RESULT_READY,
    Action.RETURN_RESULT: EventType.RETURNED,
    Action.ISSUE_APOLOGY: EventType.APOLOGY_ISSUED,
    Action.WITHDRAW: EventType.WITHDRAWN,
    Action.STOP: EventType.STOPPED,
    Action.RECORD_SATISFACTION: EventType.SATISFACTION_RECORDED,
}


@dataclass(frozen=True)
class ActResult:
    """What an act committed: the dossier's new state and the events written."""

    state: DossierState
    events: tuple[Event, ...]
    warnings: tuple[MotcuaError, ...] = ()

    @property
    def code(self) -> str:
        return self.state.code


class DossierService:
    """Every act on a dossier. Permission, state rule, event and read model in one transaction."""

    def __init__(self, workspace: Workspace, calendar: WorkingCalendar | None = None) -> None:
        self.ws = workspace
        self._calendar = calendar
        self._procedures: dict[str, tuple[str, Procedure]] = {}

    @property
    def calendar(self) -> WorkingCalendar:
        if self._calendar is None:
            self._calendar = working_calendar(self.ws)
        return self._calendar

    @property
    def node(self) -> str:
        return str(self.ws.setting("node_id"))

    # ---- reads -------------------------------------------------------------------------------

    def state(self, code: str) -> DossierState:
        with self.ws.db.reading() as session:
            state = fold(eventstore.dossier_events(session, code.strip().upper()))
        if state is None:
            raise NotFoundError("hồ sơ", code)
        return state

    def events(self, code: str) -> list[Event]:
        with self.ws.db.reading() as session:
            return eventstore.dossier_events(session, code.strip().upper())

    # ---- the acts ----------------------------------------------------------------------------

    def receive(self, actor: User, request: IntakeRequest) -> ActResult:
        """Receive a dossier: code, appointment from the calendar, the received event."""
        require(actor, Action.RECEIVE)
        # One transaction from the catalog read to the commit: nothing half-done on a power cut.
        with self.ws.db.writing_raw() as session:
            procedure = self._procedure(session, request.procedure_code)
            if procedure.processing_time is None:
                raise ValidationError(
                    "procedure.no_processing_time", field="procedure_code", code=procedure.code
                )
            now = self.ws.clock()
            data, warnings = intake_data(request, procedure, today=self._today(now))
            if warnings and not request.confirm_warnings:
                raise warnings_error(warnings)
            appointment = self.calendar.due(now, procedure.processing_time)
            data["processing_time"] = procedure.processing_time.to_dict()
            data["appointment"] = appointment.isoformat()
            data["unit"] = actor.unit
            code = self._next_code(session, now)
            event = self._append(session, actor, code, EventType.RECEIVED, data, now)
            state = self._project(session, [event], now, new=True)
        return ActResult(state, (event,), tuple(warnings))

    def refuse_at_counter(self, actor: User, request: IntakeRequest, reason: str) -> ActResult:
        """Refuse a dossier at the counter: it gets a code for the refusal slip, never counts as received."""
        require(actor, Action.REFUSE)
        with self.ws.db.writing_raw() as session:
            procedure = self._procedure(session, request.procedure_code)
            now = self.ws.clock()
            data, _warnings = intake_data(request, procedure, today=self._today(now))
            data["reason"] = clean_text(reason, field="reason", max_len=2000, multiline=True)
            code = self._next_code(session, now)
            event = self._append(session, actor, code, EventType.REFUSED, data, now)
            state = self._project(session, [event], now, new=True)
        return ActResult(state, (event,))

    def hand_over(
        self,
        actor: User,
        code: str,
        to_username: str,
        *,
        note: str = "",
        step_days: int | None = None,
    ) -> ActResult:
        def build(session: Session, state: DossierState, now: datetime) -> dict[str, Any]:
            target = session.scalars(
                select(UserRecord).where(UserRecord.username == to_username.strip().lower())
            ).first()
            if target is None or not target.active:
                raise ValidationError(
                    "dossier.handover_target", field="to_user", username=to_username
                )
            data: dict[str, Any] = {
                "from_user": actor.username,
                "from_unit": actor.unit,
                "to_user": target.username,
                "to_unit": target.unit,
                "note": clean_text(
                    note, field="note", max_len=1000, required=False, multiline=True
                ),
            }
            if step_days is not None:
                data["step_due"] = self.calendar.due(now, Duration.days(step_days)).isoformat()
            return data

        return self._act(actor, Action.HAND_OVER, code, build)

    def request_supplement(
        self, actor: User, code: str, items: list[dict[str, str]], *, reason: str, contact: str = ""
    ) -> ActResult:
        """All missing items in one request; the clock restarts when the complete dossier arrives."""

        def build(_s: Session, _state: DossierState, _now: datetime) -> dict[str, Any]:
            if not items:
                raise ValidationError("supplement.no_items", field="items")
            clean = [
                {
                    "name": clean_text(i.get("name", ""), field=f"items[{n}].name", max_len=1000),
                    "kind": clean_text(
                        i.get("kind", ""), field=f"items[{n}].kind", max_len=100, required=False
                    ),
                    "reason": clean_text(
                        i.get("reason", ""),
                        field=f"items[{n}].reason",
                        max_len=1000,
                        required=False,
                    ),
                }
                for n, i in enumerate(items, start=1)
            ]
            return {
                "items": clean,
                "reason": clean_text(reason, field="reason", max_len=2000, multiline=True),
                "contact": clean_text(contact, field="contact", max_len=300, required=False),
            }

        return self._act(actor, Action.REQUEST_SUPPLEMENT, code, build)

    def receive_supplement(self, actor: User, code: str, *, note: str = "") -> ActResult:
        """The complete dossier arrived: a new appointment counted from zero."""

        def build(_s: Session, state: DossierState, now: datetime) -> dict[str, Any]:
            assert state.processing_time is not None  # every received event carries it
            duration = Duration.from_dict(state.processing_time)
            return {
                "appointment": self.calendar.due(now, duration).isoformat(),
                "note": clean_text(
                    note, field="note", max_len=1000, required=False, multiline=True
                ),
            }

        return self._act(actor, Action.RECEIVE_SUPPLEMENT, code, build)

    def refuse(self, actor: User, code: str, *, reason: str) -> ActResult:
        return self._act(actor, Action.REFUSE, code, self._reason_only(reason))

    def record_result(
        self, actor: User, code: str, *, digitised: bool = False, note: str = ""
    ) -> ActResult:
        def build(_s: Session, _state: DossierState, _now: datetime) -> dict[str, Any]:
            return {
                "digitised": bool(digitised),
                "note": clean_text(
                    note, field="note", max_len=1000, required=False, multiline=True
                ),
            }

        return self._act(actor, Action.RECORD_RESULT, code, build)

    def return_result(
        self,
        actor: User,
        code: str,
        *,
        to_whom: str = "",
        method: str = "counter",
        satisfaction: str | None = None,
    ) -> ActResult:
        """Hand the result to the applicant; the satisfaction choice, if given, in the same transaction."""
        if method not in RETURN_METHODS:
            raise ValidationError("return.method", field="method", value=method)
        if satisfaction is not None:
            require(actor, Action.RECORD_SATISFACTION)
            _check_level(satisfaction)

        def build(_s: Session, state: DossierState, _now: datetime) -> dict[str, Any]:
            who = to_whom or state.applicant.get("name", "")
            return {"to_whom": clean_text(who, field="to_whom", max_len=200), "method": method}

        follow = (
            [(EventType.SATISFACTION_RECORDED, {"level": satisfaction})] if satisfaction else []
        )
        return self._act(actor, Action.RETURN_RESULT, code, build, follow=follow)

    def issue_apology(
        self,
        actor: User,
        code: str,
        *,
        reason: str,
        extra_days: int,
        responsible_unit: str | None = None,
    ) -> ActResult:
        """Record the apology-and-reschedule letter: once only, only when late or about to be."""
        if (
            not isinstance(extra_days, int)
            or isinstance(extra_days, bool)
            or not 1 <= extra_days <= 60
        ):
            raise ValidationError("apology.days", field="extra_days", value=extra_days)

        def build(_s: Session, state: DossierState, now: datetime) -> dict[str, Any]:
            if state.apology is not None:
                raise StateError(
                    "apology.twice", code=state.code, date=state.apology.get("new_appointment", "")
                )
            assert state.appointment is not None
            local_due = state.appointment.astimezone(self.ws.tz)
            today = self._today(now)
            if self.calendar.add_working_days(today, 1) < local_due.date():
                raise StateError(
                    "apology.not_late", code=state.code, date=f"{local_due:%d/%m/%Y %H:%M}"
                )
            start = max(now, state.appointment)
            # The unit holding the file when it overran; else the catalog's unit in charge.
            unit = responsible_unit or state.holder_unit or state.responsible_unit
            return {
                "reason": clean_text(reason, field="reason", max_len=2000, multiline=True),
                "responsible_unit": clean_text(
                    unit or "Bộ phận Một cửa", field="responsible_unit", max_len=200
                ),
                "responsible_user": state.holder_user,
                "original_appointment": state.appointment.isoformat(),
                "new_appointment": self.calendar.due(start, Duration.days(extra_days)).isoformat(),
                "extra_days": extra_days,
            }

        return self._act(actor, Action.ISSUE_APOLOGY, code, build)

    def withdraw(self, actor: User, code: str, *, reason: str) -> ActResult:
        return self._act(actor, Action.WITHDRAW, code, self._reason_only(reason))

    def stop(self, actor: User, code: str, *, reason: str) -> ActResult:
        return self._act(actor, Action.STOP, code, self._reason_only(reason))

    def record_satisfaction(self, actor: User, code: str, level: str) -> ActResult:
        _check_level(level)
        return self._act(
            actor, Action.RECORD_SATISFACTION, code, lambda _s, _st, _n: {"level": level}
        )

    # ---- machinery ---------------------------------------------------------------------------

    def _today(self, now: datetime) -> date:
        """The counter's calendar day (the clock may read UTC; the commune lives in its own zone)."""
        return now.astimezone(self.ws.tz).date()

    @staticmethod
    def _reason_only(reason: str) -> Any:
        def build(_s: Session, _state: DossierState, _now: datetime) -> dict[str, Any]:
            return {"reason": clean_text(reason, field="reason", max_len=2000, multiline=True)}

        return build

    def _act(
        self,
        actor: User,
        action: Action,
        code: str,
        build: Any,
        *,
        follow: list[tuple[EventType, dict[str, Any]]] | None = None,
    ) -> ActResult:
        require(actor, action)
        event_type = ACT_TYPES[action]
        code = code.strip().upper()
        with self.ws.db.writing() as session:
            history = eventstore.dossier_events(session, code)
            state = fold(history)
            if state is None:
                raise NotFoundError("hồ sơ", code)
            if not allowed(state.status, event_type):
                raise StateError(
                    "dossier.not_allowed",
                    code=code,
                    action=action.value,
                    status=STATUS_LABELS_VI[state.status],
                )
            now = self.ws.clock()
            written = [
                self._append(session, actor, code, event_type, build(session, state, now), now)
            ]
            for extra_type, extra_data in follow or []:
                written.append(self._append(session, actor, code, extra_type, extra_data, now))
            new_state = self._project(session, history + written, now)
        return ActResult(new_state, tuple(written))

    def _procedure(self, session: eventstore.Tx, code: str) -> Procedure:
        """The catalog entry, parsed once per version (its ``updated_at``) for this service."""
        key = code.strip()
        db = eventstore.raw(session)
        row = db.execute(PROCEDURE_VERSION, (key,)).fetchone()
        if row is None:
            raise NotFoundError("thủ tục", code)
        cached = self._procedures.get(key)
        if cached is None or cached[0] != row[0]:  # the entry's text is read only when it changed
            (data,) = db.execute(PROCEDURE_DATA, (key,)).fetchone()
            cached = (row[0], Procedure.from_dict(json.loads(data)))
            self._procedures[key] = cached
        return cached[1]

    def _next_code(self, session: eventstore.Tx, now: datetime) -> str:
        day = self._today(now)
        key = day.isoformat()
        (counter,) = eventstore.raw(session).execute(NEXT_DAY_NUMBER, (key,)).fetchone()
        return make_code(
            str(self.ws.setting("unit_code")), day, int(self.ws.setting("node_slot", 0)), counter
        )

    def _append(
        self,
        session: eventstore.Tx,
        actor: User,
        code: str,
        event_type: EventType,
        data: dict[str, Any],
        now: datetime,
    ) -> Event:
        seq, prev, last_at = eventstore.chain_state(session, self.node)
        if last_at and now < datetime.fromisoformat(last_at):
            # The device clock went backwards since the last act: keep the act, record the doubt.
            data = {**data, "clock_behind": last_at}
        event = seal(
            node=self.node, seq=seq + 1, prev=prev, at=now, actor=actor.username,
            dossier=code, type=event_type, data=data,
        )  # fmt: skip
        eventstore.append(session, event, stored_at=now)
        return event

    @staticmethod
    def _project(
        session: eventstore.Tx, events: list[Event], now: datetime, *, new: bool = False
    ) -> DossierState:
        state = fold(events)
        assert state is not None
        eventstore.project(session, state, now=now, new=new)
        return state


def _check_level(level: str) -> None:
    if level not in SATISFACTION_LEVELS:
        raise ValidationError("satisfaction.level", field="satisfaction", value=level)
