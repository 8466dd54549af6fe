import pytest

from vnsum.document import Kind, Label, Sentence
from vnsum.labellers import default_labeller
from vnsum.meta import read_meta
from vnsum.segment import segment
from vnsum.select import MAX_BULLET_SYLLABLES, select_bullets, trim


def test_seed_meta(seed_text):
    meta = read_meta(default_labeller(extractive=True).label(segment(seed_text)))
    assert meta.title == "Nâng cao tính chuyên nghiệp, hiệu quả, sát thực tiễn của thông tin đối ngoại"
    assert meta.event.startswith("Hội nghị sơ kết công tác 6 tháng đầu năm")
    assert "17/7" in meta.date
    assert meta.chair[0].name == "Nguyễn Trọng Nghĩa"
    assert "Trưởng Ban Tuyên giáo Trung ương" in meta.chair[0].role
    assert meta.organizer == "Ban Chỉ đạo Công tác thông tin Đối ngoại"


def test_meta_with_two_chairs_and_location():
    text = (
        "Hướng đến mục tiêu 10 tỉ USD\n"
        "Ngày 6.2, tại Cà Mau, Thủ tướng Chính phủ Nguyễn Xuân Phúc và Phó thủ tướng Trịnh Đình Dũng "
        "đã chủ trì Hội nghị phát triển ngành tôm VN."
    )
    meta = read_meta(default_labeller(extractive=True).label(segment(text)))
    assert [(p.name, p.role) for p in meta.chair] == [
        ("Nguyễn Xuân Phúc", "Thủ tướng Chính phủ"),
        ("Trịnh Đình Dũng", "Phó thủ tướng"),
    ]
    assert meta.location == "Cà Mau"
    assert meta.event == "Hội nghị phát triển ngành tôm VN"
    assert meta.date == "Ngày 6.2"


def test_a_role_after_a_dash_or_comma_ends_where_the_sentence_goes_on():
    cases = {
        "Phóng viên đã trao đổi với ông Hoàng Văn Cường - đại biểu Quốc hội đoàn Hà Nội để làm rõ vấn đề này.":
            ("Hoàng Văn Cường", "đại biểu Quốc hội đoàn Hà Nội"),
        "Ông Vũ Tiến Lộc, Chủ tịch Phòng Thương mại và Công nghiệp Việt Nam (VCCI) cho biết doanh nghiệp còn khó khăn.":
            ("Vũ Tiến Lộc", "Chủ tịch Phòng Thương mại và Công nghiệp Việt Nam (VCCI)"),
        "Bà Tô Thị Bích Châu - Chủ tịch Mặt trận Tổ quốc TP HCM - cho rằng cần lắng nghe cử tri.":
            ("Tô Thị Bích Châu", "Chủ tịch Mặt trận Tổ quốc TP HCM"),
        "Ông Nguyễn Minh Cảnh, giám đốc Sở Kế hoạch - đầu tư tỉnh Bến Tre, cho biết tỉnh đã thu hút 12 dự án.":
            ("Nguyễn Minh Cảnh", "giám đốc Sở Kế hoạch - đầu tư tỉnh Bến Tre"),
        "Dự có ông Lò Văn Muôn, Chủ tịch HĐND tỉnh; ông Lò Văn Tiến, Phó Chủ tịch UBND tỉnh.":
            ("Lò Văn Muôn", "Chủ tịch HĐND tỉnh"),
    }
    for text, chair in cases.items():
        meta = read_meta(default_labeller(extractive=True).label(segment(text)))
        assert [(p.name, p.role) for p in meta.chair][:1] == [chair], text


def test_an_event_name_ends_before_its_predicate_and_never_on_a_comma():
    cases = {
        "Tiếp tục chương trình Kỳ họp thứ 3, sáng 8/6, các đại biểu Quốc hội thảo luận về dự án Luật Thủy lợi.":
            "Kỳ họp thứ 3",
        "Kỳ họp thứ 3, Quốc hội Khóa XIV đang diễn ra với nhiều nội dung quan trọng.": "Kỳ họp thứ 3, Quốc hội Khóa XIV",
        "Ông mong muốn các ý kiến tại Đại hội Đoàn toàn quốc lần thứ XI phải bám sát tình hình thanh niên.":
            "Đại hội Đoàn toàn quốc lần thứ XI",
        "Hội nghị Trung ương 4, khóa XII vừa qua đã ban hành Nghị quyết về xây dựng Đảng.": "Hội nghị Trung ương 4, khóa XII",
        "Bộ Công Thương tổ chức Hội nghị kết nối doanh nghiệp nhỏ và vừa tại Hà Nội.": "Hội nghị kết nối doanh nghiệp nhỏ và vừa",
        "Hội nghị Thành uỷ TP HCM lần thứ 15 công bố quyết định kỷ luật nhiều cán bộ.": "Hội nghị Thành uỷ TP HCM lần thứ 15",
        "Sáng 20/6, Đại hội Đảng XII thảo luận các văn kiện của Đại hội.": "Đại hội Đảng XII",
        "Hội nghị tổng kết năm 2018, ông Nguyễn Văn A và các đại biểu đã thảo luận.": "Hội nghị tổng kết năm 2018",
    }
    for text, event in cases.items():
        assert read_meta(default_labeller(extractive=True).label(segment(text))).event == event, text


def test_an_event_name_runs_through_a_list_its_topic_closes_and_keeps_a_purpose_verb_after_its_noun():
    cases = {
        "Chiều 5/1, Bộ tổ chức hội nghị đánh giá công tác tuyển sinh, đào tạo, giải quyết việc làm năm 2018 và nhiệm"
        " vụ năm 2019 tại Hà Nội.":
            "hội nghị đánh giá công tác tuyển sinh, đào tạo, giải quyết việc làm năm 2018 và nhiệm vụ năm 2019",
        "Hôm qua, hội nghị giao ban của thường trực Thành uỷ, Hội đồng Nhân dân, Uỷ ban Nhân dân thành phố với lãnh"
        " đạo các quận diễn ra.":
            "hội nghị giao ban của thường trực Thành uỷ, Hội đồng Nhân dân, Uỷ ban Nhân dân thành phố với lãnh đạo các quận",
        "Sáng 9/5, tỉnh tổ chức hội nghị công bố quyết định của Bộ Chính trị về công tác cán bộ.":
            "hội nghị công bố quyết định của Bộ Chính trị về công tác cán bộ",
        "Chiều 3/2, Sở tổ chức cuộc họp rút kinh nghiệm về công tác tổ chức đường hoa, đường đèn, đường sách tại"
        " trụ sở.": "cuộc họp rút kinh nghiệm về công tác tổ chức đường hoa, đường đèn, đường sách",
        "Sáng 5/6, hội nghị \"Bảo vệ các cá thể rùa hoang dã trên hồ Đồng Mô\" diễn ra tại Hà Nội.":
            "hội nghị \"Bảo vệ các cá thể rùa hoang dã trên hồ Đồng Mô\"",
        "Sáng nay, kỳ họp thứ 9 - HĐND thành phố Hà Nội khai mạc.": "kỳ họp thứ 9 - HĐND thành phố Hà Nội",
        "Tối 2/9, buổi đối thoại thường niên với thanh niên diễn ra tại Nhà hát.": "buổi đối thoại thường niên với thanh niên",
        # a council and its term after the session's number; a pair of nouns written with a comma ("tỉnh, thành")
        "Sáng 4/7, kỳ họp thứ 6, HĐND tỉnh Quảng Nam khoá 9 đã khai mạc.": "kỳ họp thứ 6, HĐND tỉnh Quảng Nam khoá 9",
        "Chiều 2/8, Bộ tổ chức cuộc họp khẩn với 17 tỉnh, thành có dịch tả heo châu Phi tại Hà Nội.":
            "cuộc họp khẩn với 17 tỉnh, thành có dịch tả heo châu Phi",
        # a lower-case word after the comma that is no list: the name stops at the comma
        "Tại Hội nghị sơ kết công tác 6 tháng, các đại biểu và khách mời đã thảo luận sôi nổi.": "Hội nghị sơ kết công tác 6 tháng",
        # one short piece after the comma is the next clause's subject, not a list
        "Tại phiên họp Chính phủ thường kỳ tháng 11/2018, Chính phủ đã thảo luận nhiều nội dung.":
            "phiên họp Chính phủ thường kỳ tháng 11/2018",
    }
    for text, event in cases.items():
        assert read_meta(default_labeller(extractive=True).label(segment(text))).event == event, text


def test_an_event_name_keeps_an_abbreviation_and_a_list_of_places_and_is_the_reported_meeting():
    cases = {
        # an abbreviation in brackets; a capitalised document name is no predicate
        "Hôm qua (2/6), Bộ Tư pháp tổ chức Hội nghị quán triệt Luật Đấu giá tài sản (ĐGTS) khu vực phía Bắc.":
            "Hội nghị quán triệt Luật Đấu giá tài sản (ĐGTS) khu vực phía Bắc",
        "Ngày 5/7, Phó Thủ tướng chủ trì phiên họp triển khai Kết luận của Bộ Chính trị mới đây về các đơn vị này.":
            "phiên họp triển khai Kết luận của Bộ Chính trị",
        # places listed after an administrative noun; not a title after the comma
        "Sáng 13/5, Tổng bí thư tiếp xúc cử tri hai quận Ba Đình, Tây Hồ trước kỳ họp thứ 3 (Quốc hội khóa XIV).":
            "tiếp xúc cử tri hai quận Ba Đình, Tây Hồ trước kỳ họp thứ 3",
        "Sáng 2/3, hội nghị giao ban các huyện miền núi tỉnh Quảng Nam, Phó Chủ tịch UBND tỉnh đã phát biểu.":
            "hội nghị giao ban các huyện miền núi tỉnh Quảng Nam",
        # a meeting held before, beside or around the reported one, and a conference centre, are not its name
        "Phiên họp diễn ra trong bối cảnh Kỳ họp thứ 3, Quốc hội Khóa XIV đang diễn ra. Chủ trì Phiên họp thường kỳ"
        " tháng 5, Thủ tướng yêu cầu các bộ hành động.": "Phiên họp thường kỳ tháng 5",
        "Ngày 28-6, tại Trung tâm hội nghị Intex của TP Osaka, Thủ tướng tham dự Hội nghị thượng đỉnh G20 lần thứ 14.":
            "Hội nghị thượng đỉnh G20 lần thứ 14",
        # a dash inside a name, between capitalised words or numbers; a passive predicate; a verb after "về" is topic
        "Sáng 20-12, Diễn đàn hợp tác thúc đẩy kinh tế Việt Nam – Trung Quốc được Bộ Ngoại giao tổ chức tại TP HCM.":
            "Diễn đàn hợp tác thúc đẩy kinh tế Việt Nam – Trung Quốc",
        "Chiều 3/5, buổi làm việc với tỉnh Thừa Thiên - Huế về khắc phục sự cố môi trường biển giai đoạn 2016 - 2018"
        " diễn ra tại Huế.": "buổi làm việc với tỉnh Thừa Thiên - Huế về khắc phục sự cố môi trường biển giai đoạn 2016 - 2018",
        "Sáng 7/6, Hội nghị phản biện dự thảo đề án về thu hút chuyên gia đã diễn ra.":
            "Hội nghị phản biện dự thảo đề án về thu hút chuyên gia",
        # the term of a congress and the resolutions of a plenum are not the meeting reported
        "50 cán bộ đã bị kỷ luật từ đầu nhiệm kỳ Đại hội XII đến nay. Hội nghị toàn quốc về công tác phòng, chống"
        " tham nhũng diễn ra sáng nay 25/6.": "Hội nghị toàn quốc về công tác phòng, chống tham nhũng",
        "4 nghị quyết của Hội nghị Trung ương 6 đề cập nhiều vấn đề. Sáng 29/11, Hội nghị trực tuyến toàn quốc của Ban"
        " Bí thư khai mạc.": "Hội nghị trực tuyến toàn quốc của Ban Bí thư",
        # who organised or chaired it ends a name that has words after its noun; a body's name with "tổ chức" in it
        # runs on; a second verb of the topic after a comma continues it
        "Chiều 5/7, buổi giao ban báo chí do Ban Tuyên giáo Thành ủy Hà Nội tổ chức, thông tin nhiều vấn đề.":
            "buổi giao ban báo chí do Ban Tuyên giáo Thành ủy Hà Nội tổ chức",
        "Ngày 5/1, Hội nghị tổng kết công tác năm 2018 do Ban tổ chức Thành uỷ TP. HCM tổ chức, có 300 đại biểu.":
            "Hội nghị tổng kết công tác năm 2018 do Ban tổ chức Thành uỷ TP. HCM tổ chức",
        "Sáng 26/7, Hội nghị đổi mới, nâng cao hiệu quả hoạt động của doanh nghiệp Nhà nước đã diễn ra.":
            "Hội nghị đổi mới, nâng cao hiệu quả hoạt động của doanh nghiệp Nhà nước",
        # an acronym and a capitalised name across a dash are one name
        "Ngày 27-6, phiên họp lần thứ 15 các quan chức cao cấp ASEAN - Trung Quốc về thực hiện DOC đã diễn ra.":
            "phiên họp lần thứ 15 các quan chức cao cấp ASEAN - Trung Quốc về thực hiện DOC",
        # the subject of "khai mạc", "diễn ra" ... is the meeting reported, and its name runs on through commas
        "Ban Bí thư mong các ý kiến tại Đại hội Đoàn toàn quốc lần thứ XI bám sát thực tiễn. Sáng 24/6, hội nghị Ban"
        " Chấp hành Trung ương Đoàn lần thứ 11 đã khai mạc tại TPHCM.": "hội nghị Ban Chấp hành Trung ương Đoàn lần thứ 11",
        "Chiều 7/7, Hội nghị xúc tiến đầu tư các doanh nghiệp, bệnh viện Hàn Quốc đã diễn ra tại Hà Nội.":
            "Hội nghị xúc tiến đầu tư các doanh nghiệp, bệnh viện Hàn Quốc",
        # ... but not a meeting still to come, nor a bare noun
        "Sáng 30/6, Thường trực HĐND đã họp báo giới thiệu kỳ họp thứ 4. Kỳ họp thứ 4, HĐND TP sẽ khai mạc vào 3/7.":
            "họp báo giới thiệu kỳ họp thứ 4",
        "Sáng 13/5, Tổng bí thư tiếp xúc cử tri quận Ba Đình, Tây Hồ. Cuộc tiếp xúc diễn ra tại Hà Nội.":
            "tiếp xúc cử tri quận Ba Đình, Tây Hồ",
    }
    for text, event in cases.items():
        assert read_meta(default_labeller(extractive=True).label(segment(text))).event == event, text
    # a bare noun does not become a name by who chaired it
    text = "Sáng 5/7, cuộc họp do Thủ tướng Nguyễn Xuân Phúc chủ trì đã bàn về giá điện."
    assert read_meta(default_labeller(extractive=True).label(segment(text))).event is None
    # the lead names only the meeting that the reported one came before: that is all there is to read
    text = "Cử tri hỏi về chống tham nhũng trước kỳ họp thứ 3, Quốc hội khóa XIV."
    assert read_meta(default_labeller(extractive=True).label(segment(text))).event == "kỳ họp thứ 3, Quốc hội khóa XIV"


def test_an_event_name_takes_its_quoted_title_and_stops_at_a_verb_or_a_scare_quote():
    cases = {
        # a capitalised quoted title a few syllables after the noun, commas inside it included
        "Tối 31-7, tại hội thảo triển khai chương trình \"Tri thức trẻ vì giáo dục\" năm 2019 tổ chức tại TP Cần Thơ.":
            'hội thảo triển khai chương trình "Tri thức trẻ vì giáo dục" năm 2019 tổ chức',
        "Sáng 5-3, Hội nghị biểu dương \"Người tốt, việc tốt\" tiêu biểu đã diễn ra tại Hà Nội.":
            'Hội nghị biểu dương "Người tốt, việc tốt" tiêu biểu',
        # after a colon, the title of a scheme; not what a speaker said
        "Sáng 2-4, UBND tỉnh tổ chức Hội nghị công bố Đề án thí điểm: \"Xây dựng huyện Nam Đàn, tỉnh Nghệ An\" và xúc"
        " tiến đầu tư.": 'Hội nghị công bố Đề án thí điểm: "Xây dựng huyện Nam Đàn, tỉnh Nghệ An" và xúc tiến đầu tư',
        "Sáng 2-4, đại diện sở tại hội nghị nêu: \"Tuy nhiên trên thực tế UBND tỉnh đã cho phép thăm dò\".": "hội nghị nêu",
        # a word in scare quotes further on is no title
        "Sáng 8-7, kỳ họp HĐND TP Hà Nội \"nóng\" bởi nhiều câu hỏi về phòng cháy chữa cháy.": "kỳ họp HĐND TP Hà Nội",
        # a full stop after "TP" before a place's name, and "Ngày" before a capital, are inside the name
        "Sáng 3-4, hội nghị quán triệt chỉ thị của UBND TP. HCM về an toàn PCCC đã diễn ra.":
            "hội nghị quán triệt chỉ thị của UBND TP. HCM về an toàn PCCC",
        "Sáng 3-4, hội nghị tổng kết năm 2018 của UBND TP. Đến dự có lãnh đạo các sở.": "hội nghị tổng kết năm 2018 của UBND TP",
        "Sáng 3-4, hội nghị sơ kết 5 năm Ngày Quốc tế Hạnh phúc đã diễn ra.": "hội nghị sơ kết 5 năm Ngày Quốc tế Hạnh phúc",
        # a later mention adds the term or number; a working session named only "buổi làm việc" is its verb phrase
        "Sáng 10-7, Kỳ họp thứ 2 khai mạc tại Yên Bái. Kỳ họp thứ 2, khoá XVIII đã đánh giá kết quả 7 tháng.":
            "Kỳ họp thứ 2, khoá XVIII",
        "Sáng 10-7, Hội nghị Trung ương 7 bế mạc. Hội nghị Trung ương 7 lần này đã thảo luận nhiều vấn đề.":
            "Hội nghị Trung ương 7",
        "Sáng 10-7, Bộ trưởng làm việc với Tổng cục Dự trữ Nhà nước về công tác dự trữ quốc gia. Tại buổi làm việc,"
        " Tổng cục trưởng báo cáo kết quả.": "làm việc với Tổng cục Dự trữ Nhà nước về công tác dự trữ quốc gia",
        # "tiếp tục", "kéo dài" are predicates
        "Sáng 9-12, kỳ họp thứ 15 HĐND TP HCM khoá IX tiếp tục với phiên chất vấn lãnh đạo Sở Xây dựng.":
            "kỳ họp thứ 15 HĐND TP HCM khoá IX",
    }
    for text, event in cases.items():
        assert read_meta(default_labeller(extractive=True).label(segment(text))).event == event, text


def test_a_relative_date_keeps_the_day_written_after_it():
    text = "Hôm nay, 16-4, Bộ Tài chính tổ chức Hội nghị tổng kết công tác thuế năm 2017."
    assert read_meta(default_labeller(extractive=True).label(segment(text))).date == "Hôm nay, 16-4"


def sentence(i: int, text: str, label: Label, paragraph: int = 0) -> Sentence:
    return Sentence(i=i, start=0, end=len(text), text=text, paragraph=paragraph, kind=Kind.BODY, label=label, confidence=0.9)


def test_near_duplicates_merge_and_sources_are_kept():
    a = "Kim ngạch xuất khẩu tôm năm 2016 đạt hơn 3,1 tỉ USD, tăng 6,7% so với năm 2015."
    b = "Kim ngạch xuất khẩu tôm năm 2016 đạt hơn 3,1 tỉ USD, tăng 6,7% so với năm trước."
    c = "Cả nước thả nuôi được 694.645 ha tôm nước lợ."
    sections = select_bullets((sentence(0, a, Label.ACHIEVEMENT), sentence(1, b, Label.ACHIEVEMENT), sentence(2, c, Label.ACHIEVEMENT)))
    bullets = sections["achievements"]
    assert len(bullets) == 2
    merged = next(x for x in bullets if 0 in x.sources)
    assert merged.sources == (0, 1)
    assert sections["limitations"] == () and sections["directives"] == ()


def test_a_sentence_the_labeller_is_unsure_of_is_no_bullet():
    sure = "Cả nước thả nuôi được 694.645 ha tôm nước lợ."
    unsure = "Kim ngạch xuất khẩu tôm năm 2016 đạt hơn 3,1 tỉ USD, tăng 6,7% so với năm 2015."
    doubtful = Sentence(i=1, start=0, end=len(unsure), text=unsure, paragraph=0, kind=Kind.BODY, label=Label.ACHIEVEMENT,
                        confidence=0.55)
    bullets = select_bullets((sentence(0, sure, Label.ACHIEVEMENT), doubtful))["achievements"]
    assert [b.sources for b in bullets] == [(0,)]


def test_a_sentence_that_only_announces_a_list_is_no_bullet():
    intro = "Thủ tướng yêu cầu các bộ, ngành tập trung thực hiện một số nhiệm vụ trọng tâm sau:"
    item = "- Đẩy nhanh giải ngân vốn đầu tư công."
    bullets = select_bullets((sentence(0, intro, Label.DIRECTIVE), sentence(1, item, Label.DIRECTIVE)))["directives"]
    assert [(b.sources, b.text) for b in bullets] == [((1,), "Đẩy nhanh giải ngân vốn đầu tư công.")]


def test_a_list_item_that_ends_on_its_semicolon_is_no_bullet():
    item = '- Vụ án "Tham ô tài sản" xảy ra tại Công ty PVP Land liên quan đến Trịnh Xuân Thanh và một số đối tượng khác;'
    last = "- Vụ án xảy ra tại Ngân hàng Phương Nam đã được đưa ra xét xử sơ thẩm."
    bullets = select_bullets((sentence(0, item, Label.ACHIEVEMENT), sentence(1, last, Label.ACHIEVEMENT)))["achievements"]
    assert [b.sources for b in bullets] == [(1,)]


def test_a_sentence_whose_speaker_is_in_the_sentence_before_is_no_bullet():
    hope = "Đồng thời bày tỏ mong muốn thời gian tới sẽ tiếp tục nhận được sự quan tâm chỉ đạo của Chính phủ."
    ask = "Đồng thời đề nghị các bộ, ngành khẩn trương hoàn thiện hồ sơ dự án trong tháng 6."
    bullets = select_bullets((sentence(0, hope, Label.DIRECTIVE), sentence(1, ask, Label.DIRECTIVE)))["directives"]
    assert [b.sources for b in bullets] == [(1,)]
    lesson = "Từ đó rút ra những bài học tốt, cách làm hay để đưa vào chương trình Đại hội sắp tới."
    told = "Đồng thời cho biết Nhật Bản sẽ tiếp tục thúc đẩy tự do thương mại và cải tổ WTO."
    bullets = select_bullets((sentence(0, lesson, Label.ACHIEVEMENT), sentence(1, told, Label.ACHIEVEMENT)))
    assert bullets["achievements"] == ()


def test_max_bullets_and_context_never_selected(seed_text):
    labelled = default_labeller(extractive=True).label(segment(seed_text))
    sections = select_bullets(labelled, max_bullets=2)
    by_index = {s.i: s for s in labelled}
    for bullets in sections.values():
        assert len(bullets) <= 2
        for bullet in bullets:  # a quotation's other sentences may be context; what it was chosen for is not
            assert all(by_index[i].kind is Kind.BODY for i in bullet.sources)
            assert all(by_index[i].label is not Label.CONTEXT for i in bullet.sources[bullet.span :])
            assert any(by_index[i].label is not Label.CONTEXT for i in bullet.sources[: bullet.span])


def test_trim_cuts_a_long_sentence_where_a_whole_statement_stays():
    first = "tỉnh đã hoàn thành hạng mục số 0 của dự án giao thông trọng điểm nối hai huyện miền núi phía tây"
    clauses = [first] + [f"tỉnh đã hoàn thành hạng mục số {k} của dự án" for k in range(1, 8)]
    long = "Tuy nhiên, " + "; ".join(clauses) + "."
    out = trim(long)
    assert out == "T" + first[1:] + " …" and len(out.split()) <= MAX_BULLET_SYLLABLES + 1
    # a list of short clauses has no whole statement to cut at before its end: it stays whole
    short = "Tuy nhiên, " + "; ".join(clauses[1:] * 2) + "."
    assert trim(short) == "T" + short[len("Tuy nhiên, t") :]
    purpose = "Ủy ban nhân dân tỉnh " + " ".join(["đã triển khai quyết liệt các giải pháp"] * 5) + ", để kịp thời tháo gỡ khó khăn."
    assert trim(purpose) == purpose[: purpose.index(", để")] + " …"
    # items of a list flattened with "; " and capitals: cut after the first, never inside the list
    first = "Cần bổ sung thêm một số giải pháp quan trọng để đẩy mạnh cải cách thủ tục hành chính, cải thiện môi trường"
    items = "; ".join([first] + [f"Mở rộng thị trường và cơ hội đầu tư kinh doanh số {k} cho doanh nghiệp" for k in range(4)])
    assert trim(items + ".") == first + " …"
    # the tail of a quotation is not cut before its closing mark: the speaker after it would be lost
    tail = ("Vấn đề đặt ra là chúng ta phải quyết tâm, nỗ lực hơn nữa, cố gắng hơn nữa, hành động quyết liệt hơn nữa, cải cách"
            " đổi mới mạnh mẽ hơn nữa, nhất là các Bộ quản lý sản xuất kinh doanh và các địa phương, đặc biệt là các vùng"
            " kinh tế trọng điểm, các thành phố lớn của cả nước” – Thủ tướng nhấn mạnh.")
    assert trim(tail) == tail
    # "Đó là," spelling out what the sentence before announced goes, as a connective does; the copula stays
    assert trim("Đó là, kinh tế phát triển chưa thực sự bền vững.") == "Kinh tế phát triển chưa thực sự bền vững."
    assert trim("Đó là kết quả của cả hệ thống chính trị.") == "Đó là kết quả của cả hệ thống chính trị."
    # openers tied to the sentence before go too; "Trong đó có việc" whole, not leaving "Có việc ..."
    assert trim("Nhất là cần tập trung vào giải ngân vốn đầu tư công.") == "Cần tập trung vào giải ngân vốn đầu tư công."
    assert trim("Như, quy định về thu hồi tài sản còn thiếu.") == "Quy định về thu hồi tài sản còn thiếu."
    assert trim("Như vậy là chưa đạt.") == "Như vậy là chưa đạt."
    assert trim("Trong đó có việc tiêu thụ sản phẩm còn khó khăn.") == "Tiêu thụ sản phẩm còn khó khăn."
    assert trim("Trước hết là tập trung lực lượng bảo đảm an ninh.") == "Tập trung lực lượng bảo đảm an ninh."
    # "Bởi" (because) gives the reason for the sentence before, "Bởi vậy" (so) draws from it: both go
    assert trim("Bởi giá điện của ta hiện nay khoảng 7,38 cent/kWh.") == "Giá điện của ta hiện nay khoảng 7,38 cent/kWh."
    assert trim("Bởi vì, hành vi nhận hối lộ tập thể rất khó phát hiện.") == "Hành vi nhận hối lộ tập thể rất khó phát hiện."
    assert trim("Bởi vậy, cần sửa đổi Luật Đất đai.") == "Cần sửa đổi Luật Đất đai."
    # a connective that says when keeps its place: "Về lâu dài, ..." dropped read as a demand for now (seed 179)
    assert trim("Về lâu dài, cần luật hoá các quy định này.") == "Về lâu dài, cần luật hoá các quy định này."
    assert trim("Trước mắt, cần rà soát ngay các dự án.") == "Trước mắt, cần rà soát ngay các dự án."
    # ... but not where what follows leans on the opener ("Vì vậy mới ...": only then; seed 139)
    assert trim("Vì vậy mới có hiện tượng nhà đầu tư xếp hàng chờ.") == "Vì vậy mới có hiện tượng nhà đầu tư xếp hàng chờ."
    assert trim("Đặc biệt, mới đây có một doanh nghiệp xin vào.") == "Mới đây có một doanh nghiệp xin vào."
    # a list item's marker goes
    assert trim("3 - 5 năm nữa sẽ hoàn thành.") == "3 - 5 năm nữa sẽ hoàn thành."
    for marker in ("- ", "* ", "(4) ", "5- ", "2. ", "6 - "):
        assert trim(marker + "Hoàn thiện thể chế về cạnh tranh.") == "Hoàn thiện thể chế về cạnh tranh."
    assert trim("3 dự án được phê duyệt.") == "3 dự án được phê duyệt."
    # not cut after the one asked: what is asked comes after the bodies it singles out
    asked = ("Để khắc phục các rào cản của kiểm tra chuyên ngành, Phó Thủ tướng Vương Đình Huệ yêu cầu các Bộ liên quan,"
             " nhất là Bộ Công Thương, Nông nghiệp và Phát triển nông thôn, Y tế nhanh chóng rà soát, sửa đổi các quy định"
             " chồng chéo trong kiểm tra chuyên ngành, để bảo đảm thuận lợi cho doanh nghiệp.")
    assert trim(asked) == asked[: asked.index(", để bảo đảm")] + " …"
    # a nominalised subject is not cut before a phrase that singles out part of it: the predicate is still to come
    nominal = ("Tình trạng xe dù bến cóc, xe ô tô kinh doanh hợp đồng hoạt động theo mô hình tuyến vận tải cố định,"
               " đặc biệt là thực hiện đón, trả khách không đúng nơi quy định trong khu vực nội đô Hà Nội, thành phố Hồ"
               " Chí Minh và nhiều địa phương diễn biến phức tạp, gây mất trật tự an toàn giao thông.")
    assert ", đặc biệt là" in trim(nominal)


@pytest.mark.parametrize("sentence", [
    # a list: every comma may sit inside it
    ", ".join(f"việc thứ {k} chưa làm xong" for k in range(30)) + ".",
    # what was said follows the verb of saying; a list follows the colon; a bracket is open
    "Ông Nguyễn Văn A, Chủ tịch UBND tỉnh cho biết, " + " ".join(["năm nay tỉnh thu hút được nhiều dự án lớn"] * 6) + ".",
    "Các nhiệm vụ gồm: " + "; ".join(f"hoàn thành hạng mục số {k} của dự án lớn" for k in range(8)) + ".",
    "Các hoạt động (" + "; ".join(f"hội chợ thứ {k} tại tỉnh biên giới phía bắc" for k in range(8)) + ") đã diễn ra.",
])
def test_trim_keeps_a_sentence_whole_rather_than_cut_it_inside_a_list_or_frame(sentence):
    assert trim(sentence) == sentence[:1].upper() + sentence[1:]


@pytest.mark.parametrize("sentence, cut_before", [
    # a frame, cut at "gây", left "Phân tích ..." alone (bench/JUDGED.md, seed 37): no cut before its speaker
    ("Phân tích sâu về những tồn tại, bất cập đang tạo ra những điểm nghẽn trong liên thông, gây khó khăn cho mục "
     "tiêu phân luồng trong giáo dục, đại biểu Lê Quân cho biết từ năm 2011 chỉ thị của Bộ Chính trị đã nêu mục tiêu "
     "đến năm 2020 phải đạt 30% học sinh vào học nghề.", None),
    # once the speaker is named, the main clause has begun and a later clause may go
    ("Phát biểu tại Hội nghị, Thủ tướng Nguyễn Xuân Phúc biểu dương tập thể cán bộ, công chức Văn phòng Chính phủ đã "
     "có nhiều đổi mới trong thực hiện nhiệm vụ năm 2018, góp phần quan trọng vào thành công chung của Chính phủ "
     "trong chỉ đạo, điều hành.", ", góp phần"),
    # a capital inside the frame is no speaker: the cut waits for "nhiều đại biểu đề xuất" (seed 41)
    ("Quan tâm đến việc tránh việc nhập khẩu công nghệ lạc hậu vào Việt Nam, đặc biệt là máy móc, thiết bị cũ, nhiều "
     "đại biểu đề xuất dự án Luật cần quy định cụ thể, rõ ràng hơn tiêu chí công nghệ khuyến khích chuyển giao, công "
     "nghệ hạn chế chuyển giao và công nghệ cấm chuyển giao, để có chính sách quản lý phù hợp làm cơ sở cho việc kiểm "
     "soát công nghệ được chuyển giao.", ", để có"),
    # a premise, "Để thu hồi ..., làm triệt tiêu ... …", was a purpose alone (seed 41)
    ("Do đó, để thu hồi triệt để tài sản tham nhũng, làm triệt tiêu động cơ kinh tế của tội phạm tham nhũng, qua đó "
     "ngăn chặn, đẩy lùi tình trạng tham nhũng thì việc hoàn thiện chính sách pháp luật theo hướng tăng cường hiệu "
     "quả thu hồi tài sản là yêu cầu cấp thiết.", None),
    # its main clause named after a comma: a later clause may go
    ("Để làm tốt nhiệm vụ tham mưu chiến lược, Thủ tướng gợi ý cán bộ Văn phòng lắng nghe hơn nữa tiếng nói của "
     "người dân, các thành viên Chính phủ, các cơ quan đơn vị, góp phần nâng cao chất lượng công tác tham mưu của "
     "Văn phòng Chính phủ.", ", góp phần"),
    # the means ("Với ...", also after "Theo X,") until a part names its predicate: cut there, it was the frame alone
    # (seed 139)
    ("Theo Phó Thủ tướng Thường trực Chính phủ, với sự chỉ đạo quyết liệt của Thủ tướng Chính phủ và Chủ tịch Uỷ ban "
     "ATGT Quốc gia, sự vào cuộc tích cực của các bộ, ngành, địa phương, các đoàn thể chính trị xã hội, đặc biệt là "
     "cao điểm kiểm tra hành chính và TTATGT đối với xe kinh doanh vận tải, tình hình TTATGT trong Quý 1 đã có những "
     "chuyển biến rất tích cực.", None),
    ("Nhờ có những chủ trương, quy định đúng đắn và kịp thời đó, ý thức trách nhiệm nêu gương của cán bộ, đảng viên đã "
     "từng bước được nâng lên, tạo sự chuyển biến tích cực về tư tưởng chính trị, đạo đức, lối sống, tác phong làm "
     "việc; ý thức tổ chức kỷ luật và đoàn kết nội bộ.", ", tạo sự"),
    # an affirmation that frames what its speaker, named after a comma, says (seed 193)
    ("Khẳng định Chính phủ Việt Nam tiếp tục giữ vững ổn định chính trị xã hội, kinh tế vĩ mô, tạo môi trường kinh "
     "doanh tốt nhất cho các doanh nghiệp, Thủ tướng cho biết vừa qua, Chính phủ Việt Nam đã rất thiện chí, nhanh "
     "chóng giải quyết các vướng mắc cho các doanh nghiệp Indonesia đang đầu tư tại Việt Nam.", None),
    # a concession after "Cũng theo X," whose result comes after "nên" (seed 167)
    ("Cũng theo Vinachem, mặc dù có 20 đơn vị thành viên ghi nhận lãi 2.162 tỉ đồng, nhưng do lỗ phát sinh chủ yếu là "
     "đến từ 4 dự án yếu kém, thua lỗ lên tới 2.115 tỉ đồng, nên tổng số lãi có được của tập đoàn chỉ vỏn vẹn 47 tỉ "
     "đồng.", None),
    # a feeling that frames what its subject, named later, says (seed 139)
    ("Vui mừng chứng kiến Đồ Sơn đang đổi thay từng ngày với hàng loạt công trình, dự án đang được triển khai, nhất là "
     "có sự hợp tác tích cực, tự nguyện và sự ủng hộ cao của nhân dân, Thủ tướng nhắc lại truyền thống lịch sử hào hùng "
     "của quân và dân Đồ Sơn trong những năm kháng chiến, đấu tranh giải phóng dân tộc.", None),
    # "Tuy vậy" is a link, not a premise
    ("Tuy vậy, việc quán triệt, thực hiện Nghị quyết ở một số cấp uỷ, tổ chức Đảng chưa quyết liệt, dẫn đến một số "
     "bộ, ngành Trung ương chưa kịp thời ban hành các văn bản hướng dẫn tổ chức thực hiện, chậm rà soát, sửa đổi, bổ "
     "sung các quy định không còn phù hợp với yêu cầu của thực tiễn.", ", dẫn đến"),
])
def test_trim_cuts_a_framed_or_premised_sentence_only_once_its_main_clause_has_begun(sentence, cut_before):
    out = trim(sentence)
    if cut_before is None:
        assert out.endswith(sentence[-40:]) and not out.endswith("…")
    else:
        assert out.endswith(sentence[: sentence.index(cut_before)][-40:] + " …")


def test_trim_does_not_end_a_bullet_on_a_verb_whose_object_comes_later():
    shared = ("Tổng bí thư Nguyễn Phú Trọng đề nghị Trung ương bám sát Nghị quyết Đại hội lần thứ XII của Đảng và thực tế "
              "đất nước, tập trung thảo luận làm rõ, tạo sự thống nhất cao trong toàn Đảng, toàn dân về mục tiêu, quan "
              "điểm, tư tưởng chỉ đạo và những nhiệm vụ, giải pháp lớn cần được quán triệt và triển khai thực hiện.")
    assert not trim(shared).endswith("làm rõ …")


def test_trim_never_cuts_the_tail_of_a_quotation_whose_closing_mark_and_speaker_come_after_any_cut():
    """Cut at its first "; ", the Party chief's reminder read as a plain statement (seed 151, `meaning`)."""
    tail = ("Mọi cán bộ, đảng viên, trước hết là người đứng đầu, phải gương mẫu, đi đầu, có sự tự giác, thống nhất cao về "
            "ý chí và hành động trong đấu tranh PCTN; không sợ mất uy tín, không sợ khuyết điểm; trái lại, phải mạnh dạn "
            "làm để giữ gìn, uy tín, củng cố niềm tin của nhân dân và phải công khai để nhân dân biết, ủng hộ và giám sát "
            '", Tổng bí thư nhắc nhở.')
    assert trim(tail) == tail


def test_extractive_bullets_start_upper_case_even_after_a_connective():
    assert trim("Bên cạnh đó, tiếp tục đẩy mạnh cải cách hành chính.") == "Tiếp tục đẩy mạnh cải cách hành chính."
    assert trim("Đặc biệt là các dự án trọng điểm.") == "Đặc biệt là các dự án trọng điểm."


@pytest.mark.parametrize("text, date, iso", [
    # relative dates, found as written; ISO only where a dateline or timestamp gives the day of writing
    ("Sáng nay, tại Hà Nội, Bộ Tài chính tổ chức Hội nghị tổng kết năm 2016.\nCập nhật 2017-01-12 09:30",
     "Sáng nay", "2017-01-12"),
    ("Chiều qua, UBND tỉnh họp bàn giải pháp thúc đẩy giải ngân vốn đầu tư công.\nThứ Năm, 12/01/2017",
     "Chiều qua", "2017-01-11"),
    ("Hôm nay, Quốc hội thảo luận về dự án Luật Quy hoạch.", "Hôm nay", None),
    ("Hôm 5-4, Bộ Công an tổ chức hội nghị sơ kết công tác quý I.", "Hôm 5-4", None),
    # a full date is certain by itself
    ("Ngày 12-3-2005, Tổng cục Hải quan tổ chức hội nghị tổng kết.", "Ngày 12-3-2005", "2005-03-12"),
    # a day and month match the dateline's: that year
    ("Chiều 17/7, Ban Chỉ đạo tổ chức Hội nghị sơ kết.\n17/7/2024 18:05", "Chiều 17/7", "2024-07-17"),
    # a date in the report's own sentences is not the day of writing
    ("Chiều qua, UBND tỉnh họp về kết quả thực hiện từ ngày 12/01/2017 đến nay.", "Chiều qua", None),
    ("Sáng nay (8/2), UBND tỉnh tổ chức hội nghị.", "Sáng nay (8/2)", None),
    # a meeting over several days: the range as written, ISO its last day
    ("Kỳ họp thứ 36 (từ 29 đến 31/5) do ông Trần Cẩm Tú chủ trì.\n31/5/2019 10:00", "từ 29 đến 31/5", "2019-05-31"),
    ("Hội nghị diễn ra từ ngày 17 đến 19/10/2018 tại Hà Nội.", "từ ngày 17 đến 19/10/2018", "2018-10-19"),
    ("Ủy ban đã họp kỳ 34 trong hai ngày 6-7/3.", "hai ngày 6-7/3", None),
    # "4.0" is no day: the lead's real date is found
    ("Hội thảo về công nghiệp 4.0 diễn ra sáng 23/11 tại Hà Nội.", "sáng 23/11", None),
])
def test_dates_relative_and_iso(text, date, iso):
    meta = read_meta(default_labeller(extractive=True).label(segment("Tin hội nghị\n" + text)))
    assert (meta.date, meta.date_iso) == (date, iso)
