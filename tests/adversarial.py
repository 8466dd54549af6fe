"""Inputs built to make regular expressions and tokenisers misbehave: long runs of what each pattern in vnsum
matches (digits, punctuation, capitalised names, honorifics, cue words, tags). Shared by tests/test_fuzz.py
(must finish) and bench/run.py (time must grow linearly with size)."""

from __future__ import annotations

#: name -> (unit, how the unit repeats): each input is the unit repeated to the requested length.
UNITS: dict[str, str] = {
    "tiny-words": "a ",
    "commas": ",",
    "full-stops": ". ",
    "dots": ".",
    "ellipses": "…",
    "digits": "1",
    "dotted-number": "1.",
    "dates": "1/",
    "decimal": "1,1 ",
    "open-brackets": "(",
    "quotes": "“",
    "straight-quotes": '"',
    "honorifics": "Ông ",
    "capitalised-names": "Nguyễn ",
    "location": "tại ",
    "event": "hội nghị ",
    "event-titles": 'hội nghị "A" ',
    "event-places": "hội nghị TP. HCM ",
    "event-organiser": "hội nghị a do B tổ chức ",
    "list-items": "a: - B ",
    "apostrophes": "a. 'B' ",
    "photo-credits": "a (Ảnh: B) C ",
    "glued-run-in": "aTại b ",
    "cue": "đề nghị ",
    "contrast": "Tuy nhiên, ",
    "caption": "Ảnh: ",
    "spaces": " ",
    "tabs": "\t",
    "newlines": "\n",
    "one-word": "a",
    "url": "http://a",
    "nested-tags": "<div>",
    "abbreviations": "TP. ",
    "names-broken-at-lines": "UBND TP.\nHà Nội TS.\nA ",
    "title-glue": "Thủ tướng Chính phủ, ",
    "glued-stops": "Ab...",
    "spaced-capitals": "a  Bc d ",
    "capital-run": "A",
}


def adversarial(name: str, length: int) -> str:
    unit = UNITS[name]
    return (unit * (length // len(unit) + 1))[:length]
