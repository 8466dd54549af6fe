"""Labelled sentences -> the bullets of each section: ranked, near-duplicates merged, trimmed.

Extractive by contract: a bullet's text is a span of one source sentence, possibly cut at a
clause boundary (marked with "…") and stripped of a leading connective ("Tuy nhiên, "), its first
letter upper case; it is never reworded. A sentence inside a quotation that runs over a few sentences
brings the whole quotation (vnsum/quotes.py): alone it would lack its speaker or open mid-quotation. In a
longer one, the sentence's quotation marks are paired (a mark added, or the text cut before an unclosed one).
Ranking is linear in the article: each sentence is compared with its section's centroid, not with every other
sentence.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from vnsum.document import SECTIONS, Bullet, Kind, Label, Sentence
from vnsum.lexicon.cues import CONNECTIVES, CONTRAST, LEANS_ON_OPENER, SCOPE_OPENERS, TIED_OPENERS
from vnsum.lexicon.guard import (
    ADDRESSEE_HEADS,
    ASKED_ONLY_SYLLABLES,
    ATTRIBUTION_OPENERS,
    CUT_BEFORE,
    ELABORATORS,
    FRAME_OPENERS,
    LIST_OPENERS,
    MEANS_ANSWERS,
    MEANS_START,
    NOMINAL_SUBJECTS,
    OBJECT_AFTER_ENDS,
    PREDICATE_MARKERS,
    PREMISE_START,
    REPORTING_VERBS,
    SPEAKERLESS_VERBS,
    SPEECH_ONLY_ENDS,
    UNFINISHED_ENDS,
)
from vnsum.lexicon.layout import ITEM_MARKER, LEADING_DATELINE
from vnsum.quotes import ASKING_VERBS, SAYING_VERBS, pair_marks, quotation_end, quotation_span
from vnsum.syllables import CLAUSE_BREAK, contains, last_clause, syllables

DEFAULT_MAX_BULLETS = 5
#: Bullets longer than this many syllables are cut at the last clause boundary before it.
MAX_BULLET_SYLLABLES = 48
#: ... but never shorter than this, so a cut keeps a whole point.
MIN_CUT_SYLLABLES = 14
#: With no place to cut before MAX_BULLET_SYLLABLES, the first one before this; with none, the sentence stays
#: whole (a long bullet is better than a broken one).
LONG_BULLET_SYLLABLES = 72
#: Jaccard overlap of syllable bigrams above which two sentences say the same thing.
DUPLICATE_OVERLAP = 0.45
#: A sentence whose label the labeller gives less probability than its section's floor is not printed as a bullet:
#: a bullet under the wrong heading misleads more than a missing one. A labeller may bring its own floors, chosen on
#: its cross-validation (`bullet_floors` in models/labeller-e5/vnsum.json, scripts/bullet_precision.py --scan);
#: these are the others'.
MIN_BULLET_CONFIDENCE: dict[Label, float] = {
    Label.ACHIEVEMENT: 0.6,
    Label.LIMITATION: 0.6,
    Label.DIRECTIVE: 0.6,
}

_NUMBER = re.compile(r"\d")
_LEANS_ON_OPENER = re.compile(rf"(?:{LEANS_ON_OPENER})\s", re.IGNORECASE)
_LEAD_CONNECTIVE = re.compile(rf"^(?!(?:{SCOPE_OPENERS})(?!\w))(?:{TIED_OPENERS}|{CONNECTIVES}|{CONTRAST})", re.IGNORECASE)
_CUT_BEFORE = tuple(opener + " " for opener in CUT_BEFORE)
_ELABORATORS = tuple(word + " " for word in ELABORATORS)
_NOMINAL_SUBJECTS = tuple(word + " " for word in NOMINAL_SUBJECTS)
_LINK_THEN_SPEAKERLESS = re.compile(rf"^(?:{CONNECTIVES})(?:{'|'.join(SPEAKERLESS_VERBS)})(?!\w)", re.IGNORECASE)
_PAIRS = (("(", ")"), ("“", "”"), ("‘", "’"))
_LIST_OPENERS = tuple(opener.split() for opener in LIST_OPENERS)
#: Words a kept part cannot end on: verbs of saying (what was said follows), verbs whose object comes later and the
#: guard's unfinished ends.
_NEEDS_OBJECT = tuple(verb.split() for verb in REPORTING_VERBS + SPEECH_ONLY_ENDS + OBJECT_AFTER_ENDS) + (["trong", "đó"],)
_FRAME_OPENERS = tuple(verb.split() for verb in FRAME_OPENERS)
_AFTER_MEANS = tuple(word.split() for word in PREDICATE_MARKERS) + tuple(SAYING_VERBS)
_ATTRIBUTION_OPENERS = tuple(word + " " for word in ATTRIBUTION_OPENERS)


def select_bullets(sentences: tuple[Sentence, ...], max_bullets: int = DEFAULT_MAX_BULLETS,
                   floors: dict[Label, float] | None = None) -> dict[str, tuple[Bullet, ...]]:
    """Up to `max_bullets` bullets for each section, best first, of sentences whose label has at least its section's
    floor of probability (`floors`, else MIN_BULLET_CONFIDENCE)."""
    floors = floors or MIN_BULLET_CONFIDENCE
    sections: dict[str, tuple[Bullet, ...]] = {}
    for name, label in SECTIONS:
        candidates = [s for s in sentences if s.label is label and s.kind is Kind.BODY
                      and s.confidence >= floors[label] and _stands_alone(s.text)]
        sections[name] = _pick(candidates, sentences, max_bullets)
    return sections


def _stands_alone(text: str) -> bool:
    """Can this sentence be a bullet at all: not one that only announces a list (it ends on its colon) or is an item
    of one (it ends on its semicolon: "- Vụ án \"Tham ô tài sản\" xảy ra tại ...;", seeds 173 and 179), nor one whose
    speaker is in the sentence before ("Đồng thời bày tỏ mong muốn ...": SPEAKERLESS_VERBS)?"""
    return not text.rstrip().endswith((":", ";")) and not _LINK_THEN_SPEAKERLESS.match(text)


def _pick(candidates: list[Sentence], sentences: tuple[Sentence, ...], max_bullets: int) -> tuple[Bullet, ...]:
    """The best `max_bullets` candidates, each with the near-duplicates it stands for; a candidate inside a
    quotation that runs over several sentences carries it whole, and another from the same quotation is its
    duplicate."""
    if not candidates or max_bullets <= 0:
        return ()
    bags = [Counter(syllables(s.text)) for s in candidates]
    centroid: Counter[str] = Counter()
    for bag in bags:
        centroid.update(set(bag))
    ranked = sorted(
        range(len(candidates)),
        key=lambda k: (-_importance(candidates[k], bags[k], centroid, len(candidates)), candidates[k].i),
    )
    chosen: list[tuple[int, set[tuple[str, str]], list[int], range]] = []
    for k in ranked:
        grams = _bigrams(bags[k], candidates[k].text)
        first, last = quotation_span(sentences, candidates[k].i) or (candidates[k].i, candidates[k].i)
        duplicate = next((c for c in chosen if _jaccard(grams, c[1]) >= DUPLICATE_OVERLAP
                          or (first <= c[3][-1] and last >= c[3][0])), None)
        if duplicate is not None:
            duplicate[2].append(candidates[k].i)
            continue
        if len(chosen) < max_bullets:
            chosen.append((k, grams, [candidates[k].i], range(first, last + 1)))
    return tuple(
        Bullet(
            text=(_text(candidates[k]) if len(span) == 1
                  else _carried_whole(sentences[span.start : span.stop])),
            sources=tuple(span) + tuple(sorted(set(sources) - set(span))),
            score=round(_importance(candidates[k], bags[k], centroid, len(candidates)), 4),
            span=len(span),
        )
        for k, _, sources, span in chosen
    )


def _text(sentence: Sentence) -> str:
    """One sentence as a bullet: trimmed, its quotation marks paired when it sits in a longer quotation."""
    return pair_marks(trim(sentence.line), MIN_CUT_SYLLABLES)


def _carried_whole(quotation: tuple[Sentence, ...]) -> str:
    """A quotation's sentences as one bullet: a leading connective stripped, upper case first, never cut (a cut
    would leave it without its speaker or its closing mark)."""
    return sentence_case(_strip_connective(" ".join(s.line for s in quotation)))


def _importance(sentence: Sentence, bag: Counter[str], centroid: Counter[str], n: int) -> float:
    """Confidence x centrality x length, with a nudge for concrete figures."""
    if not bag:
        return 0.0
    shared = sum(min(count, 1) * (centroid[token] - 1) for token, count in bag.items())
    centrality = (1.0 + shared / max(n - 1, 1)) / math.sqrt(len(bag))
    length = min(len(bag), 30) / 30
    figures = 1.15 if _NUMBER.search(sentence.text) else 1.0
    return sentence.confidence * centrality * (0.5 + length) * figures


def trim(text: str) -> str:
    """A sentence as a bullet: a leading connective stripped, the first letter upper case, and an over-long
    sentence cut where what stays is a whole statement (then it ends in " …"); with no such place it stays whole.

    Cuts fall before "; " or before ", " and an opener of a clause that may go (CUT_BEFORE), never after a "; "
    (the items after one make a list, and a cut inside a list reads as broken), inside brackets or quotation marks,
    after a colon or a list opener (LIST_OPENERS: a list may follow) or after a word that needs what follows
    ("cho biết", "trong đó", "là"). The latest cut under MAX_BULLET_SYLLABLES wins, else the earliest under
    LONG_BULLET_SYLLABLES.
    """
    text = sentence_case(_strip_connective(text))
    words = text.split()
    if len(words) <= MAX_BULLET_SYLLABLES:
        return text
    floor = len(" ".join(words[:MIN_CUT_SYLLABLES]))
    ceiling = len(" ".join(words[:LONG_BULLET_SYLLABLES]))
    if quotation_end(text) > ceiling:  # the tail of a quotation whose closing mark and speaker come after any cut
        return text
    cuts = [cut for cut in clause_cuts(text[: ceiling + 2]) if floor <= cut <= ceiling]  # cost bounded per sentence
    short = [cut for cut in cuts if cut <= len(" ".join(words[:MAX_BULLET_SYLLABLES]))]
    cut = short[-1] if short else cuts[0] if cuts else None
    return text if cut is None else text[:cut] + " …"


def _strip_connective(text: str) -> str:
    """`text` without a list item's marker ("- Xây dựng ..."), a paper's dateline ("TTO - ") and a leading
    connective."""
    text = LEADING_DATELINE.sub("", ITEM_MARKER.sub("", text, count=1), count=1)
    stripped = _LEAD_CONNECTIVE.sub("", text, count=1)
    return stripped if stripped and not _LEANS_ON_OPENER.match(stripped) else text


def sentence_case(text: str) -> str:
    """The text with its first letter upper case (a bullet reads as a sentence)."""
    return text[:1].upper() + text[1:]


def leaves_open(text: str) -> bool:
    """Does `text` open a bracket or a curly quotation it does not close (so it was cut inside one)?"""
    return any(text.count(opening) > text.count(closing) for opening, closing in _PAIRS)


def clause_cuts(text: str) -> list[int]:
    """Offsets where `text` may end, the rest of it cut (see trim)."""
    cuts = []
    opening = syllables(text)[:2]
    framed = any(opening[: len(verb)] == verb for verb in _FRAME_OPENERS)
    opening_clause = _after_attribution(text.lower())
    premise = bool(PREMISE_START.match(opening_clause))
    means = not premise and bool(MEANS_START.match(opening_clause))
    nominal = text.lower().startswith(_NOMINAL_SUBJECTS)
    speaker = quotation_end(text)  # a quotation's tail: no cut before its closing mark and who said it
    for match in CLAUSE_BREAK.finditer(text, speaker):
        head = text[: match.start()]
        if ";" in head:  # "A; B; C" is a list: a cut after B, or inside it, leaves it broken
            break
        if ":" in head or leaves_open(head) or head.count('"') % 2:
            continue
        kept = syllables(head)
        if not kept or kept[-1] in UNFINISHED_ENDS or any(kept[-len(v):] == v for v in _NEEDS_OBJECT):
            continue
        if contains(kept, _LIST_OPENERS):
            break
        if (framed or premise or means) and not _main_clause_begun(head, kept, premise, means):
            continue
        if _asks_whom_only(head):
            continue
        rest = text[match.end() :].lower()
        if nominal and rest.startswith(_ELABORATORS):
            continue
        if match.group().startswith(";") or rest.startswith(_CUT_BEFORE):
            cuts.append(match.start())
    return cuts


def _after_attribution(text: str) -> str:
    """`text` after an attribution that opens it ("theo bộ trưởng, với sự chỉ đạo ..." -> "với sự chỉ đạo ...",
    "cũng theo vinachem, mặc dù ..."), where its own clause, premise or not, begins."""
    return text.split(", ", 1)[1] if text.startswith(_ATTRIBUTION_OPENERS) and ", " in text else text


def _main_clause_begun(head: str, kept: list[str], premise: bool, means: bool = False) -> bool:
    """Has the part of a sentence opening with a frame, a premise or its means before a cut reached its main clause:
    a capitalised subject right after a comma ("Phát biểu tại Hội nghị, Thủ tướng ...", "Để ..., Thủ tướng yêu
    cầu"), "thì" after a premise ("Nếu ... thì ..."), "thì", "nên", a predicate's marker or a verb of saying after the
    means ("Nhờ ..., ý thức ... đã từng bước được nâng lên", "Nhờ ... nên năm nay quận đã vượt ...") or a verb of
    saying after a frame ("..., nhiều đại biểu đề xuất")?
    A capital elsewhere is a name inside the frame ("Quan tâm đến việc nhập khẩu công nghệ vào Việt Nam"). `kept`:
    the head's syllables, whose first two are the frame's own verb."""
    parts = head.split(",")[1:]
    if any(part.lstrip()[:1].isupper() for part in parts):
        return True
    if means:
        return any(word in kept for word in MEANS_ANSWERS) or any(contains(syllables(part), _AFTER_MEANS) for part in parts)
    return "thì" in kept if premise else contains(kept[2:], SAYING_VERBS)


def _asks_whom_only(head: str) -> bool:
    """Does `head` end on the one asked, right after a verb of asking ("... yêu cầu các Bộ liên quan"), so what is
    asked is still to come (ADDRESSEE_HEADS)?"""
    clause = last_clause(head)
    for start in range(max(0, len(clause) - ASKED_ONLY_SYLLABLES - 2), len(clause)):
        verb = next((v for v in ASKING_VERBS if clause[start : start + len(v)] == v), None)
        if verb and 0 < len(clause) - start - len(verb) <= ASKED_ONLY_SYLLABLES:
            return clause[start + len(verb)] in ADDRESSEE_HEADS
    return False


def _bigrams(bag: Counter[str], text: str) -> set[tuple[str, str]]:
    tokens = syllables(text)
    return set(zip(tokens, tokens[1:])) or {(t, "") for t in bag}


def _jaccard(a: set[tuple[str, str]], b: set[tuple[str, str]]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def same_point(a: str, b: str) -> bool:
    """Do two bullets say the same thing (syllable-bigram overlap at least DUPLICATE_OVERLAP)?"""
    return _jaccard(_bigrams(Counter(syllables(a)), a), _bigrams(Counter(syllables(b)), b)) >= DUPLICATE_OVERLAP
