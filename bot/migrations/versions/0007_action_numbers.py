"""action numbers: action items numbered per group

Revision ID: 0007
Revises: 0006

0006 numbered meetings and polls within their group but left actions on their database id, shared by every group:
a task-and-finish group's first action could be "Action 12", and `action done 12` was how to close it. Each action
now has a `number`, 1, 2, 3… within its group; existing actions are numbered in the order they were recorded (their
id order) within each group, so each group's oldest action becomes action 1.
"""

from collections.abc import Sequence

from bot.migrations.numbering import add_numbers, drop_numbers

revision: str = '0007'
down_revision: str | Sequence[str] | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    add_numbers('action_items')


def downgrade() -> None:
    drop_numbers('action_items')
