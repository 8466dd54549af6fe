"""What the faithfulness guard of generated bullets needs to know about Vietnamese.

A generated bullet may drop words but must not add facts or flip meaning. Negations decide meaning:
"chưa hoàn thành" and "hoàn thành" are opposite reports. Function syllables carry no facts, so a model
may add or drop them freely (they are left out of the novel-content share).
"""

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

# Where an extractive bullet of a long sentence may end, cutting the rest: before a comma and one of these, the
# clause that goes is a purpose, a consequence or the details of what was said ("tăng 12%, góp phần ...",
# "triển khai 5 dự án, trong đó ..."); what stays is a whole statement. Contrasts ("nhưng", "song") stay: cut, a
# limitation would read as an achievement. Any other comma may sit inside a list, so no cut is made there.
CUT_BEFORE: tuple[str, ...] = (
    "để", "nhằm", "góp phần", "qua đó", "từ đó", "trong đó", "nhất là", "đặc biệt là", "đồng thời", "tạo",
    "giúp", "với mục tiêu", "do", "vì", "bởi", "nên", "khiến", "dẫn đến", "gây",
)

# Words that open a list ("còn hạn chế như A, B; C"): once one is kept, every later comma or ";" may sit inside the
# list, so an extractive bullet is not cut after it.
LIST_OPENERS: tuple[str, ...] = ("như", "gồm", "bao gồm")
