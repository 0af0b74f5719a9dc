"""Open-time probe, run in a fresh interpreter: raw connect + SELECT, then open_workspace + search.

``python -m bench.open_probe DATA_DIR DOSSIER_ID QUERY app-first|floor-first`` prints one JSON line
with the seconds each took and how long the application's imports took before them.
"""

import time

_STARTED = time.perf_counter()

import json  # noqa: E402
import sqlite3  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from motcua_desktop.services.lookup import search  # noqa: E402
from motcua_desktop.services.workspace import open_workspace  # noqa: E402
from motcua_desktop.storage.database import DB_FILENAME  # noqa: E402

IMPORTS_S = time.perf_counter() - _STARTED


def floor(db_path: Path, dossier_id: int) -> float:
    """The raw operation: connect with the sqlite3 module and read one row by primary key."""
    started = time.perf_counter()
    conn = sqlite3.connect(db_path)
    row = conn.execute("SELECT * FROM dossiers WHERE id = ?", (dossier_id,)).fetchone()
    elapsed = time.perf_counter() - started
    conn.close()
    assert row is not None
    return elapsed


def app(data_dir: Path, query: str) -> float:
    """The application ready for work: workspace opened (migration check, settings), one search."""
    started = time.perf_counter()
    ws = open_workspace(data_dir)
    found = search(ws, query)
    elapsed = time.perf_counter() - started
    ws.close()
    assert found, f"the first search found nothing for {query!r}"
    return elapsed


def main(argv: list[str]) -> None:
    data_dir, dossier_id, query, order = Path(argv[1]), int(argv[2]), argv[3], argv[4]
    result: dict[str, float] = {"imports_s": IMPORTS_S}
    steps = ["floor", "app"] if order == "floor-first" else ["app", "floor"]
    for step in steps:
        if step == "floor":
            result["floor_s"] = floor(data_dir / DB_FILENAME, dossier_id)
        else:
            result["app_s"] = app(data_dir, query)
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv)
