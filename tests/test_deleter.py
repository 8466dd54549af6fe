"""The deletion compressor (vnsum/rewrite/deleter.py): its words-to-text plumbing, and the shipped model."""

from __future__ import annotations

import numpy as np
import pytest

from vnsum.rewrite.cuts import repair
from vnsum.rewrite.deleter import BUNDLED, hypotheses
from vnsum.rewrite.guard import Words, check, is_deletion

SOURCE = ("Trong 6 tháng đầu năm, tỉnh đã thu hút 12 dự án mới với tổng vốn đăng ký 1.200 tỷ đồng, "
          "góp phần tạo việc làm cho lao động địa phương.")


def _keep_from(text: Words, word: str, until: str | None = None) -> np.ndarray:
    first = text.words.index(word)
    last = text.words.index(until) if until else len(text.words) - 1
    return np.array([1.0 if first <= i <= last else 0.0 for i in range(len(text.words))])


def test_a_hypothesis_is_the_source_with_whole_phrases_deleted_and_figures_keep_their_time():
    text = Words.of(SOURCE)
    (bullet,) = hypotheses(SOURCE, text, _keep_from(text, "tỉnh", "đồng"), (0.5,))
    assert bullet == "Trong 6 tháng đầu năm, tỉnh đã thu hút 12 dự án mới với tổng vốn đăng ký 1.200 tỷ đồng."
    assert is_deletion(bullet, SOURCE) and check(bullet, SOURCE) is None
    source = "Tuy nhiên, tại hội nghị, Bộ trưởng yêu cầu các địa phương khẩn trương rà soát quy hoạch."
    text = Words.of(source)
    (bullet,) = hypotheses(source, text, _keep_from(text, "bộ"), (0.5,))
    assert bullet == "Bộ trưởng yêu cầu các địa phương khẩn trương rà soát quy hoạch."


def test_strict_repair_puts_back_any_word_cut_from_inside_a_clause():
    source = "Cơ quan điều tra đã khởi tố, bắt tạm giam ông Lê Văn A, nguyên giám đốc công ty B."
    text = Words.of(source)
    keep = [w != "tạm" for w in text.words]
    assert repair(text, keep) == keep  # the guard lets an editor cut one content syllable there
    assert all(repair(text, keep, strict=True))
    keep = [w != "đã" for w in text.words]  # nor a function syllable
    assert all(repair(text, keep, strict=True))


def test_a_speaker_stays_and_a_tail_goes_only_where_a_whole_clause_does():
    source = ("Theo Bộ trưởng Trần Văn B, Việt Nam có sức hút mạnh với nhà đầu tư, thị trường lớn, "
              "nhân lực dồi dào, góp phần thu hút vốn.")
    text = Words.of(source)
    first = text.words.index("việt")
    cut_speaker = np.array([1.0 if i >= first else 0.0 for i in range(len(text.words))])
    assert all(o.startswith("Theo Bộ trưởng") for o in hypotheses(source, text, cut_speaker, (0.5,)))
    up_to_list = np.array([1.0 if i <= text.words.index("tư") else 0.0 for i in range(len(text.words))])
    (bullet,) = hypotheses(source, text, up_to_list, (0.5,))
    assert bullet.endswith("nhân lực dồi dào.")  # the list runs on to the clause that may go


def test_thresholds_give_distinct_hypotheses_in_order_and_a_rejected_cut_gives_none():
    text = Words.of(SOURCE)
    ramp = np.linspace(1.0, 0.0, len(text.words))
    outputs = hypotheses(SOURCE, text, ramp, (0.2, 0.2, 0.6))
    assert len(outputs) == len(set(outputs))
    assert outputs and all(is_deletion(o, SOURCE) for o in outputs)
    assert hypotheses(SOURCE, text, np.zeros(len(text.words)), (0.5,)) == ()


def test_the_bundled_deleter_loads_by_its_kind_and_briefs_the_seed_with_guarded_deletions():
    import json

    from conftest import SAMPLES
    from test_cli import run
    from vnsum.rewrite.deleter import Deleter
    from vnsum.rewrite.model import load

    assert isinstance(load(BUNDLED), Deleter)
    result = run("brief", "-f", "json", str(SAMPLES / "seed_article.txt"), env={"VNSUM_MODEL": str(BUNDLED)})
    assert result.returncode == 0, result.stderr
    brief = json.loads(result.stdout)
    sentences = {s["i"]: s["text"] for s in brief["sentences"]}
    bullets = [b for section in brief["sections"].values() for b in section]
    assert {b["method"] for b in bullets} == {"extractive", "deletion"}
    assert brief["engine"]["rewriter"] == "cut/1"
    for b in bullets:
        if b["method"] == "deletion":
            source = " ".join(sentences[i] for i in b["sources"])
            assert is_deletion(b["text"], source) and check(b["text"], source) is None


def test_an_unloadable_deleter_is_a_model_error(tmp_path):
    from vnsum.rewrite import ModelError
    from vnsum.rewrite.deleter import Deleter

    (tmp_path / "vnsum.json").write_text('{"name": "x", "kind": "deletion"}', encoding="utf-8")
    with pytest.raises(ModelError):
        Deleter(tmp_path)


def test_a_deleter_shipped_without_its_assembled_weights_says_how_to_build_them(tmp_path):
    import shutil

    from vnsum.rewrite import ModelError
    from vnsum.rewrite.deleter import Deleter

    for name in ("vnsum.json", "config.json", "trained.safetensors"):
        shutil.copy(BUNDLED / name, tmp_path / name)
    with pytest.raises(ModelError, match="make setup"):
        Deleter(tmp_path)


def test_a_deleter_past_its_deadline_is_a_timeout():
    from vnsum.rewrite import ModelError
    from vnsum.rewrite.deleter import Deleter

    with pytest.raises(ModelError, match="model-timeout"):
        Deleter().candidates([SOURCE], deadline=0.0)
