"""The whole brief, top to bottom: article -> sentences -> labelled -> ranked -> trimmed -> rewritten -> Brief.

`extract` is the part before the seq2seq model: pure Python, safe to run in worker processes, unless the
options carry the encoder labeller, which runs where it was loaded; `rewrite` is the seq2seq stage, run where the
model was loaded. `brief` is both.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from typing import Any

from vnsum import __version__
from vnsum.document import Brief, Bullet, Kind, Sentence
from vnsum.labellers import Labeller, default_labeller
from vnsum.language import looks_vietnamese
from vnsum.meeting import decide
from vnsum.meta import read_meta
from vnsum.read import Article
from vnsum.segment import segment
from vnsum.select import DEFAULT_MAX_BULLETS, select_bullets


@dataclass(frozen=True)
class Options:
    """`rewriter` is a loaded vnsum.rewrite.model.Rewriter, or None for the extractive brief; `labeller` a loaded
    vnsum.labellers.Labeller, or None for the best one that needs no torch."""

    max_bullets: int = DEFAULT_MAX_BULLETS
    rewriter: Any = None
    labeller: Labeller | None = None
    #: brief an article even when it does not look like a meeting report
    force: bool = False
    overview: bool = False
    strict_model: bool = False
    model_timeout: float | None = None


def brief(article: Article, options: Options = Options()) -> Brief:
    """Brief one normalised article (see read.py for how text becomes an Article)."""
    return rewrite(extract(article, options), options)


def extract(article: Article, options: Options = Options()) -> Brief:
    """The extractive brief: every bullet a span of its source sentence."""
    warnings = () if looks_vietnamese(article.text) else ("text does not look Vietnamese; the brief may be poor",)
    sentences = segment(article.text)
    labeller = options.labeller or default_labeller(extractive=True)
    if labeller.max_sentences is not None and len(sentences) > labeller.max_sentences:
        fallback = default_labeller(extractive=True)
        warnings += (f"{len(sentences):,} sentences, more than {labeller.name} labels "
                     f"({labeller.max_sentences:,}); labelled with {fallback.name}",)
        labeller = fallback
    labelled = labeller.label(sentences)
    meta = read_meta(labelled)
    meeting = decide(labelled, meta)
    sections = select_bullets(labelled, options.max_bullets, labeller.floors)
    if not meeting.is_report:
        if not options.force:
            sections = {name: () for name in sections}
        warnings += (f"does not look like a meeting report (score {meeting.score:.2f}); "
                     + ("briefed anyway (--force)" if options.force else "sections left empty (--force to brief it)"),)
    return Brief(
        source=article.source,
        meta=replace(meta, meeting_report=meeting.is_report, meeting_score=meeting.score),
        sections=sections,
        sentences=labelled,
        engine={"name": "vnsum", "version": __version__, "labeller": labeller.name, "rewriter": None},
        warnings=warnings,
        overview=_lead(labelled) if options.overview else None,
    )


def rewrite(result: Brief, options: Options) -> Brief:
    """Model-written bullets (and overview) where the guard accepts them; on whole-model trouble the brief stays
    extractive with a warning, or with --strict-model the ModelError propagates."""
    return rewrite_all([result], options)[0]


def rewrite_all(results: list[Brief], options: Options) -> list[Brief]:
    """`rewrite` for many briefs at once (a digest): their bullets share the model's batches.

    --model-timeout is per article, so many articles share that many times the budget.
    """
    rewriter = options.rewriter
    if rewriter is None or not results:
        return results
    from vnsum.rewrite import ModelError
    from vnsum.rewrite.stage import overview, rewrite_many

    deadline = None if options.model_timeout is None else time.monotonic() + options.model_timeout * len(results)
    try:
        sections = rewrite_many([(r.sections, r.sentences) for r in results], rewriter, deadline)
        summaries = [overview(r.sentences, r.overview, rewriter, deadline) if r.overview else None for r in results]
    except ModelError as error:
        if options.strict_model:
            raise
        return [replace(r, warnings=r.warnings + (f"model {error}; extractive brief",)) for r in results]
    engine = {"rewriter": rewriter.name}
    return [
        replace(r, sections=s, overview=summary, engine={**r.engine, **engine})
        for r, s, summary in zip(results, sections, summaries)
    ]


def _lead(sentences: tuple[Sentence, ...]) -> Bullet | None:
    """The extractive overview: the first body sentence (a news report's lead)."""
    body = next((s for s in sentences if s.kind is Kind.BODY), None)
    return Bullet(text=body.line, sources=(body.i,)) if body else None
