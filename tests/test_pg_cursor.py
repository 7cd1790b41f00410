"""The PostgreSQL cursor that shares result descriptions (bot/pg_cursor.py) reads every result as psycopg would."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from bot.db import make_engine


@pytest.mark.postgres
def test_results_of_one_statement_text_with_other_columns_are_read_by_their_own_columns(postgres_url: str) -> None:
    engine = make_engine(postgres_url)
    try:
        with engine.connect() as connection:
            for value in (1, "a", None):  # one statement text, its column's type following the parameter's
                assert connection.execute(text("SELECT :v AS v"), {"v": value}).mappings().one() == {"v": value}
            assert connection.execute(text("SELECT 1 AS a, 'x' AS b")).mappings().one() == {"a": 1, "b": "x"}
            assert connection.execute(text("SELECT 'x' AS b, 1 AS a")).mappings().one() == {"b": "x", "a": 1}
            for _ in range(2):  # read again: the kept description is the same as psycopg's own
                result = connection.execute(text("SELECT now() AS at, 1.5::numeric(4,1) AS n"))
                assert list(result.keys()) == ["at", "n"]
                cursor = connection.connection.driver_connection.cursor()
                cursor.execute("SELECT now() AS at, 1.5::numeric(4,1) AS n")
                assert [tuple(c) for c in cursor.description] == [
                    tuple(c) for c in super(type(cursor), cursor).description]
                assert type(cursor).__name__ == "DescribedCursor"
                cursor.close()
            assert connection.execute(text("SELECT 1 WHERE false")).all() == []
            assert connection.execute(text("SELECT")).all() == [()]
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_a_rollback_undoes_the_transaction_and_keeps_the_statements_prepared_on_the_connection(
        postgres_schema_url: str) -> None:
    """Every read-only session ends in a rollback; psycopg's own forgot (and deallocated) every prepared statement,
    so a server parsed and planned most of a vote's statements anew (bot/pg_cursor.rollback_keeping_prepared)."""
    engine = make_engine(postgres_schema_url, pool_size=1, max_overflow=0)
    read = text("SELECT count(*) FROM kept")
    try:
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE kept (n integer)"))
        for _ in range(7):  # prepared at its sixth use; each use a transaction that ends in a rollback
            with engine.connect() as connection:
                assert connection.execute(read).scalar() == 0
        with engine.connect() as connection:
            connection.execute(text("INSERT INTO kept VALUES (1)"))
            connection.rollback()
            assert connection.execute(read).scalar() == 0  # rolled back all the same
            with pytest.raises(DBAPIError):
                connection.execute(text("SELECT 1/0"))
            connection.rollback()  # out of a failed transaction too
            assert connection.execute(read).scalar() == 0
            prepared = connection.execute(text("SELECT statement FROM pg_prepared_statements")).scalars().all()
            assert "SELECT count(*) FROM kept" in prepared, prepared
    finally:
        engine.dispose()
