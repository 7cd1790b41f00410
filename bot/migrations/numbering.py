"""Numbering a table's rows 1, 2, 3… within each group, for the migrations that give records a per-group `number`.

Released migrations call these, so what they do is history: change it only by adding a new function.
"""

import sqlalchemy as sa
from alembic import op


def add_numbers(table: str) -> None:
    """Add `number` to `table`, number its rows in creation (id) order within each group, then make it required
    and unique per group. Works on SQLite (batch mode) and PostgreSQL alike."""
    with op.batch_alter_table(table) as batch:
        batch.add_column(sa.Column('number', sa.Integer(), nullable=True))
    # A correlated count rather than ROW_NUMBER(): the same statement on SQLite and PostgreSQL, and these tables
    # hold hundreds of rows, not millions.
    op.execute(f"UPDATE {table} SET number = (SELECT COUNT(*) FROM {table} AS earlier "
               f"WHERE earlier.group_id = {table}.group_id AND earlier.id <= {table}.id)")
    with op.batch_alter_table(table) as batch:
        batch.alter_column('number', existing_type=sa.Integer(), nullable=False)
        batch.create_unique_constraint(op.f(f'uq_{table}_group_id'), ['group_id', 'number'])


def drop_numbers(table: str) -> None:
    """Undo `add_numbers(table)`: the constraint, then the column."""
    with op.batch_alter_table(table) as batch:
        batch.drop_constraint(op.f(f'uq_{table}_group_id'), type_='unique')
        batch.drop_column('number')
