"""A quotation over several sentences is one bullet, with its speaker and both its marks (vnsum/quotes.py)."""

import pytest

from vnsum.document import Bullet, Kind, Label, Sentence
from vnsum.quotes import MAX_QUOTATION_SYLLABLES, marks, pair_marks, quotation_span
from vnsum.rewrite.stage import rewrite_sections
from vnsum.select import select_bullets

# From a baomoi report and a VietNews one (straight marks, spaced as VietNews prints them).
CURLY = ("“Ở khu vực thu gom rác dân lập, người thu gom vui thì đi, còn buồn thì thôi.",
         "Theo thỏa thuận với dân, một ngày thu gom, một ngày nghỉ nhưng có nơi cả một tuần không thu gom rác”, "
         "ông Tân nói.")
STRAIGHT = ('Ông Phong đề nghị: "Nghe báo cáo một số vụ việc, tôi ngạc nhiên bởi sai phạm rất nhiều.',
            "Hình thức kỷ luật chỉ là phê bình, khiển trách.",
            'Phải xử lý làm sao tương xứng với mức độ sai phạm ", ông Phong nói.')


def sentences(texts, labels, paragraphs=None):
    return tuple(Sentence(i=i, start=0, end=len(t), text=t, paragraph=(paragraphs or [0] * len(texts))[i],
                          kind=Kind.BODY, label=label, confidence=0.95)
                 for i, (t, label) in enumerate(zip(texts, labels)))


@pytest.mark.parametrize("text, expected", [
    ("“A”, ông nói.", [True, False]),
    ('Ông nói: "Phải làm ngay".', [True, False]),
    ('Không thể tiếp tục như thế này ", ông Nhân nói.', [False]),
    ('vận động người dân giao mặt bằng "- ông Tùng cho biết', [False]),
    ('"Nếu không thì không thể phát triển được," ông Vinh nói.', [True, False]),
    ("\"Cần thử nghiệm các công nghệ mới'' - đại biểu nhấn mạnh.", [True, False]),
    ('để những người như ông Hải trở thành" ngôi sao cô đơn mãi thế được ".', [True, False]),
    ("Không có trích dẫn.", []),
    # after a straight mark that opened, a straight one glued to the next word closes: là" ngân hàng ý tưởng "cho
    ('hợp tác ", ông nói và coi góp ý là" ngân hàng ý tưởng "cho sự phát triển.', [False, True, False]),
    # ... but a quotation inside it, in another mark, still opens: "Cần ... ''bí quyết'' ..."
    ("\"Cần thu hút những người có ''bí quyết'' công nghệ\", ông nói.", [True, True, False, False]),
])
def test_which_way_a_mark_faces(text, expected):
    assert marks(text) == expected


def test_a_sentence_closing_a_quotation_brings_its_opening():
    found = sentences(CURLY, [Label.CONTEXT, Label.LIMITATION])
    assert quotation_span(found, 1) == (0, 1) and quotation_span(found, 0) == (0, 1)
    (bullet,) = select_bullets(found)["limitations"]
    assert bullet.text == CURLY[0] + " " + CURLY[1]
    assert bullet.sources == (0, 1) and bullet.span == 2


def test_a_sentence_inside_a_straight_quoted_one_brings_both_ends_across_paragraphs():
    found = sentences(STRAIGHT, [Label.CONTEXT, Label.LIMITATION, Label.DIRECTIVE], paragraphs=[0, 1, 2])
    assert quotation_span(found, 1) == (0, 2)
    limitation, directive = select_bullets(found)["limitations"][0], select_bullets(found)["directives"][0]
    assert limitation.text == directive.text == " ".join(STRAIGHT)


def test_two_sentences_of_one_quotation_are_one_bullet():
    found = sentences(STRAIGHT, [Label.DIRECTIVE] * 3)
    (bullet,) = select_bullets(found)["directives"]
    assert bullet.span == 3 and set(bullet.sources) == {0, 1, 2}


def test_a_sentence_that_stands_alone_or_a_quotation_too_long_for_a_bullet_is_left_alone():
    alone = sentences(("Tỉnh đã hoàn thành “ba đột phá” trong năm.", CURLY[0]), [Label.ACHIEVEMENT, Label.CONTEXT])
    assert quotation_span(alone, 0) is None
    long_middle = " ".join(["tỉnh đã hoàn thành hạng mục của dự án"] * (MAX_QUOTATION_SYLLABLES // 8))
    found = sentences((CURLY[0], long_middle.capitalize() + ".", CURLY[1]), [Label.CONTEXT, Label.CONTEXT, Label.LIMITATION])
    assert quotation_span(found, 2) is None
    assert select_bullets(found)["limitations"][0].text == "“" + CURLY[1]  # marks paired: it reads as a quotation
    never_closed = sentences(('Ông nói: "Phải làm ngay.', "Tỉnh đã hoàn thành kế hoạch."), [Label.DIRECTIVE, Label.CONTEXT])
    assert quotation_span(never_closed, 0) is None
    closed_too_late = ('Ông nói: "Phải làm ngay.',) + ("Tỉnh làm.",) * 3 + ('Huyện làm ", ông nói.',)
    assert quotation_span(sentences(closed_too_late, [Label.DIRECTIVE] * 5), 0) is None
    assert quotation_span(sentences(closed_too_late[:1] + closed_too_late[-2:], [Label.DIRECTIVE] * 3), 0) == (0, 2)


@pytest.mark.parametrize("text, paired", [
    # the end of a quotation: its opening mark added
    ("Chính sách mới làm tăng chi ngân sách”, trích báo cáo do ông Hiển trình bày.",
     "“Chính sách mới làm tăng chi ngân sách”, trích báo cáo do ông Hiển trình bày."),
    # ... also when a quotation inside it opens and closes before that mark
    ("Tôi đề nghị tránh việc “mua quan bán chức” mới chọn được người tài đã nêu” - ông Đệ không úp mở.",
     "“Tôi đề nghị tránh việc “mua quan bán chức” mới chọn được người tài đã nêu” - ông Đệ không úp mở."),
    # its start, and its middle: the closing mark added (before the mark of a cut), in the text's own style
    ('"Bứt phá là các giải pháp đồng bộ; thúc đẩy xuất khẩu...', '"Bứt phá là các giải pháp đồng bộ; thúc đẩy xuất khẩu..."'),
    ("“Nhưng Hội đã hoàn thành tốt nhiệm vụ …", "“Nhưng Hội đã hoàn thành tốt nhiệm vụ” …"),
    # a sentence with no mark of its own stays as it is, whatever its neighbours hold
    ("Nhưng Hội đã hoàn thành tốt nhiệm vụ …", "Nhưng Hội đã hoàn thành tốt nhiệm vụ …"),
    # a statement that runs into a quotation it never closes: cut before it
    ("Phó Thủ tướng đề nghị các bộ dứt khoát phải hoàn thành kế hoạch cổ phần hóa năm 2017 về sắp xếp, đổi mới DNNN "
     "“Chúng ta đặt ra mục tiêu vượt mức.",
     "Phó Thủ tướng đề nghị các bộ dứt khoát phải hoàn thành kế hoạch cổ phần hóa năm 2017 về sắp xếp, đổi mới DNNN …"),
    ("Tỉnh đã hoàn thành “ba đột phá” …", "Tỉnh đã hoàn thành “ba đột phá” …"),
    # ... but not after a colon or a verb of saying: the frame alone would be the bullet; the quotation is closed
    ("Về giáo dục lối sống, đạo đức trong học đường, Thủ tướng Nguyễn Xuân Phúc cũng chỉ rõ: “Giáo dục còn nhiều bất cập.",
     "Về giáo dục lối sống, đạo đức trong học đường, Thủ tướng Nguyễn Xuân Phúc cũng chỉ rõ: “Giáo dục còn nhiều bất cập.”"),
    ("Phát biểu khai mạc hội nghị, Phó chủ tịch Hội Luật gia Việt Nam Lê Thị Kim Thanh cho biết “năm qua Hội đã làm tốt.",
     "Phát biểu khai mạc hội nghị, Phó chủ tịch Hội Luật gia Việt Nam Lê Thị Kim Thanh cho biết “năm qua Hội đã làm tốt.”"),
    # ... nor after a request and the one asked: the quotation is what is asked
    ('Chủ tịch UBND tỉnh Khánh Hoà cũng đã yêu cầu Công ty CP Điện lực Khánh Hoà "không được cấp điện cho nhà xây trái phép.',
     'Chủ tịch UBND tỉnh Khánh Hoà cũng đã yêu cầu Công ty CP Điện lực Khánh Hoà "không được cấp điện cho nhà xây trái phép."'),
])
def test_a_sentence_of_a_longer_quotation_gets_its_marks_paired(text, paired):
    assert pair_marks(text, 14) == paired


class OneSentenceCutter:
    """Stands in for the deletion compressor: cuts one sentence, records what it read."""

    one_sentence, method = True, "deletion"

    def __init__(self):
        self.read = []

    def candidates(self, texts, task="compress", deadline=None):
        self.read += texts
        return [(t.split(",")[0] + ".",) for t in texts]


def test_a_one_sentence_cutter_leaves_a_whole_quotation_as_it_is():
    found = sentences(CURLY + ("Tỉnh đã hoàn thành kế hoạch xây dựng nông thôn mới.",), [Label.CONTEXT, Label.LIMITATION, Label.ACHIEVEMENT])
    cutter = OneSentenceCutter()
    sections = rewrite_sections(select_bullets(found), found, cutter)
    assert cutter.read == [found[2].text]
    assert sections["limitations"][0] == Bullet(text=CURLY[0] + " " + CURLY[1], sources=(0, 1), score=sections["limitations"][0].score, span=2)
