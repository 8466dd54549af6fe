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

#: The shape of a Vietnamese syllable, tone marks removed: onset, vowel nucleus (one to three vowels), coda.
#: A wrong decoding of legacy bytes breaks this shape ("NghƯ", "chÝnh"), so the share of well-formed
#: syllables tells the right encoding from the wrong ones even in a headline with no function words.
SYLLABLE_ONSETS = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
SYLLABLE_VOWELS = "aăâeêioôơuưy"
SYLLABLE_CODAS = "ch|nh|ng|c|m|n|p|t"
#: Tones are marked with these combining characters once a syllable is decomposed (NFD).
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
