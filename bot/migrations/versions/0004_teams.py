"""teams: conversation references

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.models

revision: str = '0004'
down_revision: str | Sequence[str] | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('channel_references',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('platform', sa.String(length=16), nullable=False),
    sa.Column('channel_id', sa.String(length=200), nullable=False),
    sa.Column('reference', sa.JSON(), nullable=False),
    sa.Column('posts', sa.JSON(), nullable=False),
    sa.Column('updated_at', bot.models.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_channel_references')),
    sa.UniqueConstraint('platform', 'channel_id', name=op.f('uq_channel_references_platform'))
    )


def downgrade() -> None:
    op.drop_table('channel_references')
