"""Start the counter app on this PC's data folder, creating the demo commune on first run."""

from __future__ import annotations

import importlib.util
import sys

from ..domain.errors import MotcuaError
from ..services.demo import DEMO_PASSWORD, create_demo
from ..services.status import node_status, status_text
from ..services.workspace import default_data_dir, open_workspace


def ensure_workspace() -> None:
    """A first start on a fresh PC opens the demo commune, so a newcomer sees a living counter."""
    data_dir = default_data_dir()
    try:
        open_workspace(data_dir).close()
    except MotcuaError as error:
        if error.code != "workspace.not_initialised":
            raise
        print(f"Lần chạy đầu: tạo xã mẫu tại {data_dir} (mật khẩu mẫu «{DEMO_PASSWORD}»)…")
        create_demo(data_dir)[0].close()


def launch() -> int:
    try:
        ensure_workspace()
    except MotcuaError as error:
        print(f"Lỗi: {error.message}", file=sys.stderr)
        return 5
    if importlib.util.find_spec("motcua_desktop.gui.app") is None:
        # The counter screens are not part of this build yet: the command line does every act.
        workspace = open_workspace(default_data_dir())
        try:
            print(status_text(node_status(workspace)))
        finally:
            workspace.close()
        print(
            "Màn hình quầy chưa có trong bản này; mọi thao tác dùng dòng lệnh «motcua» (xem README)."
        )
        return 0
    from .app import run_app  # type: ignore[import-not-found]

    return int(run_app())
