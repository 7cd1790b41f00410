"""numbers: meetings and polls numbered per group

Revision ID: 0006
Revises: 0005

People called meetings and polls by their database id, which every group in the database shares: a board's first
motion could be "Motion 57". Each now has a `number`, 1, 2, 3… within its group. Existing rows are numbered in the
order they were created (their id order) within each group, so the oldest meeting of each group becomes meeting 1.
"""

from collections.abc import Sequence

from bot.migrations.numbering import add_numbers, drop_numbers

revision: str = '0006'
down_revision: str | Sequence[str] | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ('meetings', 'polls')


def upgrade() -> None:
    for table in TABLES:
        add_numbers(table)


def downgrade() -> None:
    for table in TABLES:
        drop_numbers(table)
