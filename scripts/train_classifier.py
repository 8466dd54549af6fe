"""Train the learned sentence labeller (models/labeller/labeller.npz) from the public data.

Data: weak labels from the cue model (vnsum.label.label_with_cues) on the meeting-report candidates of
../shared/data/meetings_pool.jsonl.gz that are not gold articles (only confident ones, down-weighted),
plus the gold articles of ../shared/data/gold. Gold scores are reported by 4-fold cross-validation
by article: a fold's articles are never in the data its model trained on.

    python scripts/train_classifier.py [--data ../shared/data] [--out models/labeller]
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter
from pathlib import Path

from vnsum.classifier import train
from vnsum.evaluate import label_scores
from vnsum.features import sentence_features
from vnsum.gold import align, load_gold
from vnsum.label import LABELS, label_with_cues, learned_probabilities
from vnsum.segment import segment

FOLDS = 4
WEAK_MIN_CONFIDENCE = 0.9
WEAK_WEIGHT = 0.3


def weak_examples(pool: Path, limit: int) -> list[tuple[dict, int]]:
    examples = []
    with gzip.open(pool, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record.get("in_gold"):
                continue
            text = "\n".join(part for part in (record.get("title"), record.get("lead"), record.get("body")) if part)
            labelled = label_with_cues(segment(text))
            for sentence, features in zip(labelled, sentence_features(labelled)):
                if sentence.is_content and sentence.confidence >= WEAK_MIN_CONFIDENCE:
                    examples.append((features, LABELS.index(sentence.label)))
            if len(examples) >= limit:
                break
    return examples


def gold_examples(articles) -> list[list[tuple[dict, int]]]:
    """Per article: our sentences, each labelled with the gold sentence it overlaps most."""
    per_article = []
    for article in articles:
        ours = segment(article.text)
        features = sentence_features(ours)
        back = align(ours, article.sentences)
        per_article.append(
            [(features[k], LABELS.index(article.sentences[b].label)) for k, b in enumerate(back) if b is not None]
        )
    return per_article


def fit(examples: list[tuple[dict, int]], weak: list[tuple[dict, int]]):
    return train(
        [f for f, _ in examples] + [f for f, _ in weak],
        [t for _, t in examples] + [t for _, t in weak],
        [1.0] * len(examples) + [WEAK_WEIGHT] * len(weak),
    )


def cross_validate(articles, per_article, weak) -> dict:
    confusion: Counter = Counter()
    for fold in range(FOLDS):
        training = [e for k, ex in enumerate(per_article) if k % FOLDS != fold for e in ex]
        model = fit(training, weak)
        for k, article in enumerate(articles):
            if k % FOLDS != fold:
                continue
            ours = segment(article.text)
            probabilities = learned_probabilities(ours, model)
            for g, j in zip(article.sentences, align(article.sentences, ours)):
                predicted = "context" if j is None or not ours[j].is_content else LABELS[int(probabilities[j].argmax())].value
                confusion[(g.label.value, predicted)] += 1
    return label_scores(confusion)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "models" / "labeller")
    parser.add_argument("--weak-limit", type=int, default=200_000)
    args = parser.parse_args()
    started = time.time()
    articles = load_gold([args.data / "gold"])
    per_article = gold_examples(articles)
    weak = weak_examples(args.data / "meetings_pool.jsonl.gz", args.weak_limit)
    print(f"gold sentences: {sum(map(len, per_article))}, weak examples: {len(weak)}")
    cv = cross_validate(articles, per_article, weak)
    print("4-fold cross-validation by article on gold:", json.dumps(cv))
    model = fit([e for ex in per_article for e in ex], weak)
    args.out.mkdir(parents=True, exist_ok=True)
    model.save(args.out / "labeller.npz")
    metrics = {
        "cross_validation": cv,
        "gold_sentences": sum(map(len, per_article)),
        "weak_examples": len(weak),
        "training_seconds": round(time.time() - started, 1),
    }
    (args.out / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(metrics))


if __name__ == "__main__":
    main()
