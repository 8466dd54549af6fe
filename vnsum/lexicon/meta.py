"""Words that locate a meeting report's who, what, when and where.

Used by meta.py to read the event name, date, chair, organiser and location off the lead.
"""

from vnsum.lexicon.layout import UPPER_LETTERS

#: Nouns that open the name of a meeting as the article writes it ("Hội nghị sơ kết ...", "Phiên họp ...").
EVENT_NOUNS = (
    r"Hội nghị|Phiên họp|Kỳ họp|Hội thảo|Diễn đàn|Buổi làm việc|Cuộc họp|Đại hội|Tọa đàm|Toạ đàm|Phiên chất vấn|"
    r"Phiên thảo luận|Phiên bế mạc|Phiên khai mạc|Buổi tiếp xúc cử tri|Tiếp xúc cử tri|Lễ [a-zđ]+|Cuộc làm việc|"
    r"Cuộc tiếp xúc|Hội nghị trực tuyến|Phiên giải trình|Buổi gặp mặt|Cuộc gặp|Họp báo|Buổi đối thoại|Cuộc đối thoại|"
    r"Buổi giao ban|Cuộc giao ban|Phiên thứ|Buổi tiếp công dân|Phiên tiếp công dân|Tiếp công dân|"
    r"Cuộc hội đàm|Hội đàm"
)

#: Where the event name stops: the start of the time, place, chair or purpose that follows it, or of the
#: predicate, or at a dash unless an abbreviated body follows it ("kỳ họp thứ 9 - HĐND thành phố"; "Kỳ họp thứ 3,
#: Quốc hội khóa XIV đang diễn ra", "Đại hội ... lần thứ XI phải bám sát", "... vừa qua",
#: "Hội nghị có lãnh đạo một số bộ", "hội nghị cho thấy ..."; but "doanh nghiệp nhỏ và vừa", "người có công" and
#: "các tồn tại" are part of names). The verbs stop only in lower case: capitalised, they name a document
#: ("phiên họp triển khai Kết luận của Bộ Chính trị", "Quyết định 123"), and after "về" or "của" they are its
#: topic ("dự thảo đề án về thu hút chuyên gia"). "mới đây" and "đến nay" close a name as "vừa qua" does; "được"
#: opens a passive predicate ("Diễn đàn ... được Bộ Ngoại giao phối hợp ... tổ chức"); so do "tiếp tục" and "kéo
#: dài" ("kỳ họp thứ 15 ... tiếp tục với phiên chất vấn"). "ngày" before a capital names a day ("hội nghị sơ kết 5
#: năm Ngày Quốc tế Hạnh phúc"); a full stop after a place's abbreviation before its name ("UBND TP. HCM") stops
#: nothing (PLACE_ABBREVIATIONS). "do" stops a name unless the name has words after its noun and who organised
#: or chaired it follows (ORGANISED_BY).
EVENT_STOPS = (
    r"(?<!\btồn)\s+(?:tại|do|dưới sự|với sự|nhằm|vào|để|sáng|chiều|tối|ngày(?! (?-i:[A-ZĐ]))|hôm|đã|đang|sẽ|phải|mà|diễn ra|"
    r"được|là)\b|"
    r"(?<!\bvề)(?<!\bcủa)\s+(?-i:cho thấy|ghi nhận|thống nhất|nhận định|yêu cầu|đề nghị|kết luận|thảo luận|công bố|"
    r"thông qua|quyết định|thu hút|khai mạc|bế mạc|đề cập|cho biết|tiếp tục|kéo dài)\b|"
    r"\s+có(?= sự| lãnh đạo| đại diện| mặt| các| nhiều| hơn| gần| khoảng| (?-i:[A-ZĐ]))|(?<!và)\s+vừa\b|"
    r"\s+(?:mới đây|đến nay)\b|"
    r"[.;:!?](?=\s|$)|[()\"“”]|\s+[-–]\s+(?!(?-i:[A-ZĐ]{2,})\b)"
)

#: Who organised or chaired a meeting, after its name: the meeting's fullest name takes it ("buổi giao ban báo chí
#: do Thành uỷ TP. Hà Nội tổ chức", "cuộc họp về cải cách hành chính do Phó thủ tướng ... chủ trì"), as the
#: hand-checked reports write it; a bare noun does not ("Cuộc họp do Thủ tướng chủ trì" names no meeting).
#: A capital after the verb makes it part of a body's name ("do Ban tổ chức Thành uỷ TP. HCM tổ chức").
ORGANISED_BY = rf"do (?:\S+ ){{1,8}}?(?:trực tiếp )?(?:tổ chức|chủ trì)\b(?! [{UPPER_LETTERS}])"

#: Words after a comma that continue an event name ("..., triển khai nhiệm vụ 6 tháng cuối năm", "Kỳ họp thứ 3,
#: Quốc hội khóa XIV", "..., lần thứ hai", "..., nhiệm kỳ 2016-2021", "phòng, chống ...", and the second of two
#: verbs a name's topic pairs: "Hội nghị đổi mới, nâng cao hiệu quả ...", "... giữ gìn lâu dài, bảo vệ tuyệt đối ...").
EVENT_CONTINUATIONS = (
    r"triển khai|bàn|kiểm điểm|đánh giá|tổng kết|sơ kết|đề ra|định hướng|phương hướng|nhiệm vụ|kế hoạch|"
    r"nâng cao|bảo vệ|ngăn chặn|phòng ngừa|phát triển|thúc đẩy|"
    r"Quốc hội khóa|Quốc hội khoá|khóa [IVXLC]+|khoá [IVXLC]+|lần thứ|nhiệm kỳ|giai đoạn 20|chống|bổ sung|"
    r"(?:HĐND|Hội đồng nhân dân)\b[^,]*\bkh(?:óa|oá)"  # "kỳ họp thứ 6, HĐND tỉnh Quảng Nam khoá 9"
)

#: Words on both sides of a dash that join inside a name, where the dash stops it otherwise ("kinh tế - xã hội");
#: a dash between capitalised words ("Thừa Thiên - Huế", "Việt Nam – Trung Quốc", "Shangri - La") or between
#: numbers ("2009 - 2017") joins too.
DASH_PAIRS: frozenset[tuple[str, str]] = frozenset({("tế", "xã")})

#: Pairs of nouns written with a comma that name one group, never two items of a list ("17 tỉnh, thành",
#: "các bộ, ngành"): an event name runs on through them.
COMMA_PAIRS: frozenset[tuple[str, str]] = frozenset({
    ("tỉnh", "thành"), ("bộ", "ngành"), ("sở", "ngành"), ("ban", "ngành"), ("cấp", "ngành"), ("quận", "huyện"),
    ("xã", "phường"), ("phường", "xã"), ("huyện", "thị"),
})

#: Words that make an event noun part of a building's name, not a meeting ("Trung tâm Hội nghị Quốc gia", "Trung
#: tâm hội nghị Intex của TP Osaka", "Cung Hội nghị Quốc tế").
EVENT_VENUES = ("Trung tâm", "Cung")

#: Words just before an event noun that point to a meeting other than the one reported: one held before or after
#: it, beside it, or being prepared ("tiếp xúc cử tri trước kỳ họp thứ 3", "trước buổi gặp mặt của Thủ tướng",
#: "sau phiên khai mạc", "bên lề Hội nghị ...", "trong bối cảnh Kỳ họp thứ 3 ... đang diễn ra"). The event is read
#: from such a mention only when the lead names no other.
#: So do the term of a congress ("từ đầu nhiệm kỳ Đại hội XII"), a meeting's documents ("nghị quyết của Hội nghị
#: Trung ương 6", "Nghị quyết Đại hội XII") and a body or office named after a meeting ("Tổng thư ký Diễn đàn châu Á
#: Bác Ngao", "Ban tổ chức Hội nghị").
EVENT_ASIDES = (
    r"trước|sau|sau khi|bên lề|chuẩn bị cho|chuẩn bị|hướng tới|tiến tới|trong bối cảnh|kể từ|từ sau|nhiệm kỳ|"
    r"nghị quyết|nghị quyết của|kết luận của|văn kiện|Tổng thư ký|Ban tổ chức"
)

#: Predicates that say a meeting took place. A mention that opens its clause (the sentence's start, or after a short
#: opener such as "Chiều 7/7, ") and is their subject is the meeting reported, before any other the lead names
#: ("... các ý kiến tại Đại hội Đoàn toàn quốc ... Sáng 24/6, hội nghị Ban Chấp hành Trung ương Đoàn lần thứ 11 đã
#: khai mạc"), and its name runs on through commas to them ("Hội nghị xúc tiến đầu tư các doanh nghiệp, bệnh viện
#: trong lĩnh vực y tế của Hàn Quốc ... đã diễn ra").
EVENT_HAPPENED = r"diễn ra|khai mạc|bế mạc|được tổ chức|được tiến hành|kết thúc"
#: ... but not one still to come: "Kỳ họp thứ 4, HĐND TP sẽ khai mạc vào ngày 3/7" is in a report of the press
#: conference before it.
EVENT_TO_COME = r"sẽ|dự kiến|chuẩn bị|sắp"

#: Nouns of administrative units whose proper names an event name lists with commas ("tiếp xúc cử tri quận Ba
#: Đình, Tây Hồ", "tỉnh Quảng Nam, Quảng Ngãi"): the name runs on through the listed names.
PLACE_LIST_NOUNS = r"quận|huyện|tỉnh|thành phố|TP\.?|thị xã|xã|phường|thị trấn"

#: Verbs among EVENT_STOPS that name what a meeting is for when they follow its noun directly ("Hội nghị công bố
#: quyết định ...", "Phiên họp thảo luận ..."), and end its name only further on ("Hội nghị Thành uỷ lần thứ 15
#: công bố quyết định kỷ luật ...").
EVENT_PURPOSE_VERBS = r"công bố|thảo luận|thông qua|quyết định|kết luận|thống nhất|đánh giá|ghi nhận"

#: Nouns whose quoted title an event name takes after a colon: "... phê duyệt Đề án thí điểm: “Xây dựng huyện Nam
#: Đàn ...”", "hội thảo có chủ đề: “...”". After any other word a colon opens what was said ("hội nghị nêu: “...”").
TITLED_NOUNS = r"đề án|chương trình|chủ đề|dự án|đề tài|khẩu hiệu|thông điệp|giải thưởng|cuộc thi|phong trào"

#: Abbreviations of the kind of place a name follows: "TP. HCM", "Tp. Cần Thơ", "TX. Sơn Tây", "Q. Hoàn Kiếm".
PLACE_ABBREVIATIONS = r"TP|Tp|TX|TT|Q|P|H"

#: Words that close a list inside an event name: after commas, a name runs on to the item joined by one of these
#: ("đánh giá công tác tuyển sinh, đào tạo, giải quyết việc làm năm 2018 và nhiệm vụ năm 2019", "thường trực
#: Thành uỷ, Hội đồng Nhân dân, Uỷ ban Nhân dân thành phố với lãnh đạo các quận").
EVENT_LIST_CLOSERS = r"và|với"

#: Words that open a clause after an event name and a comma, never a list item of the name ("Hội nghị tổng kết
#: năm 2018, ông ... và ...", "..., các đại biểu và khách mời ...", "phiên thứ hai, nghe Chính phủ báo cáo và ...").
EVENT_LIST_BREAKS = (
    r"ông|bà|đồng chí|anh|chị|các đại biểu|đại biểu|lãnh đạo|nhiều|hai bên|chúng ta|tôi|theo|tại|trong|nghe|"
    r"Thủ tướng|Phó Thủ tướng|Chủ tịch|Bộ trưởng|Thứ trưởng|Tổng Bí thư|Bí thư"
)

#: Time of day and day words that can open a date ("Chiều 17/7", "Sáng nay (8/2)", "hôm nay, 16-4", "Ngày 6.2",
#: "hôm 5-4", "ngày 12-3-2005").
DATE = (
    r"(?:(?:Sáng|Chiều|Tối|Trưa|Đêm|Ngày|Hôm nay|Hôm qua|Hôm|sáng|chiều|tối|trưa|đêm|ngày|hôm nay|hôm qua|hôm)"
    r"(?: nay| qua| mai)?,?\s*\(?)?\b\d{1,2}\s*[/.\-]\s*\d{1,2}(?:\s*[/.\-]\s*\d{4})?\b\)?"
)

#: A meeting over several days, written as a range that ends in a full date: "từ 2/6 đến 4/6", "từ ngày 29 đến
#: 31/5", "hai ngày 6-7/3", "2 ngày 6 và 7/3". Found as one date, so the range is kept whole.
DATE_RANGE = (
    r"(?:(?:[Tt]ừ|[Tt]rong)\s+(?:ngày\s+)?\d{1,2}(?:\s*[/.\-]\s*\d{1,2}(?:\s*[/.\-]\s*\d{4})?)?\s+(?:đến|tới)\s+(?:ngày\s+)?"
    r"|(?:[Hh]ai|[Bb]a|2|3)\s+ngày\s+\d{1,2}\s*(?:[-–]|và)\s*)"
    r"\d{1,2}\s*[/.\-]\s*\d{1,2}(?:\s*[/.\-]\s*\d{4})?"
)

#: A date said relative to the day of writing, with no number: "Sáng nay", "chiều qua", "Hôm nay", "tối mai".
RELATIVE_DATE = r"(?:[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Đđ]êm|[Hh]ôm) (?:nay|qua|mai)"

#: Days from the day of writing that each relative word means.
RELATIVE_DAYS = {"nay": 0, "qua": -1, "mai": 1}

#: A date that carries its year: "12/3/2005", "ngày 12-3-2005", "22.05.2017", a page's timestamp "2017-05-17".
#: The day of writing, where an article states one, is its first such date (a dateline or a timestamp).
DAY_MONTH_YEAR = r"(?<![\d/.\-])(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*((?:19|20)\d\d)(?!\d)"
YEAR_MONTH_DAY = r"(?<![\d/.\-])((?:19|20)\d\d)-(\d{2})-(\d{2})(?![\d])"

#: Common Vietnamese family names: a capitalised run starting with one of these is a person's name.
SURNAMES = frozenset(
    """Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trịnh Đoàn Lâm Mai Trương Hà
    Lương Tô Cao Chu Đào Tạ Kiều Thái Phùng Lưu Vương Triệu Quách Đàm Lại Tăng Thân Nông La Mạc Khúc Từ Hứa Tôn
    Giang Châu Nghiêm Âu Bế Doãn Hầu Khổng Kim Lò Ninh Quan Thạch Tiêu Trình Vi Văn Yên Diệp Lữ Mẫn Tiết
    Lã Cù Cấn Đồng Đổng Thiều Ung Viên Lạc Bạch Biện Cung Đàng Hàn Khương Kha Lục Phí Phương Quang Sầm Thi""".split()
)

#: Places that start with a family name ("Hà Nội", "Lâm Đồng"): a run starting with one is not a person.
PLACES = frozenset(
    """Hà Nội|Hà Tĩnh|Hà Giang|Hà Nam|Hà Đông|Lâm Đồng|Cao Bằng|Lai Châu|Quang Trung|Kim Bảng|Thái Bình|
    Thái Nguyên|Lý Sơn|Hồ Chí Minh|Hoàng Sa|Trường Sa|Lê Lợi|Hải Phòng|Văn Miếu|Quang Ninh|Đồng Nai|Đồng Tháp|
    Đồng Hới|Đồng Xoài|Bạch Long Vĩ|Phú Quốc|Hồ Tây|Hoàng Mai|Tây Hồ|Ba Đình|Châu Đốc|Kim Sơn|Lạc Sơn""".replace("\n", "").replace("    ", "").split("|")
)

#: Titles and honorifics that precede a name ("Thủ tướng Nguyễn Xuân Phúc", "ông Nguyễn Trọng Nghĩa").
#: Capitalised titles inside a role ("Trưởng Ban Tuyên giáo") are found by their first word.
TITLE_WORDS = (
    r"Tổng Bí thư|Tổng bí thư|Chủ tịch nước|Chủ tịch|Phó Chủ tịch|Thủ tướng|Phó Thủ tướng|Phó thủ tướng|Bộ trưởng|"
    r"Thứ trưởng|Bí thư|Phó Bí thư|Trưởng ban|Trưởng Ban|Phó Trưởng ban|Phó Trưởng Ban|Giám đốc|Phó Giám đốc|"
    r"Tổng Giám đốc|Tổng giám đốc|Chánh án|Viện trưởng|Tổng Kiểm toán|Tổng Thanh tra|Chủ nhiệm|Phó Chủ nhiệm|"
    r"Ủy viên|Uỷ viên|ủy viên|Đại biểu|đại biểu|Trung tướng|Thượng tướng|Đại tướng|Thiếu tướng|Đại tá|Tổng cục trưởng|"
    r"Cục trưởng|Vụ trưởng|Chánh Văn phòng|Trưởng đoàn|Phó Trưởng đoàn|Tổng Thư ký|Người phát ngôn"
)

#: Honorifics that are not part of a role: "ông", "bà", "đồng chí".
HONORIFICS = r"[Ôô]ng|[Bb]à|[Đđ]ồng chí|đ/c|GS\.?|PGS\.?|TS\.?|ThS\.?"

#: Verbs that name who chairs: "X chủ trì", "dưới sự chủ trì của X", "Chủ trì Hội nghị, X".
CHAIR_CUE = r"chủ trì|đồng chủ trì|chủ tọa|điều hành"

#: Where a role written after a name ends and the sentence goes on: a purpose or topic ("... đoàn Hà Nội để làm
#: rõ"), or what the person did ("... Chủ tịch VCCI trả lời ..."). Not a dash: names hold one ("Kế hoạch - Đầu tư").
ROLE_ENDS = r"để|nhằm|về|đã|cho biết|cho rằng|nhấn mạnh|khẳng định|đánh giá|trả lời|phát biểu|chia sẻ|nói|đề nghị|yêu cầu"

#: The organiser is the subject of "tổ chức" before an event noun, or the agent of "do X tổ chức".
ORGANISER_CUE = r"tổ chức|phối hợp tổ chức|đăng cai"
