"""Pre-Unicode Vietnamese encodings, as tables: TCVN3 (ABC) and VNI-Windows.

Windows-1258 needs no table here: Python's cp1258 codec decodes it (tones as combining marks; NFC composes).

TCVN3 (TCVN 5712:1993, "ABC" fonts such as .VnTime): one byte a letter. Lower-case letters with diacritics have
their own bytes; of the capitals only Ă Â Đ Ê Ô Ơ Ư do. Other accented capitals were typed with the same bytes
as the lower-case letters in a capitals font (.VnTimeH), so decoding gives them in lower case: the font, not the
byte, carried the case.
"""

# byte -> letter, from the TCVN3 (ABC) code chart
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
    0xAD: "ơ", 0xEA: "ờ", 0xED: "ớ", 0xEB: "ở", 0xEC: "ỡ", 0xEE: "ợ",
    0xEF: "ù", 0xF3: "ú", 0xF1: "ủ", 0xF2: "ũ", 0xF4: "ụ",
    0xAC: "ư", 0xF5: "ừ", 0xF8: "ứ", 0xF6: "ử", 0xF7: "ữ", 0xF9: "ự",
    0xFA: "ỳ", 0xFD: "ý", 0xFB: "ỷ", 0xFC: "ỹ", 0xFE: "ỵ",
    0xA1: "Ă", 0xA2: "Â", 0xA7: "Đ", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư",
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
