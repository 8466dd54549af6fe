"""Measure the deletion compressor (models/vnsum-cut) on the gold, with the default labeller, against the
extractive briefs: section ROUGE-L, the guard's acceptance, bullet length, unfaithful items and bullets that are
not deletions. Each threshold list of --thresholds is one row (":loose" after it: the guard's own cuts only, not
the deleter's stricter ones, Settings.strict); --write puts the first row's settings and every row's figures in the
model's vnsum.json.

    python scripts/evaluate_deleter.py [--model models/vnsum-cut] [--thresholds 0.5 0.5,0.3:loose ...] [--write]
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from pathlib import Path

from vnsum.evaluate import evaluate
from vnsum.gold import load_gold
from vnsum.labellers import default_labeller
from vnsum.pipeline import Options
from vnsum.rewrite.deleter import BUNDLED, Deleter, Settings

GOLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "gold"


def row(result) -> dict:
    return {"rougeL": {k: v["rougeL"] for k, v in result.rouge.items()},
            "bullets": result.bullets["total"], "accepted_share": result.bullets["accepted_share"],
            "median_syllables": result.bullets["median_syllables"], "unfaithful": len(result.unfaithful),
            "not_deletions": result.bullets["not_deletions"], "fallbacks": result.bullets["fallbacks"]}


def _settings(settings: Settings, spec: str) -> Settings:
    thresholds, _, mode = spec.partition(":")
    return replace(settings, thresholds=tuple(float(t) for t in thresholds.split(",")), strict=mode != "loose")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=BUNDLED)
    parser.add_argument("--thresholds", nargs="+", default=["0.5"])
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    gold = load_gold([GOLD])
    labeller = default_labeller()
    out = {"extractive (default labeller)": row(evaluate(gold, Options(labeller=labeller))),
           "--extractive": row(evaluate(gold, Options(labeller=default_labeller(extractive=True))))}
    print(json.dumps(out), flush=True)
    deleter = Deleter(args.model)
    for spec in args.thresholds:
        deleter.settings = _settings(deleter.settings, spec)
        out[spec] = row(evaluate(gold, Options(labeller=labeller, rewriter=deleter)))
        print(json.dumps({spec: out[spec]}), flush=True)
    if args.write:
        path = args.model / "vnsum.json"
        settings = json.loads(path.read_text(encoding="utf-8"))
        first = _settings(deleter.settings, args.thresholds[0])
        settings["thresholds"], settings["strict"] = list(first.thresholds), first.strict
        settings["gold"] = out
        path.write_text(json.dumps(settings, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
