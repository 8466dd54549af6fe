"""How far choosing among the rewriter's hypotheses can move section ROUGE-L on the gold (issue 19).

The default brief's bullets on the gold articles are rewritten by the bundled model with 8 beams; every hypothesis
is kept. Then each bullet is printed by a policy, and the briefs are scored as `vnsum eval` scores them:
- `first K`: the first of the K best hypotheses the guard accepts (the shipped rule, K = 2);
- `oracle`: of the 8 best the guard accepts, the one closest (ROUGE-L) to one of the article's reference bullets,
  or the extractive text when the whole sentence is closer: an upper bound for any critic or reranker.
A bound below the extractive brief's scores says the model's cuts, not the choice among them, hold the brief back.

    python bench/rerank_bound.py [--gold ../shared/data/gold]
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from pathlib import Path

from vnsum.api import Settings, load
from vnsum.evaluate import _lcs_f1, evaluate, syllables
from vnsum.gold import load_gold
from vnsum.rewrite.guard import check
from vnsum.rewrite.model import BUNDLED

ROOT = Path(__file__).resolve().parents[1]
BEAMS = 8


class Replay:
    """A rewriter that answers from recorded hypotheses, ordered by `policy(hypotheses, source)`."""

    runtime = name = "replay"
    settings = None

    def __init__(self, recorded: dict, policy) -> None:
        self.recorded, self.policy = recorded, policy

    def candidates(self, texts, task="compress", deadline=None, n=None):
        return [self.policy(self.recorded.get((task, t), ()), t) for t in texts]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "data" / "gold")
    args = parser.parse_args()
    gold = load_gold([args.gold])
    options = load(Settings(model=str(BUNDLED), strict_model=True)).options
    rewriter = options.rewriter
    rewriter.settings = replace(rewriter.settings, num_beams=BEAMS, candidates=BEAMS)
    recorded: dict = {}
    generate = rewriter.candidates

    def recording(texts, task="compress", deadline=None, n=None):
        out = generate(texts, task, deadline, n)
        recorded.update(((task, t), o) for t, o in zip(texts, out))
        return out

    rewriter.candidates = recording
    evaluate(gold, options)
    references = {}
    for _, source in recorded:
        article = next((g for g in gold if source[:60] in g.text), None)
        references[source] = [syllables(b) for bullets in (article.brief.values() if article else ()) for b in bullets]

    def closeness(text: str, source: str) -> float:
        return max((_lcs_f1(syllables(text), r) for r in references[source]), default=0.0)

    def oracle(hypotheses, source):
        accepted = sorted((h for h in hypotheses if check(h, source) is None), key=lambda h: -closeness(h, source))
        return (accepted[0],) if accepted and closeness(accepted[0], source) >= closeness(source, source) else ("",)

    rows = {"extractive": evaluate(gold, load(Settings(extractive=True)).options),
            "default brief, no model": evaluate(gold, replace(options, rewriter=None))}
    for k in (2, 4, 8):
        rows[f"first of {k}"] = evaluate(gold, replace(options, rewriter=Replay(recorded, lambda h, s, k=k: tuple(h[:k]))))
    rows["oracle of 8"] = evaluate(gold, replace(options, rewriter=Replay(recorded, oracle)))
    print("| policy | ROUGE-L achievements / limitations / directives | accepted | median syllables |")
    print("|---|---|---|---|")
    for name, result in rows.items():
        scores = " / ".join(f"{result.rouge[s]['rougeL']:.3f}" for s in ("achievements", "limitations", "directives"))
        print(f"| {name} | {scores} | {result.bullets['accepted_share']:.0%} | {result.bullets['median_syllables']} |")
    print(json.dumps({name: {s: r.rouge[s]["rougeL"] for s in r.rouge} for name, r in rows.items()}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
