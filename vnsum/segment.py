"""Text -> sentences with offsets, each marked with what it is on the page.

Paragraphs are lines (news copy often has no blank lines between them). Within a paragraph a
sentence ends at . ! ? … (plus closing quotes) followed by space and a capital, a digit or an
opening quote, unless the stop belongs to an abbreviation (TP. Hồ Chí Minh, PGS.TS.) or an
initial. Numbers and dates (7,5%; 1.000 tỷ; 17/7) never contain "stop + space" and are safe.
A sentence also starts where a heading, caption or live-blog timestamp ran into it when the page lost its
line break: a sentence opener capitalised right after a word or a closing quote (lexicon/layout.py,
RUN_IN_OPENERS), two spaces before a capitalised word (GLUED_BY_SPACES), a stop with no space after it
(GLUED_AT_STOP). A short capitalised run that ends the article is its byline.
All scans are single regex passes, linear in the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vnsum.document import Kind, Sentence
from vnsum.lexicon.abbreviations import ABBREVIATIONS
from vnsum.lexicon.layout import (
    ANY,
    BROKEN_ACRONYM_AT_STOP,
    BROKEN_ACRONYM_TAIL,
    BYLINE_MAX_SYLLABLES,
    CAPTION_TEXT,
    CITY_ABBREVIATIONS,
    CLOSING_QUOTES,
    CREDIT_AT_END,
    CREDIT_BEFORE_SENTENCE,
    DATELINE,
    DATELINE_AFTER_HEADLINE,
    GLUED_AT_STOP,
    GLUED_BY_SPACES,
    GLUED_CREDIT_END,
    GLUED_TIMESTAMP,
    HEADLINE_ENDS,
    LIST_AFTER_COLON,
    LOWER,
    NAMES_WITH_RUN_IN,
    NAME_BROKEN_AT_ABBREVIATION,
    NOT_A_BREAK_AFTER,
    NOT_A_CITY,
    NOT_BEFORE_A_RUN_IN,
    PHOTO_CREDIT,
    QUOTED_HEADING,
    RUN_IN_CAPITAL,
    RUN_IN_OPENER,
    RUN_IN_OPENERS,
    SAID_AFTER_A_NAME,
    SENTENCE_END,
    SHORT_LINE_MAX_SYLLABLES,
    SOURCE_LINE,
    TIMESTAMP,
    TIME_WORDS,
    TRAILER_MAX_SYLLABLES,
    TRAILER_START,
)

_LINE = re.compile(r"[^\n]+")
_OPENERS = "\"“‘«([•*–-"
#: A straight apostrophe opens a sentence only glued to a capital ("... năm nay. 'Hi vọng ...'"): spaced, it as
#: often closes the quotation before ("... đường xấu '. ' ngon '").
_APOSTROPHE = "'"
_FINAL_PUNCT = ".!?…:;\"”»)"
#: How far back a stop's word can start and still be abbreviations: two of the longest and their dots ("PGS.TS.").
_LONGEST_ABBREVIATION = 2 * max(map(len, ABBREVIATIONS)) + 2


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    paragraph: int
    kind: Kind


def segment(text: str) -> tuple[Sentence, ...]:
    """Split an article into sentences; `text[s.start:s.end] == s.text` for each."""
    spans: list[_Span] = []
    paragraphs = _join_broken_names(text, [(m.start(), m.end()) for m in _LINE.finditer(text) if m.group().strip()])
    trailer_from = _trailer_start(text, paragraphs)
    for p, (start, end) in enumerate(paragraphs):
        if p >= trailer_from:
            spans.extend(_Span(s, e, p, Kind.TRAILER) for s, e in _split_sentences(text, start, end))
            continue
        line = text[start:end].strip()
        if p == 0:
            glued = DATELINE.search(text, start, end)
            head = text[start : glued.start()] if glued else ""
            if glued and head.strip() and not SENTENCE_END.search(head) and _syllables(head) <= SHORT_LINE_MAX_SYLLABLES:
                spans.extend(_strip(text, start, glued.start(), p, Kind.TITLE))
                start = glued.end()
            elif _reads_as_title(text, start, end, more_lines=len(paragraphs) > 1):
                spans.extend(_strip(text, start, end, p, Kind.TITLE))
                continue
        is_last = p + 1 == trailer_from
        spans.extend(_paragraph_spans(text, start, end, p, is_last))
    return tuple(
        Sentence(i=i, start=s.start, end=s.end, text=text[s.start : s.end], paragraph=s.paragraph, kind=s.kind)
        for i, s in enumerate(spans)
    )


def _join_broken_names(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The lines, each joined to the next where the break between them splits a name after its abbreviation
    (NAME_BROKEN_AT_ABBREVIATION): one paragraph, the break read as a space. A byline after it stays apart
    ("... của UBND TP.\nTuyết Nguyễn")."""
    joined: list[tuple[int, int]] = []
    for start, end in lines:
        if (joined and joined[-1][1] + 1 == start and _breaks_a_name(text, joined[-1][0], joined[-1][1])
                and not _reads_as_byline(text[start:end].strip())):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _breaks_a_name(text: str, line: int, newline: int) -> bool:
    """Does the line break at `newline` (ending the line that starts at `line`) follow an abbreviation that the
    name on the next line belongs to?"""
    match = NAME_BROKEN_AT_ABBREVIATION.match(text, max(line, text.rfind(" ", line, newline) + 1), newline + 80)
    if match is None or match.end("abbreviation") + 1 != newline:
        return False
    first, second = match.group("first"), match.group("second") or ""
    if RUN_IN_OPENER.match(text, newline + 1):
        return False
    if match.group("abbreviation") in CITY_ABBREVIATIONS:
        return first == "HCM" or (first not in NOT_A_CITY and second[:1].isupper())
    said = f"{second} {match.group('third') or ''}"
    return second[:1].isupper() or bool(match.group("comma")) or said.startswith(SAID_AFTER_A_NAME)


def _paragraph_spans(text: str, start: int, end: int, p: int, last: bool) -> list[_Span]:
    pieces = _split_sentences(text, start, end)
    line = text[start:end].strip()
    if len(pieces) == 1:
        kind = _standalone_kind(line)
        return [_Span(pieces[0][0], pieces[0][1], p, kind)]
    kinds = [Kind.BODY] * len(pieces)
    for k, (s, e) in enumerate(pieces):
        piece = text[s:e]
        if PHOTO_CREDIT.match(piece):
            kinds[k] = Kind.CAPTION
            # The sentence just before a credit is the caption it credits.
            if k > 0 and kinds[k - 1] is Kind.BODY:
                kinds[k - 1] = Kind.CAPTION
        elif k + 1 < len(pieces) and CREDIT_AT_END.search(piece):
            # A caption and its credit that the next sentence ran into: "... Phùng Xuân Nhạ (Ảnh: Q.H) | Theo ..."
            kinds[k] = Kind.CAPTION
        elif (SOURCE_LINE.match(piece) and k == len(pieces) - 1) or TIMESTAMP.match(piece):
            kinds[k] = Kind.SOURCE
        elif not _ends_sentence(piece) and _reads_as_caption(piece):
            # A caption that the next sentence ran into: "Thủ tướng phát biểu tại hội nghị | Theo ông ..."
            kinds[k] = Kind.CAPTION
        elif k + 1 < len(pieces) and _reads_as_heading(piece):
            # A heading that the next sentence ran into: "Bức tranh kinh tế sáng hơn, tốt hơn | Nhìn lại 1 năm ..."
            kinds[k] = Kind.HEADING
    if last and _reads_as_byline(text[pieces[-1][0] : pieces[-1][1]]):
        # The byline that the article's last line ran into: "... được mùa rớt giá… Phạm Nghĩa".
        kinds[-1] = Kind.BYLINE
    return [_Span(s, e, p, kind) for (s, e), kind in zip(pieces, kinds)]


def _standalone_kind(line: str) -> Kind:
    """Classify a one-sentence paragraph: a credit, caption, source line, byline, heading (a quoted one too:
    QUOTED_HEADING) or body."""
    if PHOTO_CREDIT.match(line):
        return Kind.CAPTION
    if SOURCE_LINE.match(line) or TIMESTAMP.match(line):
        return Kind.SOURCE
    if _reads_as_byline(line):
        # A short run of capitalised syllables is a byline at the end, a speaker's name elsewhere.
        return Kind.BYLINE
    if _reads_as_caption(line):
        return Kind.CAPTION
    if _reads_as_heading(line) or (_syllables(line) <= SHORT_LINE_MAX_SYLLABLES and QUOTED_HEADING.match(line)):
        return Kind.HEADING
    return Kind.BODY


def _reads_as_heading(text: str) -> bool:
    """Short and with no final punctuation: a heading, on its own line or run into the next sentence."""
    return _syllables(text) <= SHORT_LINE_MAX_SYLLABLES and not _ends_sentence(text)


def _reads_as_title(text: str, start: int, end: int, more_lines: bool) -> bool:
    """Is the first line the headline: short, and with no final punctuation, or one sentence ending in "!" or "?"
    (HEADLINE_ENDS) with the article after it?"""
    line = text[start:end].strip()
    if _syllables(line) > 2 * SHORT_LINE_MAX_SYLLABLES:
        return False
    return not _ends_sentence(line) or (more_lines and line.endswith(HEADLINE_ENDS)
                                        and len(_split_sentences(text, start, end)) == 1)


def _reads_as_byline(text: str) -> bool:
    """A few capitalised syllables and no final stop: "Minh Hạnh", "Gia Bách - Thu Hà", "PV"."""
    return _syllables(text) <= BYLINE_MAX_SYLLABLES and not _ends_sentence(text) and _all_capitalised(text)


def _reads_as_caption(text: str) -> bool:
    """Short and worded like a photo caption ("Quang cảnh hội nghị", "... phát biểu tại hội nghị")."""
    return _syllables(text) <= SHORT_LINE_MAX_SYLLABLES and bool(CAPTION_TEXT.search(text))


def _split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans (stripped of surrounding space) inside text[start:end]."""
    cuts = [start]
    cuts += [m.end() for m in GLUED_CREDIT_END.finditer(text, start, end) if _starts_sentence(text, m.end(), end)]
    cuts += [m.start() for m in RUN_IN_CAPITAL.finditer(text, start, end) if _opens_run_in(text, m.start(), start, end)]
    cuts += [m.end() for m in GLUED_BY_SPACES.finditer(text, start, end) if _spaces_break(text, m.start(), start)]
    cuts += [m.end() for m in LIST_AFTER_COLON.finditer(text, start, end)]
    cuts += [m.end() for m in DATELINE_AFTER_HEADLINE.finditer(text, start, end)]
    cuts += [m.end() for m in CREDIT_BEFORE_SENTENCE.finditer(text, start, end)]
    cuts += [m.end() for m in GLUED_AT_STOP.finditer(text, start, end) if not _is_abbreviation(text, m.start(), start)]
    cuts += [m.end() for m in BROKEN_ACRONYM_AT_STOP.finditer(text, start, end) if not _is_abbreviation(text, m.end() - 1, start)]
    for m in GLUED_TIMESTAMP.finditer(text, start, end):
        cuts += [m.start(), m.end()]
    for m in SENTENCE_END.finditer(text, start, end):
        after = m.end()
        if after >= end or not text[after].isspace() or not _starts_sentence(text, after, end, _OPENERS):
            continue
        if m.group().startswith(".") and len(m.group().rstrip("\"”’»)]")) == 1 and _is_abbreviation(text, m.start(), start):
            continue
        cuts.append(after)
    cuts.append(end)
    cuts.sort()
    spans = []
    for a, b in zip(cuts, cuts[1:]):
        span = _trim(text, a, b)
        if span:
            spans.append(span)
    return spans


def _starts_sentence(text: str, at: int, end: int, openers: str = "") -> bool:
    """Does a sentence start after the spaces at `at` (a capital, a digit or one of `openers` next)?"""
    while at < end and text[at].isspace():
        at += 1
    if at + 1 < end and text[at] == _APOSTROPHE and openers:
        return text[at + 1].isupper()
    return at < end and (text[at].isupper() or text[at].isdigit() or text[at] in openers)


def _opens_run_in(text: str, at: int, floor: int, end: int) -> bool:
    """Does a RUN_IN_OPENERS opener start at `at`, after a word (or a word and its closing quote), one that no
    heading ends on and that makes no name with it (NOT_BEFORE_A_RUN_IN, NAMES_WITH_RUN_IN), and does the word after
    the opener allow it (a lower-case word, a number ...)?"""
    match = RUN_IN_OPENER.match(text, at, end)
    if match is None:
        return False
    before = at - 1
    while before > floor and text[before] in " \t":
        before -= 1
    if before > floor and text[before] in CLOSING_QUOTES:
        before -= 1
    if before < floor or not text[before].isalnum():
        return False
    word = text[max(floor, before - 20) : before + 1].split()[-1]
    opener = match.group("opener")
    if word in NOT_BEFORE_A_RUN_IN or (word.lower(), opener) in NAMES_WITH_RUN_IN:
        return False
    rule, after = RUN_IN_OPENERS[opener], match.group("next")
    if rule == ANY:
        return True
    if rule == LOWER:
        return after[:1].islower()
    return after[:1].isdigit() or after in TIME_WORDS


def _spaces_break(text: str, at: int, floor: int) -> bool:
    """Do the GLUED_BY_SPACES spaces at `at` follow something that can end a line (not a comma, not the start)?"""
    return at > floor and text[at - 1] not in NOT_A_BREAK_AFTER


def _is_abbreviation(text: str, dot: int, floor: int) -> bool:
    """Is the word ending at `dot` an abbreviation or an initial ("TP.", "PGS.TS.", "N.")?"""
    # Bounded, so that a page of "Ab...Ab...Ab..." with no space stays linear.
    floor = max(floor, dot - _LONGEST_ABBREVIATION)
    begin = dot
    while begin > floor and not text[begin - 1].isspace() and text[begin - 1] not in "(\"“":
        begin -= 1
    token = text[begin:dot]
    if not token:
        return False
    parts = [part for part in token.split(".") if part]
    if not parts:
        return False
    if all(part in ABBREVIATIONS for part in parts):
        return True
    tail = BROKEN_ACRONYM_TAIL.search(text, max(floor, begin - 6), dot)
    if tail and tail.end() == dot:  # "US D.": the last letter of a split "USD.", unless that is one ("T S.")
        return tail.group().replace(" ", "") in ABBREVIATIONS
    return len(token) == 1 and token.isupper()


def _trailer_start(text: str, paragraphs: list[tuple[int, int]]) -> int:
    for p, (start, end) in enumerate(paragraphs):
        line = text[start:end].strip()
        if p > 0 and _syllables(line) <= TRAILER_MAX_SYLLABLES and TRAILER_START.match(line):
            return p
    return len(paragraphs)


def _strip(text: str, start: int, end: int, p: int, kind: Kind) -> list[_Span]:
    span = _trim(text, start, end)
    return [_Span(span[0], span[1], p, kind)] if span else []


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _ends_sentence(line: str) -> bool:
    return bool(line) and line[-1] in _FINAL_PUNCT


def _syllables(text: str) -> int:
    return len(text.split())


def _all_capitalised(line: str) -> bool:
    words = [w for w in re.split(r"[\s\-–,/]+", line) if w]
    return bool(words) and all(w[0].isupper() for w in words)
