"""Tokens that end in a full stop without ending a sentence.

A sentence boundary candidate `X. Y` is rejected when the token before the stop, split on inner
dots ("PGS.TS" -> "PGS", "TS"), consists only of these (case-sensitive: "TP" is an abbreviation,
"tp" at the end of a sentence is not something Vietnamese news writes).
"""

ABBREVIATIONS: frozenset[str] = frozenset(
    {
        # city and administrative units: "TP. Hồ Chí Minh", "Tp. Cần Thơ", "Q. 1", "P. Bến Nghé", "H. Củ Chi"
        "TP", "Tp", "tp", "Q", "P", "H", "X", "TX", "TT",
        # academic and professional titles: "PGS.TS. Nguyễn ...", "ThS. ...", "GS. ...", "BS. ...", "KS. ..."
        "GS", "PGS", "TS", "TSKH", "ThS", "Ths", "BS", "BSCKII", "BSCKI", "CKI", "CKII", "KS", "CN", "LS", "NCS",
        "NSND", "NSƯT", "NGND", "NGƯT", "Th",
        # "tr." (page), "St." and English honorifics met in foreign names
        "tr", "St", "Mr", "Mrs", "Ms", "Dr", "Prof", "Jr", "Sr", "Co", "Ltd", "Inc", "No",
        # "Số" in references is written out, but "Đ." (Điều), "K." (Khoản) appear in legal citations
        "Đ", "K",
    }
)
