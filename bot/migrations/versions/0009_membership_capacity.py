"""membership capacity: what a seat holder is recorded as also being

Revision ID: 0009
Revises: 0013

A ToR can require that some seat holders also hold another office (LCIIB: "At least one of the DCS representatives
on the board should also be a director of adult services"). `memberships.also` records that capacity, as the
secretariat states it with `member add ... --also "director of adult services"`; existing seats record none.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0009'
down_revision: str | Sequence[str] | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('memberships') as batch:
        batch.add_column(sa.Column('also', sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('memberships') as batch:
        batch.drop_column('also')
