"""Sentences -> Meta: the meeting's title, name, date, chair, organiser and location, as written.

Read from the lead (the first sentences, captions included: a caption often names the chair).
Every field is a substring of the article, or None: meta never invents.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import replace

from vnsum.document import Kind, Meta, Person, Sentence
from vnsum.lexicon.meta import (
    CHAIR_CUE,
    COMMA_PAIRS,
    DASH_PAIRS,
    DATE,
    DATE_RANGE,
    DAY_MONTH_YEAR,
    EVENT_ASIDES,
    EVENT_CONTINUATIONS,
    EVENT_HAPPENED,
    EVENT_TO_COME,
    EVENT_LIST_BREAKS,
    EVENT_PURPOSE_VERBS,
    EVENT_LIST_CLOSERS,
    EVENT_NOUNS,
    EVENT_STOPS,
    EVENT_VENUES,
    HONORIFICS,
    ORGANISED_BY,
    ORGANISER_CUE,
    PLACE_ABBREVIATIONS,
    PLACE_LIST_NOUNS,
    PLACES,
    RELATIVE_DATE,
    RELATIVE_DAYS,
    ROLE_ENDS,
    SURNAMES,
    TITLE_WORDS,
    TITLED_NOUNS,
    YEAR_MONTH_DAY,
)

#: How many leading sentences are searched: the who/when/where of a report sits in its lead.
LEAD_SENTENCES = 8
#: A line this short with a full date in it is a dateline or a timestamp ("Thứ Năm, 12/01/2017 09:30").
DATELINE_MAX_WORDS = 8
MAX_CHAIRS = 4

_EVENT_RE = re.compile("".join(f"(?<!{venue} )" for venue in EVENT_VENUES) + rf"(?<!\w)(?:{EVENT_NOUNS})(?!\w)",
                       re.IGNORECASE)
_EVENT_STOP_RE = re.compile(EVENT_STOPS, re.IGNORECASE)
#: A mention opening its clause: at the sentence's start or after one short opener ("Chiều 7/7, ").
_CLAUSE_OPENING_RE = re.compile(r"(?:^|^[^,.;:]{1,40},\s+)$")
_HAPPENED_RE = re.compile(rf"(?P<before>[^.;:!?]{{0,240}}?)\s(?:{EVENT_HAPPENED})(?!\w)")
_TO_COME_RE = re.compile(rf"(?<!\w)(?:{EVENT_TO_COME})(?!\w)")
_ORGANISED_BY_RE = re.compile(rf"\s+{ORGANISED_BY}")
_CONTINUATION_RE = re.compile(rf"^(?:{EVENT_CONTINUATIONS})(?!\w)", re.IGNORECASE)
_PURPOSE_RE = re.compile(rf"\s+(?:{EVENT_PURPOSE_VERBS})$", re.IGNORECASE)
_LIST_CLOSER_RE = re.compile(rf"\s(?:{EVENT_LIST_CLOSERS})\s")
_LIST_BREAK_RE = re.compile(rf"^(?:{EVENT_LIST_BREAKS})(?!\w)", re.IGNORECASE)
_ASIDE_RE = re.compile(rf"(?<!\w)(?:{EVENT_ASIDES})\s+$", re.IGNORECASE)
#: How far before a mention its aside is looked for: the longest aside and its spaces, with room to spare. A search
#: from the sentence's start would make a sentence of n mentions cost n² ("hội nghị hội nghị ...").
_ASIDE_REACH = 60
_PLACE_NAMES_RE = re.compile(rf"(?<!\w)(?:{PLACE_LIST_NOUNS})((?:\s+\S+){{1,3}})$")
_DASH_RE = re.compile(r"\s+[-–]\s+")
_TITLED_COLON_RE = re.compile(rf"(?<!\w)(?:{TITLED_NOUNS})(?:\s+\S+){{0,2}}$", re.IGNORECASE)
_QUOTE_AFTER_COLON_RE = re.compile(r"\s*[“\"]")
#: What a later mention of the same meeting may add to its name: its term, number or year ("..., khoá XII",
#: " lần thứ 52", "/2017"), in a few words at most.
_ADDED_TERM_RE = re.compile(r",?\s*(?:kh(?:óa|oá)|lần\s+(?:thứ|\d)|nhiệm kỳ|năm|tháng|số|/|\d)", re.IGNORECASE)
ADDED_TERM_WORDS = 4
#: Mentions whose names a chosen name may be lengthened from: a lead names its meeting a few times, and a text of
#: thousands of mentions ("hội nghị hội nghị ...") must not cost thousands of cuts each.
FULLER_MENTIONS = 16
_WORKING_NOUN_RE = re.compile(r"(?:buổi|cuộc) làm việc", re.IGNORECASE)
#: A working session named by its verb ("Bộ trưởng làm việc với UBND tỉnh ... về ..."), not by "buổi làm việc".
_WORKING_RE = re.compile(r"(?<!\w)(?<![Bb]uổi )(?<![Cc]uộc )làm việc với(?!\w)(?! tinh thần| hiệu quả| trách nhiệm)")
_PLACE_ABBREVIATION_RE = re.compile(rf"(?<!\w)(?:{PLACE_ABBREVIATIONS})$")
#: How far before a colon its titled noun and after a full stop a place's name are looked for: searches bounded so
#: that a text of many colons or stops stays linear.
_TITLED_REACH = 40
_NAME_REACH = 40
#: Syllables a capitalised quoted title may stand after its noun: "Hội nghị bàn tròn “Thủ tướng ...”", "hội thảo
#: triển khai chương trình “Tri thức trẻ ...”".
QUOTED_TITLE_REACH = 4
#: Characters a quoted title runs to at most (the longest in the pool's names: about 260).
QUOTED_TITLE_CHARS = 400
#: An abbreviation in brackets inside a name: "Luật Đấu giá tài sản (ĐGTS) khu vực phía Bắc".
_ABBREVIATION_RE = re.compile(r"\([A-ZĐ][A-ZĐ0-9&\-]{1,11}\)")
#: Words at most in a list item an event name runs on through, and in a short item (two of which make a list).
LIST_ITEM_WORDS = 8
SHORT_ITEM_WORDS = 2
_OPENING_QUOTES = ("“", '"')
_DATE_RE = re.compile(rf"(?<![\w.,/\-]){DATE}(?![\w/])")
_RELATIVE_DATE_RE = re.compile(rf"(?<!\w){RELATIVE_DATE}(?!\w)")
_DATE_RANGE_RE = re.compile(rf"(?<!\w){DATE_RANGE}(?![\w/])")
_DAY_MONTH_YEAR_RE = re.compile(DAY_MONTH_YEAR)
_YEAR_MONTH_DAY_RE = re.compile(YEAR_MONTH_DAY)
_LAST_DAY_RE = re.compile(r"\d{1,2}\s*[/.\-]\s*\d{1,2}(?:\s*[/.\-]\s*\d{4})?$")
_YEAR_RE = re.compile(r"\s*[/.\-]\s*(?:19|20)\d\d(?!\d)")
_DAY_MONTH_RE = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?!\s*[/.\-]\s*\d)")
_CHAIR_RE = re.compile(rf"(?<!\w)(?:{CHAIR_CUE})(?!\w)", re.IGNORECASE)
_ORGANISER_RE = re.compile(
    rf"(?:(?<!\w)do\s+(?P<agent>[^,.;]{{3,120}}?)\s+(?:{ORGANISER_CUE})(?!\w))"
    rf"|(?:(?P<subject>[^,.;]{{3,120}}?)\s+(?:đã\s+)?(?:{ORGANISER_CUE})\s+(?:{EVENT_NOUNS}))",
    re.IGNORECASE,
)
_LOCATION_RE = re.compile(r"(?<!\w)tại\s+(?P<place>(?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ]|trụ sở|hội trường|thành phố|tỉnh|huyện|quận|TP)[^,.;:()]{1,80})")
_LOCATION_STOP_RE = re.compile(r"\s+(?:đã|diễn ra|với|dưới|do|về|để|nhằm|vào|có|cho)\b")
_WORD_RE = re.compile(r"[^\s,.;:!?()\"“”]+")
_TITLE_RE = re.compile(rf"(?:{TITLE_WORDS})(?!\w)")
_HONORIFIC_RE = re.compile(rf"^(?:{HONORIFICS})\s+")
#: A role in apposition follows the name after a comma or a dash ("ông Hoàng Văn Cường - đại biểu Quốc hội ...").
_APPOSITION_RE = re.compile(r", | [-–] ")
_ROLE_END_RE = re.compile(rf";|\s+(?:{ROLE_ENDS})(?!\w)")
_ATTENDANCE_RE = re.compile(r"(?<!\w)(?:tham dự|cùng dự|dự hội nghị|có sự tham gia)(?!\w)", re.IGNORECASE)


def read_meta(sentences: tuple[Sentence, ...]) -> Meta:
    sentences = tuple(replace(s, text=s.line) for s in sentences)  # every field on one line
    titles = [s for s in sentences if s.kind is Kind.TITLE]
    lead = [s for s in sentences if s.kind in (Kind.BODY, Kind.CAPTION, Kind.HEADING)][:LEAD_SENTENCES]
    date = _date(lead)
    return Meta(
        title=titles[0].text if titles else None,
        event=_event(lead),
        date=date,
        date_iso=_date_iso(date, sentences),
        chair=_chair(lead),
        organizer=_organiser(lead),
        location=_location(lead),
    )


def _event(lead: list[Sentence]) -> str | None:
    """The first name (two words or more after its noun) that is the subject of EVENT_HAPPENED; else the first of
    four words or more, else the longest of three, among the lead's mentions of a meeting; mentions of another
    meeting than the report's (EVENT_ASIDES: "trước kỳ họp thứ 3") count only when the lead mentions no other."""
    mentions = [match for sentence in lead for match in _EVENT_RE.finditer(sentence.text)]
    own = [match for match in mentions
           if not _ASIDE_RE.search(match.string, max(0, match.start() - _ASIDE_REACH), match.start())] or mentions
    names = [_cut_event(match.string, match.start(), match.end()) for match in own[:FULLER_MENTIONS]]
    for match in own:
        if _reported(match):
            name = _cut_event(match.string, match.start(), match.end(), subject=True)
            if len(name.split()) >= len(match.group().split()) + 2:  # a name, not the bare noun ("Cuộc tiếp xúc")
                return _fuller(name, names)
    best: str | None = None
    for k, match in enumerate(own):  # the first FULLER_MENTIONS are cut already
        name = names[k] if k < len(names) else _cut_event(match.string, match.start(), match.end())
        if len(name.split()) >= 4:
            return _fuller(name, names)
        if best is None or len(name) > len(best):
            best = name
    if best and _WORKING_NOUN_RE.fullmatch(best) and (working := _working_session(lead)):
        return working
    return _fuller(best, names) if best and len(best.split()) >= 3 else None


def _fuller(name: str, names: list[str]) -> str:
    """The longest of `names` that only adds a term, a session's number or a year to `name` ("Hội nghị Trung ương
    10" -> "hội nghị Trung ương 10, khoá XII", "Hội nghị ngoại trưởng ASEAN" -> "... lần 49"), named so further down
    the lead."""
    longer = [other for other in names if len(other) > len(name) and other.lower().startswith(name.lower())
              and _ADDED_TERM_RE.match(other[len(name) :]) and len(other[len(name) :].split()) <= ADDED_TERM_WORDS]
    return max(longer, key=len) if longer else name


def _working_session(lead: list[Sentence]) -> str | None:
    """"làm việc với X về Y" in the lead, cut as an event name: the working session itself where the lead names
    it only by its bare noun ("Tại buổi làm việc, ...")."""
    for sentence in lead:
        if found := _WORKING_RE.search(sentence.text):
            name = _cut_event(sentence.text, found.start(), found.start() + len("làm việc"))
            if len(name.split()) >= 4:
                return name
    return None


def _reported(mention: re.Match) -> bool:
    """Is this mention of a meeting the subject of EVENT_HAPPENED, opening its clause, and not to come?"""
    happened = _HAPPENED_RE.match(mention.string, mention.end())
    return bool(happened and _CLAUSE_OPENING_RE.match(mention.string, 0, mention.start())
                and not _TO_COME_RE.search(happened.group("before")))


def _cut_event(text: str, start: int, noun_end: int, subject: bool = False) -> str:
    """The event name from `start` (its noun ends at `noun_end`), up to the place, time or chair that follows it;
    on through a comma when what follows continues the name, is a list the name's topic runs through, or (for the
    `subject` of EVENT_HAPPENED) opens no clause."""
    rest = text[start:]
    stop = _EVENT_STOP_RE.search(rest, noun_end - start)
    at = noun_end - start
    quoted = 0  # the end of a quoted title the name takes: its commas do not split the name
    while stop:
        if stop.start() == at and _PURPOSE_RE.match(stop.group()):  # "Hội nghị công bố quyết định ..."
            at = stop.end()
        elif (close := _quoted_title_end(rest, at, stop)) > 0:  # hội nghị bàn tròn "Thủ tướng ...", Đề án: "..."
            at = quoted = close
        elif stop.group() == "." and _names_place(rest, stop):  # hội nghị ... của UBND TP. HCM về ...
            at = stop.end()
        elif abbreviation := _ABBREVIATION_RE.match(rest, stop.start()):
            at = abbreviation.end()
        elif _DASH_RE.fullmatch(stop.group()) and _dash_joins(rest[: stop.start()], rest[stop.end() :]):
            at = stop.end()
        elif stop.start() > noun_end - start and (organiser := _ORGANISED_BY_RE.match(rest, stop.start())):
            rest, stop = rest[: organiser.end()], None  # who organised it ends the name
            break
        else:
            break
        if quoted and rest[quoted : quoted + 1].isalnum():  # a closing mark run into the next word: 21 "đã
            rest, stop = rest[:quoted], None
            break
        stop = _EVENT_STOP_RE.search(rest, at)
    rest = rest[: stop.start()] if stop else rest
    pieces = _pieces(rest[quoted:])
    pieces[0] = rest[:quoted] + pieces[0]
    kept = [pieces[0]]
    while len(kept) < len(pieces):
        piece = pieces[len(kept)]
        if (_CONTINUATION_RE.match(piece) or _lists_places(kept[-1], piece)
                or (subject and not _LIST_BREAK_RE.match(piece))):
            kept.append(piece)
            continue
        closing = _list_end(pieces, len(kept))
        if closing is None:
            break
        kept.extend(pieces[len(kept) : closing + 1])
    return ", ".join(kept).strip(" ,")


def _quoted_title_end(rest: str, at: int, stop: re.Match) -> int:
    """One past the closing mark of a quoted title the name takes at `stop` (an opening mark a few syllables on
    from `at`, or a colon after a titled noun with an opening mark after it), or -1."""
    if stop.group() in _OPENING_QUOTES and _titles(rest[at : stop.start()], rest[stop.end() : stop.end() + 1]):
        return _closing_quote(rest, stop.end())
    if stop.group() == ":" and _TITLED_COLON_RE.search(rest, max(0, stop.start() - _TITLED_REACH), stop.start()):
        quote = _QUOTE_AFTER_COLON_RE.match(rest, stop.end())
        return _closing_quote(rest, quote.end()) if quote else -1
    return -1


def _names_place(rest: str, stop: re.Match) -> bool:
    """Whether the full stop at `stop` ends a place's abbreviation before the place's name ("UBND TP. HCM")."""
    return (_PLACE_ABBREVIATION_RE.search(rest, max(0, stop.start() - 2), stop.start()) is not None
            and _names_follow(rest[stop.end() : stop.end() + _NAME_REACH]))


def _titles(between: str, first: str) -> bool:
    """Whether a quotation opening with `first`, `between` a meeting's noun and it, is the meeting's title: right
    after the noun or a word, or a few syllables on when it opens with a capital ("Hội nghị bàn tròn “Thủ tướng với
    ...”"); not a word in scare quotes further on ("kỳ họp HĐND TP Hà Nội "nóng" bởi ...")."""
    words = len(between.split())
    return words <= 1 or (words <= QUOTED_TITLE_REACH and first.isupper())


def _names_follow(text: str) -> bool:
    """Whether `text` opens with a place's name: an abbreviation ("HCM") or two capitalised words ("Đà Nẵng"),
    where a full stop after "TP." does not end an event name ("UBND TP. HCM"), as it does before "TP. Đến dự"."""
    words = text.split()[:2]
    return bool(words) and ((len(words[0]) > 1 and words[0].isupper()) or (len(words) == 2 and all(map(_capitalised, words))))


def _dash_joins(before: str, after: str) -> bool:
    """Whether a dash between `before` and `after` joins two parts of one name: capitalised words, an acronym before
    one ("ASEAN - Trung Quốc"), numbers, DASH_PAIRS."""
    left, right = (before.split() or [""])[-1], (after.split() or [""])[0]
    return (((_capitalised(left) or left.isupper()) and _capitalised(right)) or (left.isdigit() and right.isdigit())
            or (left.lower(), right.lower()) in DASH_PAIRS)


def _pieces(text: str) -> list[str]:
    """`text` split at its commas, except inside a pair of nouns that names one group ("tỉnh, thành")."""
    pieces: list[str] = []
    for piece in text.split(", "):
        if pieces and pieces[-1].split() and piece.split() and (
                (pieces[-1].split()[-1].lower(), piece.split()[0].lower()) in COMMA_PAIRS):
            pieces[-1] += ", " + piece
        else:
            pieces.append(piece)
    return pieces


def _lists_places(previous: str, piece: str) -> bool:
    """Whether `piece` names another place of the kind `previous` ends with ("quận Ba Đình, Tây Hồ"): it opens
    with a capitalised word that is no title or clause, after an administrative noun and a capitalised name."""
    named = _PLACE_NAMES_RE.search(previous)
    first = piece.split()[0] if piece.split() else ""
    return bool(named and all(_capitalised(word) for word in named.group(1).split()) and _capitalised(first)
                and not _TITLE_RE.match(piece) and not _LIST_BREAK_RE.match(piece))


def _list_end(pieces: list[str], first: int) -> int | None:
    """The piece that closes a list starting at pieces[first]: the piece with "và" ("A, B, C và D"), when every
    item before it is short; else the last of a run of two or more one- or two-word items ("đường hoa, đường
    đèn, đường sách"). None when a piece opens a clause, or for one short piece alone, the subject of what
    follows ("phiên họp Chính phủ thường kỳ tháng 11/2018[, Chính phủ đã thảo luận ...]")."""
    run = 0  # short items from `first` on, with nothing longer before them
    for k in range(first, len(pieces)):
        if _LIST_BREAK_RE.match(pieces[k]):
            break
        if _LIST_CLOSER_RE.search(f" {pieces[k]} "):
            return k
        words = len(pieces[k].split())
        if run == k - first and words <= SHORT_ITEM_WORDS:
            run += 1
        elif run >= 2 or words > LIST_ITEM_WORDS:
            break
    return first + run - 1 if run >= 2 else None


def _closing_quote(text: str, start: int) -> int:
    """One past the quotation mark that closes a title quoted just before `start`, or -1 (looked for within
    QUOTED_TITLE_CHARS: a name runs through one title at a time, and a text of many marks stays linear)."""
    end = start + QUOTED_TITLE_CHARS
    found = [i for i in (text.find("”", start, end), text.find('"', start, end)) if i >= 0]
    return min(found) + 1 if found else -1


def _date(lead: list[Sentence]) -> str | None:
    """The lead's first date, with a number ("Chiều 17/7", "Sáng nay (8/2)"), relative ("Sáng nay") or a range of
    days ("từ 29 đến 31/5")."""
    patterns = (_DATE_RE, _RELATIVE_DATE_RE, _DATE_RANGE_RE)
    for sentence in lead:
        found = [m for pattern in patterns for m in pattern.finditer(sentence.text) if _real_day(m.group())]
        if found:
            match = min(found, key=lambda m: (m.start(), -len(m.group())))
            return match.group().strip().rstrip(")") if "(" not in match.group() else match.group().strip()
    return None


def _real_day(date: str) -> bool:
    """Is every day and month in `date` one a calendar has ("4.0" in "công nghiệp 4.0" is not a date)?"""
    without_year = _YEAR_RE.sub("", date)
    return all(1 <= int(day) <= 31 and 1 <= int(month) <= 12 for day, month in _DAY_MONTH_RE.findall(without_year))


def _date_iso(date: str | None, sentences: tuple[Sentence, ...]) -> str | None:
    """YYYY-MM-DD where nothing is guessed: the date carries its year, or the article states the day it was
    written (its first dated timestamp or dateline) and the date is that day, or a relative day from it. A range
    of days gives its last day, the one it writes in full ("từ 29 đến 31/5")."""
    if date is None:
        return None
    if _DATE_RANGE_RE.fullmatch(date):
        date = _LAST_DAY_RE.search(date).group()
    full = _full_date(date)
    if full:
        return full.isoformat()
    written = next((d for d in map(_full_date, (s.text for s in sentences if _dateline(s))) if d), None)
    if written is None:
        return None
    day_month = _DAY_MONTH_RE.search(date)
    if day_month:
        day, month = int(day_month.group(1)), int(day_month.group(2))
        return written.isoformat() if (day, month) == (written.day, written.month) else None
    relative = _RELATIVE_DATE_RE.search(date)
    if relative:
        return (written + datetime.timedelta(days=RELATIVE_DAYS[relative.group().split()[-1]])).isoformat()
    return None


def _dateline(sentence: Sentence) -> bool:
    """A line that can state when the article was written: a page's timestamp line, a dateline, a byline; not a
    sentence of the report, whose dates may be any day it speaks of."""
    return len(sentence.text.split()) <= DATELINE_MAX_WORDS or bool(_YEAR_MONTH_DAY_RE.search(sentence.text))


def _full_date(text: str) -> datetime.date | None:
    """The first date with a year in `text`, if it is a real day."""
    match = _DAY_MONTH_YEAR_RE.search(text)
    found = (int(match.group(3)), int(match.group(2)), int(match.group(1))) if match else None
    if found is None:
        match = _YEAR_MONTH_DAY_RE.search(text)
        found = (int(match.group(1)), int(match.group(2)), int(match.group(3))) if match else None
    try:
        return datetime.date(*found) if found else None
    except ValueError:
        return None


def _chair(lead: list[Sentence]) -> tuple[Person, ...]:
    for sentence in lead:
        cue = _CHAIR_RE.search(sentence.text)
        if not cue:
            continue
        clause = _clause_around(sentence.text, cue.start())
        people = _people(clause)
        if people:
            return people[:MAX_CHAIRS]
    for sentence in lead:
        people = [p for p in _people(sentence.text) if p.role]
        if people:
            return (people[0],)
    return ()


def _clause_around(text: str, at: int) -> str:
    """The clause (between semicolons or attendance phrases) that holds position `at`."""
    start = text.rfind(";", 0, at) + 1
    end = text.find(";", at)
    clause = text[start : end if end >= 0 else len(text)]
    attendance = _ATTENDANCE_RE.search(clause, at - start)
    return clause[: attendance.start()] if attendance else clause


def _people(text: str) -> tuple[Person, ...]:
    """Personal names (surname-led capitalised runs) with the role written next to them."""
    words = list(_WORD_RE.finditer(text))
    people: list[Person] = []
    floor = 0
    k = 0
    while k < len(words):
        word = words[k].group()
        if word in SURNAMES and k + 1 < len(words) and _capitalised(words[k + 1].group()):
            run = [words[k]]
            j = k + 1
            while j < len(words) and len(run) < 4 and _capitalised(words[j].group()) and _adjacent(text, run[-1], words[j]):
                run.append(words[j])
                j += 1
            start, end = run[0].start(), run[-1].end()
            name = text[start:end]
            if " ".join(w.group() for w in run[:2]) not in PLACES:
                if all(p.name != name for p in people):
                    people.append(Person(name=name, role=_role(text, floor, start, end)))
                floor = end
                k = j
                continue
        k += 1
    return tuple(people)


def _role(text: str, floor: int, start: int, end: int) -> str | None:
    """The title chain before a name ("Trưởng Ban Tuyên giáo Trung ương Nguyễn ...") or in apposition after it.

    `floor` is where the previous name ended: a role never reaches back across another person.
    """
    before = text[floor:start].rstrip()
    pieces = before.split(", ")
    chain: list[str] = []
    for piece in reversed(pieces):
        piece = piece.strip()
        title = _TITLE_RE.search(piece)
        if not title:
            break
        chain.insert(0, piece[title.start() :])
        if title.start() > 0:
            break
    if chain:
        return _HONORIFIC_RE.sub("", ", ".join(chain)).strip() or None
    after = text[end:]
    apposition = _APPOSITION_RE.match(after)
    if apposition:
        pieces = _ROLE_END_RE.split(after[apposition.end() :], maxsplit=1)[0].split(", ")
        chain = []
        for piece in pieces:
            title = _TITLE_RE.match(piece) or _TITLE_RE.match(piece[:1].upper() + piece[1:])
            if not title:
                break
            cue = _CHAIR_RE.search(piece)
            chain.append(piece[: cue.start()].strip() if cue else piece.strip())
            if cue:
                break
        if chain:
            return ", ".join(chain).rstrip(".,-– ")
    return None


def _organiser(lead: list[Sentence]) -> str | None:
    for sentence in lead:
        match = _ORGANISER_RE.search(sentence.text)
        if match:
            found = (match.group("agent") or match.group("subject")).strip()
            found = found.split(", ")[-1].strip()
            if found[:1].isupper() and not _CHAIR_RE.search(found):
                return found
    return None


def _location(lead: list[Sentence]) -> str | None:
    for sentence in lead[:4]:
        match = _LOCATION_RE.search(sentence.text)
        if match:
            place = match.group("place")
            stop = _LOCATION_STOP_RE.search(place)
            place = (place[: stop.start()] if stop else place).strip()
            if 1 <= len(place.split()) <= 10:
                return place
    return None


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isupper() or (len(word) == 1 and word.isupper())


def _adjacent(text: str, left: re.Match[str], right: re.Match[str]) -> bool:
    return text[left.end() : right.start()] == " "
