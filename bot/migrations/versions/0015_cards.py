"""one table for which message shows a record, on every platform

Revision ID: 0015_cards
Revises: 0015_reminders_scale

Slack kept the message showing each record in `posted_messages`; Teams kept its cards' positions in a JSON column
(`channel_references.posts`: subject -> {conversation, activity}). Both now live in `posted_messages`, which gains
`conversation` (the Teams thread a card was posted in; empty for Slack). Existing Teams positions move across as
rows, then the JSON column goes.
"""

import datetime as dt
import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0015_cards'
down_revision: str | Sequence[str] | None = '0015_reminders_scale'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REFERENCES = sa.table('channel_references', sa.column('platform', sa.String), sa.column('channel_id', sa.String),
                      sa.column('posts', sa.JSON), sa.column('updated_at', sa.DateTime))
POSTED = sa.table('posted_messages', sa.column('platform', sa.String), sa.column('channel_id', sa.String),
                  sa.column('subject', sa.String), sa.column('message_ref', sa.String),
                  sa.column('conversation', sa.String), sa.column('posted_at', sa.DateTime))


def positions(posts: object) -> dict[str, dict[str, str]]:
    """A channel's `posts` as stored (JSON text on some drivers), keeping only entries that name a message."""
    if isinstance(posts, str):
        posts = json.loads(posts)
    if not isinstance(posts, dict):
        return {}
    return {subject: where for subject, where in posts.items()
            if isinstance(where, dict) and where.get("activity")}


def upgrade() -> None:
    with op.batch_alter_table('posted_messages') as batch:
        batch.add_column(sa.Column('conversation', sa.String(length=400), nullable=True))
    connection = op.get_bind()
    rows = []
    for channel in connection.execute(sa.select(REFERENCES)):
        for subject, where in positions(channel.posts).items():
            rows.append({"platform": channel.platform, "channel_id": channel.channel_id, "subject": subject[:100],
                         "message_ref": str(where["activity"])[:200],
                         "conversation": str(where.get("conversation") or channel.channel_id)[:400],
                         "posted_at": channel.updated_at or dt.datetime.now(dt.UTC).replace(tzinfo=None)})
    if rows:
        op.bulk_insert(POSTED, rows)
    with op.batch_alter_table('channel_references') as batch:
        batch.drop_column('posts')


def downgrade() -> None:
    with op.batch_alter_table('channel_references') as batch:
        batch.add_column(sa.Column('posts', sa.JSON(), nullable=True))
    connection = op.get_bind()
    folded: dict[tuple[str, str], dict[str, dict[str, str]]] = {}
    moved = sa.select(POSTED).where(POSTED.c.conversation.is_not(None))
    for row in connection.execute(moved):
        folded.setdefault((row.platform, row.channel_id), {})[row.subject] = {
            "conversation": row.conversation, "activity": row.message_ref}
    for (platform, channel_id), posts in folded.items():
        connection.execute(sa.update(REFERENCES).where(REFERENCES.c.platform == platform,
                                                       REFERENCES.c.channel_id == channel_id).values(posts=posts))
    connection.execute(sa.update(REFERENCES).where(REFERENCES.c.posts.is_(None)).values(posts={}))
    connection.execute(sa.delete(POSTED).where(POSTED.c.conversation.is_not(None)))
    with op.batch_alter_table('channel_references') as batch:
        batch.alter_column('posts', existing_type=sa.JSON(), nullable=False)
    with op.batch_alter_table('posted_messages') as batch:
        batch.drop_column('conversation')
