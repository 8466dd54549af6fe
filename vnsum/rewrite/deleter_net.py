"""The deletion compressor's network in torch: e5's encoder (encoder_net.Bert at run time, transformers' BertModel
when training: the same parameter names) and a linear head that scores each token: keep its word, or cut it."""

from __future__ import annotations

import torch
from torch import nn


class WordKeeper(nn.Module):
    def __init__(self, encoder: nn.Module, hidden: int, dropout: float = 0.1) -> None:
        super().__init__()
        self.encoder = encoder
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(hidden, 1)

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """A keep logit for every token (batch x length); a word's is its first token's."""
        hidden = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
        return self.head(self.dropout(hidden)).squeeze(-1)
