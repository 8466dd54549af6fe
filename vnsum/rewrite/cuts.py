"""A compression as a choice of words to keep: made whole (no cut inside a phrase) and written out as text.

Shared by the deletion compressor (vnsum/rewrite/deleter.py), which predicts which words to keep, and by the
training scripts, which redo editors' compressions as cuts (scripts/build_pairs.py's `aligned`).
"""

from __future__ import annotations

from vnsum.lexicon.guard import MAIN_CLAUSE_OPENERS
from vnsum.rewrite.guard import Words, bad_cut, check
from vnsum.syllables import syllables

#: A compression keeps at most this share of its source's syllables: more is the sentence itself.
MAX_KEPT_SHARE = 0.85
#: ... and at least this many syllables.
MIN_KEPT_SYLLABLES = 6


def repair(text: Words, keep: list[bool], strict: bool = False) -> list[bool] | None:
    """`keep` with every cut the guard would call a splice undone (a cut inside a phrase is kept after all) or
    moved to the next punctuation mark (a cut tail); None when it keeps a premise without its point. `strict`
    allows no cut inside a clause: the guard's minor cuts ("tỉnh Hà Tĩnh" -> "Hà Tĩnh") are for editors, whose
    cuts people chose; a model's take the word that carries the claim ("bắt tạm giam" -> "bắt giam") or that
    the phrase needs ("tạo việc làm cho" -> "tạo làm", bench/JUDGED.md)."""
    keep = list(keep)
    limits = (-1, -1) if strict else ()
    while (cut := bad_cut(text, keep, *limits)) is not None:
        where, first, last = cut
        if where == "tail":
            if text.words[first] in MAIN_CLAUSE_OPENERS:
                return None
            last = text.clause_end(first - 1) - 1
        keep[first : last + 1] = [True] * (last + 1 - first)
    return keep


def compression(source: str, text: Words, keep: list[bool]) -> str | None:
    """`render`, as training data: None when it keeps under MIN_KEPT_SYLLABLES, over MAX_KEPT_SHARE of the
    source, or fails the guard."""
    compressed = render(source, text, keep)
    if not compressed:
        return None
    n = len(syllables(compressed))
    if n < MIN_KEPT_SYLLABLES or n > MAX_KEPT_SHARE * len(syllables(source)) or check(compressed, source) is not None:
        return None
    return compressed


def render(source: str, text: Words, keep: list[bool]) -> str | None:
    """The words `keep` marks, in the source's own characters (a comma kept where both sides of a cut have one),
    with unbalanced brackets and quotation marks dropped, upper case first and a full stop last; None when it
    keeps nothing."""
    runs: list[list[int]] = []
    for i in (i for i, k in enumerate(keep) if k):
        if runs and runs[-1][1] == i - 1:
            runs[-1][1] = i
        else:
            runs.append([i, i])
    if not runs:
        return None
    pieces: list[str] = []
    previous_end = 0
    for a, b in runs:
        start, end = text.spans[a][0], text.spans[b][1]
        if pieces:
            between_commas = source[previous_end : previous_end + 1] == "," and source[:start].rstrip().endswith(",")
            pieces.append(", " if between_commas else " ")
        pieces.append(source[start:end])
        previous_end = end
    compressed = "".join(pieces)
    for opening, closing in ("()", "“”", "‘’"):
        if compressed.count(opening) != compressed.count(closing):
            compressed = compressed.replace(opening, "").replace(closing, "")
    if compressed.count('"') % 2:
        compressed = compressed.replace('"', "")
    return compressed[0].upper() + compressed[1:] + "."
