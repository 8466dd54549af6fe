"""Build seq2seq training pairs from VietNews (../shared/data/vietnews.jsonl.gz) into build/pairs/.

Two tasks, told apart by the input's prefix (see models/vnsum-t5/vnsum.json):
- "rút gọn: " sentence compression: each sentence of the editor-written lead, paired with the body sentence (or two
  adjacent ones) holding at least 70% of its syllables; and the title, paired with the lead sentence it shortens.
  Pairs whose target fails the runtime guard (vnsum/rewrite/guard.py) against its source are dropped, so the model
  only sees faithful compressions.
- "tóm tắt: " overview: the opening of the body (about 200 syllables) -> the lead's first two sentences, kept when
  the lead draws at least 70% of its syllables from that opening.
VietNews' own split is kept: test pairs are only for reporting (MODEL_CARD.md), never for training.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import unicodedata
from collections import Counter
from multiprocessing import Pool
from pathlib import Path
from typing import Callable, Iterable

from vnsum.lexicon.guard import REPORTING_VERBS
from vnsum.rewrite.cuts import compression, repair
from vnsum.rewrite.guard import Words, alignment, check
from vnsum.syllables import syllables
from vnsum.rewrite.model import COMPRESS_PREFIX, OVERVIEW_PREFIX
from vnsum.segment import segment

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "vietnews.jsonl.gz"
OUT = Path(__file__).resolve().parents[1] / "build" / "pairs"
# VietNews keeps word-segmentation artefacts around punctuation ("TP. HCM ,"); tidy them before use.
_SPACE_BEFORE = re.compile(r"\s+([,.;:!?%)”])")
_SPACE_AFTER = re.compile(r"([(“])\s+")
OVERVIEW_SYLLABLES = 200


def tidy(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    return _SPACE_AFTER.sub(r"\1", _SPACE_BEFORE.sub(r"\1", text)).strip()


def _precision(target: list[str], source: Counter) -> float:
    have = Counter(target)
    return sum(min(n, source[w]) for w, n in have.items()) / max(1, len(target))


def pairs_of(record: dict) -> list[dict]:
    """All pairs one VietNews article yields."""
    lead, body = tidy(record["lead"]), "\n".join(tidy(p) for p in record["body"].split("\n"))
    body_sentences = [s.text for s in segment(body) if len(syllables(s.text)) >= 8]
    lead_sentences = [s.text for s in segment(lead)]
    if not body_sentences or not lead_sentences:
        return []
    adjacent = [f"{a} {b}" for a, b in zip(body_sentences, body_sentences[1:])]
    out = [_compress(target, body_sentences, adjacent) for target in lead_sentences]
    out.append(_compress(tidy(record["title"]), lead_sentences))
    opening = " ".join(body.split()[:OVERVIEW_SYLLABLES])
    summary = " ".join(lead_sentences[:2])
    if _precision(syllables(summary), Counter(syllables(opening))) >= 0.7 and len(syllables(summary)) >= 10:
        out.append({"task": "overview", "source": OVERVIEW_PREFIX + opening, "target": summary})
    return [pair for pair in out if pair]


def _compress(target: str, singles: list[str], adjacent: list[str] = []) -> dict | None:
    """Pair `target` with the candidate it compresses, preferring a single sentence when it covers nearly as much."""
    words = syllables(target)
    if len(words) < 5:
        return None
    candidates = singles + adjacent
    scores = [_precision(words, Counter(syllables(c))) + (0.05 if i < len(singles) else 0) for i, c in enumerate(candidates)]
    best = max(range(len(scores)), key=scores.__getitem__)
    source = candidates[best]
    if _precision(words, Counter(syllables(source))) < 0.7 or len(words) > 0.85 * len(syllables(source)) or check(target, source, cuts=False) is not None:
        return None
    return {"task": "compress", "source": COMPRESS_PREFIX + source, "target": target}


# Clauses a compression may drop: an opening time, place or attribution clause, parentheses, and the head of
# reported speech ("Ông X, Chủ tịch UBND tỉnh, nhấn mạnh: ..."): a bullet states the point, not who said it.
_OPENING_CLAUSE = re.compile(r"^(?:(?:theo|trước đó|sáng|chiều|tối|trưa|ngày|hôm|tại|trong|về|với|phát biểu)\b[^,]{0,60},\s*)", re.IGNORECASE)
_PARENTHESES = re.compile(r"\s*\([^()]*\)")
_SPEECH_HEAD = re.compile(r"^[^.;:“”\"]{0,120}?\b(?:%s)(?: rằng)?\s*[,:]?\s+" % "|".join(REPORTING_VERBS), re.IGNORECASE)


def deletions(source: str, rng) -> str | None:
    """A self-supervised compression of `source`: parentheses, an opening clause and a reported-speech head
    dropped, trailing clauses cut at a random comma. Teaches the model to copy and delete, the operations a
    faithful bullet needs."""
    text = _PARENTHESES.sub("", source)
    if rng.random() < 0.7:
        text = _OPENING_CLAUSE.sub("", text, count=1)
    if rng.random() < 0.8:
        text = _SPEECH_HEAD.sub("", text, count=1)
    clauses = text.rstrip(" .").split(", ")
    if len(clauses) > 1 and rng.random() < 0.8:
        clauses = clauses[: rng.randint(1, len(clauses) - 1)]
    target = ", ".join(clauses).strip()
    if not target:
        return None
    target = target[0].upper() + target[1:] + "."
    words, source_words = syllables(target), syllables(source)
    if len(words) < 6 or len(words) > 0.85 * len(source_words) or check(target, source, cuts=False) is not None:
        return None
    return target


def aligned(source: str, target: str) -> str | None:
    """The editor's compression `target` redone as cuts of `source` that vnsum's guard accepts, or None.

    The source words the editor kept (their longest common subsequence with the target) are kept; a cut the
    guard would call a splice is undone (a cut inside a phrase) or moved to the next punctuation mark (a cut
    tail). The model learns what editors keep without learning to rephrase, which the guard cannot verify
    (after Filippova and Altun 2013, who built deletion-based compressions from headlines the same way).
    """
    text = Words.of(source)
    keep = repair(text, alignment(text.words, Words.of(target).words))
    return compression(source, text, keep) if keep else None


def _work(line: str) -> tuple[str, list[dict]]:
    record = json.loads(line)
    return record["split"], [dict(p, id=record["id"]) for p in pairs_of(record)]


def write_splits(out: Path, lines: Iterable[str], work: Callable[[str], tuple[str, list[dict]]],
                 kind: Callable[[dict], str]) -> Counter:
    """Run `work` over `lines` (VietNews records) on 2 processes, in order, and write each example it returns to
    `out`/<split>.jsonl (the record's own split, so no test article reaches training); counts per split and kind,
    also written to `out`/counts.json."""
    out.mkdir(parents=True, exist_ok=True)
    files = {split: open(out / f"{split}.jsonl", "w", encoding="utf-8") for split in ("train", "val", "test")}
    counts: Counter = Counter()
    with Pool(2) as pool:
        for split, examples in pool.imap(work, lines, chunksize=32):
            counts[split + "-articles"] += 1
            for example in examples:
                counts[f"{split}-{kind(example)}"] += 1
                files[split].write(json.dumps(example, ensure_ascii=False) + "\n")
    for handle in files.values():
        handle.close()
    (out / "counts.json").write_text(json.dumps(counts, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return counts


def from_vietnews(out: Path, work: Callable[[str], tuple[str, list[dict]]], kind: Callable[[dict], str],
                  every: int = 1, limit: int = 0) -> Counter:
    """write_splits over VietNews' records: every `every`th of them, the first `limit` only (0: all)."""
    with gzip.open(DATA, "rt", encoding="utf-8") as handle:
        lines = (line for i, line in enumerate(handle) if i % every == 0 and (not limit or i < limit))
        return write_splits(out, lines, work, kind)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="articles to read (0: all)")
    args = parser.parse_args()
    print(json.dumps(from_vietnews(OUT, _work, lambda pair: pair["task"], limit=args.limit), sort_keys=True))


if __name__ == "__main__":
    main()
