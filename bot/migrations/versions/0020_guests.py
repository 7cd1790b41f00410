"""attendance organisation: a guest's organisation, for a guest recorded attending (status "guest")

Revision ID: 0020_guests
Revises: 0019_member_pace_index

LIEG 2.7: "Guests from partner organisations may be invited to attend". A guest holds no seat, so the seat cannot
say where they are from: the row keeps the organisation the minute-taker gave, for the roll and the minutes.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0020_guests'
down_revision: str | Sequence[str] | None = '0019_member_pace_index'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('attendance') as batch:
        batch.add_column(sa.Column('organisation', sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('attendance') as batch:
        batch.drop_column('organisation')
