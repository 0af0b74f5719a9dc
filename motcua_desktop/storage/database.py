"""Opening the local SQLite database: durability pragmas, explicit transactions, migrations.

SQLAlchemy loads with the first unit of work that needs it (``reading``, ``writing``): the
start-up's few reads (settings, users, catalog, calendar) go through ``snapshot``, a read
transaction on a bare ``sqlite3`` connection to the same file with the same pragmas, so the app's
first form shows without loading the ORM. Acts on hot paths write through ``writing_raw``, on a
bare connection too.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

DB_FILENAME = "motcua.sqlite3"
BUSY_TIMEOUT_MS = 5000


def configure(conn: sqlite3.Connection) -> None:
    """The pragmas of every connection to the node's database, from SQLAlchemy's pool or not."""
    # Take transaction control from the sqlite3 module: SQLAlchemy's "begin" hook below issues
    # BEGIN itself, so SAVEPOINTs and transactional DDL behave (pysqlite's legacy mode does not).
    conn.isolation_level = None
    cur = conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.close()


def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    configure(dbapi_conn)


def _on_begin(conn: Any) -> None:
    # Writers take the write lock at BEGIN (IMMEDIATE) so two writers never deadlock on upgrade.
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


@contextmanager
def immediate(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction on a bare connection: BEGIN IMMEDIATE, then COMMIT, or ROLLBACK on
    any exception."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def make_engine(path: Path | str) -> Engine:
    """An engine on one SQLite file with WAL, synchronous=FULL and foreign keys on."""
    from sqlalchemy import create_engine, event

    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


class Database:
    """The node's database: one engine (made on first use), a session factory for reads and one
    for writes, bare read-only connections for ``snapshot`` and one bare write connection for
    ``writing_raw``.

    ``hold_writes(gate)`` makes every write transaction call ``gate()`` first: the app opens its
    data before the whole-file check has finished (``services.startup``), and no act may write to
    a file that check could still find damaged. The gate blocks until the verdict and raises when
    the file is damaged; once it has returned it is dropped and writes go straight through.
    """

    def __init__(self, path: Path, engine: Engine | None = None) -> None:
        self.path = path
        self._engine = engine
        self._sessions: tuple[Any, Any] | None = None
        self._gate: Callable[[], None] | None = None
        self._engine_lock = threading.RLock()
        self._lock = threading.Lock()
        self._idle: list[sqlite3.Connection] = []  # snapshot connections not in use
        self._writer: sqlite3.Connection | None = None  # ``writing_raw``'s own connection
        self._write_lock = threading.Lock()

    def __repr__(self) -> str:
        return f"Database({str(self.path)!r})"

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, made (and SQLAlchemy loaded) on first use."""
        with self._engine_lock:
            if self._engine is None:
                self._engine = make_engine(self.path)
            return self._engine

    def _factories(self) -> tuple[Any, Any]:
        with self._engine_lock:
            if self._sessions is None:
                from sqlalchemy.orm import sessionmaker

                engine = self.engine
                self._sessions = (
                    sessionmaker(engine, expire_on_commit=False),
                    sessionmaker(
                        engine.execution_options(sqlite_begin="IMMEDIATE"), expire_on_commit=False
                    ),
                )
            return self._sessions

    def hold_writes(self, gate: Callable[[], None]) -> None:
        """Make every write wait for ``gate()`` (which raises to refuse it) until it passes once."""
        self._gate = gate

    def _pass_gate(self) -> None:
        gate = self._gate
        if gate is not None:
            gate()  # raises while the file is damaged: the gate stays, every write is refused
            self._gate = None

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only unit of work (WAL: never blocks the writer)."""
        read, _write = self._factories()
        with read() as session, session.begin():
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One transaction for one act: everything it writes commits together or not at all."""
        self._pass_gate()
        _read, write = self._factories()
        with write() as session, session.begin():
            yield session

    @contextmanager
    def writing_raw(self) -> Iterator[sqlite3.Connection]:
        """The same one-transaction unit of work on a bare driver connection (hot paths).

        The connection is this database's own, kept open between acts with the same pragmas
        (no pool checkout, no reset on return); one act at a time uses it. BEGIN IMMEDIATE and
        COMMIT are explicit, and any exception rolls everything back.
        """
        self._pass_gate()
        if not self._write_lock.acquire(timeout=BUSY_TIMEOUT_MS / 1000):
            raise sqlite3.OperationalError("database is locked")
        try:
            conn = self._writer
            if conn is None:
                conn = self._writer = self._connect()
            try:
                with immediate(conn):
                    yield conn
            except BaseException:
                if conn.in_transaction:  # a failed COMMIT (disk full, I/O error) left it open
                    self._writer = None
                    conn.close()  # rolls back; a fresh connection serves the next act
                raise
        finally:
            self._write_lock.release()

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """A read transaction on a bare ``sqlite3`` connection (no SQLAlchemy): one consistent
        view of the file, like ``reading``. The connection refuses writes (``query_only``)."""
        conn = self._checkout()
        reusable = False
        try:
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                conn.execute("ROLLBACK")  # nothing to keep: it only read
                reusable = True
        finally:
            if reusable:
                with self._lock:
                    self._idle.append(conn)
            else:
                conn.close()  # in an unknown state: never handed out again

    def _checkout(self) -> sqlite3.Connection:
        with self._lock:
            if self._idle:
                return self._idle.pop()
        conn = self._connect()
        try:
            conn.execute("PRAGMA query_only=ON")
        except BaseException:
            conn.close()
            raise
        return conn

    def _connect(self) -> sqlite3.Connection:
        """A bare connection to the file with the pragmas every connection has (any thread)."""
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        try:
            configure(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    def dispose(self) -> None:
        """Close the connections not in use: the engine's pool, the idle snapshot ones and the
        write connection (after the act using it, if any)."""
        with self._lock:
            idle, self._idle = self._idle, []
        with self._write_lock:
            writer, self._writer = self._writer, None
        engine = self._engine
        for conn in (*idle, *filter(None, [writer])):
            conn.close()
        if engine is not None:
            engine.dispose()
