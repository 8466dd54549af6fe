"""`make export`: the bundled rewriter (models/vnsum-t5) for CTranslate2, so `vnsum brief --model models/vnsum-t5`
runs without torch or transformers (vnsum/rewrite/ct2.py).

Converts model.safetensors with CTranslate2's Transformers converter, quantized to int8, into models/vnsum-t5/ct2/
(a build product, not in git). VNSUM_REWRITER_RUNTIME=torch runs the torch model instead, for comparison.

    python scripts/export_rewriter.py [--dir models/vnsum-t5] [--check]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from vnsum.rewrite.ct2 import EXPORT_DIR  # noqa: E402
from vnsum.rewrite.model import BUNDLED  # noqa: E402


def export(directory: Path = BUNDLED) -> Path:
    import ctranslate2

    target = directory / EXPORT_DIR
    ctranslate2.converters.TransformersConverter(str(directory)).convert(str(target), quantization="int8", force=True)
    return target


def check(directory: Path = BUNDLED) -> dict:
    """The gold briefed with the model in each runtime (the same labeller): the guard's acceptance, section
    ROUGE-L, unfaithful items, bullets that are not deletions, the model's seconds, and how many bullets are the
    same text."""
    import time

    from vnsum.api import Settings, load_labeller
    from vnsum.evaluate import evaluate
    from vnsum.gold import load_gold
    from vnsum.pipeline import Options, brief
    from vnsum.read import Article
    from vnsum.rewrite.ct2 import Ct2Rewriter
    from vnsum.rewrite.model import Rewriter
    from vnsum.rewrite.model import Settings as ModelSettings

    articles = load_gold([ROOT.parent / "shared" / "data" / "gold"])
    labeller, _ = load_labeller(Settings())
    out, texts = {}, {}
    for name, rewriter in (("torch", Rewriter(directory)), ("ctranslate2", Ct2Rewriter(directory, ModelSettings.read(directory)))):
        options = Options(rewriter=rewriter, labeller=labeller)
        started = time.perf_counter()
        result = evaluate(articles, options)
        seconds = time.perf_counter() - started
        texts[name] = [b.text for a in articles for s in brief(Article(a.id, a.text), options).sections.values() for b in s]
        out[name] = {"seconds": round(seconds, 1), "bullets": result.bullets,
                     "rougeL": {k: round(v["rougeL"], 3) for k, v in result.rouge.items()},
                     "unfaithful": len(result.unfaithful)}
    out["same_bullets"] = sum(a == b for a, b in zip(texts["torch"], texts["ctranslate2"]))
    out["bullets_compared"] = min(len(texts["torch"]), len(texts["ctranslate2"]))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=BUNDLED)
    parser.add_argument("--check", action="store_true", help="compare both runtimes' briefs of the gold")
    args = parser.parse_args()
    print(export(args.dir), file=sys.stderr)
    if args.check:
        import json

        print(json.dumps(check(args.dir), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
