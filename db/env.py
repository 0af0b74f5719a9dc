"""Alembic environment: migrates the local SQLite database (the connection is passed in)."""

from alembic import context

from motcua_desktop.storage.schema import Base

target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("migrations run through motcua_desktop.storage.migrations")
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
