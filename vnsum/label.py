"""Sentences -> one of achievement / limitation / directive / context, with a confidence.

Two labellers share this module's interface. The learned one (`models/labeller/`: a logistic
regression over features.py, decoded over the whole report by sequence.py; trained by
scripts/train_classifier.py) is used when its file is there; the cue model below is both its
fallback and one of its features. The cue model: weighted cue words (lexicon/cues.py) counted on
the sentence's main clause, with negation ("chưa hoàn thành" reads as a limitation), contrast
("Tuy nhiên, ..." turns to a limitation), subject-less imperatives ("Tiếp tục đẩy mạnh ...") and
paragraph context (a sentence with no cue of its own continues the point of the sentence before it).
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from vnsum.document import Kind, Label, Sentence
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
from vnsum.sequence import viterbi

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
LABELS = (Label.ACHIEVEMENT, Label.LIMITATION, Label.DIRECTIVE, Label.CONTEXT)

NAME = "cue/1"
MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "labeller" / "labeller.npz"
#: Added to context's log-score before decoding: macro F1 is over the three sections, and missing a section
#: sentence costs more than letting a context one in. 4-fold CV, gold / hand-labelled articles:
#: 0: 0.758 / 0.751, -0.3: 0.754 / 0.756, -0.6: 0.759 / 0.758, -0.9: 0.755 / 0.756.
CONTEXT_BIAS = -0.6


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


def label_sentences(sentences: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
    """Label every sentence with the shipped learned model, or the cue model where it is absent."""
    model = learned_model()
    return label_learned(sentences, model) if model is not None else label_with_cues(sentences)


def labeller_name() -> str:
    model = learned_model()
    return model.name if model is not None else NAME


@lru_cache(maxsize=1)
def learned_model():  # -> Classifier | None
    if os.environ.get("VNSUM_LABELLER") == "cue" or not MODEL_PATH.exists():
        return None
    from vnsum.classifier import load

    return load(MODEL_PATH)


def label_learned(sentences: tuple[Sentence, ...], model) -> tuple[Sentence, ...]:
    """Label with a trained classifier, decoded over the whole report; non-content kinds stay context.

    The classifier's probabilities divided by its training prior are the emissions of the sequence model
    (sequence.py), whose transitions say how a report runs from one label to the next. The confidence is the
    classifier's own probability of the label chosen.
    """
    from vnsum.features import sentence_features

    content = [k for k, sentence in enumerate(sentences) if sentence.is_content]
    features = sentence_features(sentences)
    own = [model.probabilities(features[k]) for k in content]
    bias = [0.0] * (len(LABELS) - 1) + [CONTEXT_BIAS]
    emissions = [[math.log(max(p, 1e-12)) - q + b for p, q, b in zip(probs, model.prior, bias)] for probs in own]
    same_paragraph = [t > 0 and sentences[k].paragraph == sentences[content[t - 1]].paragraph for t, k in enumerate(content)]
    chosen = dict(zip(content, zip(viterbi(emissions, same_paragraph, model.transitions), own)))
    out = []
    for k, sentence in enumerate(sentences):
        if k in chosen:
            best, probs = chosen[k]
            out.append(sentence.labelled(LABELS[best], round(probs[best], 4)))
        else:
            out.append(sentence.labelled(Label.CONTEXT, 1.0))
    return tuple(out)


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
