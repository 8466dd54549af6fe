"""Rewrite the chosen bullets with a model, keep only what the guard accepts, fall back to extractive text.

The model sees each bullet's whole source sentence(s), not the trimmed extractive span, so it can choose
what to keep; the guard then checks its hypotheses, best first, against those same sentences, and the first
one it accepts is printed.
"""

from __future__ import annotations

from dataclasses import replace

from vnsum.document import Bullet, Kind, Sentence
from vnsum.rewrite.guard import check
from vnsum.rewrite.model import Rewriter
from vnsum.select import sentence_case

#: Syllables of the article's opening the overview is written from (the lead of a news report).
OVERVIEW_WORDS = 200


def rewrite_sections(
    sections: dict[str, tuple[Bullet, ...]],
    sentences: tuple[Sentence, ...],
    rewriter: Rewriter,
    deadline: float | None = None,
) -> dict[str, tuple[Bullet, ...]]:
    """Every bullet of every section in one batched call; a bullet the guard rejects keeps its extractive text."""
    return rewrite_many([(sections, sentences)], rewriter, deadline)[0]


def rewrite_many(
    articles: list[tuple[dict[str, tuple[Bullet, ...]], tuple[Sentence, ...]]],
    rewriter: Rewriter,
    deadline: float | None = None,
) -> list[dict[str, tuple[Bullet, ...]]]:
    """The bullets of many articles in one stream of full batches (a digest), each checked against its sources.
    A rewriter that cuts one sentence leaves a bullet carrying a whole quotation as it is: one cut sentence of it
    would lose the speaker or the closing mark."""
    first_only = getattr(rewriter, "one_sentence", False)
    order = [(a, name, k) for a, (sections, _) in enumerate(articles) for name, bullets in sections.items()
             for k in range(len(bullets)) if not (first_only and bullets[k].span > 1)]
    sources = [_source_text(articles[a][0][name][k], articles[a][1], first_only) for a, name, k in order]
    outputs = rewriter.candidates(sources, "compress", deadline) if sources else []
    method = getattr(rewriter, "method", "seq2seq")
    rewritten = [{name: list(bullets) for name, bullets in sections.items()} for sections, _ in articles]
    for (a, name, k), source, options in zip(order, sources, outputs):
        output, reason = first_accepted(options, source)
        bullet = articles[a][0][name][k]
        rewritten[a][name][k] = (replace(bullet, text=sentence_case(output), method=method) if output
                                 else replace(bullet, fallback=reason))
    return [{name: tuple(bullets) for name, bullets in sections.items()} for sections in rewritten]


def overview(sentences: tuple[Sentence, ...], lead: Bullet, rewriter: Rewriter, deadline: float | None = None) -> Bullet:
    """The model's summary of the article's opening when the guard accepts it, else `lead` (the extractive one)."""
    opening, words = [], 0
    for sentence in sentences:
        if words >= OVERVIEW_WORDS:
            break
        if sentence.kind is Kind.BODY:
            opening.append(sentence)
            words += len(sentence.text.split())
    source = " ".join(s.line for s in opening)
    output, reason = first_accepted(rewriter.candidates([source], "overview", deadline)[0], source)
    if not output:
        return replace(lead, fallback=reason)
    return Bullet(text=sentence_case(output), sources=tuple(s.i for s in opening), method=getattr(rewriter, "method", "seq2seq"))


def first_accepted(options: tuple[str, ...], source: str) -> tuple[str | None, str | None]:
    """(the first hypothesis the guard accepts, None), or (None, why it rejected the model's best one)."""
    first_reason = None
    for option in options:
        reason = check(option, source)
        if reason is None:
            return option, None
        first_reason = first_reason or reason
    return None, first_reason or "empty"


def _source_text(bullet: Bullet, sentences: tuple[Sentence, ...], first_only: bool = False) -> str:
    """What the rewriter reads for a bullet: its source sentences, or with `first_only` (a rewriter that cuts one
    sentence, Deleter.one_sentence) the first: cut from two near-duplicates, a bullet says its point twice."""
    return " ".join(sentences[i].line for i in (bullet.sources[:1] if first_only else bullet.sources))
