"""Tone-mark conventions (vnsum/spelling.py): what the bundled model is shown, and what the reader gets back."""

import unicodedata

from vnsum.spelling import convention, respell

NEW = "Ủy ban nhân dân tỉnh Thanh Hóa chỉ đạo bảo đảm an toàn thủy lợi, sức khỏe và hòa bình."
OLD = "Uỷ ban nhân dân tỉnh Thanh Hoá chỉ đạo bảo đảm an toàn thuỷ lợi, sức khoẻ và hoà bình."


def test_open_oa_oe_uy_syllables_move_their_tone_mark_and_back():
    assert convention(NEW, "old") == OLD
    assert convention(OLD, "new") == NEW
    assert convention(NEW, "new") == NEW


def test_other_syllables_keep_their_spelling():
    words = "của quý quả hoàn thành thuyền hoặc hoằng Quỳnh xoáy khuya tuyệt"
    assert convention(words, "old") == words == convention(words, "new")


def test_decomposed_input_is_handled_and_the_result_is_nfc():
    assert convention(unicodedata.normalize("NFD", NEW), "old") == OLD


def test_output_gets_the_sources_own_spellings_back():
    model_output = "Uỷ ban nhân dân tỉnh Thanh Hoá chỉ đạo bảo đảm an toàn thuỷ lợi."
    assert respell(model_output, NEW, "old") == "Ủy ban nhân dân tỉnh Thanh Hóa chỉ đạo bảo đảm an toàn thủy lợi."
    assert respell("Thanh Hoá", "Thanh Hoá và Tuy Hòa", "old") == "Thanh Hoá"  # the source's mixed spellings kept
