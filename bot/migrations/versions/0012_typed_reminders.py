"""typed reminders: planned reminders carry their subject's instance; the outbox composes at delivery

Revision ID: 0012
Revises: 0007

A planned reminder now has its subject (`meeting:12`) and the instance it is about (the meeting's start, a term's
end date, a poll's deadline) as columns, and its key is derived from them, so a chair named again for a new term gets
that term's reminders. An outbox message keeps its reminder's reference (`reminder`, `subject`, `instance`) and is
composed from the record when it is sent (`composed`), or carries a prepared reply (`reply`) sent as stored. A
channel binding the platform refused for good is disabled until bound again. A meeting's close is noticed by the
scheduler once (`close_noticed_at`), whatever the clocks say.

The plan is rebuilt: its rows are removed and the mark reset so the next pass replans every group, from the last
pass's time on, with the new keys (messages queued under the old keys stay as they are).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.models

revision: str = '0012'
down_revision: str | Sequence[str] | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("DELETE FROM reminder_plan")
    op.execute("UPDATE scheduler_marks SET audit_id = -1")
    with op.batch_alter_table('reminder_plan', schema=None) as batch_op:
        batch_op.add_column(sa.Column('subject', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('instance', sa.String(length=40), nullable=True))
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reminder', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('subject', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('instance', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('composed', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('reply', sa.JSON(), nullable=True))
        batch_op.create_index(batch_op.f('ix_outbox_reminder'), ['reminder'], unique=False)
    with op.batch_alter_table('channel_bindings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('disabled_at', bot.models.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('disabled_reason', sa.Text(), nullable=True))
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('close_noticed_at', bot.models.UTCDateTime(), nullable=True))
    # Meetings closed before the upgrade were seen by the scheduler as it was: not noticed a second time.
    op.execute("UPDATE meetings SET close_noticed_at = closed_at WHERE status = 'closed'")


def downgrade() -> None:
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.drop_column('close_noticed_at')
    with op.batch_alter_table('channel_bindings', schema=None) as batch_op:
        batch_op.drop_column('disabled_reason')
        batch_op.drop_column('disabled_at')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_reminder'))
        for column in ('reply', 'composed', 'instance', 'subject', 'reminder'):
            batch_op.drop_column(column)
    with op.batch_alter_table('reminder_plan', schema=None) as batch_op:
        batch_op.drop_column('instance')
        batch_op.drop_column('subject')
