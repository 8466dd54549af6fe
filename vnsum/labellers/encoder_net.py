"""The encoder labeller's network in torch, for training (scripts/train_labeller.py) and where ONNX Runtime is absent.

e5 reads each sentence alone, a linear head reads it in its report (encoder_inputs.py says what each part reads).
Encoding sentences alone keeps the cost linear in the article and small (one short pass each); the neighbours reach
the label through the head and the sequence model (sequence.py) that decodes the report.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Sequence

import torch
from torch import nn

from vnsum.labellers.encoder_inputs import CLASSES, CONTEXT_VECTORS, PASSAGE, SCALARS, Layout, layout, row_indices, token_ids

__all__ = ["PASSAGE", "Bert", "SentenceLabeller", "head_inputs", "layout", "tokenize"]


def tokenize(tokenizer, texts: Sequence[str]) -> tuple[torch.Tensor, torch.Tensor]:
    """encoder_inputs.token_ids as torch tensors."""
    ids, mask = token_ids(tokenizer, texts)
    return torch.from_numpy(ids), torch.from_numpy(mask)


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
    """encoder_inputs.head_rows in torch (differentiable): the head's input rows for a report."""
    device = pooled.device
    padded = torch.cat([pooled, torch.zeros(1, pooled.shape[1], dtype=pooled.dtype, device=device)])
    last = padded.shape[0] - 1

    def take(indices: list[int]) -> torch.Tensor:
        return padded[torch.tensor([i if i >= 0 else last for i in indices], dtype=torch.long, device=device)]

    return torch.cat([take(indices) for indices in row_indices(where)]
                     + [torch.tensor(where.scalars, dtype=pooled.dtype, device=device)], dim=1)
