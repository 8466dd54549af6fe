"""Bullet precision of the default brief in cross-validation (issue 18): of the bullets a brief prints under a
section, the share whose source sentence a person labelled with that section.

Each article is labelled as `scripts/train_labeller.py score` labels it: the out-of-fold probabilities of the
encoder that never saw it (build/labeller-enc/cv*, hcv*: `make train-labeller`), combined with the linear model
refitted without it and decoded with its fold's sequence model, at the shipped weight and bias
(models/labeller-e5/vnsum.json). The brief is then made from those labels exactly as `vnsum brief --model none`
makes it (selection, trimming, the meeting-report decision), and each bullet is checked against the gold label of
its first source sentence as `vnsum eval` checks it (vnsum.evaluate.bullet_placements). Gold 4-fold and the
hand-labelled articles' 4-fold cross-validations, as in the card.

    python scripts/bullet_precision.py [--scan]

`--scan` also chooses floors (models/labeller-e5/vnsum.json `bullet_floors`): the most bullets whose precision is
at least 0.90 over the gold's folds and the hand-labelled folds together, so that papers other than the gold's
weigh in the choice. That is how enc/2's were chosen. enc/4's recipe was not cross-validated (8 runs of about 20
minutes here), so its floors were chosen the same way on a labelled set it never trained on:

    python scripts/bullet_precision.py --scan --on models/labeller/annotations_next.jsonl
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from train_classifier import outlet  # noqa: E402
from train_labeller import FOLDS, RUNS, out_of_fold  # noqa: E402
from vnsum.document import SECTIONS, Label  # noqa: E402
from vnsum.evaluate import bullet_placements, bullet_summary  # noqa: E402
from vnsum.labellers.encoder import combine  # noqa: E402
from vnsum.pipeline import Options, extract  # noqa: E402
from vnsum.read import Article  # noqa: E402
from vnsum.sequence import decode_report  # noqa: E402

#: The floors --scan tries.
SCAN_FLOORS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9)
SHIPPED = json.loads((ROOT / "models" / "labeller-e5" / "vnsum.json").read_text(encoding="utf-8"))
SHIPPED_FLOORS = {Label(label): floor for label, floor in SHIPPED["bullet_floors"].items()}


class Table:
    """A labeller that looks up labels decided beforehand (the out-of-fold ones), by the article's sentences, with
    the given bullet floors (None: vnsum.select's defaults)."""

    portable = False
    max_sentences = None

    def __init__(self, name: str, labelled: dict[tuple[str, ...], tuple], floors: dict[Label, float] | None) -> None:
        self.name, self.labelled, self.floors = name, labelled, floors

    def label(self, sentences):
        return self.labelled[tuple(s.text for s in sentences)]


def placements(cases, floors: dict[Label, float] = SHIPPED_FLOORS) -> dict[str, Counter]:
    """Bullet placements (vnsum.evaluate.bullet_placements) of the briefs of `cases` ((group names, gold article,
    labelled sentences) each), by group, with the sections' bullet floors `floors` (else the shipped model's)."""
    hits: dict[str, Counter] = {}
    table = Table("out-of-fold", {tuple(s.text for s in labelled): labelled for _, _, labelled in cases}, floors)
    for groups, article, labelled in cases:
        result = extract(Article(article.id, article.text), Options(labeller=table))
        for group in groups:
            hits.setdefault(group, Counter()).update(bullet_placements(result, article))
    return hits


def out_of_fold_cases(on_hand: bool) -> list:
    """(groups, article, labels) of each cross-validated article, labelled as its fold's models label it."""
    cases = []
    for article, labelled, encoder, linear, transitions, prior in out_of_fold(on_hand):
        sentences = tuple(example.sentence for example in labelled)
        combined = combine(encoder, linear, SHIPPED["linear_weight"])
        ours = decode_report(sentences, combined, transitions, prior, SHIPPED["context_bias"])
        cases.append((["all"] + ([outlet(article)] if on_hand else []), article, ours))
    return cases


def scan(cases: list, grid: tuple[float, ...] = SCAN_FLOORS) -> dict:
    """Each section's bullets and precision at each floor (a section's bullets depend on its own floor only)."""
    out = {}
    for floor in grid:
        counts = placements(cases, {label: floor for label in SHIPPED_FLOORS})["all"]
        summary = bullet_summary(counts)
        out[str(floor)] = {name: {"bullets": counts[(name, True)] + counts[(name, False)], "precision": summary[name]}
                           for name, _ in SECTIONS}
    return out


def choose(scans: dict[str, dict], target: float = 0.90) -> dict:
    """The sections' floors that print the most bullets with precision >= `target` over every scanned article
    (the gold's folds and the hand-labelled ones pooled), or the most precise floors if none reaches it, and what
    they print there."""
    grid = list(next(iter(scans.values())))
    names = [name for name, _ in SECTIONS]

    def pooled(floors: tuple[str, ...]) -> tuple[int, float]:
        cells = [scan[floor][name] for scan in scans.values() for name, floor in zip(names, floors)]
        bullets = sum(cell["bullets"] for cell in cells)
        return bullets, sum(cell["bullets"] * cell["precision"] for cell in cells) / max(1, bullets)

    kept = [(pooled(floors), floors) for floors in itertools.product(grid, repeat=len(names))]
    reaching = [found for found in kept if found[0][1] >= target]
    (bullets, precision), floors = max(reaching) if reaching else max(kept, key=lambda found: found[0][1])
    return {"floors": dict(zip(names, map(float, floors))), "bullets": bullets, "precision": round(precision, 4)}


def held_apart_cases(labels: Path) -> list:
    """(groups, article, labels) of each article of a hand-labelled set that the shipped labeller never trained
    on (models/labeller/annotations_next.jsonl for enc/4), labelled by that labeller."""
    from train_classifier import annotated_articles

    from vnsum.labellers import default_labeller
    from vnsum.segment import segment

    labeller = default_labeller()
    articles = annotated_articles(ROOT.parent / "shared" / "data" / "meetings_pool.jsonl.gz", labels)
    return [(["all"], article, labeller.label(segment(article.text))) for article in articles]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scan", action="store_true", help="each section's bullets and precision at floors 0.3-0.9, "
                        "and the floors that print the most bullets at precision >= 0.90 over both cross-validations")
    parser.add_argument("--on", type=Path, metavar="LABELS",
                        help="scan the shipped labeller on this hand-labelled set instead of the cross-validations "
                             "(how enc/4's floors were chosen: models/labeller/annotations_next.jsonl)")
    args = parser.parse_args()
    if args.on:
        scanned = {"held_apart": scan(held_apart_cases(args.on))}
        print(json.dumps({**scanned, "chosen": choose(scanned)}, indent=1))
        return 0
    report = {}
    for name, on_hand in (("gold", False), ("hand_labelled", True)):
        if not (RUNS / f"{'hcv' if on_hand else 'cv'}{FOLDS - 1}" / "oof.json").is_file():
            continue
        cases = out_of_fold_cases(on_hand)
        report[name] = scan(cases) if args.scan else {g: bullet_summary(c) for g, c in placements(cases).items()}
    if args.scan and report:
        report["chosen"] = choose(report)
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
