"""Build vnsum/lexicon/common_syllables.txt: the 3,000 commonest syllables of VietNews' training split.

Used only to tell legacy encodings apart (vnsum/encoding.py): the right decoding of TCVN3 or VNI bytes reads as
common syllables, a wrong one as rare or impossible ones.

    python scripts/build_syllables.py [--data ../shared/data] [--articles 20000]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "vnsum" / "lexicon" / "common_syllables.txt"
SIZE = 3000
_WORD = re.compile(r"[^\W\d_]+")
# VietNews writes the old tone placement in places ("hoà", "thuỷ"); both spellings are common, so keep both.


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--articles", type=int, default=20000)
    args = parser.parse_args()
    counts: Counter = Counter()
    seen = 0
    with gzip.open(args.data / "vietnews.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["split"] != "train":
                continue
            text = unicodedata.normalize("NFC", " ".join((record["title"], record["lead"], record["body"])))
            counts.update(w.lower() for w in _WORD.findall(text))
            seen += 1
            if seen >= args.articles:
                break
    header = [f"# The {SIZE} commonest syllables of {seen} VietNews training articles, commonest first.",
              "# Built by scripts/build_syllables.py; vnsum/encoding.py uses it to tell legacy encodings apart."]
    OUT.write_text("\n".join(header + [w for w, _ in counts.most_common(SIZE)]) + "\n", encoding="utf-8")
    print(f"wrote {OUT} from {seen} articles")


if __name__ == "__main__":
    main()
