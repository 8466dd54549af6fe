"""Patterns for the parts of a news page that are not the report itself.

Captions, photo credits, bylines, source lines and site trailers are kept as sentences (offsets
must cover the text) but are labelled context and never become bullets (GUIDELINES, hard cases).
Every pattern here is anchored or bounded so it runs in linear time on any input.
"""

import re

#: A photo credit: "(Ảnh: Phương Hoa/TTXVN)", "Ảnh: Công Khanh", "(Ảnh minh họa)", "Ảnh: TTXVN".
PHOTO_CREDIT = re.compile(
    r"^\(?\s*(?:Ảnh|Ảnh minh họa|Ảnh minh hoạ|Nguồn ảnh|Clip|Video)\s*(?::|\)|$)", re.IGNORECASE
)

#: The end of a photo credit that runs into the next sentence without a full stop, as pages lose the line
#: break: "Ảnh: Phương Hoa/TTXVN Cần bổ sung ...", "Ảnh: quochoi.vn Tuy nhiên, ...", "Ảnh: QH Nhóm lợi ích ...".
#: Only an end that cannot be part of a name counts: an acronym (agency), a web address. "Ảnh: VGP/Nhật Bắc Thủ
#: tướng ..." stays whole: where the photographer's name stops is a guess. segment.py also wants a capital next.
GLUED_CREDIT_END = re.compile(
    r"(?<!\w)\(?(?:Ảnh|Nguồn ảnh)\s*:\s*[^.\n()]{0,60}?(?:(?<!\w)[A-ZĐ]{2,}\+?|[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org))\)?(?=\s)"
)

#: A sentence that describes a photo rather than the meeting: "Quang cảnh hội nghị.",
#: "Thủ tướng Nguyễn Xuân Phúc phát biểu tại hội nghị", "Các đại biểu dự hội nghị".
CAPTION_TEXT = re.compile(
    r"^(?:Quang cảnh|Toàn cảnh|Các đại biểu|Đại biểu|Lãnh đạo .{0,80}?chụp ảnh|Đồng chí .{0,80}? phát biểu)"
    r"|(?:phát biểu(?: tại| chỉ đạo| kết luận| khai mạc| bế mạc)?(?: (?:hội nghị|buổi làm việc|phiên họp|hội thảo|"
    r"cuộc họp|sự kiện|lễ \w+|buổi lễ|kỳ họp|diễn đàn|tọa đàm))?|chụp ảnh lưu niệm|dự hội nghị|chủ trì hội nghị|"
    r"tại buổi làm việc|tại hội nghị)\.?$",
    re.IGNORECASE,
)

#: A line that names the wire service or outlet: "(TTXVN/Vietnam+)", "Theo VOV", "Nguồn: Chinhphu.vn".
SOURCE_LINE = re.compile(
    r"^(?:\((?:[^()\n]{1,60})\)\.?|Nguồn\s*:?\s+[^\n]{1,60}|\(?Nguồn\s*:[^\n]{1,60}"
    # "Theo" names an outlet (a capital or a web address), not a speaker: "Theo ông Minh, ..." is a sentence.
    r"|Theo\s*:?\s+(?:[A-ZĐ]|\w+\.\w)[^\n,;]{0,59})$"
)

_STAMP = r"\d{4}-\d{2}-\d{2}(?:\s+\d{1,2}:\d{2})?"
#: A live-blog timestamp line: "• 2017-05-13 09:44".
TIMESTAMP = re.compile(rf"^[•·\-–]?\s*{_STAMP}$")

#: The same timestamp inside a paragraph, between the entries of a live blog that lost their line breaks:
#: "... Ảnh: Thắng Quang. • 2017-05-13 09:31 Theo cử tri ...". segment.py cuts before and after it.
GLUED_TIMESTAMP = re.compile(rf"(?<!\S)[•·]\s*{_STAMP}(?=\s)")

#: Character classes of the capital and the lower-case letters, accented Vietnamese ones included (a range such as
#: À-Ỹ would mix both: Latin Extended Additional alternates them).
UPPER_LETTERS = "".join(c for c in map(chr, range(0x41, 0x1F00)) if c.isupper())
_LOWER_LETTERS = "".join(c for c in map(chr, range(0x61, 0x1F00)) if c.islower())

#: Words that open a sentence and are never capitalised inside one, with what must follow them. Met after a letter or
#: a digit with only a space between, they start a sentence that a heading or caption ran into when the page lost its
#: line break: "Thủ tướng phát biểu tại hội nghị Theo ông Nguyễn Túc, ...", "Ảnh: VGP Ngày 7/7/2017, ...".
#: Words that are also names or parts of names are left out ("Song", "Anh", "Đồng" Nai, "Phát" triển in "Bộ Nông
#: nghiệp và Phát triển nông thôn", "Vì" in "Quỹ Vì người nghèo", "Không" liên kết, "Bà" Rịa, "Các" and "Một" in
#: "Luật Các tổ chức tín dụng" and "Công ty TNHH Một thành viên"), or kept only with the word they open with
#: ("Đồng thời", "Phát biểu"). ANY: any word may follow; LOWER: a lower-case word (so "Tuy nhiên" counts, "Tuy
#: Phước" does not); TIME: a number, "nay" or "qua" ("Sáng 7/7", not "Trần Huy Sáng cho biết").
ANY, LOWER, TIME = "any", "lower", "time"
#: The words besides a number that may follow a TIME opener: "Sáng nay", "Hôm qua".
TIME_WORDS = ("nay", "qua")
RUN_IN_OPENERS = {
    "Theo": ANY,
    "Ông": ANY,
    **dict.fromkeys(
        ("Tại", "Trong", "Trước", "Sau", "Để", "Do", "Với", "Về", "Khi", "Nếu", "Nhưng", "Còn", "Cũng", "Qua", "Hiện",
         "Tới", "Cùng", "Mỗi", "Việc", "Đây", "Đó", "Tuy", "Chúng", "Tôi", "Dù", "Từ", "Nhờ", "Ngay", "Nói", "Trên",
         "Những"),
        LOWER,
    ),
    **dict.fromkeys(
        ("Đồng thời", "Ngoài ra", "Bên cạnh", "Đặc biệt", "Cụ thể", "Phát biểu", "Tham dự", "Tham gia", "Cử tri",
         "Mở đầu", "Trả lời"), ANY
    ),
    # These, "Dù", "Từ", "Nhờ", "Ngay" and "Nói" above and "Năm" below were added on 2026-12-06: the 48 cuts they make
    # in the pool's 3,897 articles were all read, and each follows a heading or a photo credit ("... sáng hơn, tốt
    # hơn Nhìn lại 1 năm đã qua", "... biển chết Ghi nhận những nỗ lực"). "Đánh giá" alone is also a department's
    # name ("Vụ Đánh giá thẩm định"), so only with the word it opens with.
    **dict.fromkeys(
        ("Nhìn lại", "Ghi nhận", "Mặc dù", "Phân tích", "Đánh giá về", "Đánh giá cao", "Tiếp theo", "Thời gian qua",
         "Đối với", "Quan tâm", "Chia sẻ", "Thay mặt", "Nhân dịp"), ANY
    ),
    # "Những" was added on 2026-12-07: of its 8 places in the pool after a lower-case word, 6 follow a heading or a
    # credit ("... chưa đáp ứng yêu cầu Những tồn tại trong công tác ...", "Ảnh: Vietnamnet Những bài học ..."); the
    # other 2 are the name "Những người bạn của Hạ nguồn Mekong" (after "nhóm" and "giữa", below). "Các" is not: of
    # its 48 such places most are names ("Luật Các tổ chức tín dụng", "Uỷ ban Các vấn đề xã hội", "Hiệp hội Các quốc
    # gia Đông Nam Á").
    # Added later on 2026-12-06, with "Trên" above: their 28 places in the pool all follow a heading or a photo
    # credit ("... sửa đổi chính sách liên quan Nhấn mạnh vai trò, ý nghĩa của HTX ...", "... Nguyễn Văn Giàu Xem lại
    # tầm quản lý vĩ mô", "... đảng viên Trên cơ sở những ý kiến ..."). "Báo cáo", "Kết luận", "Ngoài" and "Thượng
    # tọa" are not: mid-sentence they are a document's title ("trình bày Báo cáo thẩm tra ...", "Thông báo Kết luận
    # số 50"), a name's part ("Đảng uỷ Ngoài nước") and a monk's.
    **dict.fromkeys(
        ("Nhấn mạnh", "Khẳng định", "Nhận định", "Trao đổi", "Bày tỏ", "Lưu ý", "Đề cập", "Xem lại", "Tính đến",
         "Vì vậy"), ANY
    ),
    **dict.fromkeys(("Sáng", "Chiều", "Tối", "Trưa", "Ngày", "Hôm", "Năm"), TIME),
}
#: Words before such an opener that make it no sentence start: a heading or caption never ends on a function word
#: or a personal title ("Tham dự buổi làm việc có | Ông Phạm S", "Báo cáo của UBND TP cho thấy | Trong năm 2017",
#: "ông | Tới phân tích": a man named Tới). Lower case only: "đảo Cát Bà | Sáng 10-2, ..." is a break.
NOT_BEFORE_A_RUN_IN = frozenset({
    "và", "có", "thấy", "của", "với", "cho", "là", "rằng", "như", "gồm", "các", "những", "tại", "ở", "giữa",  # function words
    "ông", "bà", "anh", "chị",  # titles before a name
})
#: Names an opener is part of, as (the word before it, in lower case; the opener): "Ủy ban Về các vấn đề xã hội",
#: "Cục Việc làm", "cầu Ông Lãnh", "cầu Vĩnh Tuy", "Bài Phát biểu của Nữ hoàng". With the words above they prevent
#: 32 cuts in the pool, all inside a sentence (read on 2026-12-06).
NAMES_WITH_RUN_IN = frozenset({("ban", "Về"), ("cục", "Việc"), ("cầu", "Ông"), ("vĩnh", "Tuy"), ("bài", "Phát biểu"),
                               ("nhóm", "Những")})

#: Where such an opener may start a sentence: a capital after a space, or glued to a lower-case letter where the
#: page lost the line break and the space with it ("Đạt nhiều mục tiêu ấn tượngTại hội nghị, ...", "... không
#: đúng thẩm quyềnTheo TTCP, ..."). Of the pool's 568 places where a lower-case letter is glued to a capital, the
#: 23 cut before an opener are all such breaks; the others include names that only lost a space ("Bộ
#: trưởngVicente Fernandes", "Khu công nghiệpThạch Thất"). segment.py also wants a word, or a word and its closing
#: quote, before it ("... bị oan\" Cử tri ...", "... của mình” Theo đánh giá ..."). The capital is matched first and
#: what comes before it looked behind at: five times faster than looking for the space and then ahead for the
#: opener, which was a fifth of the time segmentation took.
RUN_IN_CAPITAL = re.compile(rf"[{UPPER_LETTERS}](?<=[ \t{_LOWER_LETTERS}][{UPPER_LETTERS}])")
#: The opener at such a capital; the groups name the opener and the word after it, for the check above.
RUN_IN_OPENER = re.compile(rf"(?P<opener>{'|'.join(sorted(RUN_IN_OPENERS, key=len, reverse=True))})[ \t,]+(?P<next>\w*)")

#: A byline is a short last line of capitalised syllables with no sentence punctuation ("Phúc Quang",
#: "Gia Bách", "Minh Hạnh - Thu Hà", "PV"); at most this many syllables.
BYLINE_MAX_SYLLABLES = 6

_UPPER, _LOWER = f"[{UPPER_LETTERS}]", f"[{_LOWER_LETTERS}]"

#: Two or more spaces inside a paragraph where the page lost a line break, before a sentence (a capitalised word,
#: then a lower-case one or a number: "Tái cơ cấu nợ công  Bộ trưởng Bộ Tài chính ...", "... bắt giam  Sáng 28/6")
#: or before a closing byline ("... giai đoạn 2016 - 2020.  Thảo Nguyên"). In the gold all 11 such spaces are
#: sentence breaks. A link's anchor is spaced the same way, but its words are all capitalised ("của  Ban Bí thư  đối
#: với ...") and not cut; of the pool's 170 places that match, the one anchor seen comes after a comma (", Đại học
#: Việt Nhật  sẽ ..."), so after a comma, colon or opening bracket (NOT_A_BREAK_AFTER, checked in segment.py) the
#: spaces never cut.
_SENTENCE_AHEAD = rf"{_UPPER}{_LOWER}*[ \t](?:{_LOWER}|\d)"
_BYLINE_AHEAD = rf"(?:{_UPPER}[^\W\d_]*[ \t\-–]+){{0,{BYLINE_MAX_SYLLABLES - 1}}}{_UPPER}[^\W\d_]*$"
GLUED_BY_SPACES = re.compile(rf"[ \t\u00a0]{{2,}}(?={_SENTENCE_AHEAD}|{_BYLINE_AHEAD})")
NOT_A_BREAK_AFTER = ",;:([“‘"

#: A photo credit in brackets that ends a caption the next sentence ran into: "Bộ trưởng Phùng Xuân Nhạ (Ảnh: Q.H)
#: Theo Bộ trưởng ...", "... tiếp xúc cử tri (ảnh: P.L) Một số ý kiến ...", "(Ảnh cắt từ clip) Trong công văn ...",
#: "... (ảnh minh họa) Tại Hội nghị ...". segment.py cuts after it when a capital follows, and the piece it ends is a
#: caption. "ảnh" must be followed by a colon, a credit's usual words or a capital: "(ảnh hưởng đến ...)" is no credit.
_CREDIT = (r"\([Ảả]nh(?:\s*:[^()\n]{0,40}|\s+(?:minh họa|minh hoạ|cắt từ[^()\n]{0,30}|chụp[^()\n]{0,60}|"
           r"[A-ZĐ][^()\n]{0,30}))?\.?\)")
CREDIT_BEFORE_SENTENCE = re.compile(rf"{_CREDIT}(?=[ \t]+{_UPPER})")
CREDIT_AT_END = re.compile(rf"{_CREDIT}\.?$")

#: A list's first item run onto the sentence that announces it, as pages lose the line break: "... bao gồm các việc
#: cụ thể như sau: - Xây dựng kiến tạo ...", "... các nội dung quan trọng: + Đề cương Báo cáo chính trị ...".
#: segment.py cuts before the item's marker; a sentence that ends on its colon only announces a list, and is never
#: a bullet (select.py).
LIST_AFTER_COLON = re.compile(rf":[ \t]+(?=[-–+•][ \t]*{_UPPER})")

#: The marker that opens a list item, or an interviewer's line ("* Là cơ quan thẩm định ..."); a bullet drops it
#: ("- Xây dựng ..." -> "Xây dựng ...", "(4) Tiến hành thanh tra ...", "5- Ban Chấp hành Trung ương kêu gọi ...",
#: "6 - Nâng cao năng lực lãnh đạo ..."). A number is a marker only in brackets, or with a stop, bracket or dash
#: and a space after it, and a spaced dash only before a capital ("3 dự án", "3 - 5 năm" are not).
ITEM_MARKER = re.compile(rf"^(?:[-–—+•*]|\(\d{{1,2}}\)|\d{{1,2}}[.)\-–](?=\s)|\d{{1,2}}\s+[-–](?=\s+{_UPPER}))\s*")

#: A paper's dateline opening a story ("TTO - Thanh tra Chính phủ vừa kiến nghị ..."), where VietNews glued a related
#: story's headline to it: "Kiến nghị thu hồi 5.000 m2 'đất vàng' đường Lê Duẩn, TP. HCM TTO - Thanh tra Chính phủ
#: ..." (33 places in the meetings pool). segment.py cuts the headline off before it (a heading, with no final
#: stop); a bullet drops the dateline as it drops a list item's marker.
OUTLET_DATELINE = r"(?:TTO|TPO|NDĐT)[ \t]*[-–][ \t]+"
DATELINE_AFTER_HEADLINE = re.compile(rf"(?<=[^\s.!?…:;,])[ \t]+(?={OUTLET_DATELINE}{_UPPER})")
LEADING_DATELINE = re.compile(rf"^{OUTLET_DATELINE}(?={_UPPER})")

#: Quotes that close a quotation: a run-in opener may follow one.
CLOSING_QUOTES = "\"”'’"

#: A full stop or question mark with no space after it, between a lower-case word or a number and a capitalised
#: word, or an ellipsis so glued after any word: "... rất quan tâm.Cùng đó, ...", "... GDP, CPI...Nếu mức ...",
#: "năm học 2017 - 2018…Một". Text copied from a page often loses that space. segment.py still checks the word
#: before the stop for an abbreviation ("Ths.Nguyễn" stays whole).
GLUED_AT_STOP = re.compile(rf"(?:[.!?](?<=[{_LOWER_LETTERS}\d].)|\.\.\.(?<=\w\.\.\.)|…(?<=\w…))(?={_UPPER}{_LOWER})")

#: An acronym that a corpus's tokeniser split before its last letter, at the end of a sentence, the next sentence often
#: glued to it: "... đạt 40 tỉ US D.Tỉ lệ hộ nghèo ...", "... tái cơ cấu của EV N.Thủ tướng ...", "... 2.590 US D. -
#: Thu ngân sách ..." (VietNews). The lone capital is no initial there, so the stop ends the sentence; a letter that
#: abbreviates a unit ("UBND Q. 9", "UBND H.Cần Giờ") or completes an abbreviation ("T S.Nguyễn Đình Cung", "T
#: X.Quảng Trị": ABBREVIATIONS) does not.
_ACRONYM_LAST = f"[{UPPER_LETTERS.replace('I', '').replace('V', '').replace('X', '')}]"  # not a Roman numeral: "QL I."
_BROKEN_ACRONYM = rf"(?<!\S){_UPPER}{{1,4}} {_ACRONYM_LAST}"
BROKEN_ACRONYM_TAIL = re.compile(_BROKEN_ACRONYM)
BROKEN_ACRONYM_AT_STOP = re.compile(rf"{_BROKEN_ACRONYM}\.(?={_UPPER}{_LOWER})")

#: Site furniture after the article: from such a short line on (see TRAILER_MAX_SYLLABLES) all is trailer.
TRAILER_START = re.compile(
    r"^(?:Tin cùng chuyên mục|Tin liên quan|Tin khác|Các tin khác|Xem thêm|Bài viết liên quan|Bài liên quan|"
    r"Đọc thêm|Tin mới|Tin nổi bật|Ý kiến bạn đọc|Từ khóa|Tags?)\b",
    re.IGNORECASE,
)

#: A trailer heading is a short line ("Tin cùng chuyên mục"), never a sentence that starts the same way.
TRAILER_MAX_SYLLABLES = 8

#: A heading or caption is a paragraph without final punctuation and at most this many syllables.
SHORT_LINE_MAX_SYLLABLES = 25

#: A sub-heading that quotes a speaker, alone on its line with no stop inside the marks, optionally after who said
#: it and a colon: "\"Không được chủ quan, thoả mãn\"", "Bộ Giao thông: \"Xử lý nghiêm các hành vi lợi dụng để gây
#: rối\"" (105 lines in the meetings pool, all read: all sub-headings). A line that only ends with a quotation ("Thủ
#: tướng yêu cầu \"không để xảy ra\"") is a sentence.
QUOTED_HEADING = re.compile(r'^(?:[^"“”.!?…:]{1,60}:\s*)?["“][^"“”.!?…]+["”]$')

#: Marks a headline may end with: a short first line ending so, with more lines after it, is the title
#: ("Chống tham nhũng, lãng phí: Không thể tiếp tục như thế này!", "Vì sao ...?"), not a sentence to brief.
HEADLINE_ENDS = ("!", "?", "!”", "?”", '!"', '?"')

#: Openers of a dateline that a title can be glued to: "... tôm Chiều 17/7, ...", "... GPMB Sáng nay (8/2), ...".
DATELINE = re.compile(
    r"\s+(?=(?:Sáng|Chiều|Tối|Trưa|Ngày|Đêm|Hôm nay|Hôm qua)(?: nay| qua| mai)?\s*\(?\d{1,2}\s*[/.\-]\s*\d{1,2}\b)"
)

#: Sentence-final punctuation, optionally followed by closing quotes/brackets and "/." (a wire-copy end mark).
SENTENCE_END = re.compile(r"(?:[.!?]+|…+)[\"”’»)\]]*(?:/\.)?")

#: A line break that a sentence splitter put after an abbreviation opening a name: corpora kept one sentence a line
#: and split at every stop ("Chủ tịch UBND TP.\nHà Nội Nguyễn Đức Chung ...", "..., TS.\nNguyễn Văn Quyền nhấn
#: mạnh"). segment.py reads such a break as a space when a name follows. After a title ("TS", "GS", "ThS" ...): a
#: full name (two capitalised syllables: "Nguyễn Văn", "TSKH Đặng"), or one that a comma or a verb of saying follows
#: ("TS.\nKhuyến cho biết"); not a capitalised word that opens a sentence ("NSND.\nNghệ sĩ ...", "GS.\nNhà giáo
#: ..."). "TP." also ends sentences ("... của TP.\nÔng Lê Hoà ..."), so only before a city's name: two capitalised
#: syllables that are not a sentence opener, an honorific, a paper or a body ("Theo Cục trưởng", "Ông Mai Văn", "Báo
#: Lao Động", "Sở Xây dựng"), or "HCM". Checked on every such break in the meetings pool (117 joined, all names) and
#: in the first 20,000 VietNews articles.
NAME_TITLE_ABBREVIATIONS = ("GS", "PGS", "TS", "TSKH", "ThS", "Ths", "BS", "KS", "LS", "NGND", "NGƯT", "NSND", "NSƯT")
CITY_ABBREVIATIONS = ("TP", "Tp")
NOT_A_CITY = ("Ông", "Bà", "Anh", "Chị", "Em", "Báo", "Đài", "Như", "TP", "Sở", "Bộ", "Ban", "Cục", "Vụ", "Viện", "Hội",
              "Ủy", "Uỷ", "UBND", "HĐND")
#: What may follow a one-syllable name after a title: its verb of saying.
SAID_AFTER_A_NAME = ("cho biết", "cho rằng", "cho hay", "nói", "nêu", "nhấn mạnh", "khẳng định", "nhận định",
                     "chia sẻ", "giải thích", "phân tích", "đánh giá", "lưu ý", "đề nghị", "kiến nghị")
_ABBREVIATION_AT_BREAK = "|".join(NAME_TITLE_ABBREVIATIONS + CITY_ABBREVIATIONS)
NAME_BROKEN_AT_ABBREVIATION = re.compile(
    rf"(?<!\S)(?P<abbreviation>{_ABBREVIATION_AT_BREAK})\.\n(?P<first>{_UPPER}\w*)(?P<comma>,)?"
    rf"(?:[ \t]+(?P<second>\S+)(?:[ \t]+(?P<third>\S+))?)?"
)
