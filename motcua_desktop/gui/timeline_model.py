"""The dossier's timeline (the control slip) as a table model over plain rows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from ..domain.dossier import ReviewFlag
from ..domain.events import Event, EventType, parse_time
from ..services.dossiers import SATISFACTION_LABELS_VI
from .records_common import time_text

_CONTEXT = "TimelineModel"
EVENT_LABELS = {
    EventType.RECEIVED: QT_TRANSLATE_NOOP("TimelineModel", "Received"),
    EventType.HANDED_OVER: QT_TRANSLATE_NOOP("TimelineModel", "Handed over"),
    EventType.SUPPLEMENT_REQUESTED: QT_TRANSLATE_NOOP("TimelineModel", "Supplements requested"),
    EventType.SUPPLEMENT_RECEIVED: QT_TRANSLATE_NOOP("TimelineModel", "Supplements received"),
    EventType.REFUSED: QT_TRANSLATE_NOOP("TimelineModel", "Refused"),
    EventType.RESULT_READY: QT_TRANSLATE_NOOP("TimelineModel", "Result ready"),
    EventType.RETURNED: QT_TRANSLATE_NOOP("TimelineModel", "Result returned"),
    EventType.APOLOGY_ISSUED: QT_TRANSLATE_NOOP("TimelineModel", "Apology, new appointment"),
    EventType.WITHDRAWN: QT_TRANSLATE_NOOP("TimelineModel", "Withdrawn"),
    EventType.STOPPED: QT_TRANSLATE_NOOP("TimelineModel", "Processing stopped"),
    EventType.SATISFACTION_RECORDED: QT_TRANSLATE_NOOP("TimelineModel", "Satisfaction recorded"),
}
HEADERS = (
    QT_TRANSLATE_NOOP("TimelineModel", "Time"),
    QT_TRANSLATE_NOOP("TimelineModel", "Act"),
    QT_TRANSLATE_NOOP("TimelineModel", "By"),
    QT_TRANSLATE_NOOP("TimelineModel", "Details"),
)
RETURN_METHODS = {
    "counter": QT_TRANSLATE_NOOP("TimelineModel", "at the counter"),
    "postal": QT_TRANSLATE_NOOP("TimelineModel", "by post"),
    "online": QT_TRANSLATE_NOOP("TimelineModel", "online"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """One line of the control slip."""

    at: datetime
    act: str
    actor: str
    details: str
    needs_review: bool = False


def _when(value: Any, tz: tzinfo) -> str:
    if not value:
        return ""
    return time_text(parse_time(value, name="time").astimezone(tz))


def details(event: Event, names: Mapping[str, str], tz: tzinfo) -> str:
    """What an event says, in one or two lines."""
    d = event.data
    kind = event.type
    if kind is EventType.RECEIVED:
        return QCoreApplication.translate(
            "TimelineModel", "{procedure}; appointment {time}"
        ).format(procedure=d.get("procedure_name", ""), time=_when(d.get("appointment"), tz))
    if kind is EventType.HANDED_OVER:
        text = QCoreApplication.translate("TimelineModel", "To {person} ({unit})").format(
            person=names.get(d.get("to_user", ""), d.get("to_user", "")), unit=d.get("to_unit", "")
        )
        if d.get("step_due"):
            text += QCoreApplication.translate("TimelineModel", "; step due {time}").format(
                time=_when(d.get("step_due"), tz)
            )
        return _with_note(text, d)
    if kind is EventType.SUPPLEMENT_REQUESTED:
        items = "; ".join(str(i.get("name", "")) for i in d.get("items", ()))
        return QCoreApplication.translate("TimelineModel", "{items}. Reason: {reason}").format(
            items=items, reason=d.get("reason", "")
        )
    if kind is EventType.SUPPLEMENT_RECEIVED:
        text = QCoreApplication.translate("TimelineModel", "New appointment {time}").format(
            time=_when(d.get("appointment"), tz)
        )
        return _with_note(text, d)
    if kind is EventType.RESULT_READY:
        text = (
            QCoreApplication.translate("TimelineModel", "Digitised")
            if d.get("digitised")
            else QCoreApplication.translate("TimelineModel", "Not digitised")
        )
        return _with_note(text, d)
    if kind is EventType.RETURNED:
        method = RETURN_METHODS.get(str(d.get("method", "")), str(d.get("method", "")))
        return QCoreApplication.translate("TimelineModel", "To {person}, {method}").format(
            person=d.get("to_whom", ""), method=_tr(method)
        )
    if kind is EventType.APOLOGY_ISSUED:
        return QCoreApplication.translate(
            "TimelineModel", "New appointment {time}; unit {unit}. Reason: {reason}"
        ).format(
            time=_when(d.get("new_appointment"), tz),
            unit=d.get("responsible_unit", ""),
            reason=d.get("reason", ""),
        )
    if kind is EventType.SATISFACTION_RECORDED:
        level = str(d.get("level", ""))
        return SATISFACTION_LABELS_VI.get(level, level)
    return str(d.get("reason", ""))


def _with_note(text: str, data: Mapping[str, Any]) -> str:
    note = str(data.get("note", "") or "")
    return f"{text}. {note}" if note else text


def timeline_rows(
    events: Sequence[Event],
    names: Mapping[str, str],
    tz: tzinfo,
    review: Sequence[ReviewFlag] = (),
) -> list[TimelineRow]:
    """The events in the fold's order, each flagged when the fold set it aside for review."""
    flagged = {flag.event_id for flag in review}
    return [
        TimelineRow(
            at=event.at.astimezone(tz),
            act=_tr(EVENT_LABELS[event.type]),
            actor=names.get(event.actor, event.actor),
            details=details(event, names, tz),
            needs_review=event.id in flagged,
        )
        for event in sorted(events, key=lambda e: e.order_key)
    ]


class TimelineModel(QAbstractTableModel):
    """Read-only: time, act, who, details."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TimelineRow] = []

    def set_rows(self, rows: Sequence[TimelineRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> TimelineRow:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return _tr(HEADERS[section])
        return None

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == 0:
                return time_text(row.at)
            if column == 1:
                if row.needs_review:
                    return QCoreApplication.translate(
                        "TimelineModel", "{act} (needs review)"
                    ).format(act=row.act)
                return row.act
            if column == 2:
                return row.actor
            if column == 3:
                return row.details
        return None
