"""The README's powers table is the examples' powers, as `terms` states them: the two cannot drift apart."""

from __future__ import annotations

from bot.rules.powers import act_words, powers_in_force
from bot.terms import load_terms
from bot.terms_powers import ACT_WORDS, Act
from tests.conftest import ROOT, example

GROUPS = (("PLPCP", "plpcp"), ("LCIIB", "lciib"), ("CSCPWG (LGA)", "cscpwg"), ("LIEG", "lieg"), ("CJCG", "cjcg"))


def powers_table() -> str:
    """The markdown table act x seed group -> who may, with the clause (or *(default)*)."""
    terms = {label: load_terms(example(short)) for label, short in GROUPS}
    stated = {label: dict(powers_in_force(terms[label])) for label, _ in GROUPS}
    lines = ["| act | " + " | ".join(label for label, _ in GROUPS) + " |", "|---|" + "---|" * len(GROUPS)]
    for act in Act:  # each group words a deputy its ToR's way (PLPCP: "name an alternate for a member")
        cells = [stated[label].get(f"Who may {act_words(terms[label], act)}", "—")
                 .replace(" (default: the ToR is silent)", " *(default)*") for label, _ in GROUPS]
        lines.append(f"| {ACT_WORDS[act]} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def test_the_readme_powers_table_matches_the_examples() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert powers_table() in readme, "README 'Powers' table is stale; paste in:\n" + powers_table()
