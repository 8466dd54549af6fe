"""What the faithfulness guard of generated bullets needs to know about Vietnamese.

A generated bullet may drop words but must not add facts or flip meaning. Negations decide meaning:
"chưa hoàn thành" and "hoàn thành" are opposite reports. Function syllables carry no facts, so a model
may add or drop them freely (they are left out of the novel-content share).
"""

import re

# Syllables that negate what follows them. "chớ"/"đừng" negate an order; "chẳng"/"không hề" a statement.
NEGATIONS: frozenset[str] = frozenset({"không", "chưa", "chẳng", "chớ", "đừng", "chả", "hề"})

# How many syllables after a negation it governs ("chưa được triển khai": the next two carry the meaning).
NEGATION_SCOPE = 2

# Function syllables: connectives, classifiers, copulas, prepositions. A model may add these without
# adding a fact, so they do not count as novel content.
FUNCTION_SYLLABLES: frozenset[str] = frozenset(
    """
    và của các những là được bị cho với trong ngoài trên dưới tại về từ đến tới theo để do vì nên
    thì mà này đó ấy đã đang sẽ cũng vẫn còn rất nhiều đều có một hai ba việc sự cuộc nhằm qua
    như cùng hay hoặc lại ra vào lên xuống khi nếu nhưng song tuy đồng thời bên cạnh ngày tháng năm
    """.split()
)

# Verbs that end a reported-speech head ("Ông X, Chủ tịch UBND tỉnh, đề nghị ..."): a bullet may start right
# after one (and an optional "rằng"), dropping the speaker: what was said is the point of the bullet.
# scripts/build_pairs.py drops the same heads to make training pairs.
REPORTING_VERBS: tuple[str, ...] = (
    "cho biết", "cho rằng", "nhấn mạnh", "khẳng định", "nêu rõ", "lưu ý", "chia sẻ", "nhận định", "đề nghị",
    "yêu cầu", "kiến nghị", "thừa nhận", "bày tỏ",
)

# Words that open a clause a bullet may cut off at its end: "tăng cường kiểm tra, để kịp thời xử lý" ->
# "tăng cường kiểm tra" (purpose, condition, cause and a further item are dropped; what is kept stays true).
TRAILING_CLAUSE_OPENERS: frozenset[str] = frozenset({"để", "nhằm", "và", "vì", "do", "bởi", "khi", "nên"})

# Words that open the main clause after a subordinate or conceded one ("Mặc dù còn khó khăn, nhưng kết quả
# khởi sắc"; "nếu đạt 15% thì ..."; "mặc dù đã chỉ đạo ..., tuy nhiên ô nhiễm vẫn phức tạp"). A bullet that keeps
# the premise and cuts the clause they open says the opposite of the source's point, or only its condition.
MAIN_CLAUSE_OPENERS: frozenset[str] = frozenset({"nhưng", "song", "thì", "mà", "tuy"})

# Words that open such a premise: concession ("mặc dù", "dù", "tuy" but not "tuy nhiên") and condition.
PREMISE_OPENERS: frozenset[str] = frozenset({"dù", "tuy", "nếu", "hễ"})

# Words a statement cannot end on: a bullet ending "ông Hoàn cho rằng." or "các dự án như." was cut before
# its content. (Reporting verbs are not here: "yêu cầu", "đề nghị" are nouns as well, and end sentences.)
UNFINISHED_ENDS: frozenset[str] = frozenset({"là", "như", "gồm", "rằng", "của", "và", "với", "để", "cho"})

# Verbs of saying that are not also nouns: a bullet ending on one kept the speaker and cut what was said
# ("Chủ tịch Mặt trận Tổ quốc Việt Nam lấy ví dụ.", "Cử tri Vũ Hồng Toán phát biểu.").
SPEECH_ONLY_ENDS: tuple[str, ...] = (
    "cho biết", "cho rằng", "nhấn mạnh", "khẳng định", "nêu rõ", "chia sẻ", "nhận định", "bày tỏ", "lấy ví dụ",
    "nêu ví dụ", "phát biểu", "nói",
)

# Verbs that take their object after the clause that shares it, which an extractive bullet may not end on: "tập trung
# thảo luận làm rõ, tạo sự thống nhất cao ... về mục tiêu, quan điểm ..." cut before ", tạo" left "làm rõ" with no
# object (seed 191).
OBJECT_AFTER_ENDS: tuple[str, ...] = ("làm rõ",)

# Where an extractive bullet of a long sentence may end, cutting the rest: before a comma and one of these, the
# clause that goes is a purpose, a consequence or the details of what was said ("tăng 12%, góp phần ...",
# "triển khai 5 dự án, trong đó ..."); what stays is a whole statement. Contrasts ("nhưng", "song") stay: cut, a
# limitation would read as an achievement. Any other comma may sit inside a list, so no cut is made there.
CUT_BEFORE: tuple[str, ...] = (
    "để", "nhằm", "góp phần", "qua đó", "từ đó", "trong đó", "nhất là", "đặc biệt là", "đồng thời", "tạo",
    "giúp", "với mục tiêu", "do", "vì", "bởi", "nên", "khiến", "dẫn đến", "gây",
)

# Verbs that open a sentence as a frame for who speaks after it: "Phân tích sâu về những tồn tại, bất cập ...,
# đại biểu Lê Quân cho biết ...", "Quan tâm đến ..., nhiều đại biểu đề xuất ...". Until the speaker (a capitalised
# subject right after a comma, or a verb of saying: REPORTING_VERBS, SPEECH_ONLY_ENDS, FRAMED_SPEECH) the main
# clause has not begun, so an extractive bullet is not cut there: it would be the frame alone (bench/JUDGED.md).
# Verbs that also open an instruction ("Tăng cường ..., góp phần ...") are not here.
FRAME_OPENERS: tuple[str, ...] = (
    "phân tích", "đánh giá", "nhận định", "bình luận", "trao đổi", "chia sẻ", "quan tâm", "nói về", "nói đến",
    "đề cập", "giải thích", "lý giải", "trả lời", "phát biểu", "góp ý", "bàn về", "nhìn lại", "ghi nhận",
    "giải trình", "lo ngại", "băn khoăn", "bức xúc", "vui mừng", "phấn khởi", "chúc mừng", "nêu lên", "nêu về",
    "khẳng định",
)
# Further verbs that say what the speaker after such a frame does.
FRAMED_SPEECH: tuple[str, ...] = ("đề xuất", "nói", "chỉ rõ", "chỉ ra", "nêu", "thông tin", "phản ánh", "lo ngại")
# The start of a sentence that opens with its premise or purpose ("Để ...", "Nếu ...", "Tuy còn khó khăn, ..."):
# until its main clause begins ("Để ..., Thủ tướng yêu cầu ...", "Nếu ... thì ..."), an extractive bullet is not
# cut there ("Để thu hồi triệt để tài sản tham nhũng, làm triệt tiêu động cơ kinh tế ... …" read as a fragment).
# "Tuy nhiên", "Tuy vậy" are links, not premises. "Do" opening a sentence gives its cause ("Do đây là cuộc tổng
# điều tra với phạm vi rộng, ..., vì vậy, đồng chí Phó Giám đốc yêu cầu ...").
PREMISE_START = re.compile(r"(?:để|nhằm|khi|nếu|dù|mặc dù|hễ|giá như|giá mà|do|tuy(?! nhiên| vậy| thế))\b")
# The start of a sentence that opens with the means or the cause of what it says ("Với sự chỉ đạo quyết liệt ...,
# sự vào cuộc ..., đặc biệt là ..., tình hình TTATGT ... đã có những chuyển biến", "Nhờ có những chủ trương ..."),
# also after an attribution ("Theo Phó Thủ tướng, với ..."): its main clause usually has a lower-case subject, and
# has begun once a part after a comma holds a word that marks a predicate (PREDICATE_MARKERS) or a verb of saying;
# before that, no cut (seed 139: "Theo Phó Thủ tướng ..., với sự chỉ đạo ..., sự vào cuộc ... …" was the frame alone).
MEANS_START = re.compile(r"(?:với|nhờ)\b")
PREDICATE_MARKERS: tuple[str, ...] = ("đã", "sẽ", "đang", "cần", "phải", "có thể", "vẫn")
# ... and the words that answer a means as "thì" answers a premise ("Nhờ ... nên năm nay quận đã vượt ...").
MEANS_ANSWERS: tuple[str, ...] = ("thì", "nên")
# Attributions that may open a sentence before its own clause ("Theo Phó Thủ tướng, với sự chỉ đạo ...", "Cũng theo
# Vinachem, mặc dù ..."): the premise or means is read after them (seeds 139, 167).
ATTRIBUTION_OPENERS: tuple[str, ...] = ("theo", "cũng theo")

# Words that open a list ("còn hạn chế như A, B; C"): once one is kept, every later comma or ";" may sit inside the
# list, so an extractive bullet is not cut after it.
LIST_OPENERS: tuple[str, ...] = ("như", "gồm", "bao gồm")

# Words that govern the phrase after them: a bullet that starts right after one, with no punctuation between,
# starts inside a phrase ("[Cũng theo] Bộ trưởng Nguyễn Xuân Cường, điều kiện ..." reads as if the minister were
# the subject; "[Nhằm nâng cao năng lực bảo quản,] chế biến nông sản" is half a list).
PHRASE_HEADS: frozenset[str] = frozenset({
    "theo", "trong", "với", "để", "nhằm", "về", "tại", "của", "là", "như", "đối", "bối", "cho", "từ", "đến",
    "ngoài", "trên", "dưới", "giữa", "sau", "trước", "qua", "bằng", "vì", "do", "bởi", "nhờ", "liên",
})

# Verbs of asking whose object is the one asked, not what is asked: "[Đề nghị] Chính phủ đánh giá ..." says the
# government evaluates. A bullet may drop one only with its speaker and a mark or "rằng" after it.
DIRECTIVE_VERBS: tuple[str, ...] = ("đề nghị", "yêu cầu", "kiến nghị", "đề xuất", "giao", "chỉ đạo")
# ... unless what follows is what was asked: "đề nghị cần ...", "yêu cầu phải ...", "đề nghị rằng ...".
CONTENT_AFTER_ASKING: frozenset[str] = frozenset({"cần", "phải", "rằng"})
# First words of the one asked, when a list of bodies follows the verb of asking ("yêu cầu các Bộ liên quan, nhất là
# Bộ Công Thương, ... nhanh chóng rà soát ...", "yêu cầu các bộ, đặc biệt là Bộ Giao thông cần ..."). Up to
# ASKED_ONLY_SYLLABLES syllables of them after the verb are the one asked alone: an extractive bullet is not cut
# there, or it would keep who was asked and drop what (bench/JUDGED.md, seed 67).
ADDRESSEE_HEADS: frozenset[str] = frozenset({
    "các", "những", "mọi", "toàn", "bộ", "ngành", "sở", "ubnd", "ủy", "uỷ", "chính", "cơ", "đơn", "doanh", "công",
    "tổng", "cục", "ban", "tỉnh", "thành", "huyện", "quận", "xã", "địa", "lãnh", "hội", "ngân", "tập", "trường",
    "viện", "cấp",
})
ASKED_ONLY_SYLLABLES = 4
# A sentence whose subject is a nominalised clause ("Việc doanh nghiệp một năm phải tiếp 6-7 đoàn ..., chưa kể ...,
# trong đó ... là một thực tế phổ biến", "Tình trạng xe dù bến cóc, ..., đặc biệt là ... diễn biến phức tạp") is
# not cut before a phrase that singles out part of it (ELABORATORS): the predicate often comes after it, and the
# bullet would be the subject alone (bench/JUDGED.md, seeds 103 and 109).
NOMINAL_SUBJECTS: tuple[str, ...] = ("việc", "tình trạng")
# Verbs of feeling or opinion that, right after a link that opens a sentence ("Đồng thời bày tỏ mong muốn ...",
# "Đồng thời nhắn nhủ đến các nhà đầu tư ..."), say the speaker is in the sentence before: without the link the
# bullet would have no one who hopes or urges, so the sentence is not a bullet (bench/JUDGED.md, seeds 107, 113).
# So do verbs of telling and of what follows from the sentence before ("Đồng thời cho biết Nhật Bản ...", "Từ đó
# rút ra những bài học ...", "Đồng thời đặt ra yêu cầu ...", "Qua đó góp phần ..."; seed 137). "Đề nghị", "yêu
# cầu" ... stay: subjectless, they read as instructions (GUIDELINES); so does "nhấn mạnh", whose subject often
# comes after a comma ("Nhấn mạnh đến công tác quy hoạch, Thủ tướng lưu ý ...").
SPEAKERLESS_VERBS: tuple[str, ...] = ("bày tỏ", "nhắn nhủ", "khẳng định", "cho rằng", "chia sẻ", "mong muốn",
                                      "cho biết", "nêu rõ", "nêu ra", "rút ra", "đặt ra", "góp phần")
ELABORATORS: tuple[str, ...] = ("đặc biệt là", "nhất là", "trong đó")

# Words a cut from inside a clause may not take: each carries the claim. Quantity ("một", "một số", "hơn",
# "khoảng", "gần", "trên", "dưới", "chỉ", "mỗi"), the measure noun "số", the copula "là", "có" (existence,
# possession, "có thể"), "với" ("trong nông nghiệp [với] kim ngạch ..."), comparison ("hơn", "nhất").
REQUIRED_WORDS: frozenset[str] = frozenset({
    "một", "hơn", "khoảng", "gần", "trên", "dưới", "chỉ", "mỗi", "số", "là", "có", "với", "nhất", "cả", "toàn",
})

# Two-word openers of a correlative frame whose second half must stay: "không chỉ A mà còn B" (A alone says less
# than the source and reads as a complaint).
CORRELATIVE_OPENERS: tuple[tuple[str, str], ...] = (("không", "chỉ"), ("không", "những"), ("chẳng", "những"))

# Openers of a contrast a sentence ends on: "A, nhưng B" is said for B, so a bullet that keeps A and cuts B turns
# a limitation into an achievement ("Ba không là 3 hoạt động triển khai với quy mô lớn[, nhưng kết quả ...]").
CONTRAST_OPENERS: frozenset[str] = frozenset({"nhưng", "song", "tuy"})

# Verbs of opinion: a bullet that drops "Ông X cho rằng" states the speaker's view as a fact, so unlike the other
# reporting verbs these and their speaker stay.
OPINION_VERBS: tuple[str, ...] = ("cho rằng", "nhận định", "nhận thấy", "đánh giá", "tin rằng", "cho là")

# Words that open a phrase the deletion compressor may drop from a sentence's or a clause's start. Links ("Tuy
# nhiên,", "Bên cạnh đó,", "Đồng thời,") may always go; a time or a place ("Trong năm 2016,", "Tại hội nghị,") only
# when what stays holds no figure: it is the figure's scope ("[Trong 9 tháng,] cả nước phát hiện 1.697 vụ",
# "[tại TPHCM,] hiện chỉ có 30% doanh nghiệp đóng thuế" read as national, whole-year claims). Not a topic ("Đối với
# các sở y tế,", "Về việc ..."), a purpose ("Nhằm nâng cao năng lực bảo quản, [chế biến nông sản,] ..."), a basis
# ("Trên cơ sở ..."), a cause ("Do khó khăn nên tại TPHCM, ..."), a context ("Trong bối cảnh ...") longer than
# MAX_OPENING_CUT, an enumeration or a source: read one by one (bench/JUDGED.md), those cuts left fragments, or
# claims without what they were about.
LINK_OPENERS: frozenset[str] = frozenset({"tuy", "nhưng", "song", "bên", "ngoài", "đồng", "cùng", "mặt"})
# Words that open a list of causes or items ("chủ yếu do A; B", "như A, B"): once a bullet keeps one, a cut tail
# may take the list's later items, and the bullet then names one cause of two as the only one.
LIST_INTRODUCERS: frozenset[str] = frozenset({"do", "bởi", "vì", "nhờ", "như", "gồm"})

# Demonstratives: a phrase holding one is about something said before ("Trong quá trình đó,"), the sentence's topic.
DEMONSTRATIVES: frozenset[str] = frozenset({"đó", "này", "ấy", "trên", "vậy"})
SCOPE_OPENERS: frozenset[str] = frozenset({
    "trong", "năm", "tháng", "ngày", "sáng", "chiều", "tối", "trưa", "đêm", "hôm", "sau", "trước", "qua", "đến",
    "tới", "tính", "từ", "hiện", "cuối", "đầu", "thời", "giai", "vừa", "tại", "ở",
})

# Words that open a subordinate clause ("Khi ...", "Để ...", "Nếu ..."): a bullet that starts with one needs the
# main clause after it, so no tail of it may be cut ("Khi xây dựng phương án tài chính ...[, ... thì dự án mới
# khả thi]").
SUBORDINATE_OPENERS: frozenset[str] = PREMISE_OPENERS | {"khi", "để", "nhằm", "mặc", "giá"}

# Words of attribution ("Theo Bộ trưởng, ...", "Ông X nói, ..."). With the reporting, opinion and directive verbs
# above, they mark the part of a sentence that says who holds a view or asks for something: cut, the view reads as
# a fact (bench/JUDGED.md: "[Theo Bộ trưởng Trần Tuấn Anh,] Việt Nam có sức hút mạnh ...").
ATTRIBUTION_WORDS: tuple[str, ...] = ("theo", "nói", "cho hay", "phát biểu")

# Words that point back at what came before ("đây là", "điều này"): after a cut head they point at nothing, or at
# the wrong thing ("[Về việc cấp phép tác phẩm vừa qua,] Thủ tướng cho rằng đây là một bài học").
BACK_REFERENCES: tuple[str, ...] = (
    "đây là", "đó là", "điều này", "điều đó", "việc này", "việc đó", "vấn đề này", "vấn đề đó", "con số này",
    "kết quả này", "tình trạng này", "tình hình này", "như vậy", "như thế",
)

# Words that open an adverbial of time, place, source or topic ("Theo ông X,", "Tại hội nghị,", "Năm 2016,"):
# a bullet may start after one such opening phrase and its comma. After any other phrase and comma it would
# start inside a list or without what it leans on ("[Đặc biệt là liên quan đến đất đai,] nhà cửa, có những vụ
# ...", "[Còn lại 6 tỉ USD,] các tỉnh ... có thể chung sức đạt được").
INTRO_OPENERS: frozenset[str] = frozenset({
    "theo", "tại", "trong", "qua", "về", "đối", "ngoài", "bên", "sau", "trước", "từ", "đến", "với", "nhờ", "hiện",
    "năm", "tháng", "ngày", "sáng", "chiều", "tối", "trưa", "đêm", "hôm", "cũng", "riêng", "tính", "cùng", "đồng",
    "tuy", "mặt", "vì", "do", "để", "nhằm", "khi", "trước", "nói", "phát", "chia", "trả", "thời", "giai", "đầu",
    "cuối", "tới", "thứ", "một", "hai", "ba", "trên", "dưới", "ở",
    "vậy",  # "[Vậy thời gian tới] UBND thành phố ..."
})
