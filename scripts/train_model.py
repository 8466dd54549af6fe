"""Train the bundled seq2seq model (models/vnsum-t5/) from VietNews pairs, on a CPU or a GPU, resumable.

Stages (`make train-model` runs them all; each skips what is already done):
  pairs      scripts/build_pairs.py -> build/pairs/{train,val,test}.jsonl
  tokenizer  a SentencePiece unigram vocabulary trained on the training pairs -> build/t5/tokenizer/
  train      a small T5 from random weights; checkpoints (safetensors, no pickle) every --save-minutes into
             build/t5/checkpoint/, resumed from there when the command is run again; stops at --max-steps or
             after --hours
  export     fp16 weights, config, tokenizer and vnsum.json -> models/vnsum-t5/
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAIRS = ROOT / "build" / "pairs"
# VNSUM_TRAIN_DIR moves the work (tokenizer, checkpoints) elsewhere, e.g. to try a resume on a copy.
WORK = Path(os.environ.get("VNSUM_TRAIN_DIR", ROOT / "build" / "t5"))
TOKENIZER = WORK / "tokenizer"
CHECKPOINT = WORK / "checkpoint"
EXPORT = ROOT / "models" / "vnsum-t5"
VOCAB_SIZE = 12000
MAX_SOURCE_TOKENS = {"compress": 128, "overview": 192, "copy": 128}
MAX_TARGET_TOKENS = {"compress": 64, "overview": 96, "copy": 128}
# An auxiliary training task (never asked for at run time): copy the sentence. See _identity.
COPY_PREFIX = "chép: "
COPY_SHARE = 0.1
# Overview pairs are long and secondary; this share of the batches keeps compression the main task.
OVERVIEW_SHARE = 0.1
# Self-supervised deletions (build_pairs.deletions) added to the compression pairs, this many tries per pair
# (about as many deletion pairs as editors' pairs): they teach copying and cutting, the operations a faithful
# bullet is made of; the copy phase (see _batch) uses them alone with the copy pairs.
DELETIONS_PER_PAIR = 2
# Architectures: T5 v1.1 style (gated GELU), sized for a 2-core CPU.
_COMMON = dict(feed_forward_proj="gated-gelu", dropout_rate=0.1, tie_word_embeddings=True,
               relative_attention_num_buckets=32, relative_attention_max_distance=128)
ARCHITECTURES = {
    "base": dict(d_model=384, d_kv=64, d_ff=1024, num_layers=4, num_decoder_layers=4, num_heads=6, **_COMMON),  # 21M
    "small": dict(d_model=256, d_kv=64, d_ff=768, num_layers=3, num_decoder_layers=3, num_heads=4, **_COMMON),  # 9M
}


def _config(tokenizer, size: str):
    from transformers import T5Config

    return T5Config(vocab_size=len(tokenizer), decoder_start_token_id=0, pad_token_id=0, eos_token_id=1, **ARCHITECTURES[size])


def log(message: str) -> None:
    print(time.strftime("%H:%M:%S"), message, file=sys.stderr, flush=True)


def stage_pairs() -> None:
    if not (PAIRS / "counts.json").exists():
        subprocess.run([sys.executable, str(ROOT / "scripts" / "build_pairs.py")], check=True)


def _read_pairs(split: str) -> list[dict]:
    with open(PAIRS / f"{split}.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def stage_tokenizer() -> None:
    """A unigram vocabulary with byte fallback (no character is ever unknown), T5's special ids.

    When a model has been exported already, its tokenizer is reused: training goes on from that model.
    """
    if (TOKENIZER / "tokenizer.json").exists():
        return
    if (EXPORT / "tokenizer.json").exists():
        TOKENIZER.mkdir(parents=True, exist_ok=True)
        for name in ("tokenizer.json", "tokenizer_config.json"):
            shutil.copy(EXPORT / name, TOKENIZER / name)
        log(f"tokenizer taken from {EXPORT}")
        return
    import sentencepiece as spm
    from transformers import T5Tokenizer

    TOKENIZER.mkdir(parents=True, exist_ok=True)
    corpus = WORK / "tokenizer-corpus.txt"
    with open(corpus, "w", encoding="utf-8") as f:
        for pair in _read_pairs("train"):
            f.write(pair["source"] + "\n" + pair["target"] + "\n")
    spm.SentencePieceTrainer.train(
        input=str(corpus), model_prefix=str(TOKENIZER / "spiece"), vocab_size=VOCAB_SIZE, model_type="unigram",
        character_coverage=0.9999, byte_fallback=True, pad_id=0, eos_id=1, unk_id=2, bos_id=-1,
        input_sentence_size=400000, shuffle_input_sentence=True, num_threads=os.cpu_count() or 1,
    )
    tokenizer = T5Tokenizer.from_pretrained(str(TOKENIZER), extra_ids=0, legacy=False)
    tokenizer.save_pretrained(str(TOKENIZER))
    corpus.unlink()


def _encode(tokenizer, pairs: list[dict]) -> list[tuple[str, list[int], list[int]]]:
    out = []
    for task in ("compress", "overview", "copy"):
        chosen = [p for p in pairs if p["task"] == task]
        if not chosen:
            continue
        sources = tokenizer([p["source"] for p in chosen], truncation=True, max_length=MAX_SOURCE_TOKENS[task])
        targets = tokenizer([p["target"] for p in chosen], truncation=True, max_length=MAX_TARGET_TOKENS[task])
        out += [(task, s, t) for s, t in zip(sources["input_ids"], targets["input_ids"])]
    return out


def _deletions(pairs: list[dict]) -> list[dict]:
    sys.path.insert(0, str(ROOT / "scripts"))
    from build_pairs import deletions

    from vnsum.rewrite.model import COMPRESS_PREFIX

    rng = random.Random(0)
    extra = []
    for pair in pairs:
        if pair["task"] == "compress":
            for _ in range(DELETIONS_PER_PAIR):
                target = deletions(pair["source"].removeprefix(COMPRESS_PREFIX), rng)
                if target:
                    extra.append({"task": "compress", "source": pair["source"], "target": target})
    log(f"{len(extra)} self-supervised deletion pairs")
    return extra


def _aligned(pairs: list[dict]) -> list[dict]:
    """The editors' compressions redone as cuts of their sources that the guard accepts (build_pairs.aligned).

    The editors' own rewrites teach a small model to rephrase, which it does by splicing fragments into claims
    its source does not make; the deletion pairs teach it to cut trailing clauses, where the figures are. These
    keep what the editors kept, in the only form the guard lets through.
    """
    sys.path.insert(0, str(ROOT / "scripts"))
    from build_pairs import aligned

    from vnsum.rewrite.model import COMPRESS_PREFIX

    out = []
    for pair in pairs:
        if pair["task"] == "compress":
            target = aligned(pair["source"].removeprefix(COMPRESS_PREFIX), pair["target"])
            if target:
                out.append({"task": "compress", "source": pair["source"], "target": target})
    log(f"{len(out)} aligned pairs")
    return out


def _identity(pairs: list[dict]) -> list[dict]:
    """Copy pairs ("chép: " sentence -> the same sentence): the cleanest signal for the copying a faithful
    compression is made of. A small T5 from scratch learns to copy only after a sudden transition (about 1,500
    steps of pure copying for a 2-layer model); the compression pairs alone had not got it there in 3,600."""
    from vnsum.rewrite.model import COMPRESS_PREFIX

    return [
        {"task": "copy", "source": COPY_PREFIX + p["source"].removeprefix(COMPRESS_PREFIX), "target": p["source"].removeprefix(COMPRESS_PREFIX)}
        for p in pairs
        if p["task"] == "compress"
    ]


def _batch(pools: dict[str, list], step: int, copy_until: int, batch_size: int, aligned_from: int | None = None) -> list:
    """The batch of `step`, a pure function of the step (a resumed run sees exactly the batches it would have).

    One task a batch: copying only until `copy_until`, then compression with OVERVIEW_SHARE overview batches and
    COPY_SHARE copy batches; from `aligned_from` on, the compression batches hold the aligned pairs only (editors'
    compressions redone as cuts the guard accepts, see _aligned). Examples of similar length are drawn together
    (pools are sorted by length): less padding.
    """
    rng = random.Random(step)
    if step < copy_until:
        task = "copy" if rng.random() < 0.5 else "deletion"
    else:
        draw = rng.random()
        task = "overview" if draw < OVERVIEW_SHARE else "copy" if draw < OVERVIEW_SHARE + COPY_SHARE else "compress"
        if task == "compress" and aligned_from is not None and step >= aligned_from:
            task = "aligned"
    pool = pools[task]
    start = rng.randrange(max(1, len(pool) - batch_size))
    return pool[start : start + batch_size]


def _collate(batch, torch):
    width = max(len(e[1]) for e in batch)
    target_width = max(len(e[2]) for e in batch)
    ids = torch.zeros(len(batch), width, dtype=torch.long)
    labels = torch.full((len(batch), target_width), -100, dtype=torch.long)
    for row, (_, source, target) in enumerate(batch):
        ids[row, : len(source)] = torch.tensor(source)
        labels[row, : len(target)] = torch.tensor(target)
    return ids, (ids != 0).long(), labels


def _save_checkpoint(model, optimizer, state: dict) -> None:
    """Weights and optimiser moments as safetensors, counters as JSON; written to a temp dir, then renamed."""
    from safetensors.torch import save_file

    tmp = CHECKPOINT.with_name("checkpoint.tmp")
    tmp.mkdir(parents=True, exist_ok=True)
    save_file(_unshared(model.state_dict()), str(tmp / "model.safetensors"))
    moments = {}
    names = {id(p): n for n, p in model.named_parameters()}
    for group in optimizer.param_groups:
        for p in group["params"]:
            st = optimizer.state.get(p)
            if st:
                moments[names[id(p)] + "::exp_avg"] = st["exp_avg"]
                moments[names[id(p)] + "::exp_avg_sq"] = st["exp_avg_sq"]
                state["adam_step"] = int(st["step"])
    save_file(moments, str(tmp / "optimizer.safetensors"))
    (tmp / "state.json").write_text(json.dumps(state, indent=1))
    old = CHECKPOINT.with_name("checkpoint.old")
    if CHECKPOINT.exists():
        CHECKPOINT.rename(old)
    tmp.rename(CHECKPOINT)
    if old.exists():
        for f in old.iterdir():
            f.unlink()
        old.rmdir()


def _unshared(tensors: dict) -> dict:
    """Tied weights (the embeddings shared by encoder, decoder and head) are stored once; loading re-ties them."""
    seen, out = set(), {}
    for name, tensor in tensors.items():
        if tensor.data_ptr() not in seen:
            seen.add(tensor.data_ptr())
            out[name] = tensor.contiguous()
    return out


def _latest_checkpoint() -> Path | None:
    """The checkpoint, or the previous one if a stop fell between the two renames of _save_checkpoint."""
    for candidate in (CHECKPOINT, CHECKPOINT.with_name("checkpoint.old")):
        if (candidate / "state.json").exists():
            return candidate
    return None


def _load_checkpoint(model, optimizer, torch) -> dict:
    from safetensors.torch import load_file

    checkpoint = _latest_checkpoint()
    model.load_state_dict(load_file(str(checkpoint / "model.safetensors")), strict=False)
    state = json.loads((checkpoint / "state.json").read_text())
    moments = load_file(str(checkpoint / "optimizer.safetensors"))
    for name, p in model.named_parameters():
        if name + "::exp_avg" in moments:
            optimizer.state[p] = {
                "step": torch.tensor(float(state["adam_step"])),
                "exp_avg": moments[name + "::exp_avg"],
                "exp_avg_sq": moments[name + "::exp_avg_sq"],
            }
    return state


def _warm_start(model, torch, state: dict) -> dict:
    """Go on from the exported (fp16) model when no checkpoint is here, e.g. in a fresh clone of the repo."""
    from safetensors.torch import load_file

    weights = {k: v.to(torch.float32) for k, v in load_file(str(EXPORT / "model.safetensors")).items()}
    model.load_state_dict(weights, strict=False)
    model.tie_weights()
    trained = json.loads((EXPORT / "vnsum.json").read_text(encoding="utf-8")).get("trained", {})
    return {**state, **{k: trained[k] for k in ("step", "examples", "seconds") if k in trained}}


def _exported_architecture(size: str) -> bool:
    """Is the exported model of this architecture (else a warm start cannot load it)?"""
    config = json.loads((EXPORT / "config.json").read_text(encoding="utf-8"))
    return all(config.get(k) == v for k, v in ARCHITECTURES[size].items())


def _learning_rate(step: int, peak: float, warmup: int) -> float:
    """Linear warm-up, then inverse square root decay (the T5 schedule)."""
    return peak * min((step + 1) / warmup, math.sqrt(warmup / (step + 1)))


def stage_train(args) -> None:
    import torch
    from transformers import T5ForConditionalGeneration, T5Tokenizer

    torch.manual_seed(0)
    torch.set_num_threads(args.threads or os.cpu_count() or 1)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    tokenizer = T5Tokenizer.from_pretrained(str(TOKENIZER))
    model = T5ForConditionalGeneration(_config(tokenizer, args.size)).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    state = {"step": 0, "seconds": 0.0, "examples": 0, "history": []}
    if _latest_checkpoint() is not None:
        state = _load_checkpoint(model, optimizer, torch)
        log(f"resumed at step {state['step']} ({state['seconds'] / 3600:.2f} h so far)")
    elif (EXPORT / "model.safetensors").exists() and _exported_architecture(args.size):
        state = _warm_start(model, torch, state)
        log(f"warm start from {EXPORT} at step {state['step']} (optimizer moments start afresh)")
    log(f"{sum(p.numel() for p in model.parameters()) / 1e6:.1f}M parameters on {device}")
    train_pairs = _read_pairs("train")
    deletions = _encode(tokenizer, _deletions(train_pairs))  # tokenised once, in two pools
    pools = {
        "compress": _encode(tokenizer, [p for p in train_pairs if p["task"] == "compress"]) + deletions,
        "aligned": _encode(tokenizer, _aligned(train_pairs)),
        "overview": _encode(tokenizer, [p for p in train_pairs if p["task"] == "overview"]),
        "copy": _encode(tokenizer, _identity(train_pairs)),
        "deletion": deletions,
    }
    for pool in pools.values():
        pool.sort(key=lambda e: len(e[1]))
    val_pairs = [p for p in _read_pairs("val") if p["task"] == "compress"][:512]
    held_out = _encode(tokenizer, val_pairs)
    held_out_copy = _encode(tokenizer, _identity(val_pairs))
    held_out_aligned = _encode(tokenizer, _aligned(val_pairs))
    log(", ".join(f"{len(v)} {k} pairs" for k, v in pools.items()))
    started, last_save = time.time(), time.time()
    seconds_before = state["seconds"]
    model.train()
    while state["step"] < args.max_steps:
        batch = _batch(pools, state["step"], args.copy_until, args.batch_size, args.aligned_from)
        ids, mask, labels = (t.to(device) for t in _collate(batch, torch))
        for group in optimizer.param_groups:
            group["lr"] = _learning_rate(state["step"], args.lr, args.warmup)
        with torch.autocast(device, dtype=torch.bfloat16, enabled=args.bf16):
            loss = model(input_ids=ids, attention_mask=mask, labels=labels).loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
        state["step"] += 1
        state["examples"] += len(batch)
        state["seconds"] = seconds_before + time.time() - started
        if state["step"] % 100 == 0:
            log(f"step {state['step']} loss {loss.item():.3f} lr {optimizer.param_groups[0]['lr']:.2e}")
        out_of_time = args.hours and state["seconds"] >= args.hours * 3600
        if time.time() - last_save >= args.save_minutes * 60 or state["step"] >= args.max_steps or out_of_time:
            state["history"].append({
                "step": state["step"],
                "val_loss": _val_loss(model, held_out, torch, device),
                "copy_loss": _val_loss(model, held_out_copy, torch, device),
                "aligned_loss": _val_loss(model, held_out_aligned, torch, device),
            })
            log(f"checkpoint at step {state['step']}: " + ", ".join(f"{k} {v:.3f}" for k, v in state["history"][-1].items() if k != "step"))
            _save_checkpoint(model, optimizer, state)
            last_save = time.time()
            model.train()
        if out_of_time:
            return


def _val_loss(model, examples, torch, device) -> float:
    model.eval()
    total, count = 0.0, 0
    with torch.no_grad():
        for i in range(0, len(examples), 32):
            ids, mask, labels = (t.to(device) for t in _collate(examples[i : i + 32], torch))
            total += model(input_ids=ids, attention_mask=mask, labels=labels).loss.item()
            count += 1
    return total / max(1, count)


def stage_export(directory: Path = EXPORT, size: str = "small") -> None:
    """fp16 safetensors plus everything transformers and vnsum need to load it offline."""
    import torch
    from safetensors.torch import load_file
    from transformers import T5ForConditionalGeneration, T5Tokenizer

    from vnsum.rewrite.model import COMPRESS_PREFIX, OVERVIEW_PREFIX

    tokenizer = T5Tokenizer.from_pretrained(str(TOKENIZER))
    model = T5ForConditionalGeneration(_config(tokenizer, size))
    checkpoint = _latest_checkpoint()
    model.load_state_dict(load_file(str(checkpoint / "model.safetensors")), strict=False)
    model.tie_weights()
    model = model.to(torch.float16)
    directory.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(str(directory))
    tokenizer.save_pretrained(str(directory))
    state = json.loads((checkpoint / "state.json").read_text())
    settings = {
        "prefix": {"compress": COMPRESS_PREFIX, "overview": OVERVIEW_PREFIX},
        "max_source_tokens": {task: MAX_SOURCE_TOKENS[task] for task in ("compress", "overview")},
        "max_new_tokens": {task: MAX_TARGET_TOKENS[task] for task in ("compress", "overview")},
        "num_beams": 2,
        "candidates": 2,
        "no_repeat_ngram_size": 3,
        "dtype": "float32",
        "source_vocabulary": True,
        "spelling": "old",  # VietNews places tone marks the old way ("hoà", "Uỷ"): see vnsum/spelling.py
        "trained": {**{k: state[k] for k in ("step", "examples", "seconds")}, **{
            k: round(v, 3) for k, v in (state["history"][-1] if state["history"] else {}).items() if k != "step"}},
    }
    (directory / "vnsum.json").write_text(json.dumps(settings, ensure_ascii=False, indent=1) + "\n")
    log(f"exported to {directory}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stages", nargs="*", default=["pairs", "tokenizer", "train", "export"])
    parser.add_argument("--size", choices=sorted(ARCHITECTURES), default="small", help="the architecture (see ARCHITECTURES)")
    parser.add_argument("--max-steps", type=int, default=60000)
    parser.add_argument("--hours", type=float, default=0.0, help="stop after this much training time in all (0: no limit)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--warmup", type=int, default=1000)
    parser.add_argument("--copy-until", type=int, default=3500, help="steps of copying and deletion only, before compression")
    parser.add_argument(
        "--aligned-from", type=int, default=5000,
        help="from this step on, compression batches hold the aligned pairs only (see _aligned)",
    )
    parser.add_argument("--save-minutes", type=float, default=10.0)
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--export-dir", type=Path, default=EXPORT, help="where `export` writes the model")
    parser.add_argument(
        "--bf16", action=argparse.BooleanOptionalAction, default=True,
        help="bfloat16 autocast (weights stay fp32): 1.6x faster on a CPU with AMX, as on the build machine",
    )
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    for stage in args.stages:
        log(f"stage {stage}")
        if stage == "train":
            stage_train(args)
        else:
            {"pairs": stage_pairs, "tokenizer": stage_tokenizer, "export": lambda: stage_export(args.export_dir, args.size)}[stage]()


if __name__ == "__main__":
    main()
