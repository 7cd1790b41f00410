"""Alembic environment: migrates the database named in the config (set by bot.db.upgrade).

The migrations run in one transaction that first takes the migration lock (bot.db.take_migration_lock), so
replicas starting at once migrate one after the other: the later ones find the schema current and do nothing.
"""

from contextlib import nullcontext

from alembic import context

from bot.db import make_engine, take_migration_lock
from bot.models import Base

config = context.config
url = config.get_main_option("sqlalchemy.url") or "sqlite:///govbot.db"
connection = config.attributes.get("connection")


def run(conn) -> None:
    # One transaction of our own, on every database: on SQLite too (whose DDL Alembic would otherwise commit per
    # migration), so the version check and every migration happen under the lock.
    with nullcontext() if conn.in_transaction() else conn.begin():  # a caller's transaction is theirs
        take_migration_lock(conn)
        context.configure(connection=conn, target_metadata=Base.metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()


if connection is not None:
    run(connection)
else:
    engine = make_engine(url)
    with engine.connect() as conn:
        run(conn)
    engine.dispose()
