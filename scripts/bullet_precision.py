"""Bullet precision of the default brief in cross-validation (issue 18): of the bullets a brief prints under a
section, the share whose source sentence a person labelled with that section.

Each article is labelled as `scripts/train_labeller.py score` labels it: the out-of-fold probabilities of the
encoder that never saw it (build/labeller-enc/cv*, hcv*: `make train-labeller`), combined with the linear model
refitted without it and decoded with its fold's sequence model, at the shipped weight and bias
(models/labeller-e5/vnsum.json). The brief is then made from those labels exactly as `vnsum brief --model none`
makes it (selection, trimming, the meeting-report decision), and each bullet is checked against the gold label of
its first source sentence as `vnsum eval` checks it (vnsum.evaluate.bullet_placements). Gold 4-fold and the
hand-labelled articles' 4-fold cross-validations, as in the card.

    python scripts/bullet_precision.py
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from train_classifier import outlet  # noqa: E402
from train_labeller import out_of_fold  # noqa: E402
from vnsum.document import SECTIONS  # noqa: E402
from vnsum.evaluate import bullet_placements  # noqa: E402
from vnsum.labellers.encoder import combine  # noqa: E402
from vnsum.pipeline import Options, extract  # noqa: E402
from vnsum.read import Article  # noqa: E402
from vnsum.sequence import decode_report  # noqa: E402

SHIPPED = json.loads((ROOT / "models" / "labeller-e5" / "vnsum.json").read_text(encoding="utf-8"))


class Fixed:
    """A labeller that returns labels decided beforehand (the out-of-fold ones)."""

    name = "out-of-fold"

    def __init__(self, labelled) -> None:
        self.labelled = labelled

    def label(self, sentences):
        assert [s.text for s in sentences] == [s.text for s in self.labelled]
        return self.labelled


def precision(on_hand: bool) -> dict:
    hits: dict[str, Counter] = {}
    for article, labelled, encoder, linear, transitions, prior in out_of_fold(on_hand):
        sentences = tuple(example.sentence for example in labelled)
        combined = combine(encoder, linear, SHIPPED["linear_weight"])
        ours = decode_report(sentences, combined, transitions, prior, SHIPPED["context_bias"])
        result = extract(Article(article.id, article.text), Options(labeller=Fixed(ours)))
        for group in ["all"] + ([outlet(article)] if on_hand else []):
            hits.setdefault(group, Counter()).update(bullet_placements(result, article))
    out = {}
    for group, counts in hits.items():
        total = sum(counts.values())
        out[group] = {"bullets": total, "precision": round(sum(n for (_, right), n in counts.items() if right) / total, 3),
                      **{name: round(counts[(name, True)] / max(1, counts[(name, True)] + counts[(name, False)]), 3)
                         for name, _ in SECTIONS}}
    return out


def main() -> int:
    print(json.dumps({"gold": precision(False), "hand_labelled": precision(True)}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
