"""Load a local seq2seq model once and generate text in batches. The only module that imports torch.

Any T5-family (ViT5, mT5, the bundled vnsum-t5) or BART-family (BARTpho, mBART) checkpoint on disk works:
a directory, or a name already in the local Hugging Face cache. Nothing is ever downloaded (HF_HUB_OFFLINE),
weights load from safetensors only unless the caller allows pickle, and remote code is never trusted.
"""

from __future__ import annotations

import json
import os
import re
import time
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from vnsum.rewrite import ModelError
from vnsum.spelling import convention, respell

# Task prefixes of the bundled model; another model's vnsum.json may name its own (ViT5: "vietnews: ").
COMPRESS_PREFIX = "rút gọn: "
OVERVIEW_PREFIX = "tóm tắt: "
BUNDLED = Path(__file__).resolve().parents[2] / "models" / "vnsum-t5"
BATCH_SIZE = 16
_HUB_NAME = re.compile(r"^[A-Za-z0-9][\w.-]*(?:/[\w.-]+)?$")
_PICKLE_WEIGHTS = ("pytorch_model.bin", "pytorch_model.bin.index.json", "tf_model.h5", "flax_model.msgpack")


@dataclass(frozen=True)
class Settings:
    """What vnsum.json beside a model may say; defaults suit a T5 or BART model with no prefix."""

    prefix: dict[str, str] = field(default_factory=lambda: {"compress": "", "overview": ""})
    max_source_tokens: dict[str, int] = field(default_factory=lambda: {"compress": 128, "overview": 512})
    max_new_tokens: dict[str, int] = field(default_factory=lambda: {"compress": 64, "overview": 128})
    num_beams: int = 2
    #: Beam hypotheses (at most num_beams) the guard may choose from, best first: the first it accepts is printed.
    #: A model's best hypothesis may copy the whole sentence or cut mid-phrase where its second cuts cleanly.
    candidates: int = 1
    #: No trigram twice in one output: small models loop ("công tác công tác công tác").
    no_repeat_ngram_size: int = 3
    dtype: str = "float32"
    #: Decode only tokens of the source (in its own, lower and capitalised spellings) and of common function
    #: syllables: a small model cannot then invent a name or a number, and the guard rejects less.
    source_vocabulary: bool = True
    #: The tone-mark convention the model was trained on ("old": "hoà", "Uỷ"; "new": "hòa", "Ủy"; see
    #: vnsum/spelling.py); its input is put in it and its output given back the source's spellings.
    spelling: str | None = None

    @staticmethod
    def kind_of(directory: Path) -> str:
        """What vnsum.json says the model is: "seq2seq" (the default) or "deletion"."""
        try:
            return str(json.loads((directory / "vnsum.json").read_text(encoding="utf-8")).get("kind", "seq2seq"))
        except (OSError, ValueError, AttributeError):
            return "seq2seq"

    @classmethod
    def read(cls, directory: Path) -> "Settings":
        path = directory / "vnsum.json"
        if not path.is_file():
            return cls()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise ModelError("bad-settings", f"{path}: {error}") from error
        base = cls()
        return cls(
            prefix={**base.prefix, **raw.get("prefix", {})},
            max_source_tokens={**base.max_source_tokens, **raw.get("max_source_tokens", {})},
            max_new_tokens={**base.max_new_tokens, **raw.get("max_new_tokens", {})},
            num_beams=int(raw.get("num_beams", base.num_beams)),
            candidates=int(raw.get("candidates", base.candidates)),
            no_repeat_ngram_size=int(raw.get("no_repeat_ngram_size", base.no_repeat_ngram_size)),
            dtype=str(raw.get("dtype", base.dtype)),
            source_vocabulary=bool(raw.get("source_vocabulary", base.source_vocabulary)),
            spelling=raw.get("spelling", base.spelling),
        )


def resolve(name: str | None) -> Path | None:
    """--model / VNSUM_MODEL / the bundled model -> a directory, or None for the extractive brief only.

    The bundled model is the default only once its measurements earned it: scripts/evaluate_model.py sets
    `"default": true` in its vnsum.json when, on the gold articles, the guard accepts at least 60% of its bullets
    and its section ROUGE-L beats the extractive brief's. Until then it runs only when asked for by path.
    """
    name = name if name is not None else os.environ.get("VNSUM_MODEL")
    if name is None:
        return BUNDLED if bundled_is_default() else None
    if name.strip().lower() in ("", "none"):
        return None
    path = Path(name).expanduser()
    if path.exists() or not _HUB_NAME.match(name):
        return path
    return _from_cache(name)


def bundled_is_default() -> bool:
    try:
        return bool(json.loads((BUNDLED / "vnsum.json").read_text(encoding="utf-8")).get("default", False))
    except (OSError, ValueError):
        return False


def _from_cache(name: str) -> Path:
    """A hub name ("VietAI/vit5-base") found in the local Hugging Face cache; never downloaded."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    try:
        from huggingface_hub import snapshot_download

        return Path(snapshot_download(name, local_files_only=True))
    except Exception as error:  # noqa: BLE001 - any failure means "not on disk"
        raise ModelError("missing", f"{name} is neither a directory nor in the local Hugging Face cache ({type(error).__name__})") from error


def load(directory: Path, allow_pickle: bool = False):
    """The model in `directory`: the deletion compressor when its vnsum.json says `"kind": "deletion"`
    (vnsum/rewrite/deleter.py), else a seq2seq model: its CTranslate2 export when `make export` wrote one
    (vnsum/rewrite/ct2.py; no torch), else the torch model (Rewriter)."""
    from vnsum.rewrite.ct2 import Ct2Rewriter, exported

    if Settings.kind_of(directory) == "deletion":
        from vnsum.rewrite.deleter import Deleter

        return Deleter(directory)

    if exported(directory) and os.environ.get("VNSUM_REWRITER_RUNTIME") != "torch":
        return Ct2Rewriter(directory, Settings.read(directory))
    return Rewriter(directory, allow_pickle=allow_pickle)


class Rewriter:
    """A loaded model with its tokenizer and settings; load once per process, then call `generate`."""

    runtime = "torch"

    def __init__(self, directory: Path, allow_pickle: bool = False) -> None:
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        os.environ["HF_HUB_DISABLE_PROGRESS_BARS"] = "1"
        if not (directory / "config.json").is_file():
            raise ModelError("missing", f"{directory} has no config.json")
        weights = {p.name for p in directory.iterdir()}
        safe = any(n.endswith(".safetensors") for n in weights)
        if not safe and not (allow_pickle and weights.intersection(_PICKLE_WEIGHTS)):
            reason = "pickle-refused" if weights.intersection(_PICKLE_WEIGHTS) else "missing"
            raise ModelError(reason, f"{directory} has no safetensors weights" + (" (pickle weights need --allow-pickle)" if reason == "pickle-refused" else ""))
        self.settings = Settings.read(directory)
        try:
            import torch
            from transformers import AutoConfig, AutoModelForSeq2SeqLM, AutoTokenizer
            from transformers.utils import logging as hf_logging

            hf_logging.set_verbosity_error()
            hf_logging.disable_progress_bar()
            torch.set_num_threads(os.cpu_count() or 1)
            config = AutoConfig.from_pretrained(str(directory), local_files_only=True, trust_remote_code=False)
            self.tokenizer = AutoTokenizer.from_pretrained(str(directory), local_files_only=True, trust_remote_code=False)
            self.model = AutoModelForSeq2SeqLM.from_pretrained(
                str(directory), config=config, local_files_only=True, trust_remote_code=False,
                use_safetensors=not allow_pickle or safe, dtype=getattr(torch, self.settings.dtype),
            )
            self.model.eval()
        except ModelError:
            raise
        except (MemoryError, RuntimeError) as error:
            raise ModelError(memory_or(error, "corrupt"), f"{directory}: {first_line(error)}") from error
        except ValueError as error:
            reason = "unsupported-architecture" if "Unrecognized configuration class" in str(error) or "model type" in str(error) else "corrupt"
            raise ModelError(reason, f"{directory}: {first_line(error)}") from error
        except Exception as error:  # noqa: BLE001 - a broken model directory must never crash the brief
            raise ModelError("corrupt", f"{directory}: {type(error).__name__}: {first_line(error)}") from error
        self._torch = torch
        self.name = directory.name
        self.parameters = sum(p.numel() for p in self.model.parameters())

    def generate(self, texts: list[str], task: str = "compress", deadline: float | None = None) -> list[str]:
        """The best output for each of `texts`, in order; raises ModelError when past `deadline` (time.monotonic)."""
        return [options[0] for options in self.candidates(texts, task, deadline, 1)]

    def candidates(
        self, texts: list[str], task: str = "compress", deadline: float | None = None, n: int | None = None,
    ) -> list[tuple[str, ...]]:
        """Up to `n` (default: the settings') distinct outputs for each of `texts`, best first, in batches."""
        n = max(1, min(n or self.settings.candidates, self.settings.num_beams))
        prefix = self.settings.prefix.get(task, "")
        outputs: list[tuple[str, ...]] = []
        for start in range(0, len(texts), BATCH_SIZE):
            remaining = None if deadline is None else deadline - time.monotonic()
            if remaining is not None and remaining <= 0:
                raise ModelError("timeout", "the model ran past --model-timeout")
            sources = texts[start : start + BATCH_SIZE]
            spelling = self.settings.spelling
            batch = [prefix + (convention(text, spelling) if spelling else text) for text in sources]
            try:
                encoded = self.tokenizer(
                    batch, return_tensors="pt", padding=True, truncation=True,
                    max_length=self.settings.max_source_tokens.get(task, 128),
                )
                encoded.pop("token_type_ids", None)
                processors = self._source_vocabulary(batch) if self.settings.source_vocabulary else []
                with self._torch.inference_mode():
                    ids = self.model.generate(
                        **encoded, max_new_tokens=self.settings.max_new_tokens.get(task, 64),
                        num_beams=self.settings.num_beams, num_return_sequences=n, do_sample=False,
                        max_time=remaining, no_repeat_ngram_size=self.settings.no_repeat_ngram_size,
                        logits_processor=processors,
                    )
            except (MemoryError, RuntimeError) as error:
                raise ModelError(memory_or(error, "generation-failed"), first_line(error)) from error
            if deadline is not None and time.monotonic() > deadline:
                raise ModelError("timeout", "the model ran past --model-timeout")
            decoded = [text.strip() for text in self.tokenizer.batch_decode(ids, skip_special_tokens=True)]
            for row, source in enumerate(sources):
                options = decoded[row * n : (row + 1) * n]
                if spelling:
                    options = [respell(text, source, spelling) for text in options]
                outputs.append(tuple(dict.fromkeys(options)))
        return outputs

    def _source_vocabulary(self, batch: list[str]) -> list:
        """A logits processor that masks every token neither in the row's source nor in FUNCTION_SYLLABLES."""
        from transformers import LogitsProcessor, LogitsProcessorList

        torch = self._torch
        vocabulary = self.model.config.vocab_size
        allowed = torch.zeros(len(batch), vocabulary, dtype=torch.bool)
        allowed[:, [i for i in self.always_allowed if i < vocabulary]] = True
        for row, text in enumerate(batch):
            for ids in self.tokenizer(spellings(text), add_special_tokens=False)["input_ids"]:
                allowed[row, [i for i in ids if i < vocabulary]] = True

        class SourceVocabulary(LogitsProcessor):
            def __call__(self, input_ids, scores):
                mask = allowed.repeat_interleave(scores.shape[0] // allowed.shape[0], dim=0)
                return scores.masked_fill(~mask[:, : scores.shape[1]], float("-inf"))

        return LogitsProcessorList([SourceVocabulary()])

    @cached_property
    def always_allowed(self) -> set[int]:
        """Special tokens, and the tokens of function syllables (both cases) and of punctuation: never a fact."""
        ids = set(self.tokenizer(always_allowed_text(), add_special_tokens=False)["input_ids"])
        special = {self.tokenizer.eos_token_id, self.tokenizer.pad_token_id, self.tokenizer.bos_token_id}
        return {i for i in ids | special if i is not None}


def spellings(text: str) -> list[str]:
    """A source as given, in lower case and capitalised word by word: the spellings whose tokens a bullet may use."""
    return [text, text.lower(), " ".join(w[:1].upper() + w[1:] for w in text.split())]


def always_allowed_text() -> str:
    """Function syllables (both cases) and punctuation: tokens a bullet may use whatever its source, never a fact."""
    from vnsum.lexicon.guard import FUNCTION_SYLLABLES

    words = sorted(FUNCTION_SYLLABLES)
    return " ".join(words) + " " + " ".join(w.capitalize() for w in words) + " , . ; : - ( ) “ ” \" %"


def memory_or(error: BaseException, other: str) -> str:
    """torch reports exhaustion as a RuntimeError whose message mentions memory."""
    return "out-of-memory" if isinstance(error, MemoryError) or "memory" in str(error).lower() else other


def first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0][:200] if text else type(error).__name__
