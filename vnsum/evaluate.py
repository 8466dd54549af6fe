"""Gold files -> metrics of the same pipeline `vnsum brief` runs.

Section labels (P/R/F1 over gold sentences, aligned by character overlap, and the confusion matrix),
ROUGE-1/2/L F1 of each section's bullets against the reference bullets (syllables, lower-cased),
faithfulness (numbers and capitalised names in bullets that the article does not contain) and
meta agreement. Every metric is a plain function, tested on hand-made cases.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from vnsum.document import SECTIONS, Brief, Label, Meta, Sentence
from vnsum.gold import GoldArticle, align
from vnsum.pipeline import Options, brief
from vnsum.read import Article
from vnsum.rewrite.guard import is_deletion, name_in, name_runs

LABEL_NAMES = [label.value for label in (Label.ACHIEVEMENT, Label.LIMITATION, Label.DIRECTIVE, Label.CONTEXT)]
SECTION_LABELS = LABEL_NAMES[:3]
_SYLLABLE = re.compile(r"\w+")
_NUMBER = re.compile(r"\d+(?:[.,/:\-]\d+)*%?")
_PUNCT = re.compile(r"[^\w\s]")


@dataclass(frozen=True)
class Evaluation:
    articles: int
    labels: dict  # label -> {"precision", "recall", "f1", "support"}; plus "macro_f1", "accuracy"
    confusion: dict  # gold label -> predicted label -> count
    rouge: dict  # section -> {"rouge1", "rouge2", "rougeL"}
    unfaithful: list  # [{"article", "section", "item"}]
    meta: dict  # field -> share of articles whose field matches
    engine: dict
    bullets: dict  # {"total", "words", "seq2seq", "rejected", "accepted_share", "fallbacks": {reason: count},
    #               "median_syllables", "not_deletions": model bullets that are not their source with words deleted}


def evaluate(articles: list[GoldArticle], options: Options = Options()) -> Evaluation:
    confusion: Counter = Counter()
    rouge_sums: dict[str, Counter] = {name: Counter() for name, _ in SECTIONS}
    rouge_counts: Counter = Counter()
    unfaithful: list[dict] = []
    meta_hits: Counter = Counter()
    meta_totals: Counter = Counter()
    engine: dict = {}
    methods: Counter = Counter()
    fallbacks: Counter = Counter()
    words = 0
    lengths: list[int] = []
    not_deletions = 0
    placed: Counter = Counter()  # printed bullets by (section, under their source sentence's gold label?)
    for gold in articles:
        result = brief(Article(source=gold.id, text=gold.text), options)
        engine = dict(result.engine)
        confusion.update(label_pairs(gold, result.sentences))
        placed.update(bullet_placements(result, gold))
        for name, _ in SECTIONS:
            candidate = " ".join(b.text for b in result.sections.get(name, ()))
            reference = " ".join(gold.brief.get(name, ()))
            if candidate or reference:
                rouge_counts[name] += 1
                rouge_sums[name].update(rouge(candidate, reference))
        unfaithful.extend({"article": gold.id, **item} for item in unfaithful_items(result, gold.text))
        for bullets in result.sections.values():
            methods.update(b.method for b in bullets)
            fallbacks.update(b.fallback for b in bullets if b.fallback)
            words += sum(len(b.text.split()) for b in bullets)
            lengths += [len(syllables(b.text)) for b in bullets]
            not_deletions += sum(not is_deletion(b.text, " ".join(result.sentences[i].text for i in b.sources))
                                 for b in bullets if b.method != "extractive")
        for field, hit in meta_matches(result.meta, gold.meta).items():
            meta_totals[field] += 1
            meta_hits[field] += hit
    modelled = sum(methods.values()) - methods["extractive"]
    return Evaluation(
        articles=len(articles),
        labels=label_scores(confusion),
        confusion={g: {p: confusion[(g, p)] for p in LABEL_NAMES} for g in LABEL_NAMES},
        rouge={
            name: {m: round(rouge_sums[name][m] / rouge_counts[name], 4) if rouge_counts[name] else 0.0 for m in ("rouge1", "rouge2", "rougeL")}
            for name, _ in SECTIONS
        },
        unfaithful=unfaithful,
        meta={field: round(meta_hits[field] / meta_totals[field], 3) for field in meta_totals},
        engine=engine,
        bullets={
            "total": sum(methods.values()),
            "words": words,
            "seq2seq": methods["seq2seq"],
            "deletion": methods["deletion"],
            "rejected": sum(fallbacks.values()),
            "accepted_share": round(modelled / max(1, modelled + sum(fallbacks.values())), 3),
            "fallbacks": dict(fallbacks.most_common()),
            "median_syllables": sorted(lengths)[len(lengths) // 2] if lengths else 0,
            # the share of printed bullets whose (first) source sentence the gold labels with the bullet's section
            "precision": bullet_summary(placed)["precision"],
            "not_deletions": not_deletions,
        },
    )


def label_pairs(gold: GoldArticle, ours: tuple[Sentence, ...]) -> Counter:
    """(gold label, our label) for each gold sentence, ours the label of the sentence of ours it overlaps most
    (context where none does): one article's share of a confusion matrix."""
    pairs: Counter = Counter()
    for g, k in zip(gold.sentences, align(gold.sentences, ours)):
        pairs[(g.label.value, ours[k].label.value if k is not None else Label.CONTEXT.value)] += 1
    return pairs


def bullet_placements(result: Brief, gold: GoldArticle) -> Counter:
    """Printed bullets counted by (section name, whether the gold labels the bullet's source sentence with that
    section; for a bullet carrying a quotation, any of its sentences, as GUIDELINES labels a quotation by its main
    point): a bullet under the wrong heading is the labeller's error a reader sees."""
    back = align(result.sentences, gold.sentences)
    placed: Counter = Counter()
    for name, label in SECTIONS:
        for bullet in result.sections.get(name, ()):
            found = [back[i] for i in bullet.sources[: bullet.span]]
            placed[(name, any(g is not None and gold.sentences[g].label is label for g in found))] += 1
    return placed


def bullet_summary(placed: Counter) -> dict:
    """Bullets counted by bullet_placements -> how many, the share under the right heading, and each section's."""
    total = sum(placed.values())
    right = {name: placed[(name, True)] for name, _ in SECTIONS}
    return {"bullets": total, "precision": round(sum(right.values()) / max(1, total), 3),
            **{name: round(right[name] / max(1, right[name] + placed[(name, False)]), 3) for name, _ in SECTIONS}}


def label_scores(confusion: Counter) -> dict:
    scores: dict = {}
    for label in SECTION_LABELS:
        tp = confusion[(label, label)]
        fp = sum(v for (g, p), v in confusion.items() if p == label and g != label)
        fn = sum(v for (g, p), v in confusion.items() if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[label] = {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4), "support": tp + fn}
    scores["macro_f1"] = round(sum(scores[l]["f1"] for l in SECTION_LABELS) / len(SECTION_LABELS), 4)
    total = sum(confusion.values())
    scores["accuracy"] = round(sum(v for (g, p), v in confusion.items() if g == p) / total, 4) if total else 0.0
    return scores


def syllables(text: str) -> list[str]:
    return _SYLLABLE.findall(unicodedata.normalize("NFC", text).lower())


def rouge(candidate: str, reference: str) -> dict[str, float]:
    """ROUGE-1, ROUGE-2 and ROUGE-L F1 over lower-cased syllables."""
    c, r = syllables(candidate), syllables(reference)
    return {"rouge1": _ngram_f1(c, r, 1), "rouge2": _ngram_f1(c, r, 2), "rougeL": _lcs_f1(c, r)}


def _ngram_f1(c: list[str], r: list[str], n: int) -> float:
    cg = Counter(zip(*(c[k:] for k in range(n))))
    rg = Counter(zip(*(r[k:] for k in range(n))))
    overlap = sum((cg & rg).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(cg.values()), overlap / sum(rg.values())
    return 2 * precision * recall / (precision + recall)


def _lcs_f1(c: list[str], r: list[str]) -> float:
    if not c or not r:
        return 0.0
    previous = [0] * (len(r) + 1)
    for token in c:
        current = [0]
        for k, other in enumerate(r):
            current.append(previous[k] + 1 if token == other else max(previous[k + 1], current[k]))
        previous = current
    lcs = previous[-1]
    if not lcs:
        return 0.0
    precision, recall = lcs / len(c), lcs / len(r)
    return 2 * precision * recall / (precision + recall)


def unfaithful_items(result: Brief, article_text: str) -> list[dict]:
    """Numbers (dates, percentages included) and capitalised names in bullets that the article lacks.

    Names are runs of capitalised words (the guard's definition); a bullet's first word may be capitalised by
    position alone. Case may differ from the article's ("hạt Kiểm lâm" / "Hạt kiểm lâm"), spelling may not.
    """
    found = []
    for name, _ in SECTIONS:
        for bullet in result.sections.get(name, ()):
            found += [{"section": name, "item": n} for n in _NUMBER.findall(bullet.text) if n not in article_text]
            found += [{"section": name, "item": run} for run, first in name_runs(bullet.text)
                      if not name_in(run, article_text, at_start=first)]
    return found


def _norm(text: str | None) -> str:
    return " ".join(_PUNCT.sub(" ", unicodedata.normalize("NFC", text or "").lower()).split())


def meta_matches(meta: Meta, gold_meta: dict) -> dict[str, bool]:
    """Event, date and chair agreement, normalised (case, punctuation, time-of-day words)."""
    out: dict[str, bool] = {}
    if gold_meta.get("event"):
        ours, theirs = set(syllables(meta.event or "")), set(syllables(gold_meta["event"]))
        out["event"] = bool(ours) and len(ours & theirs) / len(ours | theirs) >= 0.5
    if gold_meta.get("date"):
        if _day_month(gold_meta["date"]):
            out["date"] = _day_month(meta.date) == _day_month(gold_meta["date"])
        else:  # a relative date ("Sáng nay"): the same words
            out["date"] = _norm(meta.date) == _norm(gold_meta["date"])
    if gold_meta.get("chair"):
        gold_names = {_norm(person.split(",")[0]) for person in gold_meta["chair"]}
        out["chair"] = bool(gold_names & {_norm(p.name) for p in meta.chair})
    return out


def _day_month(text: str | None) -> tuple[int, ...]:
    numbers = re.findall(r"\d+", text or "")
    return tuple(int(n) for n in numbers[-2:]) if len(numbers) >= 2 else ()
