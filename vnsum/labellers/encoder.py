"""The encoder labeller (`enc/4`): multilingual-e5-small fine-tuned on the gold and hand labels, beside the
linear model.

Each content sentence is read alone by the encoder, a linear head reads it beside its neighbours, the title and
its paragraph's head (encoder_net.py). Its probabilities and the linear model's (linear.py) are combined as a
weighted product (`linear_weight` in vnsum.json: the two err differently, the encoder on wording it has not seen
in the labels, the n-grams on papers other than the gold's), and the sequence model (sequence.py) decodes the
report. The model lives in models/labeller-e5/ (MODEL_CARD.md): safetensors weights, a `tokenizers` tokenizer,
and vnsum.json with the name, the weights, the sequence model's transitions and prior. `make export` adds model.onnx and
head.safetensors, which ONNX Runtime runs without torch; without them torch runs it. transformers is never
imported.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

from vnsum.document import Label, Sentence
from vnsum.labellers.encoder_inputs import head_rows, layout, token_ids
from vnsum.labellers.linear import MODEL_PATH as LINEAR_MODEL
from vnsum.labellers.linear import load as load_linear
from vnsum.labellers.linear import sentence_features
from vnsum.sequence import CONTEXT_BIAS, decode_report

MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "labeller-e5"
#: The encoder (token ids -> mean-pooled vectors) exported for ONNX Runtime by scripts/export_onnx.py (`make export`);
#: a build product, not in git.
ONNX_FILE = "model.onnx"
#: The head's weights beside it (safetensors, read with numpy).
HEAD_FILE = "head.safetensors"
#: Threads ONNX Runtime may use unless told (worker processes are told 1 each): more than 2 gains little here.
DEFAULT_THREADS = min(2, os.cpu_count() or 1)
#: What the export is (`{"precision": "float32" | "int8"}`), written beside model.onnx by scripts/export_onnx.py.
EXPORT_FILE = "onnx.json"
#: Sentences encoded together, sorted by length first so that little is padding: 8 labels the gold 1.5x faster
#: than 32 on 2 cores (less padding), with the same probabilities.
BATCH = 8
#: An int8 export quantizes each batch's activations with one scale, so a sentence's vector would depend on the
#: others in its batch: it encodes every sentence alone, and so is batch-independent.
INT8_BATCH = 1
#: The most sentences it labels in one article. Each costs about 3-8 ms here, so a report (the meetings pool's
#: longest has 229) takes well under a second, but a book-sized input (`--max-bytes` allows 5 MB, some 100,000
#: sentences) would take minutes; beyond this the brief labels with the extractive labeller and warns.
MAX_SENTENCES = 1_000


class EncoderLabellerError(RuntimeError):
    """The model directory is missing, incomplete or unreadable; the message says which."""


class EncoderLabeller:
    """The labeller interface (vnsum.labellers.Labeller). Loaded once; `portable` is False: it stays in the
    process that loaded it rather than being copied into worker processes.

    The encoder runs in ONNX Runtime when the directory holds the export (model.onnx, `make export`) and
    onnxruntime is installed: neither torch nor transformers is imported then. Otherwise it runs in torch
    (encoder_net.Bert). `runtime` says which."""

    portable = False
    max_sentences = MAX_SENTENCES

    def __init__(self, directory: Path = MODEL_DIR, threads: int | None = None) -> None:
        try:
            settings = json.loads((directory / "vnsum.json").read_text(encoding="utf-8"))
            from tokenizers import Tokenizer

            self.tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
            self.tokenizer.no_padding()
            if (directory / ONNX_FILE).is_file() and _has_onnxruntime():
                self._load_onnx(directory, threads or DEFAULT_THREADS)
            else:
                self._load_torch(directory)
        except (OSError, ValueError, KeyError, RuntimeError, ImportError) as error:
            raise EncoderLabellerError(f"{directory}: cannot load the encoder labeller ({type(error).__name__}: {error})") from None
        self.name = settings["name"]
        self.transitions = settings["transitions"]
        self.prior = settings["prior"]
        self.context_bias = settings.get("context_bias", CONTEXT_BIAS)
        self.linear_weight = settings.get("linear_weight", 0.0)
        self.linear = load_linear(LINEAR_MODEL) if self.linear_weight else None
        floors = settings.get("bullet_floors")
        self.floors = {Label(label): floor for label, floor in floors.items()} if floors else None

    def _load_onnx(self, directory: Path, threads: int) -> None:
        import numpy as np
        import onnxruntime
        from safetensors.numpy import load_file

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.log_severity_level = 3
        self.session = onnxruntime.InferenceSession(str(directory / ONNX_FILE), options, providers=["CPUExecutionProvider"])
        head = load_file(str(directory / HEAD_FILE))
        self.head = head["head.weight"].astype(np.float32), head["head.bias"].astype(np.float32)
        self.runtime = "onnx"
        export = directory / EXPORT_FILE
        self.precision = json.loads(export.read_text(encoding="utf-8"))["precision"] if export.is_file() else "float32"
        self.batch = INT8_BATCH if self.precision == "int8" else BATCH

    def _load_torch(self, directory: Path) -> None:
        import torch
        from safetensors.torch import load_file

        from vnsum.labellers.encoder_net import Bert, SentenceLabeller

        config = json.loads((directory / "config.json").read_text(encoding="utf-8"))
        model = SentenceLabeller(Bert(config), config["hidden_size"])
        model.load_state_dict({name: tensor.float() for name, tensor in load_file(str(directory / "model.safetensors")).items()})
        self.model, self.torch = model.eval(), torch
        self.head = model.head.weight.detach().numpy(), model.head.bias.detach().numpy()
        self.runtime, self.precision, self.batch = "torch", "float32", BATCH

    def pooled(self, ids, mask):
        """Mean-pooled sentence vectors (numpy, float32) of a batch of token ids."""
        if self.runtime == "onnx":
            return self.session.run(None, {"ids": ids, "mask": mask})[0]
        with self.torch.inference_mode():
            return self.model.pooled(self.torch.from_numpy(ids), self.torch.from_numpy(mask)).numpy()

    def probabilities(self, sentences: tuple[Sentence, ...]) -> list[list[float]]:
        """The head's probabilities for the content sentences, in order."""
        import numpy as np

        where = layout(sentences)
        content = where.content
        if not content:
            return []
        order = sorted(range(len(content)), key=lambda t: len(sentences[content[t]].text))
        pooled = None
        for start in range(0, len(order), self.batch):
            batch = [content[t] for t in order[start : start + self.batch]]
            vectors = self.pooled(*token_ids(self.tokenizer, [sentences[k].text for k in batch]))
            if pooled is None:
                pooled = np.zeros((len(sentences), vectors.shape[1]), dtype=np.float32)
            pooled[batch] = vectors
        weight, bias = self.head  # the head is applied in numpy whichever runtime encodes
        logits = head_rows(pooled, where) @ weight.T + bias
        logits = logits - logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return (exp / exp.sum(axis=1, keepdims=True)).tolist()

    def combined(self, sentences: tuple[Sentence, ...]) -> list[list[float]]:
        """The encoder's probabilities combined with the linear model's (see combine)."""
        own = self.probabilities(sentences)
        if self.linear is None:
            return own
        features = sentence_features(sentences)
        linear = [self.linear.probabilities(features[k]) for k, s in enumerate(sentences) if s.is_content]
        return combine(own, linear, self.linear_weight)

    def label(self, sentences: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
        return decode_report(sentences, self.combined(sentences), self.transitions, self.prior, self.context_bias)


def _has_onnxruntime() -> bool:
    import importlib.util

    return importlib.util.find_spec("onnxruntime") is not None


def combine(encoder: list[list[float]], linear: list[list[float]], linear_weight: float) -> list[list[float]]:
    """Row by row, a weighted geometric mean of two models' probabilities (linear_weight to the linear model's),
    renormalised."""
    out = []
    for a, b in zip(encoder, linear):
        logs = [(1 - linear_weight) * math.log(max(p, 1e-12)) + linear_weight * math.log(max(q, 1e-12)) for p, q in zip(a, b)]
        top = max(logs)
        exps = [math.exp(x - top) for x in logs]
        out.append([x / sum(exps) for x in exps])
    return out


def load(directory: Path = MODEL_DIR, threads: int | None = None) -> EncoderLabeller:
    return EncoderLabeller(directory, threads)
