"""A node's vital signs: who it is, how much it holds, how much waits to sync."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from ..storage.eventstore import waiting_count
from ..storage.schema import DossierRecord, EventRecord, ProcedureRecord
from .workspace import Workspace

IDENTITY_KEYS = ("commune_name", "unit_code", "node_id", "node_slot", "centre_name")
STATUS_LABELS_VI = {
    "data_dir": "Thư mục dữ liệu",
    "commune_name": "Xã/phường",
    "unit_code": "Mã đơn vị",
    "node_id": "Mã máy",
    "node_slot": "Số hiệu máy",
    "centre_name": "Trung tâm",
    "dossiers": "Số hồ sơ",
    "events": "Số sự kiện",
    "procedures": "Số thủ tục",
    "events_waiting_sync": "Sự kiện chờ đồng bộ",
}


def node_status(workspace: Workspace) -> dict[str, Any]:
    def count(table: Any) -> int:
        return int(session.execute(select(func.count()).select_from(table)).scalar_one())

    with workspace.db.reading() as session:
        counts = {
            "dossiers": count(DossierRecord),
            "events": count(EventRecord),
            "procedures": count(ProcedureRecord),
            "events_waiting_sync": waiting_count(session, str(workspace.setting("node_id"))),
        }
    identity = {k: workspace.setting(k) for k in IDENTITY_KEYS}
    return {"data_dir": str(workspace.data_dir), **identity, **counts}


def status_text(status: dict[str, Any]) -> str:
    return "\n".join(f"{STATUS_LABELS_VI.get(k, k)}: {v}" for k, v in status.items())
