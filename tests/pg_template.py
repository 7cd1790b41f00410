"""A fresh PostgreSQL schema brought to the newest migration by copying one migrated once a run, for tests
that need the schema and are not about migrating (tests/conftest.py `migrated`).

Alembic's upgrade of an empty schema costs ~0.25 s of the test process's CPU and more of the server's, at every
test. Here it runs once a run on each server (once a process without xdist), into a schema of its own; `pg_dump`
writes that schema out (tables, indexes, sequences, functions, triggers and the rows the migrations left,
alembic_version among them) as SQL, which each test's schema then runs with its name in place of the template's. Where `pg_dump` is missing, or its version is
not the server's, the schema is migrated as `govbot db upgrade` does.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import uuid

from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.db import make_engine, upgrade
from tests import loaded

TEMPLATE = "govbot_template"
SCRIPTS: dict[str, str | None] = {}  # a database's URL without its options -> the SQL that makes the migrated schema
NAME = f"{TEMPLATE}_{uuid.uuid4().hex[:12]}"  # this process's template schema, unique on the server
PLACEHOLDER = f"{TEMPLATE}_placeholder"  # the schema's name in a script shared by the run's processes


def schema_of(url: str) -> str | None:
    """The schema `url`'s connections work in (`postgres_schema_url` names it in the search_path option)."""
    options = make_url(url).query.get("options", "")
    found = re.search(r"search_path(?:%3D|=)(\w+)", options if isinstance(options, str) else " ".join(options))
    return found[1] if found else None


def copy_migrated(url: str) -> bool:
    """Make the empty schema of `url` a copy of one this process migrated; False (nothing done) where that cannot
    be: no schema named, a schema not empty, no `pg_dump` of the server's version."""
    schema = schema_of(url)
    if schema is None or shutil.which("pg_dump") is None:
        return False
    script = template(url)
    if script is None:
        return False
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            if connection.execute(text("SELECT count(*) FROM pg_class WHERE relnamespace = "
                                       "to_regnamespace(:schema)"), {"schema": schema}).scalar_one():
                return False
            connection.exec_driver_sql(script.replace(NAME, schema))  # one round trip, in one transaction
    finally:
        engine.dispose()  # and with it the connection whose search_path the script emptied
    return True


def template(url: str) -> str | None:
    """The SQL making the migrated schema in the database of `url`, with this process's NAME as the schema's: made
    at the first call, once a run on each server when xdist's workers share a folder (tests/loaded.py)."""
    base = make_url(url)
    database = base.set(query={}).render_as_string(hide_password=False)
    if database in SCRIPTS:
        return SCRIPTS[database]
    server = f"{base.username}@{base.host}:{base.port}"  # any database of it: the script names none
    name = f"pg-migrated-{hashlib.sha256(server.encode()).hexdigest()[:16]}.sql"
    shared = loaded.shared_file(name, lambda path: path.write_text(dump(database) or "", encoding="utf-8"))
    script = shared.read_text(encoding="utf-8") if shared is not None else dump(database)
    SCRIPTS[database] = script.replace(PLACEHOLDER, NAME) if script else None
    return SCRIPTS[database]


def dump(database: str) -> str | None:
    """The SQL making a migrated schema named PLACEHOLDER, from one migrated (and dropped) here in `database`;
    None without a `pg_dump` of the server's version."""
    base = make_url(database)
    name = NAME
    admin = make_engine(database)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{name}"'))
        upgrade(database + ("&" if "?" in database else "?") + f"options=-csearch_path%3D{name}")
        libpq = base.set(drivername="postgresql", query={}).render_as_string(hide_password=False)
        dumped = subprocess.run(["pg_dump", "--schema", name, "--no-owner", "--no-privileges", "--inserts",
                                 "--dbname", libpq], capture_output=True, text=True, check=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
        admin.dispose()
    if dumped.returncode != 0:
        return None
    # Not its psql commands (\restrict) nor its CREATE SCHEMA (the test's exists). Every name in it is qualified
    # with the schema's, which is what each copy replaces.
    lines = [line for line in dumped.stdout.splitlines() if not line.startswith("\\")
             and not line.startswith(f"CREATE SCHEMA {name};")]
    return "\n".join(lines).replace(name, PLACEHOLDER)
