"""attendance relieved_id, relieved_at: the deputy who attended for a member until the member arrived

Revision ID: 0018_relieved_deputy
Revises: 0017_attendance_left_at

A member who arrives after their deputy takes the seat back; the deputy stands down but did attend (and may have
voted), so the row keeps who they were and when they stood down, for the roll and the minutes.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.models

revision: str = '0018_relieved_deputy'
down_revision: str | Sequence[str] | None = '0017_attendance_left_at'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('attendance') as batch:
        batch.add_column(sa.Column('relieved_id', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('relieved_at', bot.models.UTCDateTime(), nullable=True))
        batch.create_foreign_key('fk_attendance_relieved_id_people', 'people', ['relieved_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('attendance') as batch:
        batch.drop_constraint('fk_attendance_relieved_id_people', type_='foreignkey')
        batch.drop_column('relieved_at')
        batch.drop_column('relieved_id')
