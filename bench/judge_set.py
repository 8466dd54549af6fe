"""Draw the bullets to judge (bench/judged_bullets.jsonl): the default brief, as `vnsum brief` makes it (`--model
DIR` for a rewriter's, as bench/judged_bullets_model.jsonl was drawn), of pool articles outside the gold and the
hand-labelled ones, from several papers, until 150 bullets. Writes, for the judges, each bullet with its source
sentences and the article's title (to a folder outside the repo: corpus text never enters it).

    python bench/judge_set.py OUT_DIR [--bullets 150] [--model models/vnsum-t5] [--same-as bench/judged_bullets.jsonl]
                                      [--seed 23] [--unread]

A re-judgement briefs the same articles as an earlier set (`--same-as`), then freshly drawn ones while it is short
of bullets: a fresh drawing would differ as soon as more articles are hand-labelled, since labelled articles are
never drawn.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POOL = ROOT.parent / "shared" / "data" / "meetings_pool.jsonl.gz"
#: Articles drawn from each source of the pool, in this order, until enough bullets.
MIX = (("baomoi", 14), ("vietnews", 30), ("vims", 4), ("vmds", 4))
SEED = 19


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--bullets", type=int, default=150)
    parser.add_argument("--model", default=None,
                        help="the rewriter whose bullets are judged (as `vnsum brief --model`; default: the default brief's)")
    parser.add_argument("--same-as", type=Path, help="brief the articles of this judged set first, in its order")
    parser.add_argument("--seed", type=int, default=SEED, help="another drawing of articles (a fresh set)")
    parser.add_argument("--unread", action="store_true",
                        help="draw only articles that no judged set in bench/ has read (a fresh drawing of new articles)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "scripts"))
    from train_classifier import pool_text

    from vnsum.api import Settings, load
    from vnsum.pipeline import brief
    from vnsum.read import Article, normalise

    labelled = {json.loads(line)["id"] for line in (ROOT / "models" / "labeller" / "annotations.jsonl").open(encoding="utf-8")}
    same = list(dict.fromkeys(json.loads(line)["id"] for line in args.same_as.open(encoding="utf-8"))) if args.same_as else []
    wanted = set(same)
    if args.unread:
        labelled |= {json.loads(line)["id"] for path in (ROOT / "bench").glob("judged_*.jsonl")
                     for line in path.open(encoding="utf-8")}
    by_source: dict[str, list[dict]] = {}
    by_id: dict[str, dict] = {}
    with gzip.open(POOL, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in wanted:
                by_id[record["id"]] = record
            if record.get("in_gold") or record["id"] in labelled or record["tier"] != "A":
                continue
            by_source.setdefault(record["id"].split("-")[0], []).append(record)
    rng = random.Random(args.seed)
    picked = [r for source, count in MIX for r in rng.sample(by_source.get(source, []), min(count, len(by_source.get(source, []))))]
    rng.shuffle(picked)
    if same:  # the earlier set's articles first, then fresh ones while bullets are short
        picked = [by_id[i] for i in same] + [r for r in picked if r["id"] not in by_id]
    options = load(Settings(model=args.model, strict_model=args.model is not None)).options
    rows = []
    for record in picked:
        text = normalise(pool_text(record))
        result = brief(Article(record["id"], text), options)
        for section, bullets in result.sections.items():
            for bullet in bullets:
                sources = [result.sentences[i] for i in bullet.sources]
                rows.append({"id": record["id"], "section": section, "bullet": bullet.text, "method": bullet.method,
                             "offsets": [[s.start, s.end] for s in sources], "source": " ".join(s.text for s in sources),
                             "title": result.meta.title})
        if len(rows) >= args.bullets:
            break
    args.out.mkdir(parents=True, exist_ok=True)
    rows = rows[: args.bullets]
    for k in range(3):
        with (args.out / f"bullets_{k}.jsonl").open("w", encoding="utf-8") as out:
            for row in rows[k::3]:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} bullets from {len({r['id'] for r in rows})} articles -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
