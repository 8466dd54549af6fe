"""Does int8 cost the encoder labeller anything? The cross-validation of `make train-labeller`, re-scored with each
fold's model exported to ONNX Runtime and quantized to int8 (scripts/export_onnx.py --int8), against the same
folds' float32 torch probabilities.

Each fold's out-of-fold probabilities are recomputed by the int8 export, batched as vnsum batches them at run time
(EncoderLabeller.probabilities), written to build/labeller-int8/<fold>/oof.json, and scored by
train_labeller.score, which refits the linear model and the sequence model per fold exactly as for float32.
Needs build/encoder (`make encoder`) and the fold checkpoints of build/labeller-enc (`make train-labeller`).

    python scripts/int8_cv.py [--folds cv hcv]    # -> build/labeller-int8/int8_cv.json
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import export_onnx  # noqa: E402
import train_labeller  # noqa: E402

from vnsum.labellers.encoder import EncoderLabeller  # noqa: E402
from vnsum.labellers.encoder_inputs import layout  # noqa: E402

OUT = ROOT / "build" / "labeller-int8"


def fold_probabilities(run: Path, articles: list, tested: list, fold: int) -> dict:
    """The int8 export of one fold's model: out-of-fold {article id: (content indices, probabilities)}."""
    from safetensors.torch import load_file, save_file

    model, _ = train_labeller.build_model()
    model.load_state_dict(load_file(str(run / "checkpoint.safetensors")), strict=False)
    with tempfile.TemporaryDirectory(prefix="int8-") as scratch:
        directory = Path(scratch)
        save_file({name: t.detach().contiguous() for name, t in model.state_dict().items()}, str(directory / "model.safetensors"))
        for name in ("config.json", "tokenizer.json"):
            shutil.copy(train_labeller.ENCODER / name, directory / name)
        (directory / "vnsum.json").write_text(json.dumps({"name": "int8", "transitions": [], "prior": []}))
        export_onnx.export(directory, int8=True)
        labeller = EncoderLabeller(directory)
        out = {}
        for k in range(len(tested)):
            if k % train_labeller.FOLDS == fold:
                sentences = tuple(example.sentence for example in tested[k])
                out[articles[k].id] = (layout(sentences).content, labeller.probabilities(sentences))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", nargs="+", default=["cv", "hcv"], choices=["cv", "hcv"])
    args = parser.parse_args()
    gold_articles, gold, hand_articles, hand = train_labeller.load_data()
    results = {}
    for prefix in args.folds:
        on_hand = prefix == "hcv"
        tested, articles = (hand, hand_articles) if on_hand else (gold, gold_articles)
        for fold in range(train_labeller.FOLDS):
            target = OUT / f"{prefix}{fold}" / "oof.json"
            if not target.is_file():
                probabilities = fold_probabilities(train_labeller.RUNS / f"{prefix}{fold}", articles, tested, fold)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(json.dumps(probabilities))
            print(f"{prefix}{fold} done", file=sys.stderr, flush=True)
        float32 = train_labeller.score(on_hand)
        runs, train_labeller.RUNS = train_labeller.RUNS, OUT
        try:
            int8 = train_labeller.score(on_hand)
        finally:
            train_labeller.RUNS = runs
        results[prefix] = {"float32": float32, "int8": int8}
    (OUT / "int8_cv.json").write_text(json.dumps(results, indent=1) + "\n")
    for prefix, both in results.items():
        for key in both["float32"]:
            row = {name: both[name][key]["all"]["macro_f1"] for name in ("float32", "int8")}
            print(prefix, key, row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
