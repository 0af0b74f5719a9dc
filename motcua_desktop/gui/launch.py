"""Start the counter app on this PC's data folder; without the screens, fall back to the CLI's status."""

from __future__ import annotations

import importlib.util
import sys


def ensure_workspace() -> None:
    """Without screens, a first start on a fresh PC opens the demo commune (no one to ask)."""
    from ..domain.errors import MotcuaError
    from ..services.demo import DEMO_PASSWORD, create_demo
    from ..services.workspace import default_data_dir, open_workspace

    data_dir = default_data_dir()
    try:
        open_workspace(data_dir).close()
    except MotcuaError as error:
        if error.code != "workspace.not_initialised":
            raise
        print(f"Lần chạy đầu: tạo xã mẫu tại {data_dir} (mật khẩu mẫu «{DEMO_PASSWORD}»)…")
        create_demo(data_dir)[0].close()


def launch() -> int:
    if importlib.util.find_spec("PySide6") is not None:
        # The app asks on a new PC: the commune's own details, or the demo commune in one click.
        from .app import run_app

        return int(run_app())
    return _status_without_screens()


def _status_without_screens() -> int:
    from ..domain.errors import MotcuaError
    from ..services.status import node_status, status_text
    from ..services.workspace import default_data_dir, open_workspace

    try:
        ensure_workspace()
    except MotcuaError as error:
        print(f"Lỗi: {error.message}", file=sys.stderr)
        return 5
    workspace = open_workspace(default_data_dir())
    try:
        print(status_text(node_status(workspace)))
    finally:
        workspace.close()
    print("Màn hình quầy cần PySide6; mọi thao tác dùng dòng lệnh «motcua» (xem README).")
    return 0
