"""What the encoder labeller's network reads, computed without torch: token ids, and the head's input rows.

Each content sentence is encoded on its own ("passage: " + sentence, at most MAX_TOKENS tokens) and mean-pooled.
The head sees five pooled vectors, the sentence's, the previous and next content sentences', the title's and its
paragraph's first sentence's, and a few numbers on where it stands (relative position, same paragraph as the
previous one, opens its paragraph, its kind). Both runtimes use these: torch for training (encoder_net.py) and
ONNX Runtime for `vnsum brief` (encoder.py), so they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from vnsum.document import Kind, Sentence

if TYPE_CHECKING:
    import numpy as np

#: Tokens of a sentence the encoder reads ("passage: " and <s> </s> included): the main clause comes first.
MAX_TOKENS = 80
PASSAGE = "passage: "
KINDS = tuple(Kind)
CONTEXT_VECTORS = 5  # own, previous, next, title, paragraph head
SCALARS = 3 + len(KINDS)
CLASSES = 4
PAD_ID = 1  # e5's <pad>, kept at the same id by vocabulary pruning


def token_ids(tokenizer, texts: Sequence[str]) -> tuple["np.ndarray", "np.ndarray"]:
    """Token ids and attention mask (int64) of sentences, each as "passage: " + text cut to MAX_TOKENS (keeping
    </s>)."""
    import numpy as np

    encoded = [encoding.ids for encoding in tokenizer.encode_batch([PASSAGE + text for text in texts])]
    encoded = [ids if len(ids) <= MAX_TOKENS else ids[: MAX_TOKENS - 1] + ids[-1:] for ids in encoded]
    width = max(len(ids) for ids in encoded)
    ids = np.full((len(encoded), width), PAD_ID, dtype=np.int64)
    mask = np.zeros((len(encoded), width), dtype=np.int64)
    for row, sentence in enumerate(encoded):
        ids[row, : len(sentence)] = sentence
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


def row_indices(where: Layout) -> list[list[int]]:
    """For each of the head's context vectors, the sentence each content sentence takes it from (-1: none)."""
    title = where.title if where.title is not None else -1
    return [where.content, where.previous, where.following, [title] * len(where.content), where.heads]


def head_rows(pooled: "np.ndarray", where: Layout) -> "np.ndarray":
    """The head's input rows for a report, from the pooled vectors of all its sentences (rows of `pooled`); a
    missing neighbour or title reads as zeros."""
    import numpy as np

    padded = np.concatenate([pooled, np.zeros((1, pooled.shape[1]), dtype=pooled.dtype)])
    last = padded.shape[0] - 1
    parts = [padded[[i if i >= 0 else last for i in indices]] for indices in row_indices(where)]
    return np.concatenate(parts + [np.asarray(where.scalars, dtype=pooled.dtype)], axis=1)
