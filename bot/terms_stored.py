"""A group's ToR kept validated beside its YAML, so that reading it is not parsing YAML again.

Parsing a ToR's YAML and validating it costs about 2 ms; the scheduler reads every group's ToR once per process and
a process's cache holds a few hundred, so at 10,000 groups that was a quarter of a reminder pass. A group keeps,
beside the YAML it was imported from, the validated ToR as JSON (only the keys the YAML set, so `model_fields_set`
reads the same) and a digest of the YAML and of the model's schema it was validated against. A group is read from
its JSON only when that digest matches: a YAML changed without its JSON (a core insert, an old row), or a ToR model
changed by an upgrade, is read from the YAML as before.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache, lru_cache
from typing import Protocol

from pydantic import ValidationError

from bot.errors import TermsError
from bot.settings import get_settings
from bot.terms import Terms, terms_of

FORMAT = "terms-json-1"


class HasTerms(Protocol):
    """What a group row holds of its ToR (bot.models.Group)."""

    @property
    def short_name(self) -> str: ...

    @property
    def terms_yaml(self) -> str: ...

    @property
    def terms_digest(self) -> str | None: ...

    @property
    def terms_json(self) -> str | None: ...


@cache
def schema_fingerprint() -> str:
    """Changes when the ToR model does (a field added, renamed or retyped): stored JSON made before is not used."""
    schema = json.dumps(Terms.model_json_schema(), sort_keys=True)
    return hashlib.sha256(f"{FORMAT}\n{schema}".encode()).hexdigest()


def digest(terms_yaml: str) -> str:
    """Of the YAML, the model, and the operator's DEFAULT_TIMEZONE, which a ToR naming no zone takes: a changed
    setting reads such a group from its YAML, in the new zone, as a process without the JSON would."""
    return _digest(get_settings().default_timezone, terms_yaml)


@lru_cache(maxsize=256)
def _digest(zone: str, terms_yaml: str) -> str:
    # Kept: every command reads its group's terms, some several times, and hashing the whole YAML each time cost
    # more than looking it up (a string keeps its own hash).
    return hashlib.sha256(f"{schema_fingerprint()}\n{zone}\n{terms_yaml}".encode()).hexdigest()


def stored(terms_yaml: str, short_name: str) -> tuple[str | None, str | None]:
    """The digest and validated JSON to keep with this YAML; (None, None) when it does not validate (reading it then
    raises the ToR's own error, as before)."""
    try:
        terms = terms_of(terms_yaml, short_name)
    except TermsError:
        return None, None
    return digest(terms_yaml), terms.model_dump_json(exclude_unset=True)


@lru_cache(maxsize=1024)
def _from_json(key: str, text: str) -> Terms | None:
    try:
        return Terms.model_validate_json(text)
    except ValidationError:
        return None


def group_terms(group: HasTerms) -> Terms:
    """The group's ToR: from its stored JSON when that was made from this YAML by this model, else from the YAML.
    Raises TermsError naming the group when the YAML does not validate."""
    if group.terms_json is not None and group.terms_digest is not None and \
            group.terms_digest == digest(group.terms_yaml):
        terms = _from_json(group.terms_digest, group.terms_json)
        if terms is not None:
            return terms
    return terms_of(group.terms_yaml, group.short_name)
