"""Sentences that ../shared/data/GUIDELINES.md reads one fixed way, where the hand labels hold too few of them for
a model to learn the reading.

Each row is (label, pattern); a pattern is matched on the lower-cased sentence. The learned labellers give a
matching sentence the row's label (vnsum.sequence.decode_report). A row stays only while no hand-labelled sentence
that it matches carries another section's label (tests/test_sequence.py checks every row against the gold, the
hand labels and the held-out labels).
"""

LIMITATION = "limitation"

#: Nouns that name a shortcoming.
SHORTCOMINGS = r"hạn chế|tồn tại|yếu kém|bất cập|khuyết điểm|khó khăn"

HARD_CASES: tuple[tuple[str, str], ...] = (
    # A shortcoming stated together with the remark that it needs fixing ("công tác ... còn một số hạn chế cần
    # nhanh chóng khắc phục", the guidelines' own example) is a limitation, not an order to fix it; the trained
    # models read "cần ... khắc phục trong thời gian tới" as a directive. Not where the sentence also asks for
    # something (GUIDELINES: a limitation given as the reason for a request is a directive).
    (LIMITATION, rf"^(?!.*(?:đề nghị|yêu cầu|kiến nghị))"
                 rf".*còn (?:một số |nhiều |những )?(?:(?:{SHORTCOMINGS}),? )*(?:{SHORTCOMINGS}) cần (?:\S+ ){{0,3}}khắc phục"),
)
