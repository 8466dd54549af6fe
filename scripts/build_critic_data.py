"""Build the acceptability critic's training data from VietNews (../shared/data/vietnews.jsonl.gz) into build/critic/.

Each example is a (source sentence, compression) pair labelled 1 (a compression a reader accepts) or 0 (broken):
- 1: an editor's lead sentence redone as cuts of its body sentence (build_pairs.aligned), a self-supervised
  deletion of whole clauses (build_pairs.deletions), or the sentence itself;
- 0: the sentence with what a clause cannot stand without cut out: one word that carries the claim or governs a
  phrase (vnsum.lexicon.guard's REQUIRED_WORDS, PHRASE_HEADS, DIRECTIVE_VERBS), a span of one to three syllables
  from inside a clause (usually a verb or a noun the clause needs), a tail cut inside a phrase, a head cut inside
  one, or a main clause dropped after its premise (a substituted word the guard rejects by itself).
Most broken examples that the runtime guard already rejects are dropped (a share is kept so the critic does not
learn the guard's blind spots only): at run time it sees only what the guard accepts. VietNews' split is kept.

    python scripts/build_critic_data.py [--every 25]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_pairs import aligned, deletions, from_vietnews, pairs_of, tidy  # noqa: E402

from vnsum.lexicon.guard import DIRECTIVE_VERBS, PHRASE_HEADS, REQUIRED_WORDS  # noqa: E402
from vnsum.rewrite.guard import check  # noqa: E402
from vnsum.rewrite.model import COMPRESS_PREFIX  # noqa: E402
from vnsum.segment import segment  # noqa: E402
from vnsum.syllables import syllables  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "build" / "critic"
#: Broken examples the guard rejects anyway, kept at this rate.
KEEP_GUARD_REJECTED = 0.15
_CLAIM_WORDS = REQUIRED_WORDS | PHRASE_HEADS | {w.split()[0] for w in DIRECTIVE_VERBS}
#: Openers of a premise or a frame whose main clause follows the first comma ("Nếu ..., ", "Để ..., ").
PREMISE_WORDS = frozenset({"nếu", "khi", "để", "tuy", "dù", "mặc", "với", "nhằm", "trong", "sau", "theo"})
_PUNCTUATION = ",.;:!?…()“”\"'"


def _finish(words: list[str]) -> str:
    text = " ".join(words).strip(" ,;:-")
    return text[:1].upper() + text[1:].rstrip(".") + "." if text else ""


def _clause_inner(words: list[str], i: int) -> bool:
    """Word i and its neighbours carry no punctuation: a cut there is inside a clause."""
    return 0 < i < len(words) - 1 and not any(ch in _PUNCTUATION for w in words[i - 1 : i + 2] for ch in w)


def broken(sentence: str, rng: random.Random) -> tuple[str, str] | None:
    """One broken compression of `sentence` and the way it was broken."""
    words = sentence.rstrip(" .").split()
    n = len(words)
    if n < 10:
        return None
    kind = rng.choice(("claim-word", "span", "span", "tail", "head", "premise"))
    inner = [i for i in range(n) if _clause_inner(words, i)]
    if kind == "claim-word":
        found = [i for i in inner if words[i].lower() in _CLAIM_WORDS]
        if not found:
            return None
        i = rng.choice(found)
        return _finish(words[:i] + words[i + 1 :]), kind
    if kind == "span":
        if not inner:
            return None
        i, width = rng.choice(inner), rng.randint(1, 3)
        if not all(_clause_inner(words, j) for j in range(i, min(n - 1, i + width))):
            width = 1
        return _finish(words[:i] + words[i + width :]), kind
    if kind == "tail":
        ends = [i for i in inner if i >= 7]
        return (_finish(words[: rng.choice(ends)]), kind) if ends else None
    if kind == "head":
        starts = [i for i in inner if i <= n - 8]
        return (_finish(words[rng.choice(starts) :]), kind) if starts else None
    text = sentence.rstrip(" .")
    if ", " not in text or words[0].lower() not in PREMISE_WORDS:
        return None
    return _finish(text.split(", ")[0].split()), kind


def _examples(line: str) -> tuple[str, list[dict]]:
    record = json.loads(line)
    rng = random.Random(record["id"])
    body = "\n".join(tidy(p) for p in record["body"].split("\n"))
    sentences = [s.text for s in segment(body) if 12 <= len(syllables(s.text)) <= 70]
    out: list[dict] = []
    for pair in pairs_of(record):
        if pair["task"] == "compress":
            source = pair["source"].removeprefix(COMPRESS_PREFIX)
            target = aligned(source, pair["target"])
            if target:
                out.append({"source": source, "text": target, "label": 1, "kind": "aligned"})
    for sentence in rng.sample(sentences, min(3, len(sentences))):
        cut = deletions(sentence, rng)
        if cut and check(cut, sentence) is None:
            out.append({"source": sentence, "text": cut, "label": 1, "kind": "deletion"})
        if rng.random() < 0.3:
            out.append({"source": sentence, "text": sentence, "label": 1, "kind": "sentence"})
        for _ in range(2):
            made = broken(sentence, rng)
            if not made or not made[0]:
                continue
            text, kind = made
            if check(text, sentence) is None or rng.random() < KEEP_GUARD_REJECTED:
                out.append({"source": sentence, "text": text, "label": 0, "kind": kind})
    return record["split"], out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, default=25, help="read every Nth article of the file")
    args = parser.parse_args()
    counts = from_vietnews(OUT, _examples, lambda example: f"{example['kind']}-{example['label']}", args.every)
    print(json.dumps(counts, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
