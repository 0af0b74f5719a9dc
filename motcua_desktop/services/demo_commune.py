"""The demo commune's identity and password: what ``motcua init --demo`` sets up, and how the app
tells that commune apart (the sign-in screen) without loading the demo builder."""

from __future__ import annotations

from .setup import CommuneInfo
from .workspace import Workspace

DEMO_PASSWORD = "motcua2026"
DEMO_COMMUNE = CommuneInfo(
    commune_name="Xã Hòa Phú",
    unit_code="000.12.34.H40",
    address="Thôn Trung Hòa, xã Hòa Phú, tỉnh Nghệ An",
    parent_agency="UBND TỈNH NGHỆ AN",
    centre_name="Trung tâm Phục vụ hành chính công xã Hòa Phú",
    place_name="Hòa Phú",
)


def is_demo(workspace: Workspace) -> bool:
    """Whether ``workspace`` holds the demo commune (its password may then be shown)."""
    return (
        workspace.setting("unit_code") == DEMO_COMMUNE.unit_code
        and workspace.setting("commune_name") == DEMO_COMMUNE.commune_name
    )
