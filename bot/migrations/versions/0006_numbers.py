"""numbers: meetings and polls numbered per group

Revision ID: 0006
Revises: 0005

People called meetings and polls by their database id, which every group in the database shares: a board's first
motion could be "Motion 57". Each now has a `number`, 1, 2, 3… within its group. Existing rows are numbered in the
order they were created (their id order) within each group, so the oldest meeting of each group becomes meeting 1.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | Sequence[str] | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ('meetings', 'polls')


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column('number', sa.Integer(), nullable=True))
        # A correlated count rather than ROW_NUMBER(): the same statement on SQLite and PostgreSQL, and these
        # tables hold hundreds of rows, not millions.
        op.execute(f"UPDATE {table} SET number = (SELECT COUNT(*) FROM {table} AS earlier "
                   f"WHERE earlier.group_id = {table}.group_id AND earlier.id <= {table}.id)")
        with op.batch_alter_table(table) as batch:
            batch.alter_column('number', existing_type=sa.Integer(), nullable=False)
            batch.create_unique_constraint(op.f(f'uq_{table}_group_id'), ['group_id', 'number'])


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_constraint(op.f(f'uq_{table}_group_id'), type_='unique')
            batch.drop_column('number')
