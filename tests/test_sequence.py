"""The sequence decoder on hand-made cases whose best path can be worked out by hand."""

import math

import pytest

from vnsum.sequence import viterbi

LOG = math.log
#: Two labels. Within a paragraph a label tends to continue (0.9); across a break either may follow (0.5).
TRANSITIONS = (
    ((LOG(0.5), LOG(0.5)), (LOG(0.5), LOG(0.5))),
    ((LOG(0.9), LOG(0.1)), (LOG(0.1), LOG(0.9))),
)


def test_no_sentences_no_labels():
    assert viterbi([], [], TRANSITIONS) == []


def test_one_sentence_takes_its_best_emission():
    assert viterbi([[LOG(0.3), LOG(0.7)]], [False], TRANSITIONS) == [1]


def test_a_weak_sentence_follows_its_paragraph():
    # The middle sentence leans to label 1 (0.6 vs 0.4), but both neighbours in its paragraph are sure of 0:
    # 0-0-0 scores 0.9 * 0.9 * 0.4 = 0.324 against 0.1 * 0.1 * 0.6 = 0.006 for 0-1-0.
    emissions = [[LOG(0.95), LOG(0.05)], [LOG(0.4), LOG(0.6)], [LOG(0.95), LOG(0.05)]]
    assert viterbi(emissions, [False, True, True], TRANSITIONS) == [0, 0, 0]


def test_a_paragraph_break_frees_the_next_sentence():
    # Across breaks the transitions are flat, so each sentence keeps its own best label.
    emissions = [[LOG(0.95), LOG(0.05)], [LOG(0.4), LOG(0.6)], [LOG(0.95), LOG(0.05)]]
    assert viterbi(emissions, [False, False, False], TRANSITIONS) == [0, 1, 0]


def test_strong_evidence_overrides_the_paragraph():
    emissions = [[LOG(0.95), LOG(0.05)], [LOG(0.001), LOG(0.999)], [LOG(0.95), LOG(0.05)]]
    assert viterbi(emissions, [False, True, True], TRANSITIONS) == [0, 1, 0]


@pytest.mark.parametrize("length", [2, 5])
def test_path_is_the_exhaustive_best(length):
    """Against brute force over every path, on an uneven three-label case."""
    import itertools
    import random

    rng = random.Random(length)
    emissions = [[LOG(rng.uniform(0.05, 1)) for _ in range(3)] for _ in range(length)]
    same = [False] + [rng.random() < 0.5 for _ in range(length - 1)]
    transitions = tuple(tuple(tuple(LOG(rng.uniform(0.05, 1)) for _ in range(3)) for _ in range(3)) for _ in range(2))

    def total(path):
        return sum(emissions[t][c] for t, c in enumerate(path)) + sum(
            transitions[int(same[t])][path[t - 1]][path[t]] for t in range(1, length)
        )

    best = max(itertools.product(range(3), repeat=length), key=total)
    assert viterbi(emissions, same, transitions) == list(best)


SEED_LIMITATION = ("Tuy nhiên, bên cạnh những kết quả tích cực đã đạt được, công tác thông tin đối ngoại còn một số hạn "
                   "chế cần nhanh chóng khắc phục trong thời gian tới như nâng cao hơn nữa hiệu quả đấu tranh.")


def test_a_sentence_the_guidelines_read_one_way_takes_that_label_whatever_the_model_says():
    from vnsum.document import LABELS, Label
    from vnsum.segment import segment
    from vnsum.sequence import HARD_CASE_PROBABILITY, decode_report

    sentences = segment("Hội nghị sơ kết.\n\n" + SEED_LIMITATION + "\n\nĐề nghị các bộ tăng cường phối hợp trong thời gian tới.")
    content = [s for s in sentences if s.is_content]
    directive = [0.01, 0.02, 0.95, 0.02]  # what the trained models say of the seed's sentence
    flat = [[0.0] * 4 for _ in range(4)]
    labelled = decode_report(sentences, [directive] * len(content), (flat, flat), [math.log(0.25)] * 4, 0.0)
    by_text = {s.text: s for s in labelled}
    assert by_text[SEED_LIMITATION].label is Label.LIMITATION
    assert by_text[SEED_LIMITATION].confidence == HARD_CASE_PROBABILITY
    assert by_text["Đề nghị các bộ tăng cường phối hợp trong thời gian tới."].label is LABELS[2]


def test_no_hand_label_contradicts_a_hard_case():
    """Every hand-labelled sentence a row of lexicon/hard_cases.py matches is labelled with that row's label or is
    context (where a reader saw no section at all): the table holds only readings the labels agree with."""
    import re
    import sys

    from conftest import ROOT, SHARED_DATA

    from vnsum.gold import load_gold
    from vnsum.lexicon.hard_cases import HARD_CASES

    if not (SHARED_DATA / "meetings_pool.jsonl.gz").is_file():
        pytest.skip("../shared/data is not present")
    sys.path.insert(0, str(ROOT / "scripts"))
    from train_classifier import annotated_articles

    articles = load_gold([SHARED_DATA / "gold"])
    for name in ("annotations.jsonl", "heldout_labels.jsonl", "annotations_next.jsonl"):
        articles += annotated_articles(SHARED_DATA / "meetings_pool.jsonl.gz", ROOT / "models" / "labeller" / name)
    matched = 0
    for label, pattern in HARD_CASES:
        compiled = re.compile(pattern)
        for article in articles:
            for sentence in article.sentences:
                if compiled.search(sentence.text.lower()):
                    matched += 1
                    assert sentence.label.value in (label, "context"), (article.id, sentence.text)
    assert matched >= 2
