"""Meta agreement (event, date) on the hand-checked pool and VietNews meeting reports of other papers.

models/labeller/meetings.jsonl holds, for each meeting report, the character offsets of its event name and date
as written (no text); the article text comes from ../shared/data. Agreement is judged as `vnsum eval` judges the
gold's (vnsum.evaluate.meta_matches: event syllable overlap >= 0.5, same day and month or the same relative words).

    python scripts/evaluate_meta.py [--data ../shared/data] [--show]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from train_meeting import ANNOTATIONS, texts  # noqa: E402
from vnsum.evaluate import meta_matches  # noqa: E402
from vnsum.pipeline import extract  # noqa: E402
from vnsum.read import Article  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--show", action="store_true", help="print each disagreement")
    args = parser.parse_args()
    rows = [json.loads(line) for line in ANNOTATIONS.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if r["meeting_report"] and not r["id"].startswith("baomoi") and (r["event"] or r["date"])]
    found = texts(args.data, {r["id"] for r in rows})
    agree = {"event": [], "date": []}
    for row in rows:
        text = found[row["id"]]
        gold = {field: text[row[field][0] : row[field][1]] for field in ("event", "date") if row[field]}
        result = extract(Article(row["id"], text))
        for field, ok in meta_matches(result, gold).items():
            agree[field].append(ok)
            if args.show and not ok:
                print(f"{row['id']} {field}: gold {gold[field]!r} ours {getattr(result.meta, field)!r}")
    print(json.dumps({field: {"agreement": round(sum(v) / len(v), 3), "articles": len(v)} for field, v in agree.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
