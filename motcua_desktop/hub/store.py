"""The hub's database: engines for PostgreSQL or SQLite, migrations, and the admin's acts."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import platformdirs
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, func, insert, select, update
from sqlalchemy.engine import Connection

from ..domain.codes import validate_unit_code
from ..domain.events import GENESIS_HASH
from ..domain.sync_wire import code_digest, new_secret
from .errors import HubError
from .schema import communes, downward, enroll_codes, nodes

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "db" / "hub"
DOWNWARD_KINDS = ("catalog", "calendar", "users")


def default_url() -> str:
    """The embedded demo database: one SQLite file in the user's data folder."""
    folder = Path(platformdirs.user_data_dir("motcua-hub", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'hub.sqlite3'}"


def normalise_url(url: str) -> str:
    """Accept plain ``postgresql://`` URLs; the hub speaks to PostgreSQL through psycopg 3."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def _sqlite_begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str | None = None) -> Engine:
    """An engine on the hub database (``None``: the embedded SQLite default)."""
    url = normalise_url(url or default_url())
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    # Per serving process; the threads beyond it wait their turn (PostgreSQL allows ~100 in all).
    return create_engine(url, pool_size=8, max_overflow=12, pool_timeout=120)


def migrate(engine: Engine) -> None:
    """Bring the hub schema to the newest revision (db/hub)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


def now_utc() -> datetime:
    return datetime.now(UTC)


def ensure_commune(conn: Connection, unit_code: str, name: str = "") -> str:
    code = validate_unit_code(unit_code)
    found = conn.execute(select(communes.c.unit_code).where(communes.c.unit_code == code)).first()
    if found is None:
        conn.execute(insert(communes).values(unit_code=code, name=name, created_at=now_utc()))
    elif name:
        conn.execute(update(communes).where(communes.c.unit_code == code).values(name=name))
    return code


def issue_enroll_code(
    engine: Engine, commune: str, *, name: str = "", valid_hours: int = 72
) -> tuple[str, datetime]:
    """A one-time enrolment code for one PC of the commune; only its digest is stored."""
    code = new_secret()[:20]
    expires = now_utc() + timedelta(hours=valid_hours)
    with engine.begin() as conn:
        unit = ensure_commune(conn, commune, name)
        conn.execute(
            insert(enroll_codes).values(
                digest=code_digest(code), commune=unit, expires_at=expires, created_at=now_utc()
            )
        )
    return code, expires


def enroll(
    engine: Engine, *, code: str, node: str, slot: int, unit_code: str, label: str = ""
) -> tuple[str, str, str]:
    """Use a one-time code: register the node, return (commune, commune name, node key)."""
    now = now_utc()
    with engine.begin() as conn:
        row = conn.execute(
            select(enroll_codes.c.commune, enroll_codes.c.expires_at, enroll_codes.c.used_by)
            .where(enroll_codes.c.digest == code_digest(code))
            .with_for_update()
        ).first()
        if row is None or row.used_by is not None or _aware(row.expires_at) < now:
            raise HubError(403, "enroll.code")
        if unit_code != row.commune:
            raise HubError(403, "enroll.unit", unit=unit_code, expected=row.commune)
        known = conn.execute(
            select(nodes.c.counter).where(nodes.c.id == node).with_for_update()
        ).first()
        key = new_secret()
        values = {"commune": row.commune, "slot": slot, "label": label, "key": key}
        if known is None:
            conn.execute(
                insert(nodes).values(id=node, last_hash=GENESIS_HASH, enrolled_at=now, **values)
            )
        elif known.counter == 0:
            # Enrolled, but the reply never reached the PC (it never signed a request): a new
            # code gives it a new key.
            conn.execute(update(nodes).where(nodes.c.id == node).values(enrolled_at=now, **values))
        else:
            raise HubError(409, "enroll.exists", node=node)
        conn.execute(
            update(enroll_codes)
            .where(enroll_codes.c.digest == code_digest(code))
            .values(used_by=node)
        )
        name = conn.execute(
            select(communes.c.name).where(communes.c.unit_code == row.commune)
        ).scalar_one()
    return row.commune, name, key


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def publish(engine: Engine, commune: str, kind: str, payload: Any) -> int:
    """Publish a new version of downward data (catalog, calendar or users) for a commune."""
    if kind not in DOWNWARD_KINDS:
        raise ValueError(kind)
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    with engine.begin() as conn:
        unit = ensure_commune(conn, commune)
        last = conn.execute(
            select(func.max(downward.c.version)).where(
                downward.c.commune == unit, downward.c.kind == kind
            )
        ).scalar()
        version = int(last or 0) + 1
        conn.execute(
            insert(downward).values(
                commune=unit, kind=kind, version=version, payload=text, published_at=now_utc()
            )
        )
    return version
