"""Unsaved forms kept on disk, so what the clerk typed survives a crash or a power cut."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..domain.errors import ValidationError, register_messages
from .files import write_atomic
from .workspace import Workspace

register_messages({"draft.name": "Tên bản nháp «{value}» không hợp lệ."})

_NAME = re.compile(r"^[a-z0-9_-]{1,40}$")
DRAFTS_FOLDER = "drafts"
INTAKE_DRAFT = "intake"  # the intake form's draft


class DraftStore:
    """One JSON file per form under ``<data folder>/drafts``; each save replaces it atomically."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def for_workspace(cls, workspace: Workspace, username: str = "") -> DraftStore:
        """Each user has their own drafts: a colleague at the same PC never sees them."""
        folder = workspace.data_dir / DRAFTS_FOLDER
        return cls(folder / username if username else folder)

    def _path(self, name: str) -> Path:
        if not _NAME.match(name):
            raise ValidationError("draft.name", field="draft", value=name)
        return self.folder / f"{name}.json"

    def save(self, name: str, content: dict[str, Any]) -> Path:
        """Replace the draft ``name``; a crash mid-write leaves the previous draft intact."""
        data = json.dumps(content, ensure_ascii=False, sort_keys=True, indent=1)
        return write_atomic(self._path(name), data.encode("utf-8"))

    def load(self, name: str) -> dict[str, Any] | None:
        """The saved draft, or None when there is none or it cannot be read back."""
        path = self._path(name)
        try:
            value = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return value if isinstance(value, dict) else None

    def clear(self, name: str) -> None:
        self._path(name).unlink(missing_ok=True)
