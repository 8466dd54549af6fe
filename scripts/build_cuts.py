"""Build the deletion compressor's training data from VietNews (../shared/data/vietnews.jsonl.gz) into build/cuts/.

Each example is a body sentence and which of its words (vnsum.rewrite.guard.Words) an editor's lead sentence keeps:
the lead sentence aligned with the body sentence it shortens (build_pairs.pairs_of), the cuts the guard would call
splices repaired (vnsum.rewrite.cuts.repair), kept only when the result passes the guard. About 7 in 100 articles
give one. VietNews' own split is kept, so no test article reaches training.

    python scripts/build_cuts.py [--every 1]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_pairs import from_vietnews, pairs_of  # noqa: E402

from vnsum.rewrite.cuts import compression, repair  # noqa: E402
from vnsum.rewrite.guard import Words, alignment  # noqa: E402
from vnsum.rewrite.model import COMPRESS_PREFIX  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "build" / "cuts"


def _examples(line: str) -> tuple[str, list[dict]]:
    record = json.loads(line)
    out = []
    for pair in pairs_of(record):
        if pair["task"] != "compress":
            continue
        source = pair["source"].removeprefix(COMPRESS_PREFIX)
        text = Words.of(source)
        keep = repair(text, alignment(text.words, Words.of(pair["target"]).words))
        compressed = compression(source, text, keep) if keep else None
        if compressed:
            out.append({"id": record["id"], "source": source, "keep": [int(k) for k in keep], "text": compressed})
    return record["split"], out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, default=1, help="read every Nth article of the file")
    args = parser.parse_args()
    print(json.dumps(from_vietnews(OUT, _examples, lambda example: "cut", args.every), indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
