"""A multinomial logistic regression over hashed sentence features, and the label transitions of a report.

The model ships as `labeller.npz` (float32 arrays, the weights holding float16-rounded values, no pickle):
`weights` of the classifier, `transitions` and `prior` (log-probabilities) of the sequence model that
sequence.py decodes with. Reading it needs only zipfile and the .npy header, and scoring a sentence is a
hundred or so lookups, so labelling does not import numpy: that import alone cost 75 ms of every
`vnsum brief` (bench/RESULTS.md). Training lives in scripts/train_classifier.py, which uses numpy.
"""

from __future__ import annotations

import ast
import math
import sys
import zipfile
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from vnsum.features import DIMENSIONS
from vnsum.label import LABELS

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


def load(path: Path) -> Classifier:
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
    rows = [tuple(transitions[k : k + _CLASSES]) for k in range(0, len(transitions), _CLASSES)]
    return Classifier(
        weights=weights,
        transitions=(tuple(rows[:_CLASSES]), tuple(rows[_CLASSES:])),
        prior=tuple(prior),
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
