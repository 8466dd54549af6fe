"""The whole brief, top to bottom: article -> sentences -> labelled -> ranked -> trimmed -> rewritten -> Brief."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from vnsum import __version__
from vnsum.document import Brief
from vnsum.label import label_sentences, labeller_name
from vnsum.language import looks_vietnamese
from vnsum.meta import read_meta
from vnsum.read import Article
from vnsum.segment import segment
from vnsum.select import DEFAULT_MAX_BULLETS, select_bullets


@dataclass(frozen=True)
class Options:
    """`rewriter` is a loaded vnsum.rewrite.model.Rewriter, or None for the extractive brief."""

    max_bullets: int = DEFAULT_MAX_BULLETS
    rewriter: Any = None
    overview: bool = False
    strict_model: bool = False
    model_timeout: float | None = None


def _lead(sentences):
    from vnsum.rewrite.stage import overview

    return overview(sentences, None)


def brief(article: Article, options: Options = Options()) -> Brief:
    """Brief one normalised article (see read.py for how text becomes an Article)."""
    warnings = [] if looks_vietnamese(article.text) else ["text does not look Vietnamese; the brief may be poor"]
    sentences = segment(article.text)
    labelled = label_sentences(sentences)
    meta = read_meta(labelled)
    sections = select_bullets(labelled, options.max_bullets)
    summary = _lead(labelled) if options.overview else None
    rewriter = options.rewriter
    if rewriter is not None:
        from vnsum.rewrite import ModelError
        from vnsum.rewrite.stage import overview, rewrite_sections

        deadline = None if options.model_timeout is None else time.monotonic() + options.model_timeout
        try:
            rewritten = rewrite_sections(sections, labelled, rewriter, deadline)
            summary = overview(labelled, rewriter, deadline) if options.overview else None
            sections = rewritten
        except ModelError as error:
            if options.strict_model:
                raise
            warnings.append(f"model {error}; extractive brief")
            rewriter = None
    return Brief(
        source=article.source,
        meta=meta,
        sections=sections,
        sentences=labelled,
        engine={
            "name": "vnsum",
            "version": __version__,
            "labeller": labeller_name(),
            "rewriter": rewriter.name if rewriter is not None else None,
        },
        warnings=tuple(warnings),
        overview=summary,
    )
