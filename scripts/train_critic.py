"""Fine-tune an acceptability critic from e5 (issue 19, item 2): does a compression read as a complete, faithful
statement of its source?

The critic reads "passage: " + the compression, then its source, through the lowest `--layers` layers of
multilingual-e5-small (build/encoder, `make encoder`; word embeddings frozen), averages the compression's tokens
(which attend to the source) and scores the pair with a linear head. It learns from build/critic/train.jsonl
(scripts/build_critic_data.py: VietNews compressions the guard accepts against ones broken by the cuts a small
model makes) and is scored on

- build/critic/val.jsonl: held-out VietNews pairs of the same kind (ROC AUC);
- bench/judged_hypotheses.jsonl: 414 hypotheses of the bundled rewriter that the guard accepts, each read by a
  person (`ok` against `grammar` or `meaning`): the measure that matters.

Resumable: a checkpoint (safetensors) every 100 steps under build/critic/run (train_labeller.FineTuning).

    python scripts/train_critic.py [--layers 6] [--epochs 2]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from pathlib import Path

import numpy as np
import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from train_classifier import pool_text  # noqa: E402
from train_labeller import fine_tune_in_batches, read_jsonl  # noqa: E402
from vnsum.read import normalise  # noqa: E402

ENCODER = ROOT / "build" / "encoder"
DATA = ROOT / "build" / "critic"
JUDGED = ROOT / "bench" / "judged_hypotheses.jsonl"
POOL = ROOT.parent / "shared" / "data" / "meetings_pool.jsonl.gz"
MAX_TOKENS = 160
BATCH = 16
LEARNING_RATE, HEAD_LEARNING_RATE = 5e-5, 1e-3


class Critic(torch.nn.Module):
    def __init__(self, encoder) -> None:
        super().__init__()
        self.encoder = encoder
        self.head = torch.nn.Linear(encoder.config.hidden_size, 1)

    def forward(self, ids: torch.Tensor, mask: torch.Tensor, pool: torch.Tensor | None = None) -> torch.Tensor:
        """`pool` (default `mask`) marks the tokens averaged: the compression's own, which attend to its source."""
        hidden = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
        pool = mask if pool is None else pool
        pooled = (hidden * pool[..., None]).sum(1) / pool.sum(1, keepdim=True)
        return self.head(pooled).squeeze(-1)


def build(layers: int):
    from tokenizers import Tokenizer
    from transformers import BertModel

    if not (ENCODER / "model.safetensors").is_file():
        sys.exit(f"{ENCODER} is missing: run `make encoder` first")
    encoder = BertModel.from_pretrained(str(ENCODER), add_pooling_layer=False)
    encoder.encoder.layer = encoder.encoder.layer[:layers]
    encoder.config.num_hidden_layers = layers
    return Critic(encoder), Tokenizer.from_file(str(ENCODER / "tokenizer.json"))


def encode(tokenizer, pairs: list[tuple[str, str]], with_source: bool = True) -> tuple[torch.Tensor, ...]:
    """(compression, source) pairs -> padded ids, mask, and the compression's tokens: <s> passage: compression </s>
    source </s>."""
    rows, own = [], []
    for text, source in pairs:
        a = tokenizer.encode("passage: " + text).ids[:MAX_TOKENS]
        b = tokenizer.encode(source, add_special_tokens=False).ids if with_source else []
        rows.append((a + b[: max(0, MAX_TOKENS - len(a) - 1)] + (a[-1:] if b else []))[:MAX_TOKENS])
        own.append(len(a))
    width = max(map(len, rows))
    ids = torch.full((len(rows), width), 1, dtype=torch.long)  # <pad> is 1 in XLM-R's vocabulary
    mask = torch.zeros((len(rows), width), dtype=torch.long)
    pool = torch.zeros((len(rows), width), dtype=torch.long)
    for k, row in enumerate(rows):
        ids[k, : len(row)] = torch.tensor(row)
        mask[k, : len(row)] = 1
        pool[k, : own[k]] = 1
    return ids, mask, pool


def judged() -> list[dict]:
    """The judged hypotheses with their source sentences (read from the pool; the repo keeps offsets only)."""
    rows = read_jsonl(JUDGED)
    wanted, texts = {r["id"] for r in rows}, {}
    with gzip.open(POOL, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in wanted:
                texts[record["id"]] = normalise(pool_text(record))
    for row in rows:
        row["source"] = " ".join(texts[row["id"]][a:b] for a, b in row["offsets"])
        row["text"], row["label"] = row["bullet"], int(row["verdict"] == "ok")
    return rows


def scores(model: Critic, tokenizer, rows: list[dict]) -> np.ndarray:
    model.eval()
    out = []
    with torch.inference_mode():
        for start in range(0, len(rows), 32):
            batch = rows[start : start + 32]
            out.append(model(*encode(tokenizer, [(r["text"], r["source"]) for r in batch])).numpy())
    return np.concatenate(out)


def auc(labels: list[int], values: np.ndarray) -> float:
    y = np.array(labels)
    positive, negative = values[y == 1], values[y == 0]
    return float((positive[:, None] > negative[None, :]).mean() + 0.5 * (positive[:, None] == negative[None, :]).mean())


def train(run: Path, layers: int, epochs: int, seed: int = 19) -> Critic:
    torch.manual_seed(seed)
    model, tokenizer = build(layers)
    for name, p in model.named_parameters():
        p.requires_grad = not name.startswith("encoder.embeddings.word_embeddings")

    def loss(batch: list[dict]) -> torch.Tensor:
        logits = model(*encode(tokenizer, [(e["text"], e["source"]) for e in batch]))
        return torch.nn.functional.binary_cross_entropy_with_logits(logits, torch.tensor([float(e["label"]) for e in batch]))

    fine_tune_in_batches(run, model, read_jsonl(DATA / "train.jsonl"), BATCH, epochs, (LEARNING_RATE, HEAD_LEARNING_RATE),
                         loss, seed)
    return model


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layers", type=int, default=6)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--run", type=Path, default=DATA / "run")
    args = parser.parse_args()
    model = train(args.run, args.layers, args.epochs)
    _, tokenizer = build(args.layers)
    val = read_jsonl(DATA / "val.jsonl")
    val = random.Random(0).sample(val, min(1000, len(val)))
    real = judged()
    real_scores = scores(model, tokenizer, real)
    result = {"val_auc": round(auc([r["label"] for r in val], scores(model, tokenizer, val)), 3),
              "judged_auc": round(auc([r["label"] for r in real], real_scores), 3), "judged": len(real)}
    (args.run / "scores.json").write_text(json.dumps(result, indent=1) + "\n")
    np.save(args.run / "judged_scores.npy", real_scores)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
