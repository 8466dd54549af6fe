"""Measure the bundled seq2seq model for its model card: models/vnsum-t5/metrics.json.

1. VietNews test pairs (build/pairs/test.jsonl, never trained on): ROUGE-1/2/L F1 of the model's compressions
   against the editors' sentences, next to two baselines: copying the source, and a rule-based deletion
   (leading connective and time/attribution clause dropped, parentheses removed, long sentences cut at a clause
   boundary: vnsum's own extractive trimming). Also the share of outputs the guard accepts.
2. Gold articles (../shared/data/gold): the guard's acceptance of generated bullets, section ROUGE-L against the
   reference bullets with the model and with --extractive, and unfaithful items (must be 0).

    python scripts/evaluate_model.py [--model models/vnsum-t5] [--pairs 300]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from pathlib import Path

from vnsum.evaluate import evaluate, rouge
from vnsum.gold import load_gold
from vnsum.pipeline import Options
from vnsum.rewrite.guard import check
from vnsum.rewrite.model import BUNDLED, COMPRESS_PREFIX, Rewriter
from vnsum.select import trim

ROOT = Path(__file__).resolve().parents[1]
_PARENTHESES = re.compile(r"\s*\([^()]*\)")
_OPENING_CLAUSE = re.compile(r"^(?:(?:theo|trước đó|sáng|chiều|tối|trưa|ngày|hôm|tại|trong|về|với)\b[^,]{0,60},\s*)", re.IGNORECASE)


def deletion_baseline(sentence: str) -> str:
    """Rule-based compression: drop parentheses and an opening time/place/attribution clause, then trim."""
    text = _PARENTHESES.sub("", sentence)
    text = _OPENING_CLAUSE.sub("", text, count=1) or text
    text = trim(text)
    return text[:1].upper() + text[1:]


def mean_rouge(candidates: list[str], references: list[str]) -> dict[str, float]:
    totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}
    for c, r in zip(candidates, references):
        for k, v in rouge(c, r).items():
            totals[k] += v
    return {k: round(v / max(1, len(candidates)), 4) for k, v in totals.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=BUNDLED)
    parser.add_argument("--pairs", type=int, default=300)
    parser.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "data" / "gold")
    args = parser.parse_args()
    rewriter = Rewriter(args.model)
    pairs = [json.loads(line) for line in open(ROOT / "build" / "pairs" / "test.jsonl", encoding="utf-8")]
    pairs = [p for p in pairs if p["task"] == "compress"]
    random.Random(0).shuffle(pairs)
    pairs = pairs[: args.pairs]
    sources = [p["source"].removeprefix(COMPRESS_PREFIX) for p in pairs]
    references = [p["target"] for p in pairs]
    started = time.perf_counter()
    outputs = rewriter.generate(sources, "compress")
    seconds = time.perf_counter() - started
    accepted = [check(o, s) is None for o, s in zip(outputs, sources)]
    vietnews = {
        "pairs": len(pairs),
        "model": mean_rouge(outputs, references),
        "model_guarded": mean_rouge([o if ok else deletion_baseline(s) for o, s, ok in zip(outputs, sources, accepted)], references),
        "copy_source": mean_rouge(sources, references),
        "rule_deletion": mean_rouge([deletion_baseline(s) for s in sources], references),
        "guard_accepts": round(sum(accepted) / len(accepted), 3),
        "seconds_per_pair": round(seconds / len(pairs), 4),
        "examples": [{"source": s, "model": o, "reference": r} for s, o, r in list(zip(sources, outputs, references))[:5]],
    }
    print(json.dumps({k: v for k, v in vietnews.items() if k != "examples"}))
    gold_articles = load_gold([args.gold])
    with_model = evaluate(gold_articles, Options(rewriter=rewriter))
    extractive = evaluate(gold_articles, Options())
    gold = {
        "articles": len(gold_articles),
        "bullets": with_model.bullets,
        "rougeL_model": {k: v["rougeL"] for k, v in with_model.rouge.items()},
        "rougeL_extractive": {k: v["rougeL"] for k, v in extractive.rouge.items()},
        "rouge_model": with_model.rouge,
        "rouge_extractive": extractive.rouge,
        "unfaithful_model": len(with_model.unfaithful),
        "unfaithful_extractive": len(extractive.unfaithful),
    }
    print(json.dumps(gold))
    out = {"model": str(args.model.relative_to(ROOT)) if args.model.is_relative_to(ROOT) else str(args.model),
           "parameters": rewriter.parameters, "vietnews_test": vietnews, "gold": gold}
    (args.model / "metrics.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
