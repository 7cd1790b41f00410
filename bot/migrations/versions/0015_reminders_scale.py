"""reminders scale: the scheduler reads audit events by the transactions its last pass could not see

Revision ID: 0015_reminders_scale
Revises: 0011

Since each group's audit chain has its own lock (0011), events of different groups commit in any order on
PostgreSQL: an event can become visible after a later-numbered one that a pass has already read, and a mark on the
audit id skipped it until the group's plan ran out. Each event now keeps the transaction that wrote it (`xact`,
filled by PostgreSQL itself), and the mark keeps the snapshot its pass read in; the next pass reads every event
that snapshot could not see. SQLite, with one writer at a time, commits events in id order and keeps the id mark.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0015_reminders_scale'
down_revision: str | Sequence[str] | None = '0015_minutes'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    # pg_current_xact_id() is the 64-bit transaction id (no wraparound), as a bigint for an ordinary index.
    default = sa.text("(pg_current_xact_id()::text::bigint)") if postgres else None
    with op.batch_alter_table('audit_events') as batch:
        batch.add_column(sa.Column('xact', sa.BigInteger(), nullable=True, server_default=default))
        batch.create_index(batch.f('ix_audit_events_xact'), ['xact'], unique=False)
    with op.batch_alter_table('scheduler_marks') as batch:
        batch.add_column(sa.Column('snapshot', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('scheduler_marks') as batch:
        batch.drop_column('snapshot')
    with op.batch_alter_table('audit_events') as batch:
        batch.drop_index(batch.f('ix_audit_events_xact'))
        batch.drop_column('xact')
