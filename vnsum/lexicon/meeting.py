"""Words that say an article reports a meeting, for meeting.py's decision "meeting report or not".

Each table is counted in the title and lead (where a report names its meeting) or in the whole text (where the
speakers speak); meeting.py turns the counts into features of a small logistic model (models/labeller/meeting.json).
"""

#: Names of meetings and sessions ("Hội nghị", "phiên họp", "buổi làm việc", "tiếp xúc cử tri" ...).
MEETING_NOUNS = (
    r"hội nghị|phiên họp|kỳ họp|hội thảo|diễn đàn|buổi làm việc|cuộc họp|đại hội|tọa đàm|toạ đàm|phiên chất vấn|"
    r"phiên thảo luận|tiếp xúc cử tri|cuộc làm việc|họp báo|giao ban|buổi gặp mặt|buổi tiếp|phiên giải trình|"
    r"lễ ký kết|lễ công bố|lễ khai mạc|lễ bế mạc|lễ phát động|lễ tổng kết"
)

#: What happens at a meeting: someone chairs, works with, speaks, concludes ("chủ trì", "làm việc với" ...).
MEETING_VERBS = (
    r"chủ trì|đồng chủ trì|làm việc với|phát biểu|kết luận|họp|khai mạc|bế mạc|thảo luận|cho ý kiến|"
    r"báo cáo tại|tham dự|dự họp|biểu quyết|chất vấn|tiếp xúc"
)

#: A meeting still to come in the lead ("sẽ tổ chức hội nghị", "dự kiến khai mạc"): an announcement, not a report.
FUTURE = r"sẽ|sắp|dự kiến|chuẩn bị|kế hoạch tổ chức"

#: A meeting that took place ("đã diễn ra", "khai mạc", "chủ trì", "tổ chức") in the lead.
HELD = r"đã diễn ra|diễn ra|đã tổ chức|tổ chức|khai mạc|bế mạc|chủ trì|đã họp|họp"

#: An interview or an opinion piece, not a meeting ("phỏng vấn", "trả lời báo chí", "bình luận").
INTERVIEW = r"phỏng vấn|trả lời báo|trao đổi với phóng viên|trao đổi với báo|bình luận|góc nhìn|tâm sự"

#: A meeting still to come anywhere in the title and the first lead sentences ("Thủ tướng lên đường dự ...", "trước
#: thềm hội nghị", "sắp diễn ra"): previews are the detector's commonest error after foreign news.
PREVIEW = r"sẽ|sắp|dự kiến|lên đường|trước thềm|chuẩn bị cho|tới đây|sắp tới|kế hoạch"

#: A written act rather than a meeting in the title and lead ("Văn phòng Chính phủ vừa có văn bản", "công điện",
#: "thông báo kết luận"): the news is the document, a meeting at most its background.
WRITTEN = r"văn bản|công văn|công điện|vừa ký|đã ký|vừa ban hành|ban hành|thông báo kết luận|chỉ thị|quyết định số|vừa có|gửi"

#: Someone answering a reporter in the title and lead ("trả lời phỏng vấn", "chia sẻ với", "nói với"): an interview
#: around a meeting, not its report. Wider than INTERVIEW, which is read in the longer lead.
ANSWERS = r"trả lời phỏng vấn|phỏng vấn|chia sẻ với|trao đổi với|nói với|cho biết với|trả lời"

#: What a report says happened at its meeting, in the body ("Tại hội nghị, ...", "Hội nghị đã ...", "phát biểu",
#: "kết luận buổi làm việc"), counted per 100 words.
PROCEEDINGS = rf"tại (?:{MEETING_NOUNS})|(?:{MEETING_NOUNS}) (?:đã|cũng)|phát biểu|kết luận (?:hội nghị|buổi|cuộc|phiên)"

#: How officials speak in a report: assessments and requests ("đánh giá cao", "đề nghị", "yêu cầu" ...).
OFFICIAL_SPEECH = (
    r"đề nghị|yêu cầu|nhấn mạnh|chỉ đạo|đánh giá cao|ghi nhận|biểu dương|cho rằng|đề xuất|kiến nghị|"
    r"quán triệt|triển khai|thống nhất"
)

#: Foreign countries, leaders, capitals and bodies, written with their capitals (matched case-sensitively: "Nga" is
#: also a given name, but rarely in a report's text; "Anh", "Pháp" and "Đức" are left out, being common words and
#: names). Reports of Vietnamese officials' meetings mention them now and then; foreign news, previews of summits
#: and analyses, the detector's commonest errors, mention them throughout (per 100 words, capped at 5: 0.23 in
#: meeting reports against 1.24 in the other articles of models/labeller/meetings.jsonl and the gold).
FOREIGN = (
    r"Mỹ|Hoa Kỳ|Triều Tiên|Trung Quốc|Nhật Bản|Hàn Quốc|Nga|Trump|Putin|Kim Jong|Syria|Israel|Liên Hợp Quốc|LHQ|EU|"
    r"Washington|Moskva|Bắc Kinh|Bình Nhưỡng|Nhà Trắng|Điện Kremlin|Lầu Năm Góc|NATO"
)
