"""attendance left_at: when a member (or the deputy attending for them) left a meeting still open

Revision ID: 0017_attendance_left_at
Revises: 0016_terms_json

A member who leaves early no longer counts for the quorum nor votes (CJCG 6.4: "quorate if three of its members
are present"), yet attended the meeting: the row keeps its status and records when they left; `here` clears it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.models

revision: str = '0017_attendance_left_at'
down_revision: str | Sequence[str] | None = '0016_terms_json'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('attendance', sa.Column('left_at', bot.models.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('attendance') as batch:
        batch.drop_column('left_at')
