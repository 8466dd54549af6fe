"""The encoder labeller (`enc/1`): multilingual-e5-small fine-tuned on the gold and hand labels, beside the
linear model.

Each content sentence is read alone by the encoder, a linear head reads it beside its neighbours, the title and
its paragraph's head (encoder_net.py). Its probabilities and the linear model's (linear.py) are combined as a
weighted product (`linear_weight` in vnsum.json: the two err differently, the encoder on wording it has not seen
in the labels, the n-grams on papers other than the gold's), and the sequence model (sequence.py) decodes the
report. The model lives in models/labeller-e5/ (MODEL_CARD.md): safetensors weights, a `tokenizers` tokenizer,
and vnsum.json with the name, the weights, the sequence model's transitions and prior. torch is imported only
when it loads, transformers never (encoder_net.Bert).
"""

from __future__ import annotations

import json
from pathlib import Path

import math

from vnsum.document import Sentence
from vnsum.labellers.linear import MODEL_PATH as LINEAR_MODEL
from vnsum.labellers.linear import load as load_linear
from vnsum.labellers.linear import sentence_features
from vnsum.sequence import CONTEXT_BIAS, decode_report

MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "labeller-e5"
#: Sentences encoded together; sorted by length first, so little is padding.
BATCH = 32


class EncoderLabellerError(RuntimeError):
    """The model directory is missing, incomplete or unreadable; the message says which."""


class EncoderLabeller:
    """The labeller interface (vnsum.labellers.Labeller). Loaded once; `portable` is False: it stays in the
    process that loaded it rather than being copied into worker processes."""

    portable = False

    def __init__(self, directory: Path = MODEL_DIR) -> None:
        try:
            settings = json.loads((directory / "vnsum.json").read_text(encoding="utf-8"))
            import torch
            from safetensors.torch import load_file
            from tokenizers import Tokenizer

            from vnsum.labellers.encoder_net import Bert, SentenceLabeller

            config = json.loads((directory / "config.json").read_text(encoding="utf-8"))
            model = SentenceLabeller(Bert(config), config["hidden_size"])
            state = {name: tensor.float() for name, tensor in load_file(str(directory / "model.safetensors")).items()}
            model.load_state_dict(state)
            self.model = model.eval()
            self.tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        except (OSError, ValueError, KeyError, RuntimeError, ImportError) as error:
            raise EncoderLabellerError(f"{directory}: cannot load the encoder labeller ({type(error).__name__}: {error})") from None
        self.torch = torch
        self.name = settings["name"]
        self.transitions = settings["transitions"]
        self.prior = settings["prior"]
        self.context_bias = settings.get("context_bias", CONTEXT_BIAS)
        self.linear_weight = settings.get("linear_weight", 0.0)
        self.linear = load_linear(LINEAR_MODEL) if self.linear_weight else None

    def probabilities(self, sentences: tuple[Sentence, ...]) -> list[list[float]]:
        """The head's probabilities for the content sentences, in order."""
        from vnsum.labellers.encoder_net import head_inputs, layout, tokenize

        torch = self.torch
        where = layout(sentences)
        content = where.content
        if not content:
            return []
        order = sorted(range(len(content)), key=lambda t: len(sentences[content[t]].text))
        with torch.inference_mode():
            pooled = torch.zeros(len(sentences), self.model.encoder.config.hidden_size)
            for start in range(0, len(order), BATCH):
                batch = [content[t] for t in order[start : start + BATCH]]
                ids, mask = tokenize(self.tokenizer, [sentences[k].text for k in batch])
                pooled[torch.tensor(batch)] = self.model.pooled(ids, mask)
            logits = self.model(head_inputs(pooled, where))
            return torch.softmax(logits, dim=-1).tolist()

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


def load(directory: Path = MODEL_DIR) -> EncoderLabeller:
    return EncoderLabeller(directory)
