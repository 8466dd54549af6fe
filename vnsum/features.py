"""Sentence -> hashed sparse features for the learned labeller.

Syllable unigrams and bigrams of the main clause, its first syllables (an imperative or a
"Tuy nhiên" opens the sentence), the cue model's scores, and the neighbours' cue labels (a
director's speech runs over several sentences). Hashing keeps the model a fixed, small array.
"""

from __future__ import annotations

import re
import zlib

from vnsum.document import Label, Sentence
from vnsum.label import LABELS, score

DIMENSIONS = 1 << 17
_TOKEN = re.compile(r"\w+|%")
_DIGIT = re.compile(r"\d")
_OPENING_TURN = re.compile(r"(?:tuy nhiên|bên cạnh (?:đó|những kết quả)|song|nhưng|mặt khác|hạn chế|tồn tại)")
_TURN = re.compile(r"(?<!\w)(?:nhưng|song|tuy nhiên)(?!\w)")
#: Only the start of a long sentence carries its main clause; the tail is detail.
MAX_TOKENS = 40


def _hash(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & (DIMENSIONS - 1)


def sentence_features(sentences: tuple[Sentence, ...]) -> list[dict[int, float]]:
    """Features for every sentence of one article, in order."""
    cue = [score(s.text) for s in sentences]
    cue_labels = [c.best()[0] for c in cue]
    all_tokens = [_TOKEN.findall(s.text.lower()) for s in sentences]  # each sentence tokenised once
    paragraph_heads: dict[int, list[str]] = {}
    for sentence, sentence_tokens in zip(sentences, all_tokens):
        paragraph_heads.setdefault(sentence.paragraph, sentence_tokens[:2])
    since_turn = _since_turn(sentences, cue_labels)
    out = []
    for k, sentence in enumerate(sentences):
        names: dict[str, float] = {}
        tokens = all_tokens[k][:MAX_TOKENS]
        turn = _TURN.split(sentence.text.lower())
        # "Tuy còn khó khăn ..., nhưng ... đã đạt": the clause after the turn is the sentence's point.
        after_turn = _TOKEN.findall(turn[-1])[:MAX_TOKENS] if len(turn) > 1 else []
        for t in tokens:
            names[f"u:{t}"] = 1.0
        for a, b in zip(tokens, tokens[1:]):
            names[f"b:{a}_{b}"] = 1.0
        for n in (1, 2, 3):
            if len(tokens) >= n:
                names["p:" + "_".join(tokens[:n])] = 1.0
        for label in LABELS:
            value = cue[k].of(label)
            names[f"cue:{label.value}"] = max(min(value, 10.0), -5.0) / 5.0
        names[f"cuebest:{cue_labels[k].value}"] = 1.0
        names[f"kind:{sentence.kind.value}"] = 1.0
        same_paragraph_prev = k > 0 and sentences[k - 1].paragraph == sentence.paragraph
        names[f"prev:{cue_labels[k - 1].value if k > 0 else 'none'}:{int(same_paragraph_prev)}"] = 1.0
        names[f"next:{cue_labels[k + 1].value if k + 1 < len(sentences) else 'none'}"] = 1.0
        names[f"pos:{min(k, 5)}"] = 1.0
        # Reports run in order: results first, then shortcomings, then the chair's tasks.
        names[f"relpos:{min(9, 10 * k // max(1, len(sentences)))}"] = 1.0
        names[f"since:{since_turn[k]}"] = 1.0
        names["ph:" + "_".join(paragraph_heads[sentence.paragraph])] = 1.0
        if k > 0:
            names["pp:" + "_".join(all_tokens[k - 1][:2])] = 1.0
        names[f"len:{min(len(tokens) // 8, 5)}"] = 1.0
        if _DIGIT.search(sentence.text):
            names["digit"] = 1.0
        for t in after_turn:
            names[f"t:{t}"] = 1.0
        names["bias"] = 1.0
        features: dict[int, float] = {}
        for name, value in names.items():
            index = _hash(name)
            features[index] = features.get(index, 0.0) + value
        out.append(features)
    return out


def _since_turn(sentences: tuple[Sentence, ...], cue_labels: list[Label]) -> list[str]:
    """Where each sentence stands in the report's arc: after a "Tuy nhiên" turn, after the tasks began."""
    state, out = "start", []
    for sentence, cue_label in zip(sentences, cue_labels):
        out.append(state)
        head = sentence.text.lower()[:30]
        if _OPENING_TURN.match(head):
            state = "turned"
        elif cue_label is Label.DIRECTIVE and state != "start":
            state = "tasks"
    return out


def label_index(label: Label) -> int:
    return LABELS.index(label)
