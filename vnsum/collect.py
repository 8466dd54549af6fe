"""Many inputs -> many briefs: expand paths, read every file, brief them on every core, lose none.

Reading and the extractive stage (the encoder labeller included: each worker loads its own) run in worker
processes when there are enough articles to pay for them (bench/RESULTS.md, "Digest"); the model, if any, runs
once in this process over all of them.
"""

from __future__ import annotations

import glob
import os
from contextlib import nullcontext
from dataclasses import dataclass, replace
from multiprocessing import get_context
from pathlib import Path
from typing import Callable, Iterable

from vnsum.api import Settings, for_workers, load_labeller, load_rewriter, options
from vnsum.document import Brief
from vnsum.pipeline import extract, rewrite_all
from vnsum.read import DEFAULT_MAX_BYTES, Article, InputError, read_source
from vnsum.state import content_hash

#: What a directory walk picks up (files named explicitly are always read): text, saved web pages, documents.
ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".htm", ".html", ".docx", ".pdf"})
#: Fewer articles than this are briefed in this process: starting workers costs more than it saves.
PARALLEL_FROM = 16


@dataclass(frozen=True)
class Read:
    """One input after reading: its normalised text and hash, or why it could not be read; `copies` are the other
    paths whose text is the same (one article found in several places)."""

    path: str
    text: str = ""
    hash: str = ""
    error: str | None = None
    copies: tuple[str, ...] = ()


def expand(paths: Iterable[str]) -> list[str]:
    """Files as given; directories walked for ARTICLE_SUFFIXES (hidden entries skipped); globs expanded.

    Order is kept and duplicates dropped.
    """
    out: list[str] = []
    for raw in paths:
        raw = raw.strip()
        if not raw:
            continue
        if os.path.isdir(raw):
            found = [
                os.path.join(root, name)
                for root, dirs, files in os.walk(raw)
                for name in files
                if not name.startswith(".") and Path(name).suffix.lower() in ARTICLE_SUFFIXES and not any(part.startswith(".") for part in Path(root).relative_to(raw).parts)
            ]
            out += sorted(found)
        elif glob.has_magic(raw) and not os.path.exists(raw):
            out += sorted(p for p in glob.glob(raw, recursive=True) if os.path.isfile(p)) or [raw]
        else:
            out.append(raw)
    seen: set[str] = set()
    return [p for p in out if not (p in seen or seen.add(p))]


def read_all(paths: list[str], max_bytes: int = DEFAULT_MAX_BYTES, input_format: str = "auto", encoding: str = "auto") -> list[Read]:
    out = []
    for path in paths:
        try:
            article = read_source(path, max_bytes=max_bytes, input_format=input_format, encoding=encoding)
        except InputError as error:
            out.append(Read(path, error=str(error)))
            continue
        out.append(Read(path, article.text, content_hash(article.text)))
    return out


def unseen(reads: list[Read], seen: dict | set) -> tuple[list[Read], int]:
    """The readable inputs, each content once with the paths of its copies, less those already `seen`; and how
    many were seen."""
    paths: dict[str, list[str]] = {}
    for r in reads:
        if not r.error:
            paths.setdefault(r.hash, []).append(r.path)
    kept, already = [], 0
    for r in reads:
        if r.error or paths[r.hash][0] != r.path:
            continue
        if r.hash in seen:
            already += 1
            continue
        kept.append(replace(r, copies=tuple(paths[r.hash][1:])))
    return kept, already


def brief_all(
    reads: list[Read],
    settings: Settings,
    progress: Callable[[int, int], None] | None = None,
    workers: int | None = None,
) -> tuple[list[Brief | str], tuple[str, ...]]:
    """A Brief, or the reason it failed, for every readable input, in order; and the warnings of loading the
    models, once each.

    Each worker process loads the labeller once (vnsum.api), the encoder's with its share of the cores; the
    seq2seq model, if any, is loaded here only, and rewrites every article's bullets in shared batches.
    Raises vnsum.rewrite.ModelError when the model cannot load and `strict_model` is set.
    """
    rewriter, warnings = load_rewriter(settings)
    if workers is None:
        workers = min(os.cpu_count() or 1, 4) if len(reads) >= PARALLEL_FROM else 1
    if workers > 1:
        settings = for_workers(settings, workers)
    jobs = [(r.path, r.text, settings) for r in reads]
    results: list[Brief | str] = []
    seen = list(warnings)
    with get_context("fork").Pool(workers) if workers > 1 else nullcontext() as pool:
        for result, loaded in pool.imap(_extract_one, jobs, chunksize=8) if pool else map(_extract_one, jobs):
            results.append(result)
            seen += [w for w in loaded if w not in seen]
            if progress:
                progress(len(results), len(jobs))
    if rewriter is None:
        return results, tuple(seen)
    briefs = [r for r in results if isinstance(r, Brief)]
    try:
        rewritten = iter(rewrite_all(briefs, options(settings, None, rewriter)))
    except Exception as error:  # noqa: BLE001 - strict mode's ModelError included: every article reports it
        reason = f"model {error}"
        return [reason if isinstance(r, Brief) else r for r in results], tuple(seen)
    return [next(rewritten) if isinstance(r, Brief) else r for r in results], tuple(seen)


def _extract_one(job: tuple[str, str, Settings]) -> tuple[Brief | str, tuple[str, ...]]:
    path, text, settings = job
    labeller, warnings = load_labeller(settings)
    try:
        return extract(Article(path, text), options(settings, labeller, None)), warnings
    except Exception as error:  # noqa: BLE001 - one bad article must never spoil the digest
        return f"internal error: {type(error).__name__}: {error}", warnings
