"""Is this Vietnamese? A cheap check so that a brief of a foreign text comes with a warning."""

from __future__ import annotations

import re

from vnsum.lexicon.language import FUNCTION_WORDS, MIN_FUNCTION_WORD_SHARE, MIN_LETTER_SHARE, VIETNAMESE_LETTERS

_WORD = re.compile(r"[^\W\d_]+")
#: Enough syllables to judge; beyond this the sample says no more.
SAMPLE_WORDS = 3000


def looks_vietnamese(text: str) -> bool:
    words = [w.lower() for w, _ in zip(_WORD.findall(text[:60_000]), range(SAMPLE_WORDS))]
    if not words:
        return False
    function_share = sum(w in FUNCTION_WORDS for w in words) / len(words)
    letter_share = sum(any(ch in VIETNAMESE_LETTERS for ch in w) for w in words) / len(words)
    return function_share >= MIN_FUNCTION_WORD_SHARE or letter_share >= MIN_LETTER_SHARE
