"""terms json: each group keeps its validated ToR as JSON beside the YAML, read without parsing YAML

Revision ID: 0016_terms_json
Revises: 0015_cards

Parsing a ToR's YAML and validating it took a quarter of a reminder pass at 10,000 groups (every process reads every
group's ToR once). `groups.terms_json` keeps the validated ToR (the keys the YAML set) and `groups.terms_digest` the
digest of the YAML and of the ToR model it was validated against (bot/terms_stored.py); the JSON is read only while
the digest matches. Existing groups are filled in here, in batches; a ToR that no longer validates is left empty and
read from its YAML, which reports the error as before.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from bot.terms_stored import stored

revision: str = '0016_terms_json'
down_revision: str | Sequence[str] | None = '0015_cards'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GROUPS = sa.table('groups', sa.column('id', sa.Integer), sa.column('short_name', sa.String),
                  sa.column('terms_yaml', sa.Text), sa.column('terms_digest', sa.String),
                  sa.column('terms_json', sa.Text))
BATCH = 500


def upgrade() -> None:
    # Plain ALTER TABLE on both databases: a batch copy of `groups` on SQLite would trip every foreign key to it.
    op.add_column('groups', sa.Column('terms_digest', sa.String(length=64), nullable=True))
    op.add_column('groups', sa.Column('terms_json', sa.Text(), nullable=True))
    connection = op.get_bind()
    last = 0
    while True:
        rows = connection.execute(sa.select(GROUPS.c.id, GROUPS.c.short_name, GROUPS.c.terms_yaml)
                                  .where(GROUPS.c.id > last).order_by(GROUPS.c.id).limit(BATCH)).all()
        if not rows:
            break
        filled = []
        for group_id, short_name, terms_yaml in rows:
            digest, text = stored(terms_yaml, short_name)
            if digest is not None:
                filled.append({"gid": group_id, "digest": digest, "json": text})
        if filled:
            connection.execute(GROUPS.update().where(GROUPS.c.id == sa.bindparam("gid"))
                               .values(terms_digest=sa.bindparam("digest"), terms_json=sa.bindparam("json")), filled)
        last = rows[-1][0]


def downgrade() -> None:
    op.drop_column('groups', 'terms_json')  # SQLite 3.35 and later drop a column in place
    op.drop_column('groups', 'terms_digest')
