"""The rewriter in CTranslate2 (MIT): the bundled model exported to int8 at build time (`make export`,
scripts/export_rewriter.py), run without torch or transformers.

Same interface and settings as model.Rewriter (prefix, tone-mark convention, beams, hypotheses, no repeated
trigram, the deadline between batches). The source-token constraint has no per-example hook in CTranslate2's
batches, so each text is decoded alone with every token outside its source (and the function syllables)
suppressed: the model is small enough that one text a call costs less than torch's batches (models/vnsum-t5/MODEL_CARD.md).
"""

from __future__ import annotations

import os
import time
from functools import cached_property
from pathlib import Path

from vnsum.rewrite import ModelError
from vnsum.rewrite.model import first_line, memory_or, always_allowed_text, spellings
from vnsum.spelling import convention, respell

#: The export's folder inside a model directory.
EXPORT_DIR = "ct2"


def exported(directory: Path) -> bool:
    """The directory holds a CTranslate2 export and ctranslate2 is installed."""
    import importlib.util

    return (directory / EXPORT_DIR / "model.bin").is_file() and importlib.util.find_spec("ctranslate2") is not None


class Ct2Rewriter:
    """model.Rewriter's interface (`name`, `settings`, `runtime`, `generate`, `candidates`) over a CTranslate2
    export and the model's `tokenizers` tokenizer."""

    runtime = "ctranslate2"

    def __init__(self, directory: Path, settings) -> None:
        try:
            import ctranslate2
            from tokenizers import Tokenizer

            self.tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
            self.tokenizer.no_padding()
            self.translator = ctranslate2.Translator(str(directory / EXPORT_DIR), device="cpu", compute_type="int8",
                                                     intra_threads=min(2, os.cpu_count() or 1))
        except (OSError, ValueError, RuntimeError, ImportError) as error:
            raise ModelError("corrupt", f"{directory / EXPORT_DIR}: {type(error).__name__}: {error}") from error
        self.settings = settings
        self.name = directory.name
        self.vocabulary = [self.tokenizer.id_to_token(i) for i in range(self.tokenizer.get_vocab_size())]

    def generate(self, texts: list[str], task: str = "compress", deadline: float | None = None) -> list[str]:
        return [options[0] for options in self.candidates(texts, task, deadline, 1)]

    def candidates(self, texts: list[str], task: str = "compress", deadline: float | None = None,
                   n: int | None = None) -> list[tuple[str, ...]]:
        """Up to `n` (default: the settings') distinct outputs for each of `texts`, best first."""
        settings = self.settings
        n = max(1, min(n or settings.candidates, settings.num_beams))
        self.tokenizer.enable_truncation(settings.max_source_tokens.get(task, 128))
        outputs: list[tuple[str, ...]] = []
        for text in texts:
            if deadline is not None and time.monotonic() > deadline:
                raise ModelError("timeout", "the model ran past --model-timeout")
            source = settings.prefix.get(task, "") + (convention(text, settings.spelling) if settings.spelling else text)
            try:
                result = self.translator.translate_batch(
                    [self.tokenizer.encode(source).tokens], beam_size=settings.num_beams, num_hypotheses=n,
                    max_decoding_length=settings.max_new_tokens.get(task, 64),
                    no_repeat_ngram_size=settings.no_repeat_ngram_size,
                    suppress_sequences=self._suppressed(source) if settings.source_vocabulary else None,
                )[0]
            except (MemoryError, RuntimeError) as error:
                raise ModelError(memory_or(error, "generation-failed"), first_line(error)) from error
            options = [self.tokenizer.decode([self.tokenizer.token_to_id(t) for t in tokens], skip_special_tokens=True).strip()
                       for tokens in result.hypotheses]
            if settings.spelling:
                options = [respell(option, text, settings.spelling) for option in options]
            outputs.append(tuple(dict.fromkeys(options)))
        if deadline is not None and time.monotonic() > deadline:
            raise ModelError("timeout", "the model ran past --model-timeout")
        return outputs

    def _suppressed(self, source: str) -> list[list[str]]:
        """Every token neither in the source (in its own, lower and capitalised spellings) nor always allowed."""
        allowed = set(self.always_allowed)
        for spelling in spellings(source):
            allowed.update(self.tokenizer.encode(spelling, add_special_tokens=False).ids)
        return [[token] for i, token in enumerate(self.vocabulary) if i not in allowed]

    @cached_property
    def always_allowed(self) -> set[int]:
        """As model.Rewriter.always_allowed: special tokens, function syllables (both cases), punctuation."""
        ids = set(self.tokenizer.encode(always_allowed_text(), add_special_tokens=False).ids)
        special = {self.tokenizer.token_to_id(t) for t in ("</s>", "<pad>", "<s>")}
        return {i for i in ids | special if i is not None}
