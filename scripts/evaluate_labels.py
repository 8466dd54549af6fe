"""Section-label scores of the shipped labellers on articles no labeller was trained on.

models/labeller/heldout_labels.jsonl holds hand labels (offsets and labels, no text) of VietNews test-split articles
from the meetings pool, labelled to ../shared/data/GUIDELINES.md after the shipped labellers were trained. No
training script reads it (training never takes a VietNews test article), so its scores are out of sample by
construction, unlike the cross-validations of the model cards, whose settings were chosen on the same folds.
Besides the label scores, each labeller's bullet precision: of the bullets its extractive brief prints (every
article briefed, as `--force` does), the share whose source sentence the hand labels put in that section.

    python scripts/evaluate_labels.py [--data ../shared/data] [--labels models/labeller/annotations_next.jsonl]

`--labels` scores another hand-labelled set instead, such as annotations_next.jsonl (labelled for the next retrain,
so out of sample for the labellers shipped until then).
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
from vnsum.evaluate import bullet_placements, bullet_summary, label_pairs, label_scores  # noqa: E402
from vnsum.labellers import default_labeller, labeller_names  # noqa: E402
from vnsum.pipeline import Options, extract  # noqa: E402
from vnsum.read import Article  # noqa: E402

HELDOUT = ROOT / "models" / "labeller" / "heldout_labels.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--labels", type=Path, default=HELDOUT, help="hand labels to score against (default: the held-out set)")
    args = parser.parse_args()
    articles = annotated_articles(args.data / "meetings_pool.jsonl.gz", args.labels)
    scores = {}
    for name, labeller in zip(labeller_names(), (default_labeller(), default_labeller(extractive=True))):
        confusion: Counter = Counter()
        placed: Counter = Counter()
        for article in articles:
            result = extract(Article(article.id, article.text), Options(labeller=labeller, force=True))
            confusion.update(label_pairs(article, result.sentences))
            placed.update(bullet_placements(result, article))
        scores[name] = {**label_scores(confusion), "bullets": bullet_summary(placed)}
    print(json.dumps({"articles": len(articles), "sentences": sum(len(a.sentences) for a in articles), "scores": scores},
                     indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
