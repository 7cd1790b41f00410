"""record seals: one audit chain per group, and each event carries the digests of the record rows it changed

Revision ID: 0011
Revises: 0009

Until now every audit event chained to the one before it across all groups, under one lock, and the chain vouched
only for itself: a decision edited in its own table went unnoticed. Each event now has `seq`, its place in its
group's chain (events of no group form a chain of their own), and `rows`, the SHA-256 digest of every decision row
it changed. Existing events keep `seq` empty and stay verified as the one old chain; each group's new chain starts
from its head. Existing rows are sealed by the application after this migration (bot/records/record_baseline.py),
because a digest must be computed with the record's own column types.

A member's apologies also vanished from the minutes once their deputy attended: attendance now keeps
`apologies_at`, so the minutes list the apology and the substitute, as UK minutes do.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0011'
down_revision: str | Sequence[str] | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('audit_events') as batch:
        batch.add_column(sa.Column('seq', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('rows', sa.JSON(), nullable=True))
        batch.create_unique_constraint(op.f('uq_audit_events_group_id'), ['group_id', 'seq'])
    with op.batch_alter_table('attendance') as batch:
        batch.add_column(sa.Column('apologies_at', sa.DateTime(), nullable=True))
    # Apologies already given: a row still at "apologies", or a deputised row whose reason came from them (a
    # deputy's attendance keeps the member's reason and nothing else sets one).
    op.execute("UPDATE attendance SET apologies_at = recorded_at WHERE status = 'apologies' "
               "OR (status = 'deputised' AND reason IS NOT NULL)")


def downgrade() -> None:
    with op.batch_alter_table('attendance') as batch:
        batch.drop_column('apologies_at')
    with op.batch_alter_table('audit_events') as batch:
        batch.drop_constraint(op.f('uq_audit_events_group_id'), type_='unique')
        batch.drop_column('rows')
        batch.drop_column('seq')
