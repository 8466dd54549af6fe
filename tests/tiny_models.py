"""Tiny random-weight T5 and BART models with a word-level tokenizer, built in a temp directory (no network)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SAMPLES


def _tokenizer():
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers
    from transformers import PreTrainedTokenizerFast

    vocab = {"<pad>": 0, "</s>": 1, "<unk>": 2, "<s>": 3}
    for word in (SAMPLES / "seed_article.txt").read_text(encoding="utf-8").split():
        vocab.setdefault(word, len(vocab))
    tokenizer = Tokenizer(models.WordLevel(vocab, unk_token="<unk>"))
    tokenizer.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    tokenizer.decoder = decoders.WordPiece(prefix="##")
    return PreTrainedTokenizerFast(tokenizer_object=tokenizer, pad_token="<pad>", eos_token="</s>", unk_token="<unk>", bos_token="<s>")


def build(directory: Path, kind: str = "t5", settings: dict | None = None, pickle: bool = False) -> Path:
    """Write a tiny `kind` ("t5" or "bart") model to `directory`; `pickle` stores pytorch_model.bin instead of safetensors."""
    import torch
    from transformers import BartConfig, BartForConditionalGeneration, T5Config, T5ForConditionalGeneration

    torch.manual_seed(0)
    tokenizer = _tokenizer()
    size = len(tokenizer)
    if kind == "t5":
        config = T5Config(vocab_size=size, d_model=16, d_kv=8, d_ff=32, num_layers=1, num_decoder_layers=1, num_heads=2,
                          decoder_start_token_id=0, pad_token_id=0, eos_token_id=1)
        model = T5ForConditionalGeneration(config)
    else:
        config = BartConfig(vocab_size=size, d_model=16, encoder_layers=1, decoder_layers=1, encoder_attention_heads=2,
                            decoder_attention_heads=2, encoder_ffn_dim=32, decoder_ffn_dim=32, max_position_embeddings=256,
                            pad_token_id=0, eos_token_id=1, bos_token_id=3, decoder_start_token_id=1)
        model = BartForConditionalGeneration(config)
    directory.mkdir(parents=True, exist_ok=True)
    tokenizer.save_pretrained(str(directory))
    if pickle:
        config.save_pretrained(str(directory))
        torch.save(model.state_dict(), directory / "pytorch_model.bin")
    else:
        model.save_pretrained(str(directory))
    if settings is not None:
        (directory / "vnsum.json").write_text(json.dumps(settings, ensure_ascii=False))
    return directory
