"""The training recipes' data plumbing (scripts/train_model.py, scripts/build_pairs.py, scripts/train_classifier.py),
without training."""

import json
import random
import sys

import pytest

from conftest import ROOT, SHARED_DATA

sys.path.insert(0, str(ROOT / "scripts"))

import build_pairs  # noqa: E402
import train_classifier  # noqa: E402
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
        "Theo báo cáo của UBND tỉnh, trong 6 tháng đầu năm tỉnh đã thu hút 12 dự án, tổng vốn đăng ký "
        "2.500 tỷ đồng, tăng 15% so với cùng kỳ."
    )
    editor = "Tỉnh thu hút 12 dự án, tổng vốn 2.500 tỷ đồng, tăng 15%."
    target = build_pairs.aligned(source, editor)
    # the editor's two-syllable cuts inside a clause ("đăng ký", "so với cùng kỳ") are undone: the guard takes at
    # most one content syllable from there
    assert target == "Tỉnh thu hút 12 dự án, tổng vốn đăng ký 2.500 tỷ đồng, tăng 15% so với cùng kỳ."
    assert check(target, source) is None
    contrast = source.removesuffix(".") + ", nhưng tiến độ giải ngân còn chậm."
    assert build_pairs.aligned(contrast, editor) is None  # the point of the sentence would be cut


def test_no_aligned_pair_keeps_a_premise_without_its_point():
    source = "Mặc dù môi trường kinh doanh còn nhiều khó khăn, nhưng kết quả kinh doanh năm 2016 đã khởi sắc."
    assert build_pairs.aligned(source, "Môi trường kinh doanh còn nhiều khó khăn") is None
    assert build_pairs.aligned(source, "Kết quả kinh doanh năm 2016 khởi sắc") == "Kết quả kinh doanh năm 2016 khởi sắc."


def test_hand_labels_are_offsets_and_labels_only_in_text_order():
    """models/labeller/annotations.jsonl holds no article text (the corpora are not copied), one valid label per
    sentence, sentences in order and disjoint; never a VietNews test article."""
    records = [json.loads(line) for line in train_classifier.ANNOTATIONS.read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 40 and len({r["id"] for r in records}) == len(records)
    for record in records:
        assert set(record) == {"id", "sentences"} and "-test-" not in record["id"]
        ends = [0]
        for start, end, label in record["sentences"]:
            assert ends[-1] <= start < end and label in {"achievement", "limitation", "directive", "context"}
            ends.append(end)


def test_held_out_labels_are_test_articles_no_training_reads():
    """models/labeller/heldout_labels.jsonl (scripts/evaluate_labels.py) scores labellers out of sample: VietNews
    test-split articles only, which training never takes, none of them among the training labels; no text."""
    heldout = [json.loads(line) for line in (ROOT / "models" / "labeller" / "heldout_labels.jsonl").read_text(encoding="utf-8").splitlines()]
    training = {json.loads(line)["id"] for line in train_classifier.ANNOTATIONS.read_text(encoding="utf-8").splitlines()}
    assert heldout and all(r["id"].startswith("vietnews-test-") and set(r) == {"id", "sentences"} for r in heldout)
    assert not training & {r["id"] for r in heldout}
    assert all(label in {"achievement", "limitation", "directive", "context"} for r in heldout for *_, label in r["sentences"])


def test_labels_for_the_next_training_are_training_articles_not_yet_in_training():
    """models/labeller/annotations_next.jsonl: hand labels kept for the next retrain (read only by
    scripts/evaluate_labels.py --labels, as a test of a labeller that never trained on them), in annotations.jsonl's
    format; never a VietNews test article, none already labelled elsewhere."""
    pending = [json.loads(line) for line in (ROOT / "models" / "labeller" / "annotations_next.jsonl").read_text(encoding="utf-8").splitlines()]
    elsewhere = {json.loads(line)["id"] for name in ("annotations.jsonl", "heldout_labels.jsonl")
                 for line in (ROOT / "models" / "labeller" / name).read_text(encoding="utf-8").splitlines()}
    assert pending and len({r["id"] for r in pending}) == len(pending) and not elsewhere & {r["id"] for r in pending}
    for record in pending:
        assert set(record) == {"id", "sentences"} and "-test-" not in record["id"]
        assert all(start < end and label in {"achievement", "limitation", "directive", "context"}
                   for start, end, label in record["sentences"])


def test_second_labels_are_offsets_of_gold_or_next_articles():
    """models/labeller/second_labels_*.jsonl (scripts/label_agreement.py): offsets and labels only, of articles that
    have first labels (gold ones, or those of annotations_next.jsonl)."""
    following = {json.loads(line)["id"] for line in (ROOT / "models" / "labeller" / "annotations_next.jsonl").read_text(encoding="utf-8").splitlines()}
    for name, ids in (("second_labels_gold.jsonl", None), ("second_labels_next.jsonl", following)):
        records = [json.loads(line) for line in (ROOT / "models" / "labeller" / name).read_text(encoding="utf-8").splitlines()]
        assert records and all(set(r) == {"id", "sentences"} for r in records)
        assert all(r["id"] in ids for r in records) if ids else all(r["id"].startswith("baomoi-") for r in records)
        assert all(start < end and label in {"achievement", "limitation", "directive", "context"}
                   for r in records for start, end, label in r["sentences"])


def test_meeting_annotations_are_offsets_and_a_second_reading_reads_some_of_them_again():
    """models/labeller/meetings.jsonl (the detector's and the meta's hand checks) and second_meetings.jsonl (a
    second reader of 80 of them, scripts/evaluate_meta.py): ids, a verdict, offsets and a reason only; an event or
    a date only for a meeting report; no gold article."""
    first = [json.loads(line) for line in (ROOT / "models" / "labeller" / "meetings.jsonl").read_text(encoding="utf-8").splitlines()]
    second = [json.loads(line) for line in (ROOT / "models" / "labeller" / "second_meetings.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len({r["id"] for r in first}) == len(first) and {r["id"] for r in second} <= {r["id"] for r in first}
    for record in first + second:
        assert set(record) == {"id", "meeting_report", "event", "date", "reason"} and record["reason"]
        for field in ("event", "date"):
            assert record[field] is None or (record["meeting_report"] and 0 <= record[field][0] < record[field][1])
    assert sum(r["meeting_report"] for r in second) not in (0, len(second))
    if (SHARED_DATA / "gold").is_dir():
        from vnsum.gold import load_gold

        assert not {g.id for g in load_gold([SHARED_DATA / "gold"])} & {r["id"] for r in first}


def test_hand_labels_align_with_their_pool_articles_none_of_them_gold():
    pool = SHARED_DATA / "meetings_pool.jsonl.gz"
    if not pool.is_file():
        pytest.skip("../shared/data/meetings_pool.jsonl.gz is not present")
    articles = train_classifier.annotated_articles(pool, train_classifier.ANNOTATIONS)  # raises on a gold article
    assert len(articles) == len(train_classifier.ANNOTATIONS.read_text(encoding="utf-8").splitlines())
    for article in articles:
        assert all(s.text.strip() and s.end <= len(article.text) for s in article.sentences)


def test_a_saved_labeller_keeps_its_name_and_teaching_weighs_by_the_teachers_probability(tmp_path):
    import numpy as np

    from vnsum.labellers.linear import load

    fitted = train_classifier.Fitted(np.zeros((train_classifier.DIMENSIONS, 4), dtype=np.float32),
                                     np.zeros((2, 4, 4)), np.log(np.full(4, 0.25)))
    train_classifier.save(fitted, tmp_path / "distilled.npz", "logreg/6")
    assert load(tmp_path / "distilled.npz").name == "logreg/6"
    pool = tmp_path / "pool.jsonl.gz"
    import gzip

    record = {"id": "x-1", "title": "Hội nghị tổng kết", "lead": "", "body": "Tỉnh đạt kết quả tốt. Còn hạn chế về vốn."}
    with gzip.open(pool, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    content = [s for s in train_classifier.segment(train_classifier.pool_text(record)) if s.is_content]
    probs = np.array([[0.7, 0.05, 0.05, 0.2]] * len(content), dtype=np.float16)
    np.savez(tmp_path / "teachers.npz", ids=np.array(["x-1"]), **{"cv0.rows": np.array([len(content)]), "cv0.probs": probs})
    taught = train_classifier.distilled_examples(pool, tmp_path / "teachers.npz", "cv0", 0.5)
    assert len(taught) == 2 * len(content)  # achievement and context: the others are under DISTILL_FLOOR
    assert sorted({round(w, 2) for _, _, w in taught}) == [0.1, 0.35]
