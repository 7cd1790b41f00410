"""group_events poll_id: the motion that ended a group early, in a column rather than a note's "motion N:" prefix;
posted_messages shown_change: the group's change a posted card was last updated to show

Revision ID: 0021_end_motion_card_change
Revises: 0020_guests

`group end --motion N` noted "motion N: <outcome>" and the record read the motion back out of that text, which a
typed reference could imitate. The event now names the poll. Upgrading moves each note that says exactly what
the bot wrote (the group's motion N and its outcome) into the column; any other note stays as it was, and is
still read where the ToR ends the group by a motion. Downgrading writes the note back from the poll.

A card refreshed by one replica could be put back by another holding an older one; the posted card now keeps the
number of the change it shows (the group's audit chain place), and a card showing an earlier change is refused.
Existing cards have none, so the first refresh after the upgrade is taken as it always was.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0021_end_motion_card_change'
down_revision: str | Sequence[str] | None = '0020_guests'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The note `group end --motion N` wrote before this revision, for poll `p` (portable: SQLite and PostgreSQL).
WRITTEN = "'motion ' || CAST(p.number AS VARCHAR(12)) || ': ' || p.outcome"


def upgrade() -> None:
    with op.batch_alter_table('group_events') as batch:
        batch.add_column(sa.Column('poll_id', sa.Integer(), nullable=True))
        batch.create_foreign_key('fk_group_events_poll_id_polls', 'polls', ['poll_id'], ['id'])
    op.execute(f"UPDATE group_events SET poll_id = (SELECT p.id FROM polls p WHERE p.group_id = group_events.group_id "
               f"AND p.kind = 'motion' AND p.outcome IS NOT NULL AND {WRITTEN} = group_events.note "
               f"ORDER BY p.id LIMIT 1) WHERE kind = 'ended' AND note LIKE 'motion %'")
    op.execute("UPDATE group_events SET note = NULL WHERE poll_id IS NOT NULL")
    with op.batch_alter_table('posted_messages') as batch:
        batch.add_column(sa.Column('shown_change', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('posted_messages') as batch:
        batch.drop_column('shown_change')
    op.execute(f"UPDATE group_events SET note = (SELECT {WRITTEN} FROM polls p WHERE p.id = group_events.poll_id) "
               f"WHERE poll_id IS NOT NULL AND note IS NULL")
    with op.batch_alter_table('group_events') as batch:
        batch.drop_constraint('fk_group_events_poll_id_polls', type_='foreignkey')
        batch.drop_column('poll_id')
