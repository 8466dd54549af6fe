"""Sentence labellers: each sentence of a report -> achievement / limitation / directive / context.

One interface, one module a labeller:
- `encoder.py` (`enc/4`): e5 fine-tuned on the gold and hand labels; needs torch; the default brief's.
- `linear.py` (`logreg/7`, distilled from the encoder, and `logreg/5`): logistic regression over hashed features;
  pure Python; `--extractive`'s (logreg/7), and the encoder's linear half (logreg/5).
- `cues.py` (`cue/1`): cue-word rules; no model file; the fallback of both.
The learned ones decode a report as a whole with the sequence model (sequence.py). `VNSUM_LABELLER` (`cue`,
`logreg`, `enc`) forces one.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Protocol

from vnsum.document import Label, Sentence


class Labeller(Protocol):
    name: str
    #: whether it can be copied into worker processes (pure Python) or must run where it was loaded
    portable: bool
    #: the least probability of its label a sentence needs to be printed as a bullet, by section, chosen on this
    #: labeller's cross-validation; None: vnsum.select's defaults
    floors: dict[Label, float] | None
    #: the most sentences it labels in one article (None: any number); a longer input is labelled by the
    #: extractive labeller instead, with a warning (vnsum.pipeline)
    max_sentences: int | None

    def label(self, sentences: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
        """The same sentences, each with a label and a confidence (0-1)."""


def default_labeller(extractive: bool = False, threads: int | None = None) -> Labeller:
    """The best labeller shipped: the encoder's unless `extractive` (no torch) or it is absent, then the linear
    model, then the cue rules. `threads`: how many the encoder may use (None: its default)."""
    if os.environ.get("VNSUM_LABELLER") == "cue":
        return _cues()
    if not extractive and _wants_encoder():
        return _encoder(threads)
    return _linear() or _cues()


def labeller_names() -> tuple[str, str]:
    """The names of the default labeller and of the `--extractive` one, without loading either model."""
    import json

    from vnsum.labellers.encoder import MODEL_DIR

    extractive = default_labeller(extractive=True).name
    if _wants_encoder():
        return json.loads((MODEL_DIR / "vnsum.json").read_text(encoding="utf-8"))["name"], extractive
    return extractive, extractive


def _wants_encoder() -> bool:
    """The encoder is shipped and VNSUM_LABELLER does not ask for another labeller."""
    from vnsum.labellers.encoder import MODEL_DIR

    return os.environ.get("VNSUM_LABELLER") in (None, "enc") and (MODEL_DIR / "model.safetensors").is_file()


@lru_cache(maxsize=2)
def _encoder(threads: int | None) -> Labeller:
    from vnsum.labellers.encoder import load

    return load(threads=threads)


@lru_cache(maxsize=1)
def _linear() -> Labeller | None:
    """logreg/7 (distilled from the encoder) where shipped, else logreg/5."""
    from vnsum.labellers.linear import DISTILLED_PATH, MODEL_PATH, LinearLabeller, load

    path = next((p for p in (DISTILLED_PATH, MODEL_PATH) if p.exists()), None)
    return LinearLabeller(load(path)) if path else None


@lru_cache(maxsize=1)
def _cues() -> Labeller:
    from vnsum.labellers.cues import CueLabeller

    return CueLabeller()
