"""audit_events (group_id, actor_id, at): the index a member's pace of changes is counted from

Revision ID: 0019_member_pace_index
Revises: 0018_relieved_deputy

Before each change is kept, the member's changes in the group over the last hour are counted
(bot/services/record_pace.py); without this index that count read the group's whole trail.
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0019_member_pace_index'
down_revision: str | Sequence[str] | None = '0018_relieved_deputy'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index('ix_audit_events_member_pace', 'audit_events', ['group_id', 'actor_id', 'at'])


def downgrade() -> None:
    op.drop_index('ix_audit_events_member_pace', table_name='audit_events')
