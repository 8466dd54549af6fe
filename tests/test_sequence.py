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
