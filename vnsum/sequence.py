"""The most likely labels of a report's sentences taken together, not one sentence at a time.

A report runs in order: a director's speech goes on over several sentences, a "Tuy nhiên" paragraph turns
what follows it into shortcomings, and the tasks come last. A first-order hidden Markov model says so: how
likely each label is to follow each other label, within a paragraph and across a paragraph break, estimated
from the labelled training articles. The sentence classifier supplies the emissions. Plain Python: there are
four labels, and the work grows linearly with the number of sentences (16 sums each).
"""

from __future__ import annotations

from typing import Sequence


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

