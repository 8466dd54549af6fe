"""Unicode -> legacy Vietnamese bytes, written from the same code charts as vnsum/lexicon/encodings.py but in the
other direction, so that tests can round-trip real text through every encoding vnsum reads."""

from __future__ import annotations

import unicodedata

from vnsum.lexicon.encodings import TCVN3, VNI_BREVE, VNI_CIRCUMFLEX, VNI_TONES

TONES = "\u0300\u0301\u0303\u0309\u0323"
#: Every letter of Vietnamese with a diacritic, lower and upper case (the twelve vowels with each tone, and đ).
LETTERS = tuple(
    unicodedata.normalize("NFC", case(base) + tone)
    for base in "aăâeêioôơuưy"
    for tone in ("",) + tuple(TONES)
    for case in (str.lower, str.upper)
    if base + tone not in "aeiouy"
) + ("đ", "Đ")
_VN1 = {ch: byte for byte, ch in TCVN3.items() if ch not in TONES}
#: The ABC fonts' part of TCVN3: lower-case letters and the seven capitals with a byte of their own
_TCVN3 = {ch: byte for ch, byte in _VN1.items() if ch.islower() or ch in "ĂÂĐÊÔƠƯ"}
_VNI_TONE = {v: k for k, v in VNI_TONES.items()}
_VNI_CIRCUMFLEX = {v: k for k, v in VNI_CIRCUMFLEX.items()}
_VNI_BREVE = {v: k for k, v in VNI_BREVE.items()}
_VNI_SINGLE = {"đ": "ñ", "í": "í", "ì": "ì", "ỉ": "æ", "ĩ": "ó", "ị": "ò", "ỵ": "î"}


def tcvn3_representable(text: str) -> str:
    """What survives TCVN3 (ABC): accented capitals other than Ă Â Đ Ê Ô Ơ Ư lose their case; other
    non-Latin-1 characters (curly quotes, dashes) are replaced by ASCII ones."""
    out = []
    for ch in text:
        if ch in _TCVN3 or ord(ch) < 0x80:
            out.append(ch)
        elif ch.lower() in _TCVN3:
            out.append(ch.lower())
        else:
            out.append(_ascii(ch))
    return "".join(out)


def to_tcvn3(text: str) -> bytes:
    """As an ABC font file: accented capitals written with the lower-case bytes."""
    return bytes(_TCVN3[ch] if ch in _TCVN3 else ord(ch) for ch in tcvn3_representable(text))


def to_tcvn3_vn1(text: str) -> bytes:
    """TCVN 5712:1993 VN1: every letter, capitals included, has a byte."""
    return bytes(_VN1[ch] if ch in _VN1 else ord(ch) for ch in vn1_representable(text))


def vn1_representable(text: str) -> str:
    """What survives VN1: every Vietnamese letter; other non-Latin-1 characters become ASCII ones."""
    return "".join(ch if ch in _VN1 or ord(ch) < 0x80 else _ascii(ch) for ch in text)


def _ascii(ch: str) -> str:
    return {"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "..."}.get(ch, "?")


def to_vni(text: str) -> bytes:
    out = []
    for ch in text:
        low = ch.lower()
        decomposed = unicodedata.normalize("NFD", low)
        base, marks = decomposed[0], decomposed[1:]
        tone = next((m for m in marks if m in TONES), "")
        if low in _VNI_SINGLE:
            coded = _VNI_SINGLE[low]
        elif not marks or not base.isalpha():
            out.append(ch)
            continue
        elif "\u031b" in marks:  # horn: ơ, ư
            coded = {"o": "ô", "u": "ö"}[base] + (_VNI_TONE[tone] if tone else "")
        elif "\u0302" in marks:
            coded = base + _VNI_CIRCUMFLEX[tone]
        elif "\u0306" in marks:
            coded = base + _VNI_BREVE[tone]
        else:
            coded = base + _VNI_TONE[tone]
        out.append(coded.upper() if ch != low else coded)
    return "".join(out).encode("cp1252")


def to_cp1258(text: str) -> bytes:
    """Windows-1258: base letters (with circumflex, breve, horn) precomposed, tones as combining marks."""
    out = []
    for ch in text:
        decomposed = unicodedata.normalize("NFD", ch)
        base = "".join(c for c in decomposed if c not in TONES)
        out.append(unicodedata.normalize("NFC", base) + "".join(c for c in decomposed if c in TONES))
    return "".join(out).encode("cp1258")
