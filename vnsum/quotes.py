"""Quotations that run over several sentences: which sentences one spans, so a bullet can carry it whole.

A reporter's "“A. B”, ông X nói." is segmented into two sentences, and either alone reads wrong as a bullet: the
first has no speaker, the second opens mid-quotation with a dangling closing mark. GUIDELINES lets such a
quotation be one item; `quotation_span` finds its sentences. One too long for a bullet leaves its sentence alone,
with the marks it has paired by `pair_marks`, so the bullet still reads as a quotation. Curly marks say which way they
face; straight ones (VietNews prints them spaced either way: `"Phải ...`, `... như thế này ",`) are read from
their neighbours.
"""

from __future__ import annotations

import re

from vnsum.document import Kind, Sentence
from vnsum.lexicon.guard import DIRECTIVE_VERBS, FRAMED_SPEECH, REPORTING_VERBS, SPEECH_ONLY_ENDS
from vnsum.syllables import contains, last_clause, syllables

#: Sentences one quotation may run over and still be printed as one bullet; a longer one stays cut.
MAX_QUOTATION_SENTENCES = 4
#: Syllables a bullet carrying a whole quotation may reach (a reader forgives a long bullet, not a broken one).
MAX_QUOTATION_SYLLABLES = 90

_OPENING, _CLOSING = "“«", "”»"
#: Curly, guillemet and straight marks, and two apostrophes written for a straight closing mark (`mới'' - đại biểu`).
_MARK = re.compile(r"[“”«»\"]|''")
#: A straight mark closes when punctuation follows it (`như thế này ",`, `lại "-`) or ends what comes before it
#: (`phát triển được," ông Vinh nói`) ...
_CLOSES_BEFORE = ",.;:!?)…-–—"
_CLOSES_AFTER = ",.;!?…"
#: ... and opens at the start, or after a space, a colon or a bracket with a word right after it (`: "Phải`).
_OPENS_AFTER = " :(\n"
#: Where a closing mark added to a bullet goes: before a " …" that marks a cut, else at the very end.
_CUT_MARK = " …"
#: Verbs of saying that introduce a quotation or follow a frame (vnsum.lexicon.guard's tables), as lists of
#: syllables; select.py reads them too.
SAYING_VERBS = tuple(verb.split() for verb in REPORTING_VERBS + SPEECH_ONLY_ENDS + FRAMED_SPEECH)
#: Verbs of asking, the quotation after the one asked being what is asked ("giao" and "chỉ đạo" left out: also
#: parts of words and nouns, "giao thông", "lãnh đạo, chỉ đạo"); select.py reads them too.
ASKING_VERBS = tuple(verb.split() for verb in DIRECTIVE_VERBS if " " in verb and verb != "chỉ đạo")
#: The opening mark a closing one pairs with.
_PARTNER = dict(zip(_CLOSING, _OPENING))


def marks(text: str) -> list[bool]:
    """The quotation marks of `text` in order, each True where it opens a quotation and False where it closes one."""
    out: list[bool] = []
    straight_open = ""  # the straight mark before, where it opened: the same mark after it closes
    for match in _MARK.finditer(text):
        mark, at = match.group(), match.start()
        if mark in _OPENING or mark in _CLOSING:
            out.append(mark in _OPENING)
            straight_open = ""
            continue
        after = text[match.end() : match.end() + 1]
        before = text[at - 1 : at] if at else " "
        if not after or after in _CLOSES_BEFORE or before in _CLOSES_AFTER:
            out.append(False)
        elif before in _OPENS_AFTER and not after.isspace() and straight_open != mark:
            out.append(True)
        else:  # spaced on both sides, or glued to the word before: the other way from the mark before it
            out.append(not out[-1] if out else True)
        straight_open = mark if out[-1] else ""
    return out


def quotation_end(text: str) -> int:
    """Where a quotation that `text` begins inside of ends: the offset of its first closing mark with no opening
    mark before it ("... các thành phố lớn của cả nước” – Thủ tướng nhấn mạnh."), or 0. A cut before it would drop
    the speaker that follows it and state the quotation as fact."""
    unopened = _first_unopened(text)
    return unopened.start() if unopened else 0


def _first_unopened(text: str) -> re.Match | None:
    """The first closing mark of `text` with no opening mark before it, counting any quotations inside."""
    depth = 0
    for match, opening in zip(_MARK.finditer(text), marks(text)):
        depth += 1 if opening else -1
        if depth < 0:
            return match
    return None


def quotation_span(sentences: tuple[Sentence, ...], i: int) -> tuple[int, int] | None:
    """(first, last) index of the sentences a quotation that sentence `i` opens, closes or sits inside runs over,
    or None: `i` stands alone, or the quotation is longer than a bullet may be or its ends are not found."""
    first = _opener(sentences, i) if _starts_inside(sentences, i) else i
    last = _closer(sentences, i) if _ends_inside(sentences, i) else i
    if first is None or last is None or (first, last) == (i, i) or last - first >= MAX_QUOTATION_SENTENCES:
        return None
    if any(s.kind is not Kind.BODY for s in sentences[first : last + 1]):
        return None
    if sum(len(s.text.split()) for s in sentences[first : last + 1]) > MAX_QUOTATION_SYLLABLES:
        return None
    return first, last


def _starts_inside(sentences: tuple[Sentence, ...], i: int) -> bool:
    """Does sentence `i` begin inside a quotation: its first mark closes one, or it has none and the nearest marked
    sentence before it left one open?"""
    own = marks(sentences[i].text)
    if own:
        return not own[0]
    before = _nearest_marked(sentences, i, -1)
    return bool(before and before[1][-1])


def _ends_inside(sentences: tuple[Sentence, ...], i: int) -> bool:
    """Does sentence `i` end inside a quotation (its last mark opens one, or it begins inside one and has no mark)?"""
    own = marks(sentences[i].text)
    return own[-1] if own else _starts_inside(sentences, i)


def _opener(sentences: tuple[Sentence, ...], i: int) -> int | None:
    """The sentence before `i` whose last mark opens the quotation `i` begins inside; None past the limit."""
    before = _nearest_marked(sentences, i, -1)
    return before[0] if before and before[1][-1] else None


def _closer(sentences: tuple[Sentence, ...], i: int) -> int | None:
    """The sentence after `i` whose first mark closes the quotation `i` ends inside; None past the limit."""
    after = _nearest_marked(sentences, i, 1)
    return after[0] if after and not after[1][0] else None


def _nearest_marked(sentences: tuple[Sentence, ...], i: int, step: int) -> tuple[int, list[bool]] | None:
    """The nearest sentence before (`step` -1) or after (1) sentence `i` that has a quotation mark, within the
    sentences a quotation may run over, and its marks; None if there is none."""
    stop = max(-1, i - MAX_QUOTATION_SENTENCES) if step < 0 else min(len(sentences), i + MAX_QUOTATION_SENTENCES)
    for j in range(i + step, stop, step):
        found = marks(sentences[j].text)
        if found:
            return j, found
    return None


def pair_marks(text: str, min_head_words: int) -> str:
    """`text` (a sentence of a quotation too long to carry whole, as a bullet) with its own quotation marks
    paired: an opening mark added before a closing one it lacks (also after a quotation inside it: "tôi đề nghị
    tránh việc “mua quan bán chức” ... đã nêu” - ông Đệ ..."), and after an opening one it never closes, the
    text cut before that mark (" …", when at least `min_head_words` words come before it: "... đổi mới DNNN
    “Chúng ta ...") or a closing mark added. A sentence with no mark is left as it is: marks put round a
    sentence from what its neighbours hold would quote the reporter when a neighbour's mark is a stray one.
    Words are never changed."""
    opening, closing = _style(text)
    found = marks(text)
    lacking = opening if found and not found[0] else ""
    # a curly closing mark with no opening one before it, even after a quotation inside (straight marks are read
    # from their neighbours: too unsure to count)
    if text[:1] not in _OPENING and all(mark in _OPENING + _CLOSING for mark in _MARK.findall(text)) and (
            unopened := _first_unopened(text)):
        lacking = _PARTNER[unopened.group()]
    if lacking:
        text, found = lacking + text, [True] + found
    if not found or not found[-1]:
        return text
    last_open = [match.start() for match in _MARK.finditer(text)][len(found) - 1]
    head = text[:last_open].rstrip(" ,;:")
    if (last_open > 0 and len(head.split()) >= min_head_words and marks(head).count(True) == marks(head).count(False)
            and not _introduces(text[:last_open])):
        return head + _CUT_MARK
    body = text.removesuffix(_CUT_MARK)
    return body + closing + text[len(body) :]


def _introduces(head: str) -> bool:
    """Does `head`, the text before a quotation's opening mark, introduce what the quotation says (a colon, a verb
    of saying at its end: "Thủ tướng ... cũng chỉ rõ: “...", or a verb of asking in its last clause: "... yêu cầu
    Công ty CP Điện lực Khánh Hoà “không được ...")? Cut there, a bullet would be the frame alone."""
    if head.rstrip().endswith(":"):
        return True
    words = syllables(head)
    return any(words[-len(verb) :] == verb for verb in SAYING_VERBS) or contains(last_clause(head), ASKING_VERBS)


def _style(text: str) -> tuple[str, str]:
    """The pair of marks `text` writes quotations with: straight if it has only straight ones, else curly."""
    return ('"', '"') if '"' in text and not any(mark in text for mark in _OPENING + _CLOSING) else ("“", "”")
