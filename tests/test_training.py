"""The training recipe's data plumbing (scripts/train_model.py, scripts/build_pairs.py), without training."""

import random
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))

import build_pairs  # noqa: E402
import train_model  # noqa: E402

from vnsum.rewrite.guard import check  # noqa: E402


def _pools() -> dict[str, list]:
    return {
        task: sorted(((task, [k % 50 + 2] * (k % 7 + 1), [1]) for k in range(200)), key=lambda e: len(e[1]))
        for task in ("compress", "overview", "copy", "deletion", "aligned")
    }


def test_a_batch_is_a_function_of_its_step_so_a_resumed_run_sees_the_same_batches():
    pools = _pools()
    assert [train_model._batch(pools, s, 100, 8) for s in range(300)] == [train_model._batch(pools, s, 100, 8) for s in range(300)]


def test_copying_and_deletion_come_first_then_compression_with_some_overview_and_copy():
    pools = _pools()
    early = {train_model._batch(pools, s, 500, 8)[0][0] for s in range(500)}
    late = [train_model._batch(pools, s, 500, 8)[0][0] for s in range(500, 3500)]
    assert early == {"copy", "deletion"}
    assert set(late) == {"compress", "overview", "copy"}
    assert late.count("compress") > 0.7 * len(late)


def test_from_aligned_from_on_compression_batches_hold_the_aligned_pairs_only():
    pools = _pools()
    mixed = [train_model._batch(pools, s, 100, 8, aligned_from=1000)[0][0] for s in range(100, 1000)]
    aligned = [train_model._batch(pools, s, 100, 8, aligned_from=1000)[0][0] for s in range(1000, 2000)]
    assert "compress" in mixed and "aligned" not in mixed
    assert set(aligned) == {"aligned", "overview", "copy"}
    assert [train_model._batch(pools, s, 100, 8)[0][0] for s in range(1000, 2000)].count("aligned") == 0


def test_batches_hold_examples_of_similar_length():
    pools = _pools()
    for step in range(50):
        lengths = [len(e[1]) for e in train_model._batch(pools, step, 0, 8)]
        assert max(lengths) - min(lengths) <= 1


def test_copy_pairs_repeat_the_sentence_under_their_own_prefix():
    pair = {"task": "compress", "source": "rút gọn: Tỉnh đã thu hút 12 dự án.", "target": "Thu hút 12 dự án."}
    (copy,) = train_model._identity([pair, {"task": "overview", "source": "tóm tắt: x", "target": "x"}])
    assert copy == {"task": "copy", "source": train_model.COPY_PREFIX + "Tỉnh đã thu hút 12 dự án.", "target": "Tỉnh đã thu hút 12 dự án."}


def test_self_supervised_deletions_drop_the_speaker_and_stay_faithful():
    source = (
        "Phát biểu tại hội nghị, đồng chí Nguyễn Văn An, Chủ tịch UBND tỉnh, đề nghị các sở, ngành tiếp tục "
        "đẩy mạnh cải cách hành chính, nâng cao chỉ số năng lực cạnh tranh cấp tỉnh trong năm 2024."
    )
    rng = random.Random(0)
    targets = {build_pairs.deletions(source, rng) for _ in range(40)} - {None}
    assert "Các sở, ngành tiếp tục đẩy mạnh cải cách hành chính." in targets
    for target in targets:
        assert check(target, source, cuts=False) is None
        assert len(target) < len(source)


def test_aligned_pairs_keep_what_the_editor_kept_as_cuts_the_guard_accepts():
    source = (
        "Theo báo cáo của UBND tỉnh, trong 6 tháng đầu năm, tỉnh đã thu hút 12 dự án với tổng vốn đăng ký "
        "2.500 tỷ đồng, tăng 15% so với cùng kỳ, nhưng tiến độ giải ngân còn chậm."
    )
    editor = "Tỉnh thu hút 12 dự án, tổng vốn 2.500 tỷ đồng, tăng 15%."
    target = build_pairs.aligned(source, editor)
    assert target == "Tỉnh thu hút 12 dự án tổng vốn 2.500 tỷ đồng, tăng 15%."
    assert check(target, source) is None


def test_no_aligned_pair_keeps_a_premise_without_its_point():
    source = "Mặc dù môi trường kinh doanh còn nhiều khó khăn, nhưng kết quả kinh doanh năm 2016 đã khởi sắc."
    assert build_pairs.aligned(source, "Môi trường kinh doanh còn nhiều khó khăn") is None
    assert build_pairs.aligned(source, "Kết quả kinh doanh năm 2016 khởi sắc") == "Kết quả kinh doanh năm 2016 khởi sắc."
