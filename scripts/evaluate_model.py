"""Measure the bundled seq2seq model for its model card: models/vnsum-t5/metrics.json.

1. VietNews test pairs (build/pairs/test.jsonl, never trained on): ROUGE-1/2/L F1 of the model's compressions
   against the editors' sentences, next to two baselines: copying the source, and a rule-based deletion
   (leading connective and time/attribution clause dropped, parentheses removed, long sentences cut at a clause
   boundary: vnsum's own extractive trimming). Also the share of sources for which the guard accepts the model's
   best hypothesis, and one of its `candidates` hypotheses (what vnsum prints).
2. Gold articles (../shared/data/gold): the guard's acceptance of generated bullets, section ROUGE-L against the
   reference bullets with the model and with --extractive, and unfaithful items (must be 0).

    python scripts/evaluate_model.py [--model models/vnsum-t5] [--pairs 300]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_pairs import _OPENING_CLAUSE, _PARENTHESES  # noqa: E402 - the same deletion rules as the training data

from vnsum.evaluate import evaluate, rouge
from vnsum.gold import load_gold
from vnsum.pipeline import Options
from vnsum.rewrite.model import BUNDLED, COMPRESS_PREFIX, Rewriter
from vnsum.rewrite.stage import first_accepted
from vnsum.select import trim

ROOT = Path(__file__).resolve().parents[1]
# How the shipped export was reached.
HISTORY = (
    "from random weights with the recipe's defaults (held-out copy loss 4.56 at step 1,740, 3.15 at 2,924: copying"
    " sets in late and suddenly), except that the aligned phase began at step 5,083 (the previous export) rather"
    " than 5,000. Since then the editors' loss is not what training minimises: it rose from 2.98 to 3.45 while"
    " the model learnt the aligned cuts (at step 7,767 its gold section ROUGE-L was already level with the"
    " extractive brief's, with 46% of bullets accepted)."
)


# Why this export stopped being the default (issue 19), measured once on 2026-12-05 with this script's gold part.
GUARD_HISTORY = (
    "Until 2026-12-05 it was the default, with the guard then accepting 70% of its gold bullets. Read one by one"
    " (bench/JUDGED.md), 13 of 111 of its printed bullets said what their source does not and 29 could not stand;"
    " the guard now requires a bullet to be its source with words deleted and checks where it starts and ends, the"
    " frames it keeps and the words its cuts take. On the judged set that leaves 0 such bullets and 4 of 52 that"
    " cannot stand, at the cost of the acceptance above. More hypotheses raise it (4 beams and 4 candidates: 57%;"
    " 6 and 6: 65%, 1.3x the time) without lifting section ROUGE-L above the extractive brief's (0.366 / 0.320 /"
    " 0.314 at 6 and 6), so the export keeps 2 and 2. What would make it the default again: a model whose"
    " compressions keep the clause (warm-started from the e5 encoder, or trained on the aligned cuts this guard"
    " accepts) rather than more decoding. Nor would choosing better among its hypotheses: on the gold, an oracle"
    " that prints, of the 8 best hypotheses the guard accepts, the one closest to the reference bullets (and the"
    " sentence when none is closer) reaches section ROUGE-L 0.373 / 0.334 / 0.294, against the extractive brief's"
    " 0.371 / 0.336 / 0.317 (bench/rerank_bound.py, 2026-12-06). On 2026-12-06 the guard also stopped bullets"
    " that start inside their clause (bench/JUDGED.md: of the 414 hypotheses people read, 46 of 170 broken and"
    " 11 of 244 good)."
)

# The shipped runtime, measured by `scripts/export_rewriter.py --check` (not by this script), kept in the card.
CT2_RUNTIME = (
    '## Runtime: CTranslate2 (`make export`, `scripts/export_rewriter.py`)\n'
    "`make export` converts `model.safetensors` with CTranslate2's (MIT) Transformers converter, quantized to int8, into\n"
    '`ct2/` (9 MB, a build product outside git); `vnsum brief --model models/vnsum-t5` then runs it without importing\n'
    'torch or transformers (a test checks), through `vnsum/rewrite/ct2.py`: the same prefix, tone-mark convention, 2 beams,\n'
    "2 hypotheses and trigram rule. The source-token constraint has no per-example hook in CTranslate2's batches, so each\n"
    'sentence is decoded alone with every token outside its source (in its three spellings) and the function syllables\n'
    'suppressed (`suppress_sequences`); the deadline is checked between sentences. `VNSUM_REWRITER_RUNTIME=torch` runs\n'
    'the torch model. Why CTranslate2 rather than ONNX Runtime: it runs beam search with several hypotheses natively,\n'
    'where an ONNX export of a seq2seq model needs its decoding loop written around the graph.\n'
    '\n'
    'On the 44 gold articles with the default labeller (`python scripts/export_rewriter.py --check`, both in one run,\n'
    'on a CPU shared with another job; with the guard of 2026-12-05: the guard of 2026-12-06, which also rejects a\n'
    'bullet that starts inside its clause, leaves CTranslate2 39% at 2 beams, bench/rerank_bound.py):\n'
    '\n'
    '| runtime | model seconds (whole gold) | guard acceptance | section ROUGE-L | unfaithful | not deletions |\n'
    '|---|---|---|---|---|---|\n'
    '| torch (float32) | 580 | 46.7% (196 of 420) | 0.352 / 0.320 / 0.292 | 0 | 0 |\n'
    '| CTranslate2 (int8) | 75 | 42.4% (178 of 420) | 0.356 / 0.324 / 0.291 | 0 | 0 |\n'
    '\n'
    "301 of the 420 bullets are the same text. The guard's guarantees hold in both (0 unfaithful, 0 non-deletions);\n"
    'int8 decoding finds a guard-accepted hypothesis a little less often (the rest fall back to their sentence), and\n'
    'section ROUGE-L moves by at most 0.004. The model seconds above are one run on a CPU shared with another job, so\n'
    'the ratio is rough. Cold, `vnsum brief --model models/vnsum-t5` of the seed (`make bench` of 2026-12-06 00:27,\n'
    "labeller included) takes 4.6 s and 213 MB against torch's 5.4 s and 574 MB (5.42 s in the previous bench;\n"
    '`/usr/bin/time` alone: 4.7 s against 5.4 s): decoding each sentence alone with its suppressed tokens costs most\n'
    'of what CTranslate2 saves on a short article. Batching sentences that share a suppressed set is the next step.\n'
)


def deletion_baseline(sentence: str) -> str:
    """Rule-based compression: drop parentheses and an opening time/place/attribution clause, then trim."""
    text = _PARENTHESES.sub("", sentence)
    text = _OPENING_CLAUSE.sub("", text, count=1) or text
    text = trim(text)
    return text[:1].upper() + text[1:]


def mean_rouge(candidates: list[str], references: list[str]) -> dict[str, float]:
    totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}
    for c, r in zip(candidates, references):
        for k, v in rouge(c, r).items():
            totals[k] += v
    return {k: round(v / max(1, len(candidates)), 4) for k, v in totals.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=BUNDLED)
    parser.add_argument("--pairs", type=int, default=300)
    parser.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "data" / "gold")
    parser.add_argument("--gold-only", action="store_true",
                        help="re-measure the gold part only (after a change of the guard), keeping metrics.json's VietNews part")
    args = parser.parse_args()
    rewriter = Rewriter(args.model)
    if args.gold_only:
        out = json.loads((args.model / "metrics.json").read_text(encoding="utf-8"))
        out["gold"] = gold_metrics(rewriter, args.gold)
        print(json.dumps(out["gold"]))
        write(out, args.model)
        return
    pairs = [json.loads(line) for line in open(ROOT / "build" / "pairs" / "test.jsonl", encoding="utf-8")]
    pairs = [p for p in pairs if p["task"] == "compress"]
    random.Random(0).shuffle(pairs)
    pairs = pairs[: args.pairs]
    sources = [p["source"].removeprefix(COMPRESS_PREFIX) for p in pairs]
    references = [p["target"] for p in pairs]
    started = time.perf_counter()
    hypotheses = rewriter.candidates(sources, "compress")
    seconds = time.perf_counter() - started
    outputs = [options[0] for options in hypotheses]
    printed = [first_accepted(options, source)[0] for options, source in zip(hypotheses, sources)]
    vietnews = {
        "pairs": len(pairs),
        "model": mean_rouge(outputs, references),
        "model_guarded": mean_rouge([p or deletion_baseline(s) for p, s in zip(printed, sources)], references),
        "copy_source": mean_rouge(sources, references),
        "rule_deletion": mean_rouge([deletion_baseline(s) for s in sources], references),
        # Hypotheses are distinct, so the best one was accepted exactly when it is the one printed.
        "guard_accepts_best": round(sum(p == o for p, o in zip(printed, outputs)) / len(sources), 3),
        "guard_accepts": round(sum(p is not None for p in printed) / len(sources), 3),
        "seconds_per_pair": round(seconds / len(pairs), 4),
        "examples": [{"source": s, "model": o, "reference": r} for s, o, r in list(zip(sources, outputs, references))[:5]],
    }
    print(json.dumps({k: v for k, v in vietnews.items() if k != "examples"}))
    gold = gold_metrics(rewriter, args.gold)
    print(json.dumps(gold))
    write({"model": str(args.model.relative_to(ROOT)) if args.model.is_relative_to(ROOT) else str(args.model),
           "parameters": rewriter.parameters, "vietnews_test": vietnews, "gold": gold}, args.model)


def gold_metrics(rewriter: Rewriter, gold_dir: Path) -> dict:
    """The guard's acceptance, section ROUGE-L with the model and with --extractive, bullet length, unfaithful
    items and model bullets that are not deletions, on the gold articles."""
    gold_articles = load_gold([gold_dir])
    with_model = evaluate(gold_articles, Options(rewriter=rewriter))
    choosing = rewriter.settings
    rewriter.settings = replace(choosing, candidates=1)
    best_only = evaluate(gold_articles, Options(rewriter=rewriter)).bullets["accepted_share"]
    rewriter.settings = choosing
    extractive = evaluate(gold_articles, Options())
    return {
        "articles": len(gold_articles),
        "bullets": with_model.bullets,
        "extractive_words": extractive.bullets["words"],
        "extractive_median_syllables": extractive.bullets["median_syllables"],
        "accepted_share_best_only": best_only,
        "rougeL_model": {k: v["rougeL"] for k, v in with_model.rouge.items()},
        "rougeL_extractive": {k: v["rougeL"] for k, v in extractive.rouge.items()},
        "rouge_model": with_model.rouge,
        "rouge_extractive": extractive.rouge,
        "unfaithful_model": len(with_model.unfaithful),
        "unfaithful_extractive": len(extractive.unfaithful),
    }


def write(out: dict, model: Path) -> None:
    """metrics.json, the default flag in vnsum.json and the model card, from the same numbers."""
    counts = ROOT / "build" / "pairs" / "counts.json"
    if counts.exists():  # else (--gold-only on a machine without the pairs) the last measured counts stay
        out["pair_counts"] = json.loads(counts.read_text())
    out["default"] = not _unmet(out)
    settings_path = model / "vnsum.json"
    settings = json.loads(settings_path.read_text(encoding="utf-8"))
    settings["default"] = out["default"]
    settings_path.write_text(json.dumps(settings, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (model / "metrics.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (model / "MODEL_CARD.md").write_text(model_card(out, model), encoding="utf-8")


def _unmet(metrics: dict) -> list[str]:
    """The criteria for being vnsum's default that this export misses, in words (none: it is the default)."""
    g = metrics["gold"]
    out = []
    if g["bullets"]["accepted_share"] < 0.6:
        out.append(f"the guard accepts {g['bullets']['accepted_share']:.0%} of its bullets (needs 60%)")
    if sum(g["rougeL_model"].values()) <= sum(g["rougeL_extractive"].values()):
        out.append("its section ROUGE-L is not above the extractive brief's")
    if g["unfaithful_model"]:
        out.append(f"{g['unfaithful_model']} unfaithful items")
    return out


def model_card(metrics: dict, directory: Path) -> str:
    """The card's numbers come from metrics.json of the same run, so the two never disagree."""
    settings = json.loads((directory / "vnsum.json").read_text(encoding="utf-8"))
    config = json.loads((directory / "config.json").read_text(encoding="utf-8"))
    counts = metrics.get("pair_counts", {})
    trained = settings.get("trained", {})
    v, g = metrics["vietnews_test"], metrics["gold"]
    size = (directory / "model.safetensors").stat().st_size / 1e6

    def row(name: str, r: dict) -> str:
        return f"| {name} | {r['rouge1']:.3f} | {r['rouge2']:.3f} | {r['rougeL']:.3f} |"

    sections = ("achievements", "limitations", "directives")
    return "\n".join([
        "# vnsum-t5: the bundled seq2seq model", "",
        "Rewrites each chosen bullet of a brief (from its source sentence or sentences) into a shorter bullet that keeps",
        "the facts, and writes the `--overview`. Every output passes vnsum's guard (vnsum/rewrite/guard.py) or is",
        "replaced by the extractive text. Decoding is limited to the source's tokens and function syllables.", "",
        "## Model", "",
        f"- T5 v1.1 architecture (gated GELU), trained from random weights: d_model {config['d_model']}, "
        f"{config['num_layers']} encoder and {config['num_decoder_layers']} decoder layers, {config['num_heads']} heads, "
        f"d_ff {config['d_ff']}, tied embeddings; **{metrics['parameters'] / 1e6:.1f}M parameters**.",
        f"- Its own SentencePiece unigram vocabulary of {config['vocab_size']:,} pieces, trained on the training pairs.",
        f"- `model.safetensors`: float16, {size:.0f} MB. Loaded as float32 on the CPU. No pickle anywhere.",
        f"- Task prefixes (vnsum.json): compression `{settings['prefix']['compress']}`, overview `{settings['prefix']['overview']}`;"
        f" beam search with {settings['num_beams']} beams, of which the guard may choose the first of"
        f" {settings.get('candidates', 1)} hypotheses it accepts (vnsum/rewrite/stage.py).", "",
        "## Data", "",
        "VietNews (`../shared/data/vietnews.jsonl.gz`; its own train/val/test split kept; test never trained on),",
        "pairs built by `scripts/build_pairs.py`:",
        "- compression: each sentence of an editor-written lead, paired with the body sentence (or two adjacent ones)",
        "  holding at least 70% of its syllables; and the title, paired with the lead sentence it shortens. A pair whose",
        "  target fails the runtime guard against its source is dropped, so the model only sees faithful compressions;",
        "- overview: the first 200 words of the body -> the lead's first two sentences, kept when the lead draws at",
        "  least 70% of its syllables from them;",
        "- self-supervised deletions (`build_pairs.deletions`, two tries per compression source): parentheses, an opening",
        "  time/place clause and a reported-speech head (\"Ông X, Chủ tịch ..., đề nghị\") dropped, trailing clauses cut;",
        "- copy (`chép: ` sentence -> the same sentence), an auxiliary task never asked for at run time;",
        "- aligned (`build_pairs.aligned`): each editor's compression redone as cuts of its source that the guard",
        "  accepts: the source words the editor kept (an alignment with the fewest runs) are kept, and a cut the",
        "  guard would call a splice is undone or moved to the next punctuation mark; about half the pairs yield one.",
        f"- Counts: train {counts.get('train-compress', 0):,} compression and {counts.get('train-overview', 0):,} overview pairs"
        f" from {counts.get('train-articles', 0):,} articles; test {counts.get('test-compress', 0):,} compression pairs.", "",
        "## Training", "",
        "`make train-model` (scripts/train_model.py): AdamW, peak learning rate 1e-3 with 1,000 warm-up steps and",
        "inverse-square-root decay, batches of 32 examples of one task and similar length, bfloat16 autocast,",
        "checkpoints (safetensors) and exact resume (a batch is a function of its step). A model trained from scratch",
        "does not learn to copy from compression pairs alone (the previous 21M export had not after 3,600 steps:",
        "copying the source cost 4.8 nats a token, as much as the editors' rewrites, and 1,200 further steps of copy",
        "batches did not change it), so the recipe starts from random weights with copy and deletion batches only",
        "(`--copy-until`), then compression with 10% overview and 10% copy batches; from `--aligned-from` on, the",
        "compression batches hold the aligned pairs only: the editors' rewrites taught it to splice fragments into",
        "claims its source does not make, the deletions to cut trailing clauses, where the figures are. The 9M `small` size",
        "(`--size`) trains more than twice as many steps an hour on this CPU as the 21M `base` of the previous export.",
        f"This export: **{trained.get('step', 0):,} steps** ({trained.get('examples', 0):,} examples,"
        f" {trained.get('seconds', 0) / 3600:.1f} h) on the 2-core CPU of the build machine (no GPU was lent to this task);"
        f" {HISTORY}",
        f"Held-out loss per token: {trained.get('val_loss', float('nan')):.2f} on editors' compressions,"
        f" {trained.get('copy_loss', float('nan')):.2f} on copying"
        + (f", {trained['aligned_loss']:.2f} on aligned pairs." if "aligned_loss" in trained else "."),
        "Training had not converged when this export was taken; running `make train-model` again resumes it.", "",
        f"## Scores on {v['pairs']} held-out VietNews test compression pairs (ROUGE F1, syllables)", "",
        "| system | ROUGE-1 | ROUGE-2 | ROUGE-L |", "|---|---|---|---|",
        row("copy the source", v["copy_source"]),
        row("rule-based deletion (vnsum's trimming)", v["rule_deletion"]),
        row("vnsum-t5", v["model"]),
        row("vnsum-t5, guarded (rejected -> deletion)", v["model_guarded"]), "",
        f"The guard accepts the model's best hypothesis for {v['guard_accepts_best']:.0%} of these sources, and one of"
        f" its {settings.get('candidates', 1)} best for {v['guard_accepts']:.0%} (the guarded row prints that one); "
        f"{v['seconds_per_pair'] * 1000:.0f} ms per pair (batches of 16).", "",
        f"## On the {g['articles']} gold articles (`vnsum eval ../shared/data/gold`)", "",
        f"- Guard: {g['bullets']['seq2seq']} of {g['bullets']['seq2seq'] + g['bullets']['rejected']} generated bullets accepted"
        f" (**{g['bullets']['accepted_share']:.0%}**); rejections: "
        + ", ".join(f"{k} {n}" for k, n in g["bullets"]["fallbacks"].items()) + " (each bullet's reason is its best"
        f" hypothesis's). Were only the best hypothesis printable, {g['accepted_share_best_only']:.0%} would be accepted.",
        f"- Length: the briefs' bullets hold {g['bullets']['words']:,} words with the model and"
        f" {g['extractive_words']:,} with `--extractive` ({1 - g['bullets']['words'] / g['extractive_words']:.0%} fewer);"
        f" the median bullet has {g['bullets'].get('median_syllables', 0)} syllables"
        f" ({g.get('extractive_median_syllables', 0)} extractive).",
        f"- Model bullets that are not their source with words deleted: {g['bullets'].get('not_deletions', 0)}.",
        f"- Unfaithful numbers or names in bullets: {g['unfaithful_model']} with the model, {g['unfaithful_extractive']} extractive.",
        "", "| section ROUGE-L F1 vs reference bullets | with the model | `--extractive` |", "|---|---|---|",
        *[f"| {name} | {g['rougeL_model'][name]:.3f} | {g['rougeL_extractive'][name]:.3f} |" for name in sections], "",
        "(The labeller used for both columns is trained on these gold articles, so the section choice is in-sample;",
        "the comparison between the columns is what this table measures.)", "",
        "## The guard's novel-content threshold", "",
        "A bullet may contain at most 20% content syllables (not function syllables, not digits) that its source lacks.",
        "Every training target satisfies it by construction (pairs failing the guard are dropped); on the held-out",
        "pairs the threshold rejects outputs that add a clause, while leaving re-ordered and shortened sentences.", "",
        "## The guard's cut rules", "",
        "A model bullet must also be cuts of its source in the source's order, each cut a whole constituent (between",
        "punctuation marks; an opening clause or a speaker up to the reporting verb; a trailing clause) or at most two",
        "content syllables, never a figure or a reporting verb from between kept words; it must not end on a word",
        "that needs a complement (\"của\", \"rằng\"), must keep half of the source's figures, and must not keep a",
        "premise (\"Mặc dù ...\") whose main clause it cut. Editors rephrase, so 92% of VietNews editors' compressions",
        "fail these rules (2,000 validation pairs); the rules are for a model's output, whose splices the lexical checks",
        "pass (\"Chính phủ tuyên chiến với các bộ, ngành ... phải trình\").", "",
        "## Default or not", "",
        ("This export **is** vnsum's default model: on the gold articles the guard accepts at least 60% of its bullets"
         " and its section ROUGE-L beats the extractive brief's." if metrics["default"] else
         "This export is **not** vnsum's default yet (`\"default\": false` in vnsum.json): on the gold articles "
         + " and ".join(_unmet(metrics)) + ". It runs when asked for: `vnsum brief --model models/vnsum-t5`."), "",
        GUARD_HISTORY, "",
        CT2_RUNTIME,
        "## Regenerate", "",
        "```sh", "make train-model                      # pairs, tokenizer, training (resumes), export",
        "python scripts/evaluate_model.py      # this card and metrics.json", "```", "",
    ])


if __name__ == "__main__":
    main()
