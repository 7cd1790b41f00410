"""scheduler: reminder outbox

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.models

revision: str = '0002'
down_revision: str | Sequence[str] | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('expires_at', bot.models.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('channel_binding_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('title', sa.String(length=200), nullable=True))

    op.create_table('reminder_plan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('subject_id', sa.Integer(), nullable=True),
    sa.Column('occurrence', sa.String(length=200), nullable=False),
    sa.Column('due_at', bot.models.UTCDateTime(), nullable=False),
    sa.Column('expires_at', bot.models.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['group_id'], ['groups.id'], name=op.f('fk_reminder_plan_group_id_groups')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reminder_plan')),
    sa.UniqueConstraint('occurrence', name=op.f('uq_reminder_plan_occurrence'))
    )
    with op.batch_alter_table('reminder_plan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reminder_plan_due_at'), ['due_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_reminder_plan_group_id'), ['group_id'], unique=False)

    op.create_table('scheduler_marks',
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('audit_id', sa.Integer(), nullable=False),
    sa.Column('at', bot.models.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_scheduler_marks'))
    )


def downgrade() -> None:
    op.drop_table('scheduler_marks')
    with op.batch_alter_table('reminder_plan', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reminder_plan_group_id'))
        batch_op.drop_index(batch_op.f('ix_reminder_plan_due_at'))
    op.drop_table('reminder_plan')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_column('title')
        batch_op.drop_column('channel_binding_id')
        batch_op.drop_column('expires_at')
