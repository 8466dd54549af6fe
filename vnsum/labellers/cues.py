"""The cue labeller (`cue/1`): rules over cue words, needing no model file.

Weighted cue words (lexicon/cues.py) counted on the sentence's main clause, with negation ("chưa hoàn
thành" reads as a limitation), contrast ("Tuy nhiên, ..." turns to a limitation), subject-less imperatives
("Tiếp tục đẩy mạnh ...") and paragraph context (a sentence with no cue of its own continues the point of
the sentence before it). It is the fallback of the learned labellers and one of the linear model's features.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from vnsum.document import LABELS, Kind, Label, Sentence
from vnsum.lexicon.cues import (
    CONNECTIVES,
    CONTRAST,
    CUES,
    DATELINE_OPENER,
    IMPERATIVE_VERBS,
    NEGATABLE,
    NEGATORS,
    SUBORDINATE_OPENERS,
)

_B = r"(?<!\w)"
_E = r"(?!\w)"
_CUE_RE = re.compile("|".join(f"{_B}(?P<c{k}>{pattern}){_E}" for k, (_, _, pattern) in enumerate(CUES)))
_CONNECTIVES_RE = re.compile(rf"^(?:{CONNECTIVES})+")
_SUBORDINATE_RE = re.compile(rf"^(?:{SUBORDINATE_OPENERS}){_E}(?! nhiên)[^,;:]{{0,240}},\s*")
_IMPERATIVE_RE = re.compile(rf"^(?:{IMPERATIVE_VERBS}){_E}")
_NEGATED_RE = re.compile(rf"{_B}(?:{NEGATORS})\s+(?:\w+\s+){{0,2}}?(?:{NEGATABLE}){_E}")
_CONTRAST_RE = re.compile(rf"^(?:{CONTRAST})")
_DATELINE_RE = re.compile(rf"^{DATELINE_OPENER}")
_LEADING_NOISE = re.compile(r"^[\s\"“‘«(\[•\-–—]+")

#: Score every sentence starts with for context: another label must beat it to claim the sentence.
CONTEXT_PRIOR = 2.0
#: How much a cue at the end of the main clause counts, relative to one at its start.
LATE_CUE_WEIGHT = 0.6
#: A sentence whose best cue score is below this takes the label of the sentence before it.
WEAK_EVIDENCE = 1.6
NAME = "cue/1"


@dataclass(frozen=True)
class Scores:
    achievement: float = 0.0
    limitation: float = 0.0
    directive: float = 0.0
    context: float = CONTEXT_PRIOR

    def of(self, label: Label) -> float:
        return getattr(self, label.value)

    def best(self) -> tuple[Label, float]:
        values = [self.of(label) for label in LABELS]
        top = max(range(len(LABELS)), key=lambda k: values[k])
        exps = [math.exp(v - values[top]) for v in values]
        return LABELS[top], exps[top] / sum(exps)


class CueLabeller:
    """The labeller interface (vnsum.labellers.Labeller) over label_with_cues."""

    name = NAME
    portable = True
    floors = None
    max_sentences = None

    def label(self, sentences: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
        return label_with_cues(sentences)


def label_with_cues(sentences: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
    """Label every sentence; captions, bylines, source lines and trailers are context by definition."""
    out: list[Sentence] = []
    previous: Sentence | None = None
    for sentence in sentences:
        if not sentence.is_content:
            out.append(sentence.labelled(Label.CONTEXT, 1.0))
            continue
        scores = score(sentence.text)
        label, confidence = scores.best()
        strongest = max(scores.achievement, scores.limitation, scores.directive)
        if (
            previous is not None
            and sentence.kind is Kind.BODY
            and previous.paragraph == sentence.paragraph
            and previous.label is not Label.CONTEXT
            and strongest < WEAK_EVIDENCE
        ):
            label, confidence = previous.label, previous.confidence * 0.8
        labelled = sentence.labelled(label, confidence)
        out.append(labelled)
        previous = labelled
    return tuple(out)


def score(text: str) -> Scores:
    """Cue scores for one sentence, computed on its main clause."""
    low = _LEADING_NOISE.sub("", text.lower())
    totals = {label: 0.0 for label in LABELS}
    totals[Label.CONTEXT] = CONTEXT_PRIOR
    if _DATELINE_RE.match(low):
        totals[Label.CONTEXT] += 2.0
    contrast = _CONTRAST_RE.match(low)
    if contrast:
        low = low[contrast.end() :]
        totals[Label.LIMITATION] += 2.0
    low = _CONNECTIVES_RE.sub("", low)
    low = _SUBORDINATE_RE.sub("", low, count=1)
    if _IMPERATIVE_RE.match(low):
        totals[Label.DIRECTIVE] += 4.0
    length = max(len(low), 1)
    for match in _CUE_RE.finditer(low):
        label_name, weight, _ = CUES[int(match.lastgroup[1:])]
        position = match.start() / length
        totals[Label(label_name)] += weight * (1.0 - (1.0 - LATE_CUE_WEIGHT) * position)
    negated = len(_NEGATED_RE.findall(low))
    if negated:
        totals[Label.LIMITATION] += 2.0 * negated
        totals[Label.ACHIEVEMENT] -= 2.0 * negated
    return Scores(
        achievement=totals[Label.ACHIEVEMENT],
        limitation=totals[Label.LIMITATION],
        directive=totals[Label.DIRECTIVE],
        context=totals[Label.CONTEXT],
    )
