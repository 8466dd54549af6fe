"""Is a generated bullet faithful to its source sentences? Every check names the reason it fails.

The guard is deliberately strict: a bullet that fails is replaced by the extractive text, so a false
alarm costs only brevity, while a missed one would print an invented fact.
"""

from __future__ import annotations

import re
from collections import Counter

from vnsum.lexicon.guard import FUNCTION_SYLLABLES, NEGATION_SCOPE, NEGATIONS
from vnsum.select import syllables

# Share of a bullet's content syllables that may be absent from the source. Measured on held-out VietNews
# pairs (models/vnsum-t5/MODEL_CARD.md): editors' compressions that add no fact stay under it, while a
# bullet with a new clause (about 4 content syllables in 12) goes over it.
MAX_NOVEL_SHARE = 0.2

# Share of the source's distinct content syllables a bullet must keep. Editors' compressions in VietNews (val
# split, 7,718 pairs) keep 40% at the median and 22% at the 5th percentile; a bullet under 20% has lost the point
# ("Một công trình." for a sentence about 35 stalled projects).
MIN_KEPT_SHARE = 0.2

_NUMBER = re.compile(r"\d+(?:[.,/:\-]\d+)*")
_WORD = re.compile(r"[^\W\d_]\w*|\S")


def check(bullet: str, source: str) -> str | None:
    """The first reason `bullet` is not a faithful rewrite of `source`, or None when it is."""
    words, source_words = syllables(bullet), syllables(source)
    if not words:
        return "empty"
    if len(words) >= len(source_words):
        return "not-shorter"
    if _repeats(words, source_words):
        return "repetition"
    source_numbers = {_digits(n) for n in _NUMBER.findall(source)}
    if any(_digits(n) not in source_numbers for n in _NUMBER.findall(bullet)):
        return "new-number"
    if any(not name_in(run, source, at_start=first) for run, first in name_runs(bullet)):
        return "new-name"
    negation = _negation_trouble(words, source_words)
    if negation:
        return negation
    content = [w for w in words if w not in FUNCTION_SYLLABLES and not w.isdigit()]
    novel = [w for w in content if w not in set(source_words)]
    if content and len(novel) / len(content) > MAX_NOVEL_SHARE:
        return "novel-words"
    source_content = {w for w in source_words if w not in FUNCTION_SYLLABLES and not w.isdigit()}
    if source_content and len(source_content.intersection(content)) / len(source_content) < MIN_KEPT_SHARE:
        return "lost-content"
    return None


def name_runs(text: str) -> list[tuple[str, bool]]:
    """Runs of capitalised words ("Nguyễn Trọng Nghĩa", "Bộ Chính"), each with whether it opens the text."""
    runs: list[tuple[str, bool]] = []
    current: list[str] = []
    opens = False
    for i, match in enumerate(_WORD.finditer(text.strip())):
        word = match.group()
        if word[0].isupper():
            opens = opens or (i == 0 and not current)
            current.append(word)
            continue
        if current:
            runs.append((" ".join(current), opens))
        current, opens = [], False
    if current:
        runs.append((" ".join(current), opens))
    return runs


def _digits(number: str) -> str:
    return re.sub(r"\D", "", number)


def name_in(run: str, source: str, at_start: bool) -> bool:
    """A capitalised run must occur in the source as whole syllables; case may differ (VietNews writes "bộ Công an").

    The bullet's first word is capitalised by position, so it alone may be new ("Sau đó, ...").
    """
    words = syllables(run)
    if at_start:
        words = words[1:]
    if not words:
        return True
    return f" {' '.join(words)} " in f" {' '.join(syllables(source))} "


def _repeats(words: list[str], source_words: list[str]) -> bool:
    """A loop: the same syllable three times running, or a trigram said more often than the source says it."""
    if any(words[i] == words[i + 1] == words[i + 2] for i in range(len(words) - 2)):
        return True
    trigrams, source_trigrams = Counter(zip(words, words[1:], words[2:])), Counter(zip(source_words, source_words[1:], source_words[2:]))
    return any(count > max(1, source_trigrams[gram]) for gram, count in trigrams.items())


def _negation_trouble(words: list[str], source_words: list[str]) -> str | None:
    """A negation that governs kept content must survive, and none may be added."""
    if sum(w in NEGATIONS for w in words) > sum(w in NEGATIONS for w in source_words):
        return "new-negation"
    for i, word in enumerate(source_words):
        governed = source_words[i + 1 : i + 1 + NEGATION_SCOPE]
        if word not in NEGATIONS or not governed or governed[0] in NEGATIONS:
            continue
        for j in range(len(words) - len(governed) + 1):
            if words[j : j + len(governed)] == governed and not NEGATIONS.intersection(words[max(0, j - 2) : j]):
                return "lost-negation"
    return None
