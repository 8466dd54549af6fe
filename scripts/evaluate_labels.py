"""Section-label scores of the shipped labellers on articles no labeller was trained on.

models/labeller/heldout_labels.jsonl holds hand labels (offsets and labels, no text) of VietNews test-split articles
from the meetings pool, labelled to ../shared/data/GUIDELINES.md after the shipped labellers were trained. No
training script reads it (training never takes a VietNews test article), so its scores are out of sample by
construction, unlike the cross-validations of the model cards, whose settings were chosen on the same folds.

    python scripts/evaluate_labels.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from train_classifier import annotated_articles  # noqa: E402
from vnsum.evaluate import label_pairs, label_scores  # noqa: E402
from vnsum.labellers import default_labeller, labeller_names  # noqa: E402
from vnsum.segment import segment  # noqa: E402

HELDOUT = ROOT / "models" / "labeller" / "heldout_labels.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    articles = annotated_articles(args.data / "meetings_pool.jsonl.gz", HELDOUT)
    scores = {}
    for name, labeller in zip(labeller_names(), (default_labeller(), default_labeller(extractive=True))):
        confusion: Counter = Counter()
        for article in articles:
            confusion.update(label_pairs(article, labeller.label(segment(article.text))))
        scores[name] = label_scores(confusion)
    print(json.dumps({"articles": len(articles), "sentences": sum(len(a.sentences) for a in articles), "scores": scores},
                     indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
