"""`vnsum eval`'s gold metrics with every article labelled by models that never saw it (issue 19's ROUGE target).

`vnsum eval ../shared/data/gold` labels the gold with models that trained on it: `--extractive`'s logreg/7 fits
the gold's sentences almost perfectly (macro F1 0.98 in sample against 0.79 in cross-validation), so comparing
its ROUGE with the default brief's there measures memory, not skill. Here each gold article is labelled by its
cross-validation fold's models instead, and the brief is then made and scored exactly as `vnsum eval` makes and
scores it (vnsum.evaluate.evaluate: ROUGE, labels, bullet precision, lengths):

- default (the encoder labeller): the encoder's out-of-fold probabilities (build/labeller-enc/cv*, `make
  train-labeller`) with the linear model refitted without the fold, decoded by the fold's sequence model at the
  shipped weight, bias and floors (as `scripts/bullet_precision.py`);
- `--extractive` (the distilled linear model): refitted without the fold, taught by that fold's encoder
  (`--teachers`, written by `make train-distilled`), as `scripts/train_classifier.py --distilled` cross-validates it;
- the gold's own labels: what perfect labels would print (its ROUGE is what `--extractive` reaches in sample).

    python scripts/evaluate_oof.py [--teachers build/distill/teachers.npz]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from bullet_precision import SHIPPED_FLOORS, Table, out_of_fold_cases  # noqa: E402
from train_classifier import FOLDS, as_classifier, distilled_examples, fit  # noqa: E402
from train_labeller import DATA, load_data  # noqa: E402
from vnsum.document import Label  # noqa: E402
from vnsum.evaluate import evaluate  # noqa: E402
from vnsum.gold import align  # noqa: E402
from vnsum.labellers.linear import LinearLabeller  # noqa: E402
from vnsum.pipeline import Options  # noqa: E402
from vnsum.segment import segment  # noqa: E402

#: The weight of a taught example, as `make train-distilled` fits logreg/7.
DISTILLED_WEIGHT = 0.1


def encoder_labels() -> dict[tuple[str, ...], tuple]:
    return {tuple(s.text for s in labelled): labelled for _, _, labelled in out_of_fold_cases(on_hand=False)}


def distilled_labels(teachers: Path, data: tuple) -> dict[tuple[str, ...], tuple]:
    gold_articles, gold, _, hand = data
    out = {}
    for fold in range(FOLDS):
        taught = distilled_examples(DATA / "meetings_pool.jsonl.gz", teachers, f"cv{fold}", DISTILLED_WEIGHT)
        training = [a for k, a in enumerate(gold) if k % FOLDS != fold]
        labeller = LinearLabeller(as_classifier(fit(training, hand, taught)))
        for k, article in enumerate(gold_articles):
            if k % FOLDS == fold:
                sentences = segment(article.text)
                out[tuple(s.text for s in sentences)] = labeller.label(sentences)
    return out


def gold_labels(gold_articles: list) -> dict[tuple[str, ...], tuple]:
    """Each sentence with the label of the gold sentence it overlaps most, at full confidence: the brief that
    perfect labels would make, the ceiling of what labelling alone can reach."""
    out = {}
    for article in gold_articles:
        sentences = segment(article.text)
        back = align(sentences, article.sentences)
        out[tuple(s.text for s in sentences)] = tuple(
            s.labelled(article.sentences[b].label if b is not None else Label.CONTEXT, 1.0) if s.is_content else s
            for s, b in zip(sentences, back))
    return out


def summary(name: str, labelled: dict, floors, gold_articles: list) -> dict:
    result = evaluate(gold_articles, Options(labeller=Table(name, labelled, floors)))
    return {"labels_macro_f1": result.labels["macro_f1"], "rougeL": {k: v["rougeL"] for k, v in result.rouge.items()},
            "bullets": result.bullets["total"], "median_syllables": result.bullets["median_syllables"],
            "bullet_precision": result.bullets["precision"], "unfaithful": len(result.unfaithful)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teachers", type=Path, default=ROOT / "build" / "distill" / "teachers.npz",
                        help="the fold encoders' labels of pool articles (scripts/device_labeller.py teach)")
    args = parser.parse_args()
    data = load_data()
    gold_articles = data[0]
    report = {
        "default (encoder, out of fold)": summary("encoder", encoder_labels(), SHIPPED_FLOORS, gold_articles),
        "--extractive (distilled linear, out of fold)": summary("distilled", distilled_labels(args.teachers, data),
                                                                None, gold_articles),
        "the gold's own labels": summary("gold", gold_labels(gold_articles), None, gold_articles),
    }
    print(json.dumps(report, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
