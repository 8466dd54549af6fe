"""Evidence that a text is Vietnamese: its most frequent function words and its own letters."""

#: High-frequency Vietnamese function words; real news prose has well over a tenth of its syllables among them.
FUNCTION_WORDS = frozenset(
    "của và các là được những trong với cho có không này đã để một người năm về theo đến từ tại khi cũng "
    "như nhiều thì sẽ đó nhưng ra vào lại hơn nên việc còn đang chưa".split()
)

#: Letters that occur in Vietnamese and in no other language written in Latin script this often.
VIETNAMESE_LETTERS = frozenset("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĂÂĐÊÔƠƯ")

#: Share of syllables that must be function words, or carry a Vietnamese letter, to call a text Vietnamese.
MIN_FUNCTION_WORD_SHARE = 0.08
MIN_LETTER_SHARE = 0.2
