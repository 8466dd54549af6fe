"""Meta agreement (event, date) on the hand-checked pool and VietNews meeting reports of other papers, and how far
two readers agree on the same articles.

models/labeller/meetings.jsonl holds, for each article, whether it reports a meeting and the character offsets of
its event name and date as written (no text); the article text comes from ../shared/data. Agreement is judged as
`vnsum eval` judges the gold's (vnsum.evaluate.meta_matches: event syllable overlap >= 0.5, same day and month or
the same relative words). models/labeller/second_meetings.jsonl reads 80 of those articles again (a helper agent
briefed as the first readers were, blind to their answers): "meeting report or not", event and date agreement
between the two readers are what a detector and the meta reader could reach.

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
from vnsum.document import Meta  # noqa: E402
from vnsum.evaluate import meta_matches  # noqa: E402
from vnsum.pipeline import extract  # noqa: E402
from vnsum.read import Article  # noqa: E402

SECOND = ANNOTATIONS.parent / "second_meetings.jsonl"


def spans(row: dict, text: str) -> dict[str, str]:
    return {field: text[row[field][0] : row[field][1]] for field in ("event", "date") if row[field]}


def ours(rows: list[dict], found: dict[str, str], show: bool) -> dict:
    agree = {"event": [], "date": []}
    for row in rows:
        text = found[row["id"]]
        gold = spans(row, text)
        result = extract(Article(row["id"], text))
        for field, ok in meta_matches(result.meta, gold).items():
            agree[field].append(ok)
            if show and not ok:
                print(f"{row['id']} {field}: gold {gold[field]!r} ours {getattr(result.meta, field)!r}")
    return {field: {"agreement": round(sum(v) / len(v), 3), "articles": len(v)} for field, v in agree.items()}


def readers(first: dict[str, dict], second: list[dict], found: dict[str, str]) -> dict:
    """The second reader against the first: meeting report or not (agreement, Cohen's kappa), then event and date
    on the articles both call meeting reports."""
    n = len(second)
    same = sum(first[r["id"]]["meeting_report"] == r["meeting_report"] for r in second) / n
    p1 = sum(first[r["id"]]["meeting_report"] for r in second) / n
    p2 = sum(r["meeting_report"] for r in second) / n
    chance = p1 * p2 + (1 - p1) * (1 - p2)
    agree = {"event": [], "date": []}
    for row in second:
        if first[row["id"]]["meeting_report"] and row["meeting_report"]:
            text = found[row["id"]]
            theirs = spans(row, text)
            meta = Meta(event=theirs.get("event"), date=theirs.get("date"))
            for field, ok in meta_matches(meta, spans(first[row["id"]], text)).items():
                agree[field].append(ok)
    return {"meeting_report": {"agreement": round(same, 3), "kappa": round((same - chance) / (1 - chance), 3), "articles": n},
            **{field: {"agreement": round(sum(v) / len(v), 3), "articles": len(v)} for field, v in agree.items()}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--show", action="store_true", help="print each disagreement")
    args = parser.parse_args()
    first = {r["id"]: r for r in map(json.loads, ANNOTATIONS.read_text(encoding="utf-8").splitlines())}
    second = [json.loads(line) for line in SECOND.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in first.values() if r["meeting_report"] and not r["id"].startswith("baomoi") and (r["event"] or r["date"])]
    found = texts(args.data, {r["id"] for r in rows} | {r["id"] for r in second})
    print(json.dumps({"vnsum": ours(rows, found, args.show), "second_reader": readers(first, second, found)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
