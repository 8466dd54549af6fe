import json
from collections import Counter

import pytest

from vnsum.document import Bullet, Brief, Kind, Label, Meta, Person, Sentence
from vnsum.evaluate import label_scores, meta_matches, rouge, unfaithful_items
from vnsum.gold import GoldSentence, align, load_gold
from vnsum.labellers import default_labeller
from vnsum.labellers.linear import MODEL_PATH, load, sentence_features
from vnsum.segment import segment


def test_aligner_handles_different_segmentations():
    text = "Câu một. Câu hai dài hơn. Câu ba."
    gold = [GoldSentence(0, 8, "Câu một.", Label.CONTEXT), GoldSentence(9, 33, text[9:33], Label.ACHIEVEMENT)]
    ours = segment(text)
    assert [s.text for s in ours] == ["Câu một.", "Câu hai dài hơn.", "Câu ba."]
    # gold sentence 2 spans two of ours: it goes to the one it overlaps most
    assert align(gold, ours) == [0, 1]
    # and the other way round: each of ours finds its gold sentence
    assert align(ours, gold) == [0, 1, 1]
    assert align([GoldSentence(40, 50, "", Label.CONTEXT)], ours) == [None]


def test_label_scores_on_known_counts():
    confusion = Counter({("achievement", "achievement"): 3, ("achievement", "context"): 1, ("context", "achievement"): 1,
                         ("limitation", "limitation"): 2, ("directive", "limitation"): 2})
    scores = label_scores(confusion)
    assert scores["achievement"] == {"precision": 0.75, "recall": 0.75, "f1": 0.75, "support": 4}
    assert scores["limitation"]["precision"] == 0.5 and scores["limitation"]["recall"] == 1.0
    assert scores["directive"]["f1"] == 0.0
    assert scores["macro_f1"] == round((0.75 + 2 / 3 + 0) / 3, 4)
    assert scores["accuracy"] == round(5 / 9, 4)


def test_rouge_on_hand_made_cases():
    assert rouge("a b c", "a b c") == {"rouge1": 1.0, "rouge2": 1.0, "rougeL": 1.0}
    assert rouge("", "a b") == {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}
    scores = rouge("Tăng trưởng đạt 7%", "tăng trưởng kinh tế đạt 7%")
    # candidate syllables: tăng trưởng đạt 7 (4); reference: tăng trưởng kinh tế đạt 7 (6)
    assert scores["rouge1"] == pytest.approx(2 * (4 / 4) * (4 / 6) / (4 / 4 + 4 / 6))
    assert scores["rouge2"] == pytest.approx(2 * (2 / 3) * (2 / 5) / (2 / 3 + 2 / 5))
    assert scores["rougeL"] == pytest.approx(scores["rouge1"])


def _brief(bullet: str, meta: Meta = Meta()) -> Brief:
    sentence = Sentence(0, 0, len(bullet), bullet, 0, Kind.BODY, Label.ACHIEVEMENT, 0.9)
    return Brief("x", meta, {"achievements": (Bullet(bullet, (0,)),), "limitations": (), "directives": ()}, (sentence,))


def test_unfaithful_numbers_and_names():
    article = "Ông Nguyễn Văn An cho biết năm 2016 xuất khẩu đạt 3,1 tỉ USD."
    assert unfaithful_items(_brief("Xuất khẩu đạt 3,1 tỉ USD năm 2016.", ), article) == []
    found = unfaithful_items(_brief("Ông Trần Văn Bình nói xuất khẩu đạt 4,5 tỉ USD."), article)
    assert {f["item"] for f in found} == {"Ông Trần Văn Bình", "4,5"}


def test_meta_matching_is_normalised():
    meta = Meta(event="Hội nghị phát triển ngành tôm VN", date="Ngày 6.2", chair=(Person("Nguyễn Xuân Phúc", "Thủ tướng"),))
    gold = {"event": "hội nghị phát triển ngành tôm VN", "date": "6.2", "chair": ["Nguyễn Xuân Phúc, Thủ tướng Chính phủ"]}
    assert meta_matches(meta, gold) == {"event": True, "date": True, "chair": True}
    gold = {"event": "Kỳ họp thứ 3 Quốc hội", "date": "7/2", "chair": ["Lê Văn Cường, Bộ trưởng"]}
    assert meta_matches(meta, gold) == {"event": False, "date": False, "chair": False}


def test_shipped_classifier_loads_and_labels(seed_text):
    assert MODEL_PATH.exists()
    labeller = default_labeller(extractive=True)
    assert labeller.name == "logreg/7"  # distilled from the encoder (models/labeller/MODEL_CARD.md)
    labels = {s.text: s.label for s in labeller.label(segment(seed_text))}
    assert labels["(Ảnh: Phương Hoa/TTXVN)"] is Label.CONTEXT
    assert sum(label is Label.DIRECTIVE for label in labels.values()) >= 3


def test_eval_command_on_gold(gold_dir, tmp_path):
    import subprocess
    import sys

    from conftest import ROOT

    picked = sorted(gold_dir.glob("*.json"))[:3]
    for path in picked:
        (tmp_path / path.name).write_bytes(path.read_bytes())
    result = subprocess.run([sys.executable, "-m", "vnsum", "eval", str(tmp_path), "--json"], capture_output=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["articles"] == 3
    assert set(doc["labels"]) >= {"achievement", "limitation", "directive", "macro_f1", "accuracy"}
    assert sum(sum(row.values()) for row in doc["confusion"].values()) == sum(len(a.sentences) for a in load_gold([tmp_path]))
    assert doc["unfaithful"] == []


def test_plain_python_classifier_matches_numpy(seed_text):
    """The shipped npz read without numpy holds and scores exactly what numpy reads."""
    np = pytest.importorskip("numpy")
    model = load(MODEL_PATH)
    with np.load(MODEL_PATH, allow_pickle=False) as data:
        weights = data["weights"].astype(np.float32)
        assert np.array_equal(np.asarray(model.transitions, dtype=np.float32), data["transitions"])
        assert np.array_equal(np.asarray(model.prior, dtype=np.float32), data["prior"])
    for features in sentence_features(segment(seed_text)):
        index = np.fromiter(features.keys(), dtype=np.int64)
        logits = np.fromiter(features.values(), dtype=np.float32) @ weights[index]
        expected = np.exp(logits - logits.max())
        assert np.allclose(model.probabilities(features), expected / expected.sum(), atol=1e-5)


def test_a_labeller_file_of_another_version_is_refused(tmp_path):
    """A file without the sequence model (logreg/4 and before) fails to load with a message, not a KeyError."""
    np = pytest.importorskip("numpy")
    old = tmp_path / "labeller.npz"
    with np.load(MODEL_PATH, allow_pickle=False) as data:
        np.savez(old, weights=data["weights"], labels=data["labels"])
    with pytest.raises(ValueError, match="not a vnsum labeller for this version"):
        load(old)


class _FromGold:
    """A labeller that gives each sentence the gold label of the gold sentence it overlaps, shifted by `shift`
    sections (1: achievement -> limitation -> directive -> achievement)."""

    name = "from-gold"
    floors = None
    max_sentences = None

    def __init__(self, article, shift: int = 0) -> None:
        self.article, self.shift = article, shift

    def label(self, sentences):
        sections = [Label.ACHIEVEMENT, Label.LIMITATION, Label.DIRECTIVE]
        back = align(sentences, self.article.sentences)
        out = []
        for sentence, g in zip(sentences, back):
            label = self.article.sentences[g].label if g is not None and sentence.is_content else Label.CONTEXT
            if label in sections:
                label = sections[(sections.index(label) + self.shift) % 3]
            out.append(sentence.labelled(label, 1.0))
        return tuple(out)


def test_bullet_precision_counts_bullets_under_their_source_sentences_label(gold_dir):
    from vnsum.evaluate import evaluate
    from vnsum.pipeline import Options

    article = next(a for a in load_gold([gold_dir]) if a.is_meeting_report)
    right = evaluate([article], Options(labeller=_FromGold(article))).bullets
    wrong = evaluate([article], Options(labeller=_FromGold(article, shift=1))).bullets
    assert right["total"] > 0 and wrong["total"] > 0
    assert right["precision"] == 1.0 and wrong["precision"] == 0.0
