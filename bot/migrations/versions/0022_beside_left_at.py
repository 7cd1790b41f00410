"""attendance beside_left_at: when someone attending beside a member as an additional individual (LIEG 2.4) left

Revision ID: 0022_beside_left_at
Revises: 0021_end_motion_card_change

LIEG 2.1 caps an authority's representatives attending "at any one time". One attending beside a member could not
say they were leaving, so they counted against the cap for the rest of the meeting; their departure is now kept.
Existing rows have none: they attended to the end, as they were recorded.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.models

revision: str = '0022_beside_left_at'
down_revision: str | Sequence[str] | None = '0021_end_motion_card_change'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('attendance', sa.Column('beside_left_at', bot.models.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('attendance') as batch:
        batch.drop_column('beside_left_at')
