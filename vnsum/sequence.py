"""The most likely labels of a report's sentences taken together, not one sentence at a time.

A report runs in order: a director's speech goes on over several sentences, a "Tuy nhiên" paragraph turns
what follows it into shortcomings, and the tasks come last. A first-order hidden Markov model says so: how
likely each label is to follow each other label, within a paragraph and across a paragraph break, estimated
from the labelled training articles. The sentence classifier supplies the emissions. Plain Python: there are
four labels, and the work grows linearly with the number of sentences (16 sums each).
"""

from __future__ import annotations

import math
import re
from typing import Sequence

from vnsum.document import LABELS, Label, Sentence
from vnsum.lexicon.hard_cases import HARD_CASES

_HARD_CASES = tuple((LABELS.index(Label(label)), re.compile(pattern)) for label, pattern in HARD_CASES)
#: The probability a sentence that the guidelines read one fixed way (lexicon/hard_cases.py) gives that label.
HARD_CASE_PROBABILITY = 0.9


def viterbi(
    emissions: Sequence[Sequence[float]],
    same_paragraph: Sequence[bool],
    transitions: Sequence[Sequence[Sequence[float]]],
) -> list[int]:
    """The label sequence maximising the sum of emission and transition log-scores.

    emissions[t][c] is the log-score of label c for sentence t; same_paragraph[t] (t >= 1) says whether
    sentence t shares a paragraph with sentence t - 1; transitions[s][a][b] is the log-probability of label b
    after label a, across a paragraph break (s = 0) or within a paragraph (s = 1).
    """
    if not emissions:
        return []
    classes = range(len(emissions[0]))
    best = list(emissions[0])
    pointers: list[list[int]] = []
    for t in range(1, len(emissions)):
        step = transitions[int(same_paragraph[t])]
        came_from = [max(classes, key=lambda a: best[a] + step[a][b]) for b in classes]
        best = [best[a] + step[a][b] + emissions[t][b] for b, a in zip(classes, came_from)]
        pointers.append(came_from)
    path = [max(classes, key=best.__getitem__)]
    for came_from in reversed(pointers):
        path.append(came_from[path[-1]])
    path.reverse()
    return path


#: Added to context's log-score before decoding: macro F1 is over the three sections, and missing a section
#: sentence costs more than letting a context one in. logreg/5, 4-fold CV, gold / hand-labelled articles:
#: 0: 0.758 / 0.751, -0.3: 0.754 / 0.756, -0.6: 0.759 / 0.758, -0.9: 0.755 / 0.756.
CONTEXT_BIAS = -0.6


def decode_report(
    sentences: tuple[Sentence, ...],
    probabilities: Sequence[Sequence[float]],
    transitions: Sequence[Sequence[Sequence[float]]],
    prior: Sequence[float],
    context_bias: float = CONTEXT_BIAS,
) -> tuple[Sentence, ...]:
    """Label a report from a classifier's probabilities for its content sentences, in order.

    The probabilities divided by the classifier's training prior (a posterior over a prior is a likelihood, up
    to a constant) are the emissions; captions, bylines and the like stay context and out of the chain. The
    confidence of a label is the classifier's own probability of it, except for the few sentences the guidelines
    read one fixed way (lexicon/hard_cases.py), which take that label with HARD_CASE_PROBABILITY.
    """
    content = [k for k, sentence in enumerate(sentences) if sentence.is_content]
    probabilities = [_hard_case(sentences[k].text) or probs for k, probs in zip(content, probabilities)]
    bias = [0.0] * (len(LABELS) - 1) + [context_bias]
    emissions = [[math.log(max(p, 1e-12)) - q + b for p, q, b in zip(probs, prior, bias)] for probs in probabilities]
    same_paragraph = [t > 0 and sentences[k].paragraph == sentences[content[t - 1]].paragraph for t, k in enumerate(content)]
    chosen = dict(zip(content, zip(viterbi(emissions, same_paragraph, transitions), probabilities)))
    out = []
    for k, sentence in enumerate(sentences):
        if k in chosen:
            best, probs = chosen[k]
            out.append(sentence.labelled(LABELS[best], round(probs[best], 4)))
        else:
            out.append(sentence.labelled(Label.CONTEXT, 1.0))
    return tuple(out)


def _hard_case(text: str) -> list[float] | None:
    """The probabilities of a sentence that the guidelines read one fixed way, else None."""
    lowered = text.lower()
    for index, pattern in _HARD_CASES:
        if pattern.search(lowered):
            rest = (1 - HARD_CASE_PROBABILITY) / (len(LABELS) - 1)
            return [HARD_CASE_PROBABILITY if k == index else rest for k in range(len(LABELS))]
    return None
