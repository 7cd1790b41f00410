"""A group's ToR is read from the validated JSON kept beside its YAML (migration 0016_terms_json fills it for groups
imported before), and from the YAML whenever the two no longer match."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, select, text

from bot.db import alembic_config, make_engine, session_factory, upgrade
from bot.models import Group
from bot.services.groups import import_group
from bot.terms import parse_terms
from bot.terms_stored import group_terms
from tests.conftest import migrated
from tests.test_migrations import schema_drift

EXAMPLES = sorted(Path(__file__).resolve().parent.parent.joinpath("examples").glob("*.yaml"))
NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)


def read_alike(group: Group) -> None:
    """The ToR read from the stored JSON is the YAML's, down to which keys the file set (rules ask that)."""
    parsed = parse_terms(group.terms_yaml)
    read = group_terms(group)
    assert read == parsed
    assert read.model_dump(exclude_unset=True) == parsed.model_dump(exclude_unset=True)


def test_every_example_tor_reads_the_same_from_its_stored_json(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 't.db'}"
    migrated(url)  # a copy of the schema this process migrated (tests/conftest.py): upgrading is tested below
    sessions = session_factory(make_engine(url))
    with sessions() as session, session.begin():
        for path in EXAMPLES:
            import_group(session, path.read_text(encoding="utf-8"), NOW, source=str(path), folder=path.parent)
    with sessions() as session:
        groups = list(session.scalars(select(Group)))
        assert len(groups) == len(EXAMPLES)
        for group in groups:
            assert group.terms_json is not None
            read_alike(group)


def test_a_tor_changed_behind_the_json_is_read_from_its_yaml(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 't.db'}"
    migrated(url)
    engine = make_engine(url)
    sessions = session_factory(engine)
    cjcg = next(p for p in EXAMPLES if "004-cjcg" in p.name)
    with sessions() as session, session.begin():
        import_group(session, cjcg.read_text(encoding="utf-8"), NOW, folder=cjcg.parent)
    with engine.begin() as connection:  # an edit that does not go through the model keeps the old JSON
        connection.execute(text("UPDATE groups SET terms_yaml = replace(terms_yaml, 'Europe/London', "
                                "'America/New_York')"))
    with sessions() as session:
        group = session.scalars(select(Group)).one()
        assert group_terms(group).timezone == "America/New_York"


def groups_after_upgrade(url: str) -> dict[str, tuple[str | None, Group]]:
    """Two groups kept before 0016 (one whose ToR no longer validates); their stored JSON after upgrading."""
    command.upgrade(alembic_config(url), "0015_cards")
    engine = make_engine(url)
    cjcg = next(p for p in EXAMPLES if "004-cjcg" in p.name).read_text(encoding="utf-8")
    with engine.begin() as connection:
        for group_id, short, tor in ((1, "cjcg", cjcg), (2, "broken", "name: [unclosed")):
            connection.execute(text("INSERT INTO groups (id, short_name, name, terms_yaml, created_at) "
                                    "VALUES (:id, :short, :short, :tor, :at)"),
                               {"id": group_id, "short": short, "tor": tor, "at": NOW.replace(tzinfo=None)})
    engine.dispose()
    upgrade(url)
    engine = make_engine(url)
    with session_factory(engine)() as session:
        found = {g.short_name: (g.terms_json, g) for g in session.scalars(select(Group))}
    engine.dispose()
    return found


def downgraded_columns(url: str) -> set[str]:
    command.downgrade(alembic_config(url), "0015_cards")
    engine = make_engine(url)
    columns = {c["name"] for c in inspect(engine).get_columns("groups")}
    engine.dispose()
    return columns


def check_upgrade_and_back(url: str) -> None:
    found = groups_after_upgrade(url)
    assert found["broken"][0] is None
    assert found["cjcg"][0] is not None
    read_alike(found["cjcg"][1])
    assert not {"terms_json", "terms_digest"} & downgraded_columns(url)
    upgrade(url)
    assert schema_drift(url) == []


def test_upgrading_keeps_each_groups_validated_tor_and_back_on_sqlite(tmp_path: Path) -> None:
    check_upgrade_and_back(f"sqlite:///{tmp_path / 'm.db'}")


@pytest.mark.postgres
def test_upgrading_keeps_each_groups_validated_tor_and_back_on_postgresql(postgres_schema_url: str) -> None:
    check_upgrade_and_back(postgres_schema_url)
