"""Train the learned sentence labeller (models/labeller/labeller.npz) from the public data.

Data: sentences of pool articles (../shared/data/meetings_pool.jsonl.gz) labelled by hand
(models/labeller/annotations.jsonl: offsets and labels, no text) and the gold articles of ../shared/data/gold.
The classifier is fitted by full-batch L-BFGS to the optimum, so a run is deterministic; the sequence model's
transitions and prior are counted on the same articles. Gold scores are reported by 4-fold cross-validation by
article: a fold's articles are never in the data its model trained on.

    python scripts/train_classifier.py [--data ../shared/data] [--out models/labeller]
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from vnsum.document import LABELS, Label, Sentence
from vnsum.evaluate import label_pairs, label_scores
from vnsum.gold import GoldArticle, GoldSentence, align, load_gold
from vnsum.labellers.linear import DIMENSIONS, Classifier, LinearLabeller, sentence_features
from vnsum.segment import segment

FOLDS = 4
#: Hand labels of pool articles count as much as gold ones: they follow GUIDELINES.md as closely (models/labeller/MODEL_CARD.md).
ANNOTATED_WEIGHT = 1.0
#: L2 penalty of the mean log-loss (4-fold CV on gold with the decoder: 1e-5 0.759, 3e-5 0.759, 3e-6 0.748).
L2 = 1e-5
MAX_ITERATIONS = 400
ANNOTATIONS = Path(__file__).resolve().parent.parent / "models" / "labeller" / "annotations.jsonl"


def pool_text(record: dict) -> str:
    """A pool article as vnsum reads it (and as annotations.jsonl's offsets count): title, lead, body."""
    return "\n".join(part for part in (record.get("title"), record.get("lead"), record.get("body")) if part)


def annotated_articles(pool: Path, annotations: Path) -> list[GoldArticle]:
    """The hand-labelled pool articles, as gold articles (their text read from the pool, never stored)."""
    wanted = {record["id"]: record for record in map(json.loads, annotations.read_text(encoding="utf-8").splitlines())}
    articles = []
    with gzip.open(pool, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] not in wanted:
                continue
            if record.get("in_gold"):
                raise ValueError(f"{annotations}: {record['id']} is a gold article, which cross-validation scores")
            text = pool_text(record)
            sentences = tuple(GoldSentence(a, b, text[a:b], Label(label)) for a, b, label in wanted[record["id"]]["sentences"])
            articles.append(GoldArticle(record["id"], text, sentences, {}, {}, True))
    return articles


@dataclass(frozen=True)
class Labelled:
    """One of our sentences of a labelled article: its features and the index of the label of the gold sentence
    it overlaps most (None where it overlaps none)."""

    sentence: Sentence
    features: dict[int, float]
    target: int | None


@dataclass(frozen=True)
class Fitted:
    """The classifier's weights and the sequence model's log-probabilities, as numpy arrays."""

    weights: np.ndarray
    transitions: np.ndarray
    prior: np.ndarray


def labelled_articles(articles: list[GoldArticle]) -> list[list[Labelled]]:
    """Per article: our sentences, in order, each with the label of the gold sentence it overlaps most."""
    out = []
    for article in articles:
        ours = segment(article.text)
        back = align(ours, article.sentences)
        out.append(
            [
                Labelled(sentence, features, None if b is None else LABELS.index(article.sentences[b].label))
                for sentence, features, b in zip(ours, sentence_features(ours), back)
            ]
        )
    return out


def sequence_model(articles: list[list[Labelled]]) -> tuple[np.ndarray, np.ndarray]:
    """Log-probabilities (add-one smoothed) of label b after label a between consecutive labelled content
    sentences, across a paragraph break ([0]) and within one ([1]); and of each label among all labelled ones."""
    counts = np.ones((2, len(LABELS), len(LABELS)))
    prior = np.ones(len(LABELS))
    for article in articles:
        for example in article:
            if example.target is not None:
                prior[example.target] += 1
        content = [example for example in article if example.sentence.is_content]
        for a, b in zip(content, content[1:]):
            if a.target is not None and b.target is not None:
                counts[int(a.sentence.paragraph == b.sentence.paragraph), a.target, b.target] += 1
    return np.log(counts / counts.sum(axis=2, keepdims=True)), np.log(prior / prior.sum())


def train(examples: list[dict], targets: list[int], sample_weights: list[float], l2: float = L2) -> np.ndarray:
    """The (DIMENSIONS, classes) weights minimising the weighted mean log-loss plus l2/2 |W|^2, by L-BFGS.

    The problem is convex, so the optimum does not depend on an order or a seed (SGD's shuffle moved macro F1 by
    up to 0.015, which hid differences between features).
    """
    lengths = [len(f) for f in examples]
    index = np.concatenate([np.fromiter(f.keys(), dtype=np.int64, count=n) for f, n in zip(examples, lengths)])
    value = np.concatenate([np.fromiter(f.values(), dtype=np.float64, count=n) for f, n in zip(examples, lengths)])
    row = np.repeat(np.arange(len(examples)), lengths)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    y = np.asarray(targets)
    share = np.asarray(sample_weights, dtype=np.float64) / sum(sample_weights)
    onehot = np.eye(len(LABELS))[y]

    def loss_and_gradient(w: np.ndarray) -> tuple[float, np.ndarray]:
        logits = np.add.reduceat(w[index] * value[:, None], starts, axis=0)
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        total = exp.sum(axis=1)
        loss = -(share * (logits[np.arange(len(y)), y] - np.log(total))).sum() + 0.5 * l2 * (w * w).sum()
        error = (exp / total[:, None] - onehot) * share[:, None]
        columns = [np.bincount(index, weights=value * error[row, c], minlength=DIMENSIONS) for c in range(len(LABELS))]
        return loss, np.stack(columns, axis=1) + l2 * w

    return _lbfgs(loss_and_gradient, np.zeros((DIMENSIONS, len(LABELS)))).astype(np.float32)


def _lbfgs(loss_and_gradient, w: np.ndarray, memory: int = 10, tolerance: float = 1e-7) -> np.ndarray:
    """Limited-memory BFGS (two-loop recursion) with a backtracking Armijo line search."""
    loss, gradient = loss_and_gradient(w)
    steps: list[tuple[np.ndarray, np.ndarray]] = []
    for _ in range(MAX_ITERATIONS):
        direction = -gradient
        alphas = []
        for s, g in reversed(steps):
            alpha = (s * direction).sum() / (g * s).sum()
            alphas.append(alpha)
            direction = direction - alpha * g
        if steps:
            s, g = steps[-1]
            direction *= (s * g).sum() / (g * g).sum()
        for (s, g), alpha in zip(steps, reversed(alphas)):
            direction += s * (alpha - (g * direction).sum() / (g * s).sum())
        slope = (gradient * direction).sum()
        rate = 1.0 if steps else 1.0 / max(np.abs(gradient).max(), 1e-12)
        while True:
            candidate = w + rate * direction
            new_loss, new_gradient = loss_and_gradient(candidate)
            if new_loss <= loss + 1e-4 * rate * slope or rate < 1e-12:
                break
            rate /= 2
        steps = (steps + [(candidate - w, new_gradient - gradient)])[-memory:]
        converged = loss - new_loss < tolerance * max(1.0, abs(loss))
        w, loss, gradient = candidate, new_loss, new_gradient
        if converged:
            break
    return w


def as_classifier(fitted: Fitted) -> Classifier:
    """The model as shipped, behind the same plain-Python scorer `vnsum brief` uses."""
    transitions = tuple(tuple(tuple(map(float, row)) for row in side) for side in fitted.transitions)
    return Classifier(
        weights=_shipped(fitted.weights).ravel().tolist(), transitions=transitions, prior=tuple(map(float, fitted.prior))
    )


def _shipped(weights: np.ndarray) -> np.ndarray:
    """Rounded to float16 (plenty), stored uncompressed as little-endian float32: Python's array reads it in 1 ms."""
    return weights.astype(np.float16).astype("<f4")


def save(fitted: Fitted, path: Path, name: str = "logreg/5") -> None:
    np.savez(
        path,
        weights=_shipped(fitted.weights),
        transitions=fitted.transitions.astype("<f4"),
        prior=fitted.prior.astype("<f4"),
        labels=np.array([label.value for label in LABELS]),
        name=np.array(name),
    )


def fit(gold: list[list[Labelled]], annotated: list[list[Labelled]], distilled: Distilled = ()) -> Fitted:
    """Gold examples at weight 1, hand-labelled pool sentences at ANNOTATED_WEIGHT, and any distilled ones at their
    own weights; transitions from the labelled articles."""
    weighted = [
        (example.features, example.target, weight)
        for part, weight in ((gold, 1.0), (annotated, ANNOTATED_WEIGHT))
        for article in part
        for example in article
        if example.target is not None
    ] + list(distilled)
    weights = train([f for f, _, _ in weighted], [t for _, t, _ in weighted], [w for _, _, w in weighted])
    return Fitted(weights, *sequence_model(gold + annotated))


#: Examples learnt from a teacher: (features, label index, weight).
Distilled = tuple[tuple[dict[int, float], int, float], ...]
#: A teacher's probability below which its label is not taught (it would only add noise and examples).
DISTILL_FLOOR = 0.1


def distilled_examples(pool: Path, teachers: Path, run: str, weight: float) -> Distilled:
    """The encoder labeller's soft labels of unlabelled pool articles (teachers: an npz written by
    scripts/device_labeller.py teach, `run` one of its models, with the articles in `ids`, or in `{run}.ids` for a
    run that taught fewer) as weighted examples: each content sentence once per
    label the teacher gives at least DISTILL_FLOOR, weighted `weight` x its probability. The articles are segmented
    again here, as the teacher's were."""
    arrays = np.load(teachers)
    ids = [str(i) for i in arrays[f"{run}.ids" if f"{run}.ids" in arrays.files else "ids"]]  # a run may teach fewer
    rows, probs = arrays[f"{run}.rows"], arrays[f"{run}.probs"].astype(np.float64)
    records = {}
    with gzip.open(pool, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in ids:
                records[record["id"]] = record
    out, at = [], 0
    for article_id, n in zip(ids, rows):
        sentences = segment(pool_text(records[article_id]))
        features = sentence_features(sentences)
        content = [k for k, s in enumerate(sentences) if s.is_content]
        if len(content) != n:
            raise ValueError(f"{teachers}: {article_id} has {n} taught sentences, {len(content)} here")
        for k, p in zip(content, probs[at : at + n]):
            out += [(features[k], label, weight * float(p[label])) for label in range(len(LABELS)) if p[label] >= DISTILL_FLOOR]
        at += n
    return tuple(out)


def cross_validate(articles, per_article, fit_fold, group=None) -> dict:
    """Scores of `articles` by 4-fold cross-validation: each fold's model is `fit_fold` of the other folds'
    examples and the fold's number (plus whatever it adds). With `group` (article -> name), the scores of each group too."""
    confusions: dict[str, Counter] = defaultdict(Counter)
    for fold in range(FOLDS):
        model = as_classifier(fit_fold([labelled for k, labelled in enumerate(per_article) if k % FOLDS != fold], fold))
        for k, article in enumerate(articles):
            if k % FOLDS != fold:
                continue
            ours = LinearLabeller(model).label(tuple(example.sentence for example in per_article[k]))
            confusion = confusions[group(article) if group else "all"]
            confusion.update(label_pairs(article, ours))
    scores = label_scores(sum(confusions.values(), Counter()))
    if group:
        scores["by_group"] = {name: label_scores(confusion) for name, confusion in sorted(confusions.items())}
    return scores


def outlet(article: GoldArticle) -> str:
    """baomoi (the gold's outlet) or another (VietNews and VMDS articles come from many papers)."""
    return "baomoi" if article.id.startswith("baomoi") else "other"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "models" / "labeller")
    parser.add_argument("--annotations", type=Path, default=ANNOTATIONS)
    parser.add_argument("--distilled", type=Path, help="teachers' labels of pool articles (scripts/device_labeller.py"
                        " teach): runs cv0-3 for the gold folds, hcv0-3 for the hand-labelled ones, final for the model")
    parser.add_argument("--distilled-weight", type=float, default=0.3, help="weight of a distilled example")
    args = parser.parse_args()
    started = time.time()
    pool = args.data / "meetings_pool.jsonl.gz"
    articles = load_gold([args.data / "gold"])
    gold = labelled_articles(articles)
    hand = annotated_articles(pool, args.annotations)
    annotated = labelled_articles(hand)
    gold_sentences, annotated_sentences = (sum(e.target is not None for a in part for e in a) for part in (gold, annotated))
    print(f"gold sentences: {gold_sentences}, hand-labelled: {annotated_sentences} in {len(hand)} articles")
    def taught(run: str) -> Distilled:
        if args.distilled is None:
            return ()
        if f"{run}.rows" not in np.load(args.distilled).files:
            raise SystemExit(f"{args.distilled}: no teacher {run}")
        return distilled_examples(pool, args.distilled, run, args.distilled_weight)

    cv = cross_validate(articles, gold, lambda training, fold: fit(training, annotated, taught(f"cv{fold}")))
    print("4-fold cross-validation by article on gold:", json.dumps(cv))
    # The hand-labelled articles as a second, larger test set, from more outlets than the gold's one.
    hand_cv = cross_validate(hand, annotated, lambda training, fold: fit(gold, training, taught(f"hcv{fold}")), group=outlet)
    print("4-fold cross-validation by article on the hand-labelled articles:", json.dumps(hand_cv))
    args.out.mkdir(parents=True, exist_ok=True)
    # taught by the encoder: distilled.npz (--extractive's labeller) beside labeller.npz (the encoder's linear half)
    model_file, name = ("distilled.npz", "logreg/7") if args.distilled else ("labeller.npz", "logreg/5")
    save(fit(gold, annotated, taught("final")), args.out / model_file, name)
    metrics = {
        "cross_validation": cv,
        "hand_cross_validation": hand_cv,
        "gold_sentences": gold_sentences,
        "annotated_sentences": annotated_sentences,
        "annotated_articles": len(hand),
        "training_seconds": round(time.time() - started, 1),
    }
    if args.distilled:
        metrics.update(distilled_weight=args.distilled_weight, distilled_articles=len(np.load(args.distilled)["ids"]))
    metrics_file = "distilled_metrics.json" if args.distilled else "metrics.json"
    (args.out / metrics_file).write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(metrics))


if __name__ == "__main__":
    main()
