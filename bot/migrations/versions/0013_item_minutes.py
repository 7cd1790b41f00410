"""item minutes: each agenda item's discussion note and resolution

Revision ID: 0013
Revises: 0014

Minutes a council files say, for each item, what was discussed and what was resolved, whether or not a vote was
taken. `minute "text" --item N` and `resolved "text" --item N` keep those on the agenda item; both start empty.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0013'
down_revision: str | Sequence[str] | None = '0014'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('agenda_items') as batch:
        batch.add_column(sa.Column('minute', sa.Text(), nullable=True))
        batch.add_column(sa.Column('resolution', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('agenda_items') as batch:
        batch.drop_column('resolution')
        batch.drop_column('minute')
