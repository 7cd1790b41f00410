"""The PostgreSQL cursor that shares result descriptions (bot/pg_cursor.py) reads every result as psycopg would."""

from __future__ import annotations

import pytest
from sqlalchemy import text

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
