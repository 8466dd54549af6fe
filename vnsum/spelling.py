"""The two conventions for where the tone mark sits in the open syllables oa, oe and uy.

The old one marks the second vowel ("hoà", "khoẻ", "thuỷ", "Uỷ ban"), the new one the first ("hòa", "khỏe",
"thủy", "Ủy ban"). Both are correct and both are in print: VietNews, which the bundled model's vocabulary was
learnt from, is in the old one; most meeting reports are in the new one, whose spellings that vocabulary
splits into rare pieces ("Ủy" -> "▁", "Ủ", "y"). A model sees text in the convention it was trained on, and its
output is given back the source's own spellings.
"""

from __future__ import annotations

import re
import unicodedata

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng as combining marks (NFD)
# Tone on the first vowel of a word-final oa/oe/uy ("qu" is a consonant: "quý", "quả" are the same in both).
_END = r"(?![^\W\d_]|[\u0300-\u036f])"  # nothing after it: no letter, no further mark ("hoặc" is not "hoạc")
_NEW = re.compile(rf"(?<![qQ])(?:([oO])([{_TONES}])([aAeE])|([uU])([{_TONES}])([yY])){_END}")
# Tone on the second vowel of the same.
_OLD = re.compile(rf"(?<![qQ])(?:([oO])([aAeE])([{_TONES}])|([uU])([yY])([{_TONES}])){_END}")
_WORD = re.compile(r"[^\W\d_]+")


def convention(text: str, style: str) -> str:
    """`text` with every oa/oe/uy tone mark placed the `style` way ("old" or "new"); NFC."""
    text = unicodedata.normalize("NFD", text)
    if style == "old":
        text = _NEW.sub(lambda m: _join(m, (0, 2, 1)), text)
    elif style == "new":
        text = _OLD.sub(lambda m: _join(m, (0, 2, 1)), text)
    return unicodedata.normalize("NFC", text)


def respell(output: str, source: str, style: str) -> str:
    """`output` (written in `style`) with each word spelt as the source spells it, where the two differ only in
    the convention: the bullet then quotes its source exactly, which the guard and the reader expect."""
    spellings = {convention(w, style): w for w in _WORD.findall(unicodedata.normalize("NFC", source))}
    return _WORD.sub(lambda m: spellings.get(m.group(), m.group()), unicodedata.normalize("NFC", output))


def _join(match: re.Match, order: tuple[int, int, int]) -> str:
    parts = [g for g in match.groups() if g is not None]
    return "".join(parts[i] for i in order)
