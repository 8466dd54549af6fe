"""Syllables: the unit every overlap, cut and phrase match of bullets counts (select.py, quotes.py, the rewriter's
guard and cuts, the digest).

Lower-cased runs of word characters; a phrase of the lexicon's tables is matched as a list of them.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"\w+")
#: Where one clause of a sentence ends and the next begins: a comma or a semicolon and a space.
CLAUSE_BREAK = re.compile(r";\s|,\s")


def syllables(text: str) -> list[str]:
    """Lower-cased syllables (runs of word characters)."""
    return _TOKEN.findall(text.lower())


def last_clause(text: str) -> list[str]:
    """The syllables of `text` after its last clause break."""
    return syllables(CLAUSE_BREAK.split(text)[-1])


def contains(words: list[str], phrases: tuple[list[str], ...]) -> bool:
    """Whether any of `phrases` (each a list of words) occurs as a run in `words` (a list): syllables here, the
    guard's words in vnsum.rewrite."""
    return any(words[i : i + len(phrase)] == phrase for phrase in phrases for i in range(len(words)))
