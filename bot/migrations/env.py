"""Alembic environment: migrates the database named in the config (set by bot.db.upgrade)."""

from alembic import context

from bot.db import make_engine
from bot.models import Base

config = context.config
url = config.get_main_option("sqlalchemy.url") or "sqlite:///govbot.db"
connection = config.attributes.get("connection")

if connection is not None:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    engine = make_engine(url)
    with engine.connect() as conn:
        context.configure(connection=conn, target_metadata=Base.metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()
