"""A multinomial logistic regression over hashed sentence features, stored as a plain .npz array.

numpy only (no pickle: `np.load(..., allow_pickle=False)`), so loading a model never runs code.
Training is Adagrad on the softmax loss with L2, small enough for minutes on a laptop CPU.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from vnsum.features import DIMENSIONS
from vnsum.label import LABELS

Features = dict[int, float]


@dataclass(frozen=True)
class Classifier:
    weights: np.ndarray  # shape (DIMENSIONS, len(LABELS)), float32
    name: str = "logreg/2"

    def probabilities(self, features: Features) -> np.ndarray:
        index = np.fromiter(features.keys(), dtype=np.int64, count=len(features))
        values = np.fromiter(features.values(), dtype=np.float32, count=len(features))
        logits = values @ self.weights[index]
        logits = logits - logits.max()
        exp = np.exp(logits)
        return exp / exp.sum()

    def save(self, path: Path) -> None:
        np.savez_compressed(path, weights=self.weights.astype(np.float16), labels=np.array([l.value for l in LABELS]))


def load(path: Path) -> Classifier:
    with np.load(path, allow_pickle=False) as data:
        labels = [str(x) for x in data["labels"]]
        if labels != [l.value for l in LABELS] or data["weights"].shape != (DIMENSIONS, len(LABELS)):
            raise ValueError(f"{path}: not a vnsum labeller for this version")
        return Classifier(weights=data["weights"].astype(np.float32))


def train(
    examples: list[Features],
    targets: list[int],
    sample_weights: list[float] | None = None,
    epochs: int = 8,
    rate: float = 0.3,
    l2: float = 1e-5,
    seed: int = 13,
) -> Classifier:
    """Fit the weights by Adagrad SGD; deterministic for a given seed and data order."""
    weights = np.zeros((DIMENSIONS, len(LABELS)), dtype=np.float32)
    squares = np.full((DIMENSIONS, len(LABELS)), 1e-6, dtype=np.float32)
    packed = [
        (
            np.fromiter(f.keys(), dtype=np.int64, count=len(f)),
            np.fromiter(f.values(), dtype=np.float32, count=len(f)),
            t,
            1.0 if sample_weights is None else sample_weights[k],
        )
        for k, (f, t) in enumerate(zip(examples, targets))
    ]
    order = list(range(len(packed)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for k in order:
            index, values, target, weight = packed[k]
            rows = weights[index]
            logits = values @ rows
            logits -= logits.max()
            probs = np.exp(logits)
            probs /= probs.sum()
            probs[target] -= 1.0
            grad = weight * np.outer(values, probs) + l2 * rows
            squares[index] += grad * grad
            weights[index] = rows - rate * grad / np.sqrt(squares[index])
    return Classifier(weights=weights)
