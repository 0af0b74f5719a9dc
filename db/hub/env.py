"""Alembic environment of the hub's database (PostgreSQL, or SQLite for a demo)."""

from alembic import context

from motcua_desktop.hub.schema import metadata

target_metadata = metadata


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("hub migrations run through motcua_desktop.hub.store.migrate")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
