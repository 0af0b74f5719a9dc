"""The SQLite store: durability settings, an append-only log, migrations that back up first."""

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from motcua_desktop.domain.errors import MotcuaError
from motcua_desktop.storage import eventstore
from motcua_desktop.storage.database import DB_FILENAME, Database, make_engine
from motcua_desktop.storage.migrations import current_revision, head_revision, upgrade
from motcua_desktop.storage.schema import SEARCH_BATCH


@pytest.fixture
def db(tmp_path: Path) -> Database:
    path = tmp_path / DB_FILENAME
    engine = make_engine(path)
    upgrade(engine, path, tmp_path / "backups")
    database = Database(path, engine)
    yield database
    database.dispose()


def test_wal_full_sync_and_foreign_keys(db: Database):
    with db.reading() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_events_cannot_be_rewritten_or_deleted(db: Database):
    with db.writing() as session:
        session.execute(text(
            "INSERT INTO events (id, node, seq, at, at_utc, actor, dossier, type, data, prev, hash, v, stored_at) "
            "VALUES ('e1', 'n', 1, 'x', 'x', 'a', 'D', 'received', '{}', 'p', 'h', 1, 'x')"
        ))  # fmt: skip
    for statement in ("UPDATE events SET actor = 'mallory'", "DELETE FROM events"):
        with pytest.raises(Exception, match="immutable"), db.writing() as session:
            session.execute(text(statement))
    with db.reading() as session:
        assert session.execute(text("SELECT actor FROM events")).scalar() == "a"


def test_a_failed_act_writes_nothing(db: Database):
    with pytest.raises(RuntimeError), db.writing() as session:
        session.execute(text("INSERT INTO day_counters (day, last) VALUES ('2026-01-01', 1)"))
        raise RuntimeError("power cut in the middle of the act")
    with db.reading() as session:
        assert session.execute(text("SELECT count(*) FROM day_counters")).scalar() == 0


_DOSSIER_ROW = (
    "INSERT INTO dossiers (code, status, procedure_code, procedure_name, field, channel, applicant_name, "
    "name_folded, id_number, phone, holder_user, holder_unit, needs_review, updated_at, state) VALUES "
    "(:code, 'processing', 'p', 'p', 'f', 'direct', :name, :folded, '', '', '', '', 0, 'x', '{}')"
)
_MATCH = "SELECT count(*) FROM dossier_search WHERE dossier_search MATCH :q"


def _add_dossiers(db: Database, names: list[str], start: int = 1) -> None:
    with db.writing() as session:
        for n, folded in enumerate(names, start=start):
            session.execute(
                text(_DOSSIER_ROW), {"code": f"A-260101-{n:04d}", "name": folded, "folded": folded}
            )


def _audit_search(db: Database) -> None:
    """FTS5's own check of the index, then against the table once the tail is indexed too."""
    with db.writing() as session:
        session.execute(
            text("INSERT INTO dossier_search(dossier_search) VALUES ('integrity-check')")
        )
        eventstore.index_search_tail(session)
        session.execute(
            text("INSERT INTO dossier_search(dossier_search, rank) VALUES ('integrity-check', 1)")
        )


def test_new_dossiers_join_the_search_index_a_batch_at_a_time(db: Database):
    _add_dossiers(db, ["do thi lan"])
    with db.reading() as session:
        assert session.execute(text(_MATCH), {"q": '"lan"'}).scalar() == 0  # in the tail
        assert eventstore.search_tail(session, ["thi", "la"]) == [1]
        assert eventstore.search_tail(session, ["th", "lan"]) == []  # earlier words are whole
    _add_dossiers(db, [f"nguyen van {n}" for n in range(2, SEARCH_BATCH)], start=2)
    with db.reading() as session:
        assert session.execute(text(_MATCH), {"q": '"lan"'}).scalar() == 0
        assert len(eventstore.search_tail(session, ["nguyen", "v"])) == SEARCH_BATCH - 2
    _add_dossiers(db, ["tran van lan"], start=SEARCH_BATCH)  # the batch is full: all indexed
    with db.reading() as session:
        assert session.execute(text(_MATCH), {"q": '"lan"'}).scalar() == 2
        assert session.execute(text(_MATCH), {"q": '"nguyen"'}).scalar() == SEARCH_BATCH - 2
        assert eventstore.search_tail(session, ["nguyen"]) == []
        mark = session.execute(text("SELECT upto FROM dossier_search_mark")).scalar()
        assert mark == SEARCH_BATCH
    _audit_search(db)


def test_the_search_index_follows_renames_and_deletes_in_and_out_of_the_tail(db: Database):
    _add_dossiers(db, [f"le van {n}" for n in range(1, SEARCH_BATCH + 1)])  # indexed
    _add_dossiers(db, ["do thi lan"], start=SEARCH_BATCH + 1)  # in the tail
    with db.writing() as session:
        for code, folded in (
            ("A-260101-0001", "do thi lanh"),
            (f"A-260101-{SEARCH_BATCH + 1:04d}", "do thi hoa"),
        ):
            session.execute(
                text("UPDATE dossiers SET name_folded = :f WHERE code = :c"),
                {"f": folded, "c": code},
            )
        session.execute(text("DELETE FROM dossiers WHERE code = 'A-260101-0002'"))
    with db.reading() as session:
        assert session.execute(text(_MATCH), {"q": '"lanh"'}).scalar() == 1
        assert session.execute(text(_MATCH), {"q": '"le"'}).scalar() == SEARCH_BATCH - 2
        assert eventstore.search_tail(session, ["hoa"]) == [SEARCH_BATCH + 1]
        assert eventstore.search_tail(session, ["lan"]) == []
    _audit_search(db)
    with db.reading() as session:
        assert session.execute(text(_MATCH), {"q": '"hoa"'}).scalar() == 1


def test_the_search_index_follows_changes_of_id_numbers_and_phones(db: Database):
    _add_dossiers(db, [f"le van {n}" for n in range(1, SEARCH_BATCH + 1)])  # indexed
    with db.writing() as session:
        session.execute(
            text(
                "UPDATE dossiers SET id_number = '001090000001', phone = '0912000001' WHERE id = 1"
            )
        )
        session.execute(text("UPDATE dossiers SET phone = '0912000002' WHERE id = 2"))
    with db.reading() as session:
        count = session.execute(text(_MATCH), {"q": 'id_number : "001090000001"'}).scalar()
        assert count == 1
        assert session.execute(text(_MATCH), {"q": 'phone : "0912"*'}).scalar() == 2
        assert session.execute(text(_MATCH), {"q": 'name_folded : "0912"*'}).scalar() == 0
    with db.writing() as session:
        session.execute(text("UPDATE dossiers SET phone = '' WHERE id = 2"))
    with db.reading() as session:
        assert session.execute(text(_MATCH), {"q": 'phone : "0912"*'}).scalar() == 1
    _audit_search(db)


def test_migration_backs_up_an_existing_database_first(tmp_path: Path):
    path = tmp_path / DB_FILENAME
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
    raw.execute("CREATE TABLE keepme (x)")
    raw.execute("INSERT INTO keepme VALUES (42)")
    raw.commit()
    raw.close()
    engine = make_engine(path)
    backup = upgrade(engine, path, tmp_path / "backups")
    assert current_revision(engine) == head_revision()
    engine.dispose()
    assert backup is not None and backup.parent == tmp_path / "backups"
    copy = sqlite3.connect(backup)
    assert copy.execute("SELECT x FROM keepme").fetchall() == [(42,)]
    assert copy.execute("SELECT count(*) FROM sqlite_master WHERE name = 'events'").fetchone() == (
        0,
    )
    copy.close()


def test_a_new_database_needs_no_backup(tmp_path: Path):
    path = tmp_path / DB_FILENAME
    engine = make_engine(path)
    assert upgrade(engine, path, tmp_path / "backups") is None
    assert upgrade(engine, path, tmp_path / "backups") is None  # already at head: nothing to do
    engine.dispose()
    assert not (tmp_path / "backups").exists()


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path: Path):
    path = tmp_path / DB_FILENAME
    engine = make_engine(path)
    upgrade(engine, path, tmp_path / "backups")
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(MotcuaError) as err:
        upgrade(engine, path, tmp_path / "backups")
    assert err.value.code == "db.newer"
    assert "mới hơn" in err.value.message
    engine.dispose()
    assert current_revision(make_engine(path)) == "9999_future"
    assert not (tmp_path / "backups").exists()  # refused before any copy or change


def test_upgrade_from_0001_keeps_dossiers_and_rebuilds_search(tmp_path: Path):
    from alembic import command

    from motcua_desktop.storage.migrations import alembic_config

    path = tmp_path / DB_FILENAME
    engine = make_engine(path)
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO dossiers (code, status, procedure_code, procedure_name, field, channel, "
                "applicant_name, name_folded, id_number, phone, holder_user, holder_unit, needs_review, "
                "updated_at, state) VALUES ('A-260101-0001', 'processing', 'p', 'p', 'f', 'direct', "
                "'Trần Thị Hạnh', 'tran thi hanh', '', '', '', '', 0, 'x', '{}')"
            )
        )
    backup = upgrade(engine, path, tmp_path / "backups")
    assert backup is not None and backup.exists()
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        hits = conn.execute(
            text("SELECT rowid FROM dossier_search WHERE dossier_search MATCH :q"),
            {"q": '"tran" "h"*'},
        ).all()
        assert len(hits) == 1
        conn.execute(text("INSERT INTO dossier_search(dossier_search) VALUES ('integrity-check')"))
    engine.dispose()
