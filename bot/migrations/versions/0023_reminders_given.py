"""reminders_given: a reminder whose moment moves with the clock (the overdue meeting's), once it was queued

Revision ID: 0023_reminders_given
Revises: 0022_beside_left_at

The overdue meeting's reminder is planned at the next reminder time for as long as the meeting is not scheduled;
only the outbox's key for it stopped it being queued again, and the outbox prunes sent messages after its retention
(90 days), so the chair and secretariat were told again of the same due date every three months or so. Upgrading
keeps each such reminder the outbox still holds as given.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.models

revision: str = '0023_reminders_given'
down_revision: str | Sequence[str] | None = '0022_beside_left_at'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('reminders_given',
    sa.Column('occurrence', sa.String(length=200), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('given_at', bot.models.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['groups.id'], ),
    sa.PrimaryKeyConstraint('occurrence')
    )
    op.create_index(op.f('ix_reminders_given_group_id'), 'reminders_given', ['group_id'], unique=False)
    op.execute("INSERT INTO reminders_given (occurrence, group_id, given_at) SELECT reminder, MIN(group_id), "
               "MIN(due_at) FROM outbox WHERE kind = 'cadence' AND reminder IS NOT NULL GROUP BY reminder")


def downgrade() -> None:
    op.drop_index(op.f('ix_reminders_given_group_id'), table_name='reminders_given')
    op.drop_table('reminders_given')
