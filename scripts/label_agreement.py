"""How far two readers of GUIDELINES.md agree: a second, independent labelling of some articles against their
first labels, scored as a labeller is scored (vnsum.evaluate.label_pairs: macro F1 over the three sections).

models/labeller/second_labels_gold.jsonl relabels 8 gold meeting reports; second_labels_next.jsonl relabels 12
articles of annotations_next.jsonl (helper agents briefed with the guidelines, each article read whole, blind to
the first labels; offsets and labels only). The first labels are the gold's, or the file the article is in. What
a labeller could reach if it read as the labellers of the data do.

    python scripts/label_agreement.py [--data ../shared/data]
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
from vnsum.document import Label  # noqa: E402
from vnsum.evaluate import label_pairs, label_scores  # noqa: E402
from vnsum.gold import GoldSentence, load_gold  # noqa: E402

LABELS = ROOT / "models" / "labeller"
SECOND = {"gold": LABELS / "second_labels_gold.jsonl", "next": LABELS / "second_labels_next.jsonl"}


def agreement(first: dict, second_file: Path) -> dict:
    """Macro F1 of the second labels against the first (article id -> GoldArticle)."""
    confusion: Counter = Counter()
    records = [json.loads(line) for line in second_file.read_text(encoding="utf-8").splitlines()]
    for record in records:
        article = first[record["id"]]
        second = tuple(GoldSentence(a, b, article.text[a:b], Label(label)) for a, b, label in record["sentences"])
        confusion.update(label_pairs(article, second))
    scores = label_scores(confusion)
    return {"articles": len(records), "macro_f1": scores["macro_f1"],
            **{label: scores[label]["f1"] for label in ("achievement", "limitation", "directive")}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    gold = {article.id: article for article in load_gold([args.data / "gold"])}
    following = {article.id: article for article in annotated_articles(args.data / "meetings_pool.jsonl.gz", LABELS / "annotations_next.jsonl")}
    print(json.dumps({"gold": agreement(gold, SECOND["gold"]), "next": agreement(following, SECOND["next"])}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
