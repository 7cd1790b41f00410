"""channel paces: one card-refresh pace per channel, shared by every replica

Revision ID: 0014
Revises: 0012

Each process paced its own card refreshes, so two replicas could update a channel's cards twice as often as Slack
allows. The time of the last refresh in each channel is now kept in the record, and a refresh first takes the
channel's turn there.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.models

revision: str = '0014'
down_revision: str | Sequence[str] | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('channel_paces',
    sa.Column('platform', sa.String(length=16), nullable=False),
    sa.Column('channel_id', sa.String(length=200), nullable=False),
    sa.Column('refreshed_at', bot.models.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('platform', 'channel_id')
    )


def downgrade() -> None:
    op.drop_table('channel_paces')
