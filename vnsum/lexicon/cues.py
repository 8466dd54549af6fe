"""Cue words for the three sections, with weights, as GUIDELINES.md defines the sections.

Each row is (label, weight, pattern). Patterns are matched on the lower-cased main clause at
syllable boundaries; the labeller adds the weights per label. Weights: 3 = the cue alone decides
("đề nghị", "hạn chế"), 2 = strong, 1 = a hint that needs company. Negative weights cancel a cue
that reads the other way in context ("không ngừng" is praise, not negation).
"""

ACHIEVEMENT = "achievement"
LIMITATION = "limitation"
DIRECTIVE = "directive"
CONTEXT = "context"

CUES: tuple[tuple[str, float, str], ...] = (
    # --- directive: requests, orders, tasks for the coming period, must/should (GUIDELINES: directive)
    (DIRECTIVE, 3.0, r"đề nghị"),
    (DIRECTIVE, 3.0, r"yêu cầu"),
    (DIRECTIVE, 3.0, r"kiến nghị"),
    (DIRECTIVE, 2.5, r"đề xuất"),
    (DIRECTIVE, 3.0, r"chỉ đạo (?:các|cần|phải|tập trung|khẩn trương|quyết liệt|rà soát|sớm|triển khai|thực hiện|bộ|ngành|ubnd)"),
    (DIRECTIVE, 3.0, r"giao (?:cho )?(?:bộ|các|ubnd|sở|ban|văn phòng|thanh tra|ngân hàng|tổng cục|cục|ủy ban|chính phủ|tập đoàn)"),
    (DIRECTIVE, 2.5, r"cần phải|cần|phải"),
    (DIRECTIVE, 2.0, r"phấn đấu|đặt mục tiêu|mục tiêu (?:là|đến|đạt)"),
    (DIRECTIVE, 2.5, r"thời gian tới|sắp tới|tới đây|năm tới|giai đoạn tới|tháng cuối năm|những tháng còn lại|trước mắt|lâu dài"),
    (DIRECTIVE, 2.0, r"nhiệm vụ (?:trọng tâm|trọng yếu|chủ yếu|thời gian|năm|tới|cụ thể)|giải pháp (?:trọng tâm|chủ yếu|cụ thể|căn cơ)"),
    (DIRECTIVE, 1.5, r"sẽ"),
    (DIRECTIVE, 1.5, r"tiếp tục|tập trung|đẩy mạnh|tăng cường|khẩn trương|quyết liệt|kiên quyết|chủ động|sớm"),
    (DIRECTIVE, 2.0, r"không để|không được|tuyệt đối không|nghiêm cấm"),
    (DIRECTIVE, 2.0, r"lưu ý|quán triệt|kêu gọi|mong muốn|mong|đặt hàng|chỉ thị|nhắc nhở"),
    (DIRECTIVE, 1.0, r"nhấn mạnh|khẳng định|nêu rõ"),
    (DIRECTIVE, 1.5, r"hướng tới|hướng đến|định hướng|kế hoạch (?:năm|hành động)"),
    (DIRECTIVE, 2.0, r"cam kết|quyết tâm"),
    # --- limitation: shortcomings, difficulties, risks, unmet targets, violations, their causes
    (LIMITATION, 3.0, r"hạn chế|tồn tại|bất cập|yếu kém|khuyết điểm|vướng mắc|sai phạm|sai sót|sai lầm"),
    (LIMITATION, 2.5, r"khó khăn|thách thức|nguy cơ|rủi ro|lúng túng|trì trệ|buông lỏng|chồng chéo|manh mún|nhỏ lẻ"),
    (LIMITATION, 2.5, r"vi phạm|tham nhũng|lãng phí|tiêu cực|thất thoát|thua lỗ|nợ đọng|tồn đọng|ùn tắc|quá tải|ô nhiễm"),
    (LIMITATION, 2.5, r"chậm|chưa|thiếu|yếu|kém|thấp|giảm|sụt giảm|suy giảm|xuống cấp|phức tạp|bức xúc|gây"),
    (LIMITATION, 2.0, r"mới đạt|mới chỉ|chỉ đạt|không đạt|không hoàn thành|không thể chấp nhận|không hiệu quả|chưa hiệu quả"),
    (LIMITATION, 2.0, r"tình trạng|nguyên nhân|hậu quả|thiệt hại|bị xử lý|kỷ luật|cảnh cáo"),
    (LIMITATION, 1.5, r"còn|vẫn còn|tuy nhiên|song|nhưng|mặt khác"),
    # phrases that contain a limitation word but name a remedy or a goal, not a shortcoming
    (LIMITATION, -2.5, r"không ngừng|giảm nghèo|tiết giảm|cắt giảm|giảm thiểu|giảm thiểu|chống tham nhũng|phòng, chống|phòng chống"),
    (LIMITATION, -3.0, r"(?:khắc phục|tháo gỡ|giải quyết|vượt qua|xử lý)(?: những| các| mọi| kịp thời)? (?:hạn chế|khó khăn|vướng mắc|tồn tại|bất cập|yếu kém|vi phạm)"),
    # --- achievement: what has been done or reached, judged positively
    (ACHIEVEMENT, 3.0, r"đã đạt|đạt được|đạt kết quả|kết quả (?:tích cực|quan trọng|nổi bật|đáng ghi nhận|khả quan|tốt)|thành tựu"),
    (ACHIEVEMENT, 3.0, r"đánh giá cao|ghi nhận|biểu dương|hoan nghênh|khen ngợi|chúc mừng"),
    (ACHIEVEMENT, 2.5, r"hoàn thành|vượt|thành công|khởi sắc|bước tiến|tiến bộ|chuyển biến|cải thiện|nâng lên|được nâng cao"),
    (ACHIEVEMENT, 2.0, r"tăng trưởng|tăng \d+|tăng gần|tăng hơn|tăng khoảng|tăng bình quân|đạt \d+|đạt gần|đạt hơn|đạt trên|đạt khoảng"),
    (ACHIEVEMENT, 2.0, r"tích cực|hiệu quả|rõ rệt|đáng kể|toàn diện|nghiêm túc|kịp thời|tốt|ổn định|giữ vững|góp phần"),
    (ACHIEVEMENT, 1.5, r"đã|được|thu hút|triển khai|ban hành|đồng bộ|sôi nổi|đậm nét"),
    # --- context: the event itself, attendance, procedure (GUIDELINES: context)
    (CONTEXT, 2.5, r"tham dự|dự hội nghị|có mặt|đến dự|cùng dự|đồng chủ trì|chủ trì hội nghị|chủ trì buổi|dưới sự chủ trì"),
    (CONTEXT, 2.0, r"tổ chức hội nghị|tổ chức phiên|tổ chức buổi|khai mạc|bế mạc|diễn ra|biểu quyết|thông qua nghị quyết|nghe báo cáo|cho ý kiến|phát biểu (?:khai mạc|bế mạc|tại)"),
    (CONTEXT, 1.5, r"cho biết|theo (?:ông|bà)|chương trình|báo cáo (?:tại|của)|trình bày|thảo luận"),
)

#: Patterns that flip a following positive cue: "chưa hoàn thành", "không đạt", "chẳng hiệu quả".
NEGATORS = r"không|chưa|chẳng|chớ|chả|đâu có"

#: Clauses that do not carry the sentence's point and are dropped before counting cues
#: ("Tuy còn khó khăn, ngành đã hoàn thành ..." is an achievement; "Để khắc phục hạn chế, cần ..." a directive;
#: "Bên cạnh những kết quả đạt được, X còn nhiều hạn chế" a limitation). Anchored at the start; one comma.
SUBORDINATE_OPENERS = (
    r"(?:tuy|mặc dù|dù|dẫu|tuy rằng|bên cạnh(?: những| các)? (?:kết quả|thành tích|thành tựu|mặt|ưu điểm)|để|nhằm|trước|"
    r"sau khi|trên cơ sở|từ (?:thực tế|những|các|kết quả)|thời gian qua|trong (?:bối cảnh|điều kiện))"
)

#: Sentence-initial contrast that turns a sentence towards a shortcoming ("Tuy nhiên, ..."); "song" and "nhưng"
#: need their comma, or "Song hành với đó" would read as "Song, ...".
CONTRAST = r"(?:tuy nhiên|mặc dù vậy|dù vậy|thế nhưng)(?!\w)\s*,?\s*|(?:song|nhưng)\s*,\s*"

#: Sentence-initial discourse connectives skipped before looking for an imperative verb.
CONNECTIVES = (
    r"(?:đồng thời|bên cạnh đó|ngoài ra|cùng với đó|song hành với đó|mặt khác|trong đó|theo đó|đặc biệt|"
    r"thứ (?:nhất|hai|ba|tư|năm)|một là|hai là|ba là|bốn là|năm là|trước mắt|cùng đó|qua đó|do đó|vì vậy|"
    r"chính vì vậy|do vậy|vì thế|từ đó|từ nay đến cuối năm|về lâu dài)\s*[,:]?\s*"
)

#: Connectives that also say when what follows holds: the labellers read them with the others, but a bullet keeps
#: them ("Về lâu dài, cần luật hoá ..." without its opener reads as a demand for now: seed 179, `meaning`).
SCOPE_OPENERS = r"trước mắt|về lâu dài|từ nay đến cuối năm"

#: Words that, right after an opener, lean on it: dropped, the opener would leave them dangling ("Đặc biệt là ...",
#: "Vì vậy mới có hiện tượng ..." read "Là ...", "Mới có hiện tượng ...": seed 139), so a bullet keeps the opener.
#: "Mới đây" (recently) stands alone.
LEANS_ON_OPENER = r"là|mới(?! đây| rồi)"

#: Openers that tie a sentence to the one before it, which a bullet drops as it drops a connective (select.py
#: only: the labellers read CONNECTIVES). "Đó là," spells out what the sentence before announced ("Đó là, tình
#: hình tai nạn giao thông vẫn diễn biến phức tạp"); without its comma "Đó là" is a copula ("Đó là kết quả của
#: ...") and stays. "Như," gives an example of it ("Như, quy định của pháp luật ... còn thiếu"), "Nhất là" singles
#: out part of it ("Nhất là cần tập trung vào ..." -> "Cần tập trung vào ..."), and "Trong đó có việc" names one
#: of its items ("Trong đó có việc tiêu thụ sản phẩm ... còn khó khăn" -> "Tiêu thụ sản phẩm ... còn khó khăn",
#: where dropping "Trong đó" alone left "Có việc ..."); "Trước hết là" opens the first of a list of tasks ("Trước
#: hết là tập trung lực lượng ..." -> "Tập trung lực lượng ..."). "Bởi", "Bởi vì" and "Bởi lẽ" (because) give the
#: reason for the sentence before ("Bởi giá điện của ta hiện nay khoảng 7,38 cent/kWh, thấp hơn ..."), "Bởi vậy" and
#: "Bởi thế" (so) draw from it, as "Vì vậy" does. Each was read as a dangling opener (bench/JUDGED.md).
TIED_OPENERS = (r"(?:đó là|như)\s*,\s*"
                r"|(?:nhất là|trong đó có việc|trước hết(?: là)?|bởi(?: vì| lẽ| vậy| thế)?)(?!\w)\s*,?\s*")

#: Verbs that, opening a sentence with no subject, make it an instruction (GUIDELINES: "Tiếp tục đẩy mạnh ...").
IMPERATIVE_VERBS = (
    r"tiếp tục|đẩy mạnh|tăng cường|nâng cao|thống nhất|theo dõi|tập trung|chủ động|làm tốt|đổi mới|kiện toàn|"
    r"rà soát|xây dựng|hoàn thiện|phát huy|quan tâm|triển khai|thực hiện|bảo đảm|đảm bảo|khẩn trương|nghiên cứu|"
    r"chỉ đạo|giao|kiên quyết|sớm|phấn đấu|tổ chức|khắc phục|siết chặt|xử lý|kiểm tra|tuyên truyền|ưu tiên|"
    r"huy động|đôn đốc|chấn chỉnh|tháo gỡ|giải quyết|cải cách|thúc đẩy|phối hợp|bố trí|quản lý|kiểm soát|"
    r"tạo điều kiện|hỗ trợ|đầu tư|phát triển|nắm bắt|đưa|ban hành|sửa đổi|bổ sung|cần|phải|không để"
)

#: Positive cues that a negator turns into a limitation ("chưa hoàn thành", "không đạt", "chưa hiệu quả").
NEGATABLE = r"đạt|hoàn thành|hiệu quả|đồng bộ|kịp thời|tốt|đáp ứng|đủ|rõ ràng|quyết liệt|nghiêm|thực hiện|triển khai|được"

#: A lead sentence that only sets the scene: "Chiều 17/7, ... tổ chức Hội nghị ...".
DATELINE_OPENER = r"(?:sáng|chiều|tối|trưa|ngày|đêm|hôm nay|hôm qua)(?: nay| qua)?\s*\(?\d{1,2}\s*[/.\-]\s*\d{1,2}"
