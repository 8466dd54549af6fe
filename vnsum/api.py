"""The supported Python API: text in, the `vnsum.brief/1` object out (README.md, "Python API").

The CLI's `brief`, `digest` and `batch` and the Dask workers all brief through here: `load` turns plain, picklable
Settings into loaded models once per process (a cache keyed by the settings), and `brief_text` briefs one text
with them. Loading may warn (the encoder or the model could not load, so a fallback runs); those warnings are on
the Loaded object, for the caller to show, since library code never prints.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from vnsum.pipeline import Options, brief
from vnsum.read import DEFAULT_MAX_BYTES, Article, InputError, normalise, read_source
from vnsum.render import to_json


@dataclass(frozen=True)
class Settings:
    """What to brief with; plain values only, so that Settings travel to worker processes and Dask workers.

    `model`: a seq2seq model directory or a name in the local Hugging Face cache, "none" for no model, or None for
    the bundled default (vnsum.rewrite.model.resolve). `extractive`: no models at all, and the torch-free labeller.
    `threads`: threads the encoder labeller may use in this process (None: up to 2).
    """

    extractive: bool = False
    model: str | None = None
    max_bullets: int = 5
    force: bool = False
    overview: bool = False
    strict_model: bool = False
    model_timeout: float | None = None
    allow_pickle: bool = False
    threads: int | None = None


@dataclass(frozen=True)
class Loaded:
    """Settings made ready: the pipeline's Options with the models loaded, and what loading had to say."""

    settings: Settings
    options: Options
    warnings: tuple[str, ...] = ()


def load(settings: Settings = Settings()) -> Loaded:
    """The models for `settings`, loaded once per process and reused by every later call with equal settings.

    Raises vnsum.rewrite.ModelError when the model cannot load and `strict_model` is set; otherwise a model or
    an encoder that cannot load is a warning and the extractive brief or the linear labeller runs instead.
    """
    return _load(settings)


@lru_cache(maxsize=4)
def _load(settings: Settings) -> Loaded:
    labeller, labeller_warnings = load_labeller(settings)
    rewriter, rewriter_warnings = load_rewriter(settings)
    return Loaded(settings, options(settings, labeller, rewriter), labeller_warnings + rewriter_warnings)


def for_workers(settings: Settings, workers: int) -> Settings:
    """`settings` for one of `workers` processes on this machine: unless told, its encoder gets its share of the
    cores."""
    if settings.threads is not None:
        return settings
    return replace(settings, threads=max(1, (os.cpu_count() or 1) // workers))


def options(settings: Settings, labeller: Any, rewriter: Any) -> Options:
    """The pipeline's Options: `settings` with the models loaded for them."""
    return Options(max_bullets=settings.max_bullets, rewriter=rewriter, labeller=labeller, force=settings.force,
                   overview=settings.overview, strict_model=settings.strict_model, model_timeout=settings.model_timeout)


def load_labeller(settings: Settings) -> tuple[Any, tuple[str, ...]]:
    """The sentence labeller alone (a digest's worker processes label; the model runs once, in the parent), and
    a warning when the encoder could not load and the linear labeller stands in (vnsum.labellers keeps each
    labeller loaded once per process)."""
    from vnsum.labellers import default_labeller
    from vnsum.labellers.encoder import EncoderLabellerError

    try:
        return default_labeller(extractive=settings.extractive, threads=settings.threads), ()
    except EncoderLabellerError as error:
        return default_labeller(extractive=True), (f"{error}; the linear labeller instead",)


def load_rewriter(settings: Settings) -> tuple[Any, tuple[str, ...]]:
    """The seq2seq rewriter alone, or None (extractive, or no model); a warning when it could not load."""
    if settings.extractive:
        return None, ()
    return _rewriter(settings.model, settings.allow_pickle, settings.strict_model)


@lru_cache(maxsize=2)
def _rewriter(model: str | None, allow_pickle: bool, strict: bool) -> tuple[Any, tuple[str, ...]]:
    from vnsum.rewrite import ModelError
    from vnsum.rewrite.model import load as load_model
    from vnsum.rewrite.model import resolve

    try:
        directory = resolve(model)
        return (load_model(directory, allow_pickle=allow_pickle) if directory is not None else None), ()
    except ModelError as error:
        if strict:
            raise
        return None, (f"model {error}; extractive brief",)


def brief_text(text: str, *, source: str | None = None, settings: Settings = Settings()) -> dict[str, Any]:
    """One article's text -> its `vnsum.brief/1` object (a dict, ready for json.dumps).

    The text is normalised as files are (NFC, LF line ends), so the sentence offsets index the normalised text.
    Warnings from loading the models are added to the object's own `warnings`.
    """
    loaded = load(settings)
    result = brief(Article(source or "<text>", normalise(text)), loaded.options)
    if loaded.warnings:
        result = replace(result, warnings=loaded.warnings + result.warnings)
    return to_json(result)


def brief_file(path: str, *, settings: Settings = Settings(), max_bytes: int = DEFAULT_MAX_BYTES,
               input_format: str = "auto", encoding: str = "auto") -> dict[str, Any]:
    """`brief_text` of a file in any format `vnsum brief` reads; InputError (its str() the reason) when it cannot
    be read."""
    article = read_source(path, max_bytes=max_bytes, input_format=input_format, encoding=encoding)
    return brief_text(article.text, source=article.source, settings=settings)


__all__ = ["InputError", "Loaded", "Settings", "brief_file", "brief_text", "for_workers", "load", "load_labeller",
           "load_rewriter"]
