"""Bytes -> text for every encoding a Vietnamese article arrives in, detected from the bytes.

UTF-8 (BOM optional), UTF-16 (BOM, or detected from its zero bytes), and the pre-Unicode encodings
Windows-1258, TCVN3 (ABC) and VNI-Windows. A legacy encoding is chosen by decoding with each and keeping the
result that reads most like Vietnamese (its commonest syllables and letters); `--encoding` forces one.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from vnsum.lexicon.encodings import ENCODING_ALIASES, TCVN3, VNI_BASES, VNI_BREVE, VNI_CIRCUMFLEX, VNI_LETTERS, VNI_TONES
from vnsum.lexicon.language import (
    FUNCTION_WORDS,
    SYLLABLE_CODAS,
    SYLLABLE_ONSETS,
    SYLLABLE_VOWELS,
    TONE_MARKS,
)

LEGACY = ("cp1258", "tcvn3", "vni")
#: A legacy decoding is accepted when at least this share of its words are well-formed Vietnamese syllables
#: (real text: over 0.9, names and abbreviations aside; a wrong decoding or a foreign text: well under 0.6).
MIN_SYLLABLE_SHARE = 0.7
#: How much of a decoding `vietnamese_score` reads: plenty to tell encodings apart.
SCORED_CHARS = 20000
_WORD = re.compile(r"[^\W\d_]+")
_TCVN3_TABLE = {byte: ord(ch) for byte, ch in TCVN3.items()}
_SYLLABLE = re.compile(f"(?:{SYLLABLE_ONSETS})?[{SYLLABLE_VOWELS}]{{1,3}}(?:{SYLLABLE_CODAS})?")
_TONES = re.compile(f"[{TONE_MARKS}]")


class EncodingError(ValueError):
    """No encoding fits; the message is the one-line reason."""


def encoding_name(name: str) -> str:
    """The canonical name of what a user typed (`abc`, `VNI-Windows`, `windows-1258`, any Python text codec);
    EncodingError for a name nothing decodes by, so a command can refuse it before reading any file."""
    key = name.strip().lower().replace("_", "-")
    if key in ENCODING_ALIASES:
        return ENCODING_ALIASES[key]
    try:
        codec = codecs.lookup(key)
    except LookupError:
        raise EncodingError(f"unknown encoding {name!r}") from None
    if not codec._is_text_encoding:
        raise EncodingError(f"{name!r} is not a text encoding")
    return codec.name


def decode_bytes(data: bytes, encoding: str = "auto") -> tuple[str, str]:
    """(text, the encoding used). The text is not yet normalised."""
    encoding = encoding_name(encoding)
    if encoding != "auto":
        return _forced(data, encoding), encoding
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8"), "utf-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "utf-16"
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _strict(data, utf16), utf16
    if b"\x00" in data:
        raise EncodingError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        offset = error.start
    # Scores read only the first SCORED_CHARS characters, so each candidate decodes only enough bytes for them
    # (at most two bytes a character); the whole file is decoded once, by the best candidate that takes it all.
    sample = data[: 2 * SCORED_CHARS + 4]
    scored = []
    for name in LEGACY:
        try:
            scored.append((vietnamese_score(_forced(sample, name)), name))
        except EncodingError:
            continue
    for (syllables, _), name in sorted(scored, key=lambda s: s[0][1], reverse=True):
        if syllables < MIN_SYLLABLE_SHARE:
            break
        try:
            return _forced(data, name), name
        except EncodingError:
            continue
    raise EncodingError(f"not UTF-8 (invalid byte at offset {offset}) and no Vietnamese legacy encoding fits")


def vietnamese_score(text: str) -> tuple[float, float]:
    """(share of words that are well-formed syllables, that share plus the shares of common syllables and of
    function words): the right decoding reads as common syllables, a wrong one as rare or impossible ones."""
    words = _WORD.findall(unicodedata.normalize("NFC", text[:SCORED_CHARS]))
    if not words:
        return 0.0, 0.0
    common_syllables = _common_syllables()
    well_formed = sum(_well_formed(w) for w in words) / len(words)
    common = sum(w.lower() in common_syllables for w in words) / len(words)
    function = sum(w.lower() in FUNCTION_WORDS for w in words) / len(words)
    return well_formed, well_formed + common + function


@lru_cache(maxsize=1)
def _common_syllables() -> frozenset[str]:
    lines = (Path(__file__).parent / "lexicon" / "common_syllables.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def _well_formed(word: str) -> bool:
    """One syllable, cased as a word is (lower, Capitalised or UPPER), with at most one tone mark."""
    if not (word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())):
        return False
    bare = unicodedata.normalize("NFD", word.lower())
    if len(_TONES.findall(bare)) > 1:
        return False
    return bool(_SYLLABLE.fullmatch(unicodedata.normalize("NFC", _TONES.sub("", bare))))


def _forced(data: bytes, name: str) -> str:
    if name == "tcvn3":
        return data.decode("latin-1").translate(_TCVN3_TABLE)
    if name == "vni":
        return vni_to_unicode(_as_cp1252(data))
    return _strict(data, name)


def _strict(data: bytes, name: str) -> str:
    try:
        return data.decode(name)
    except UnicodeDecodeError as error:
        raise EncodingError(f"not {name} (invalid byte at offset {error.start})") from None


def _as_cp1252(data: bytes) -> str:
    """VNI text as the Windows-1252 characters its fonts drew; Latin-1 where 1252 leaves a byte undefined."""
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: Vietnamese text has a zero in most high bytes (ASCII letters, digits, spaces)."""
    sample = data[:4096]
    if len(sample) < 16 or len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _vni_pattern() -> re.Pattern[str]:
    """One pass: a base letter with its mark, or a letter that is a byte of its own (never both on one char)."""
    marks = "".join(VNI_TONES) + "".join(VNI_CIRCUMFLEX) + "".join(VNI_BREVE)
    singles = "".join(VNI_LETTERS)
    return re.compile(f"([{VNI_BASES}ôöÔÖ])([{re.escape(marks + marks.upper())}])|([{re.escape(singles + singles.upper())}])")


_VNI = _vni_pattern()


def vni_to_unicode(text: str) -> str:
    """VNI-Windows text read as Windows-1252 -> Unicode (NFC)."""

    def one(match: re.Match[str]) -> str:
        if match.group(3):
            single = match.group(3)
            letter = VNI_LETTERS[single.lower()]
            return letter.upper() if single.isupper() else letter
        base, mark = match.group(1), match.group(2).lower()
        letter = VNI_LETTERS.get(base.lower(), base.lower())
        if mark in VNI_TONES:
            composed = letter + VNI_TONES[mark]
        elif mark in VNI_CIRCUMFLEX and letter in "aeo":
            composed = letter + "\u0302" + VNI_CIRCUMFLEX[mark]
        elif mark in VNI_BREVE and letter == "a":
            composed = letter + "\u0306" + VNI_BREVE[mark]
        else:
            return one_single(base) + match.group(2)
        composed = unicodedata.normalize("NFC", composed)
        return composed.upper() if base.isupper() else composed

    def one_single(char: str) -> str:
        letter = VNI_LETTERS.get(char.lower())
        if letter is None:
            return char
        return letter.upper() if char.isupper() else letter

    return _VNI.sub(one, text)
