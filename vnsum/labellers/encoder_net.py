"""The encoder labeller's network (torch): e5 reads each sentence alone, a linear head reads it in its report.

Each content sentence is encoded on its own ("passage: " + sentence, at most MAX_TOKENS tokens) and mean-pooled.
The head sees five pooled vectors, the sentence's, the previous and next content sentences', the title's and its
paragraph's first sentence's, and a few numbers on where it stands (relative position, same paragraph as the
previous one, opens its paragraph, its kind), and gives four logits. Encoding sentences alone keeps the cost
linear in the article and small (one short pass each); the neighbours reach the label through the head and the
sequence model (sequence.py) that decodes the report.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace
from typing import Sequence

import torch
from torch import nn

from vnsum.document import Kind, Sentence

#: Tokens of a sentence the encoder reads ("passage: " and <s> </s> included): the main clause comes first.
MAX_TOKENS = 80
PASSAGE = "passage: "
KINDS = tuple(Kind)
CONTEXT_VECTORS = 5  # own, previous, next, title, paragraph head
SCALARS = 3 + len(KINDS)
CLASSES = 4
PAD_ID = 1  # e5's <pad>, kept at the same id by vocabulary pruning


def tokenize(tokenizer, texts: Sequence[str]) -> tuple[torch.Tensor, torch.Tensor]:
    """Token ids and attention mask of sentences, each as "passage: " + text cut to MAX_TOKENS (keeping </s>)."""
    encoded = [tokenizer.encode(PASSAGE + text).ids for text in texts]
    encoded = [ids if len(ids) <= MAX_TOKENS else ids[: MAX_TOKENS - 1] + ids[-1:] for ids in encoded]
    width = max(len(ids) for ids in encoded)
    ids = torch.full((len(encoded), width), PAD_ID, dtype=torch.long)
    mask = torch.zeros(len(encoded), width, dtype=torch.long)
    for row, sentence in enumerate(encoded):
        ids[row, : len(sentence)] = torch.tensor(sentence)
        mask[row, : len(sentence)] = 1
    return ids, mask


@dataclass(frozen=True)
class Layout:
    """Where each content sentence of a report stands: indices into the report's sentences (-1: none)."""

    content: list[int]
    previous: list[int]
    following: list[int]
    title: int | None
    heads: list[int]  # each one's paragraph's first content sentence
    scalars: list[list[float]]


def layout(sentences: Sequence[Sentence]) -> Layout:
    """The content sentences of one report, their neighbours, title, paragraph heads and scalar features."""
    content = [k for k, s in enumerate(sentences) if s.is_content]
    title = next((k for k in content if sentences[k].kind is Kind.TITLE), None)
    heads: dict[int, int] = {}
    for k in content:
        heads.setdefault(sentences[k].paragraph, k)
    previous = [content[t - 1] if t else -1 for t in range(len(content))]
    following = [content[t + 1] if t + 1 < len(content) else -1 for t in range(len(content))]
    scalars = []
    for t, k in enumerate(content):
        s = sentences[k]
        same = float(t > 0 and sentences[content[t - 1]].paragraph == s.paragraph)
        scalars.append([t / max(1, len(content) - 1), same, float(heads[s.paragraph] == k)]
                       + [float(s.kind is kind) for kind in KINDS])
    return Layout(content, previous, following, title, [heads[sentences[k].paragraph] for k in content], scalars)


class Bert(nn.Module):
    """BERT's encoder computed as transformers' BertModel computes it (absolute positions from 0, token type 0,
    post-layer-norm, erf GELU), with the same parameter names, so the fine-tuned weights load into either. The
    labeller runs this one: importing transformers costs 1.7 s of every start; training uses BertModel."""

    def __init__(self, config: dict) -> None:
        super().__init__()
        hidden, eps = config["hidden_size"], config["layer_norm_eps"]
        self.config = SimpleNamespace(hidden_size=hidden)
        self.heads = config["num_attention_heads"]
        self.embeddings = nn.Module()
        self.embeddings.word_embeddings = nn.Embedding(config["vocab_size"], hidden)
        self.embeddings.position_embeddings = nn.Embedding(config["max_position_embeddings"], hidden)
        self.embeddings.token_type_embeddings = nn.Embedding(config["type_vocab_size"], hidden)
        self.embeddings.LayerNorm = nn.LayerNorm(hidden, eps=eps)
        self.encoder = nn.Module()
        self.encoder.layer = nn.ModuleList(_Layer(hidden, config["intermediate_size"], eps)
                                           for _ in range(config["num_hidden_layers"]))

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> SimpleNamespace:
        e = self.embeddings
        positions = torch.arange(input_ids.shape[1])
        x = e.word_embeddings(input_ids) + e.position_embeddings(positions) + e.token_type_embeddings.weight[0]
        x = e.LayerNorm(x)
        keep = attention_mask.bool()[:, None, None, :]
        for layer in self.encoder.layer:
            x = layer(x, keep, self.heads)
        return SimpleNamespace(last_hidden_state=x)


class _Layer(nn.Module):
    def __init__(self, hidden: int, intermediate: int, eps: float) -> None:
        super().__init__()
        self.attention = nn.Module()
        self.attention.self = nn.Module()
        self.attention.self.query = nn.Linear(hidden, hidden)
        self.attention.self.key = nn.Linear(hidden, hidden)
        self.attention.self.value = nn.Linear(hidden, hidden)
        self.attention.output = nn.Module()
        self.attention.output.dense = nn.Linear(hidden, hidden)
        self.attention.output.LayerNorm = nn.LayerNorm(hidden, eps=eps)
        self.intermediate = nn.Module()
        self.intermediate.dense = nn.Linear(hidden, intermediate)
        self.output = nn.Module()
        self.output.dense = nn.Linear(intermediate, hidden)
        self.output.LayerNorm = nn.LayerNorm(hidden, eps=eps)

    def forward(self, x: torch.Tensor, keep: torch.Tensor, heads: int) -> torch.Tensor:
        a = self.attention
        batch, length, hidden = x.shape

        def split(t: torch.Tensor) -> torch.Tensor:
            return t.view(batch, length, heads, hidden // heads).transpose(1, 2)

        context = nn.functional.scaled_dot_product_attention(
            split(a.self.query(x)), split(a.self.key(x)), split(a.self.value(x)), attn_mask=keep)
        x = a.output.LayerNorm(x + a.output.dense(context.transpose(1, 2).reshape(batch, length, hidden)))
        return self.output.LayerNorm(x + self.output.dense(nn.functional.gelu(self.intermediate.dense(x))))


class SentenceLabeller(nn.Module):
    """BertModel-shaped encoder + linear head over a report's pooled sentence vectors."""

    def __init__(self, encoder: nn.Module, hidden: int, dropout: float = 0.1) -> None:
        super().__init__()
        self.encoder = encoder
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(CONTEXT_VECTORS * hidden + SCALARS, CLASSES)

    def pooled(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        hidden = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
        weights = mask.unsqueeze(-1).to(hidden.dtype)
        return (hidden * weights).sum(1) / weights.sum(1).clamp(min=1.0)

    def forward(self, inputs: torch.Tensor) -> torch.Tensor:
        """Four logits for each row of head_inputs()."""
        return self.head(self.dropout(inputs))


def head_inputs(pooled: torch.Tensor, where: Layout) -> torch.Tensor:
    """The head's input rows for a report, from the pooled vectors of all its sentences (rows of `pooled`)."""
    device = pooled.device
    zero = torch.zeros(1, pooled.shape[1], dtype=pooled.dtype, device=device)
    padded = torch.cat([pooled, zero])
    last = padded.shape[0] - 1

    def take(indices: list[int]) -> torch.Tensor:
        return padded[torch.tensor([i if i >= 0 else last for i in indices], dtype=torch.long, device=device)]

    title_rows = take([where.title if where.title is not None else -1] * len(where.content))
    return torch.cat([take(where.content), take(where.previous), take(where.following), title_rows, take(where.heads),
                      torch.tensor(where.scalars, dtype=pooled.dtype, device=device)], dim=1)
