"""Setting up a new counter PC: its database, the commune's settings, the first administrator."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from ..domain.codes import validate_slot, validate_unit_code
from ..domain.errors import MotcuaError
from ..domain.text import clean_text
from .settings import DEFAULTS, write_settings
from .users import User, create_user
from .workspace import Clock, Workspace, default_data_dir, open_workspace


@dataclass(frozen=True)
class CommuneInfo:
    """What identifies the commune on every document and dossier code."""

    commune_name: str
    unit_code: str
    address: str = ""
    parent_agency: str = ""
    centre_name: str = ""
    place_name: str = ""

    def settings(self) -> dict[str, str]:
        name = clean_text(self.commune_name, field="commune_name", max_len=200)
        return {
            "commune_name": name,
            "unit_code": validate_unit_code(self.unit_code),
            "address": clean_text(self.address, field="address", max_len=300, required=False),
            "parent_agency": clean_text(
                self.parent_agency, field="parent_agency", max_len=200, required=False
            )
            or f"UBND {name}",
            "centre_name": clean_text(
                self.centre_name, field="centre_name", max_len=200, required=False
            )
            or f"Trung tâm Phục vụ hành chính công {name}",
            "place_name": clean_text(
                self.place_name, field="place_name", max_len=100, required=False
            )
            or name,
        }


def initialise(
    data_dir: Path | None,
    commune: CommuneInfo,
    *,
    admin_password: str,
    admin_username: str = "admin",
    admin_full_name: str = "Quản trị hệ thống",
    node_slot: int = 0,
    clock: Clock | None = None,
) -> tuple[Workspace, User]:
    """Create the database and settings of a new node; refuses a folder already initialised."""
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    settings = commune.settings()  # validate before touching the disk
    validate_slot(node_slot)
    workspace = open_workspace(data_dir, clock=clock, must_exist=False)
    if workspace.initialised:
        workspace.close()
        raise MotcuaError("workspace.exists", path=str(data_dir))
    admin = create_user(
        workspace, None, username=admin_username, full_name=admin_full_name, role="admin",
        password=admin_password, unit="Văn phòng",
    )  # fmt: skip
    write_settings(
        workspace,
        {**DEFAULTS, **settings, "node_id": str(uuid.uuid4()), "node_slot": node_slot},
    )
    return workspace, admin
