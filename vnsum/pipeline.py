"""The whole brief, top to bottom: article -> sentences -> labelled -> ranked -> trimmed -> Brief."""

from __future__ import annotations

from dataclasses import dataclass

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
    max_bullets: int = DEFAULT_MAX_BULLETS


def brief(article: Article, options: Options = Options()) -> Brief:
    """Brief one normalised article (see read.py for how text becomes an Article)."""
    warnings = () if looks_vietnamese(article.text) else ("text does not look Vietnamese; the brief may be poor",)
    sentences = segment(article.text)
    labelled = label_sentences(sentences)
    meta = read_meta(labelled)
    sections = select_bullets(labelled, options.max_bullets)
    return Brief(
        source=article.source,
        meta=meta,
        sections=sections,
        sentences=labelled,
        engine={"name": "vnsum", "version": __version__, "labeller": labeller_name(), "rewriter": None},
        warnings=warnings,
    )
