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
            prepared = connection.execute(text("SELECT statement FROM pg_prepared_statements")).scalars().all()
            assert "SELECT count(*) FROM kept" in prepared, prepared
            with pytest.raises(DBAPIError):
                connection.execute(text("SELECT 1/0"))
            connection.rollback()  # out of a failed transaction too (as psycopg does, forgetting what it prepared)
            assert connection.execute(read).scalar() == 0
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_a_chain_lock_timing_out_as_its_statements_are_prepared_leaves_the_pooled_connection_usable(
        postgres_schema_url: str) -> None:
    """An append to an audit chain sends the chain's lock and the head's read in one pipeline
    (bot/pg_chain.locked_head), and psycopg prepares both at their sixth use. When the lock timed out that time (or
    deadlocked), the read was never prepared though psycopg counted it prepared, and a rollback that kept psycopg's
    list of prepared statements left that connection failing every append after it, 'prepared statement _pg3_1
    does not exist': the pool's first connection, so every command a member typed."""
    from bot.pg_chain import locked_head

    engine = make_engine(postgres_schema_url, pool_size=1, max_overflow=0)
    other = make_engine(postgres_schema_url)
    try:
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE audit_events (group_id integer, hash text, seq integer)"))
            connection.execute(text("INSERT INTO audit_events VALUES (1, 'h', 1)"))
        for use in range(1, 9):
            with other.connect() as holder:
                if use == 6:  # another replica holds the chain's lock at the use that prepares the statements
                    holder.execute(text("SELECT pg_advisory_xact_lock(4242, 7)"))
                try:
                    with engine.begin() as connection:
                        connection.execute(text("SET LOCAL lock_timeout = '100ms'"))
                        assert locked_head(connection, 7, 1) == ("h", 1)
                except DBAPIError as error:
                    assert use == 6 and "lock timeout" in str(error), (use, error)
                holder.rollback()
        with engine.connect() as connection:  # the same pooled connection, and its statements prepared again
            assert locked_head(connection, 7, 1) == ("h", 1)
    finally:
        engine.dispose()
        other.dispose()
