"""The linear labeller (`logreg/5`, and `logreg/7` taught by the encoder too): a logistic regression over hashed
sentence features, decoded over the report by the sequence model (sequence.py). Pure Python, so `vnsum brief
--extractive` never imports torch.

Features: syllable unigrams and bigrams of the main clause, its first syllables (an imperative or a "Tuy nhiên"
opens the sentence), the cue model's scores, and the neighbours' cue labels (a director's speech runs over
several sentences). Hashing keeps the model a fixed, small array.

The model ships as `models/labeller/labeller.npz` (float32 arrays, the weights holding float16-rounded values,
no pickle): `weights` of the classifier, `transitions` and `prior` (log-probabilities) of the sequence model.
Reading it needs only zipfile and the .npy header, and scoring a sentence is a hundred or so lookups, so
labelling does not import numpy: that import alone cost 75 ms of every `vnsum brief` (bench/RESULTS.md).
Training lives in scripts/train_classifier.py, which uses numpy.
"""

from __future__ import annotations

import ast
import math
import re
import sys
import zipfile
import zlib
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from vnsum.document import LABELS, Label, Sentence
from vnsum.labellers.cues import score
from vnsum.sequence import decode_report

MODEL_PATH = Path(__file__).resolve().parents[2] / "models" / "labeller" / "labeller.npz"
#: `logreg/7`: the same model taught also by the encoder's labels of 1,000 pool articles (MODEL_CARD.md); the
#: labeller of `--extractive`. logreg/5 (MODEL_PATH) stays the linear half of the encoder labeller, whose weights
#: were tuned beside it.
DISTILLED_PATH = MODEL_PATH.with_name("distilled.npz")
DIMENSIONS = 1 << 17
_TOKEN = re.compile(r"\w+|%")
_DIGIT = re.compile(r"\d")
_OPENING_TURN = re.compile(r"(?:tuy nhiên|bên cạnh (?:đó|những kết quả)|song|nhưng|mặt khác|hạn chế|tồn tại)")
_TURN = re.compile(r"(?<!\w)(?:nhưng|song|tuy nhiên)(?!\w)")
#: Only the start of a long sentence carries its main clause; the tail is detail.
MAX_TOKENS = 40

Features = dict[int, float]
_CLASSES = len(LABELS)


@dataclass(frozen=True)
class Classifier:
    """`weights` is the (DIMENSIONS, classes) matrix flattened row by row: any sequence of floats.

    `transitions[s][a][b]` is the log-probability that label b follows label a across a paragraph break (s = 0)
    or within a paragraph (s = 1); `prior[c]` the log-probability of label c in the training sentences.
    """

    weights: Sequence[float]
    transitions: tuple[tuple[tuple[float, ...], ...], ...]
    prior: tuple[float, ...]
    name: str = "logreg/5"

    def probabilities(self, features: Features) -> list[float]:
        logits = [0.0] * _CLASSES
        w = self.weights
        for index, value in features.items():
            row = index * _CLASSES
            for c in range(_CLASSES):
                logits[c] += value * w[row + c]
        top = max(logits)
        exp = [math.exp(x - top) for x in logits]
        total = sum(exp)
        return [x / total for x in exp]


class LinearLabeller:
    """The labeller interface (vnsum.labellers.Labeller) over a Classifier."""

    portable = True
    floors = None
    max_sentences = None

    def __init__(self, model: Classifier) -> None:
        self.model = model
        self.name = model.name

    def label(self, sentences: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
        features = sentence_features(sentences)
        probabilities = [self.model.probabilities(features[k]) for k, s in enumerate(sentences) if s.is_content]
        return decode_report(sentences, probabilities, self.model.transitions, self.model.prior)


def _hash(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & (DIMENSIONS - 1)


def sentence_features(sentences: tuple[Sentence, ...]) -> list[dict[int, float]]:
    """Features for every sentence of one article, in order."""
    cue = [score(s.text) for s in sentences]
    cue_labels = [c.best()[0] for c in cue]
    all_tokens = [_TOKEN.findall(s.text.lower()) for s in sentences]  # each sentence tokenised once
    paragraph_heads: dict[int, list[str]] = {}
    for sentence, sentence_tokens in zip(sentences, all_tokens):
        paragraph_heads.setdefault(sentence.paragraph, sentence_tokens[:2])
    since_turn = _since_turn(sentences, cue_labels)
    out = []
    for k, sentence in enumerate(sentences):
        names: dict[str, float] = {}
        tokens = all_tokens[k][:MAX_TOKENS]
        turn = _TURN.split(sentence.text.lower())
        # "Tuy còn khó khăn ..., nhưng ... đã đạt": the clause after the turn is the sentence's point.
        after_turn = _TOKEN.findall(turn[-1])[:MAX_TOKENS] if len(turn) > 1 else []
        for t in tokens:
            names[f"u:{t}"] = 1.0
        for a, b in zip(tokens, tokens[1:]):
            names[f"b:{a}_{b}"] = 1.0
        for n in (1, 2, 3):
            if len(tokens) >= n:
                names["p:" + "_".join(tokens[:n])] = 1.0
        for label in LABELS:
            value = cue[k].of(label)
            names[f"cue:{label.value}"] = max(min(value, 10.0), -5.0) / 5.0
        names[f"cuebest:{cue_labels[k].value}"] = 1.0
        names[f"kind:{sentence.kind.value}"] = 1.0
        same_paragraph_prev = k > 0 and sentences[k - 1].paragraph == sentence.paragraph
        names[f"prev:{cue_labels[k - 1].value if k > 0 else 'none'}:{int(same_paragraph_prev)}"] = 1.0
        names[f"next:{cue_labels[k + 1].value if k + 1 < len(sentences) else 'none'}"] = 1.0
        names[f"pos:{min(k, 5)}"] = 1.0
        # Reports run in order: results first, then shortcomings, then the chair's tasks.
        names[f"relpos:{min(9, 10 * k // max(1, len(sentences)))}"] = 1.0
        names[f"since:{since_turn[k]}"] = 1.0
        names["ph:" + "_".join(paragraph_heads[sentence.paragraph])] = 1.0
        if k > 0:
            names["pp:" + "_".join(all_tokens[k - 1][:2])] = 1.0
        names[f"len:{min(len(tokens) // 8, 5)}"] = 1.0
        if _DIGIT.search(sentence.text):
            names["digit"] = 1.0
        for t in after_turn:
            names[f"t:{t}"] = 1.0
        names["bias"] = 1.0
        features: dict[int, float] = {}
        for name, value in names.items():
            index = _hash(name)
            features[index] = features.get(index, 0.0) + value
        out.append(features)
    return out


def _since_turn(sentences: tuple[Sentence, ...], cue_labels: list[Label]) -> list[str]:
    """Where each sentence stands in the report's arc: after a "Tuy nhiên" turn, after the tasks began."""
    state, out = "start", []
    for sentence, cue_label in zip(sentences, cue_labels):
        out.append(state)
        head = sentence.text.lower()[:30]
        if _OPENING_TURN.match(head):
            state = "turned"
        elif cue_label is Label.DIRECTIVE and state != "start":
            state = "tasks"
    return out


def load(path: Path = MODEL_PATH) -> Classifier:
    """Read the little-endian float32 arrays of an .npz (np.savez layout) without numpy or pickle."""
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        if not {"weights.npy", "transitions.npy", "prior.npy", "labels.npy"} <= names:
            raise ValueError(f"{path}: not a vnsum labeller for this version")
        labels_header, labels_data = _npy(archive.read("labels.npy"))
        width = int(labels_header["descr"][2:])  # "<U11": fixed-width UTF-32 strings
        labels = [labels_data[k * 4 * width : (k + 1) * 4 * width].decode("utf-32-le").rstrip("\0") for k in range(_CLASSES)]
        if labels != [label.value for label in LABELS]:
            raise ValueError(f"{path}: labels {labels} do not match this version")
        weights = _floats(archive, "weights.npy", (DIMENSIONS, _CLASSES), path)
        transitions = _floats(archive, "transitions.npy", (2, _CLASSES, _CLASSES), path)
        prior = _floats(archive, "prior.npy", (_CLASSES,), path)
        name = "logreg/5"  # files without a name.npy predate logreg/6
        if "name.npy" in names:
            _, data = _npy(archive.read("name.npy"))
            name = data.decode("utf-32-le").rstrip("\0")
    rows = [tuple(transitions[k : k + _CLASSES]) for k in range(0, len(transitions), _CLASSES)]
    return Classifier(
        weights=weights,
        transitions=(tuple(rows[:_CLASSES]), tuple(rows[_CLASSES:])),
        prior=tuple(prior),
        name=name,
    )


def _floats(archive: zipfile.ZipFile, name: str, shape: tuple[int, ...], path: Path) -> array:
    """One float32 array of the archive, flattened, after checking its type and shape."""
    header, data = _npy(archive.read(name))
    if header["descr"] != "<f4" or header["fortran_order"] or tuple(header["shape"]) != shape:
        raise ValueError(f"{path}: not a vnsum labeller for this version")
    values = array("f")
    values.frombytes(data)
    if sys.byteorder == "big":
        values.byteswap()
    return values


def _npy(raw: bytes) -> tuple[dict, bytes]:
    """Split an .npy file (format 1.0 or 2.0) into its header dict (a Python literal) and data bytes."""
    if raw[:6] != b"\x93NUMPY":
        raise ValueError("not an .npy array")
    major = raw[6]
    size_bytes = 2 if major == 1 else 4
    length = int.from_bytes(raw[8 : 8 + size_bytes], "little")
    start = 8 + size_bytes
    header = ast.literal_eval(raw[start : start + length].decode("latin-1"))
    return header, raw[start + length :]
