"""Pre-Unicode Vietnamese encodings, as tables: TCVN3 (ABC) and VNI-Windows.

Windows-1258 needs no table here: Python's cp1258 codec decodes it (tones as combining marks; NFC composes).

TCVN3 (TCVN 5712:1993): one byte a letter. The standard's full table, VN1, gives every letter its own byte: the
lower-case letters and Ă Â Đ Ê Ô Ơ Ư in 0xA1-0xFE, the other accented capitals in positions the common text
controls (tab, line feed, carriage return, escape) and the lower-case letters leave free. The "ABC" fonts
(.VnTime) use only the lower-case part: their accented capitals were typed with the lower-case bytes in a
capitals font (.VnTimeH), so such a file decodes with those capitals in lower case (the font, not the byte,
carried the case). The table below is VN1, so both kinds of file decode.
"""

# byte -> letter, from the TCVN 5712:1993 code chart (VN1): first the ABC layout, lower case and seven capitals
TCVN3: dict[int, str] = {
    0xB5: "à", 0xB8: "á", 0xB6: "ả", 0xB7: "ã", 0xB9: "ạ",
    0xA8: "ă", 0xBB: "ằ", 0xBE: "ắ", 0xBC: "ẳ", 0xBD: "ẵ", 0xC6: "ặ",
    0xA9: "â", 0xC7: "ầ", 0xCA: "ấ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCB: "ậ",
    0xAE: "đ",
    0xCC: "è", 0xD0: "é", 0xCE: "ẻ", 0xCF: "ẽ", 0xD1: "ẹ",
    0xAA: "ê", 0xD2: "ề", 0xD5: "ế", 0xD3: "ể", 0xD4: "ễ", 0xD6: "ệ",
    0xD7: "ì", 0xDD: "í", 0xD8: "ỉ", 0xDC: "ĩ", 0xDE: "ị",
    0xDF: "ò", 0xE3: "ó", 0xE1: "ỏ", 0xE2: "õ", 0xE4: "ọ",
    0xAB: "ô", 0xE5: "ồ", 0xE8: "ố", 0xE6: "ổ", 0xE7: "ỗ", 0xE9: "ộ",
    0xAC: "ơ", 0xEA: "ờ", 0xED: "ớ", 0xEB: "ở", 0xEC: "ỡ", 0xEE: "ợ",
    0xEF: "ù", 0xF3: "ú", 0xF1: "ủ", 0xF2: "ũ", 0xF4: "ụ",
    0xAD: "ư", 0xF5: "ừ", 0xF8: "ứ", 0xF6: "ử", 0xF7: "ữ", 0xF9: "ự",
    0xFA: "ỳ", 0xFD: "ý", 0xFB: "ỷ", 0xFC: "ỹ", 0xFE: "ỵ",
    0xA1: "Ă", 0xA2: "Â", 0xA7: "Đ", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư",
    # VN1 only: the accented capitals (never written by ABC fonts, so decoding them costs ABC files nothing)
    0x80: "À", 0x83: "Á", 0x81: "Ả", 0x82: "Ã", 0x84: "Ạ",
    0xAF: "Ằ", 0xC0: "Ắ", 0xBA: "Ẳ", 0xBF: "Ẵ", 0x85: "Ặ",
    0xC1: "Ầ", 0xC4: "Ấ", 0xC2: "Ẩ", 0xC3: "Ẫ", 0x86: "Ậ",
    0x87: "È", 0x8A: "É", 0x88: "Ẻ", 0x89: "Ẽ", 0x8B: "Ẹ",
    0xC5: "Ề", 0xDA: "Ế", 0xCD: "Ể", 0xD9: "Ễ", 0x8C: "Ệ",
    0x8D: "Ì", 0x90: "Í", 0x8E: "Ỉ", 0x8F: "Ĩ", 0x91: "Ị",
    0x92: "Ò", 0x95: "Ó", 0x93: "Ỏ", 0x94: "Õ", 0x96: "Ọ",
    0xDB: "Ồ", 0xFF: "Ố", 0xE0: "Ổ", 0xF0: "Ỗ", 0x97: "Ộ",
    0x98: "Ờ", 0x9B: "Ớ", 0x99: "Ở", 0x9A: "Ỡ", 0x9C: "Ợ",
    0x9D: "Ù", 0x01: "Ú", 0x9E: "Ủ", 0x9F: "Ũ", 0x02: "Ụ",
    0x04: "Ừ", 0x11: "Ứ", 0x05: "Ử", 0x06: "Ữ", 0x12: "Ự",
    0x13: "Ỳ", 0x16: "Ý", 0x14: "Ỷ", 0x15: "Ỹ", 0x17: "Ỵ",
    # VN1 only: the five tones as combining marks, for letters composed from a base and a tone
    0xB0: "\u0300", 0xB3: "\u0301", 0xB1: "\u0309", 0xB2: "\u0303", 0xB4: "\u0323",
}

# VNI-Windows (VNI fonts such as VNI-Times): a base letter followed by one mark byte. The bytes are read as
# Windows-1252 characters; the mark's case follows its letter's ("AÙ", "aù"). Marks after a, e, o, u, y, ơ, ư:
VNI_TONES: dict[str, str] = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
# after a, e, o: the circumflex (â ê ô) with a tone
VNI_CIRCUMFLEX: dict[str, str] = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
# after a only: the breve (ă) with a tone
VNI_BREVE: dict[str, str] = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
# letters that are one byte of their own (ơ and ư take the tone marks above)
VNI_LETTERS: dict[str, str] = {"ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}
VNI_BASES = "aeouyAEOUY"

# What users call the encodings (`--encoding`), lower case, "_" read as "-"; any other name must be a Python
# text codec. The legacy names are those of the standards, their fonts and the office software that wrote them.
ENCODING_ALIASES: dict[str, str] = {
    "auto": "auto",
    # TCVN 5712:1993: VN3 is the ABC font layout, VN1 the full table; decoded by one table (see TCVN3 above)
    "tcvn3": "tcvn3", "tcvn": "tcvn3", "abc": "tcvn3", "vn3": "tcvn3", "vn1": "tcvn3",
    "tcvn5712": "tcvn3", "tcvn-5712": "tcvn3", "tcvn5712-1": "tcvn3",
    # VNI-Windows: the VNI fonts (VNI-Times ...)
    "vni": "vni", "vni-windows": "vni", "vni-win": "vni",
    # Windows-1258 (Microsoft's Vietnamese code page)
    "cp1258": "cp1258", "windows-1258": "cp1258", "win1258": "cp1258",
}
