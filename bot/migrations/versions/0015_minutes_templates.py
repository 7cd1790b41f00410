"""minutes templates: a group's house Word template for its minutes, kept in the record

Revision ID: 0015_minutes
Revises: 0011

A ToR file may name the group's own Word template (`minutes: {template: house.docx}`, beside the ToR file). It is
read and checked when the ToR is loaded and kept here, so every replica lays the minutes out on it without sharing
a disk.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.models

revision: str = '0015_minutes'
down_revision: str | Sequence[str] | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('minutes_templates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=500), nullable=False),
    sa.Column('document', sa.LargeBinary(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('loaded_at', bot.models.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['groups.id'], name=op.f('fk_minutes_templates_group_id_groups')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_minutes_templates')),
    sa.UniqueConstraint('group_id', name=op.f('uq_minutes_templates_group_id'))
    )


def downgrade() -> None:
    op.drop_table('minutes_templates')
