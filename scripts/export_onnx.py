"""`make export`: the encoder labeller (models/labeller-e5) for ONNX Runtime, so `vnsum brief` runs without torch.

Writes model.onnx (token ids and mask -> mean-pooled sentence vectors, batch and length dynamic), head.safetensors
(the linear head, read with numpy) and onnx.json (the precision) beside the trained weights; all are build
products, not in git. The graph is traced from encoder_net.Bert with torch's TorchScript exporter (opset 17), in
float32: its labels and probabilities are torch's. With `--int8` (what `make export` ships) the matrix products are
quantized per channel (ONNX Runtime's dynamic quantization), and the labeller encodes one sentence per call so that
no sentence's label depends on its batch; MODEL_CARD.md has the measurements (scripts/int8_cv.py; `--check` here
compares the labels of every gold article, or of the samples, with torch's).

    python scripts/export_onnx.py [--dir models/labeller-e5] [--int8] [--check]
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from vnsum.labellers.encoder import EXPORT_FILE, HEAD_FILE, MODEL_DIR, ONNX_FILE  # noqa: E402

OPSET = 17


def export(directory: Path = MODEL_DIR, int8: bool = False) -> Path:
    """model.onnx and head.safetensors in `directory`, from its model.safetensors."""
    import torch
    from safetensors.numpy import save_file
    from safetensors.torch import load_file

    from vnsum.labellers.encoder_net import Bert, SentenceLabeller

    config = json.loads((directory / "config.json").read_text(encoding="utf-8"))
    model = SentenceLabeller(Bert(config), config["hidden_size"])
    model.load_state_dict({name: t.float() for name, t in load_file(str(directory / "model.safetensors")).items()})
    model.eval()

    class Pooled(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.labeller = model

        def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
            return self.labeller.pooled(ids, mask)

    ids = torch.full((2, 7), 5, dtype=torch.long)
    mask = torch.ones(2, 7, dtype=torch.long)
    target = directory / ONNX_FILE
    with tempfile.TemporaryDirectory() as scratch:
        traced = Path(scratch) / "fp32.onnx"
        torch.onnx.export(Pooled().eval(), (ids, mask), str(traced), input_names=["ids", "mask"], output_names=["pooled"],
                          dynamic_axes={"ids": {0: "batch", 1: "tokens"}, "mask": {0: "batch", 1: "tokens"},
                                        "pooled": {0: "batch"}}, opset_version=OPSET, dynamo=False)
        if int8:
            from onnxruntime.quantization import QuantType, quantize_dynamic

            quantize_dynamic(str(traced), str(target), weight_type=QuantType.QInt8, per_channel=True,
                             op_types_to_quantize=["MatMul"])
        else:
            traced.replace(target)
    head = model.head
    save_file({"head.weight": head.weight.detach().numpy(), "head.bias": head.bias.detach().numpy()}, str(directory / HEAD_FILE))
    (directory / EXPORT_FILE).write_text(json.dumps({"precision": "int8" if int8 else "float32", "opset": OPSET}) + "\n")
    return target


def check(directory: Path = MODEL_DIR) -> dict:
    """Labels and probabilities of the export against torch's, on the gold articles (else the samples)."""
    from vnsum.labellers.encoder import EncoderLabeller
    from vnsum.segment import segment

    gold = ROOT.parent / "shared" / "data" / "gold"
    if gold.is_dir():
        from vnsum.gold import load_gold

        texts = [article.text for article in load_gold([gold])]
    else:
        texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    onnx = EncoderLabeller(directory)
    reference = copy.copy(onnx)  # the same tokenizer and settings; torch instead of the ONNX session
    reference._load_torch(directory)
    sentences = same = 0
    largest = 0.0
    seconds = {"onnx": 0.0, "torch": 0.0}
    for text in texts:
        segmented = segment(text)
        labels = {}
        for name, labeller in (("onnx", onnx), ("torch", reference)):
            started = time.perf_counter()
            labels[name] = labeller.label(segmented)
            seconds[name] += time.perf_counter() - started
        largest = max([largest] + [abs(p - q) for a, b in zip(onnx.probabilities(segmented), reference.probabilities(segmented))
                                   for p, q in zip(a, b)])
        sentences += len(segmented)
        same += sum(a.label is b.label for a, b in zip(labels["onnx"], labels["torch"]))
    return {"articles": len(texts), "sentences": sentences, "same_label": same, "largest_probability_difference": round(largest, 4),
            "seconds": {k: round(v, 2) for k, v in seconds.items()}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=MODEL_DIR)
    parser.add_argument("--int8", action="store_true", help="quantize the matrix products to int8")
    parser.add_argument("--check", action="store_true", help="compare the export's labels with torch's")
    args = parser.parse_args()
    print(export(args.dir, args.int8), file=sys.stderr)
    if args.check:
        print(json.dumps(check(args.dir)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
