"""Hostile input never crashes, hangs or eats memory: property-based tests over the whole pipeline.

Each property feeds generated input to the same code `vnsum brief` runs and accepts exactly two outcomes: a
valid brief, or an InputError (the one-line error with exit code 3). Hangs are caught by running the largest
inputs in a subprocess with a timeout (a hang check, not a timing assertion: speed is in `make bench`).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import legacy_encoders as enc
from adversarial import UNITS, adversarial
from conftest import ROOT, SAMPLES, is_extractive_span
from test_formats import make_docx, saved_page
from vnsum.document import Brief
from vnsum.pipeline import Options, brief
from vnsum.read import Article, InputError, decode
from vnsum.render import to_json

# 300 examples a property, the same ones every run (CI is reproducible); VNSUM_FUZZ_EXAMPLES=5000 explores further
# with fresh random examples.
EXAMPLES = int(os.environ.get("VNSUM_FUZZ_EXAMPLES", "300"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=EXAMPLES <= 300)
SAMPLE_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
REAL_SENTENCES = [s for text in SAMPLE_TEXTS for s in text.replace("\n", " \n").split(". ") if s.strip()]
ENCODED = [encoder(text) for text in SAMPLE_TEXTS[:2] for encoder in (
    lambda t: t.encode("utf-8"), lambda t: t.encode("utf-16"), lambda t: t.encode("utf-16-le"), enc.to_cp1258,
    enc.to_vni, enc.to_tcvn3, lambda t: saved_page(t).encode("utf-8"),
    lambda t: make_docx([(p, None) for p in t.split("\n") if p.strip()]),
)] + [(ROOT / "tests" / "fixtures" / "land_clearance_ky_anh.pdf").read_bytes()]


def valid(result: Brief, text: str) -> None:
    """What every brief must satisfy, whatever its input."""
    for sentence in result.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
    for bullets in result.sections.values():
        for bullet in bullets:
            assert bullet.sources and all(0 <= i < len(result.sentences) for i in bullet.sources)
            assert is_extractive_span(bullet.text, text)
    json.dumps(to_json(result), ensure_ascii=False)


def brief_or_error(data: bytes) -> None:
    try:
        text = decode(data)
    except InputError as error:
        assert str(error) and "\n" not in str(error)
        return
    valid(brief(Article("fuzz", text), Options()), text)


@FUZZ
@given(st.binary(max_size=4000))
def test_random_bytes(data):
    brief_or_error(data)


@FUZZ
@given(st.text(max_size=3000))
def test_random_unicode(text):
    brief_or_error(text.encode("utf-8"))


@FUZZ
@given(st.lists(st.sampled_from(REAL_SENTENCES), max_size=40), st.lists(st.sampled_from(["\n", " ", "\n\n", ". ", "", "\t", "\x00"]), min_size=1))
def test_random_mixes_of_real_sentences(sentences, separators):
    text = "".join(s + separators[k % len(separators)] for k, s in enumerate(sentences))
    brief_or_error(text.encode("utf-8"))


@FUZZ
@given(st.sampled_from(range(len(ENCODED))), st.floats(0, 1), st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=20))
def test_truncated_and_corrupted_files(which, cut, flips):
    data = bytearray(ENCODED[which][: max(1, int(len(ENCODED[which]) * cut))])
    for where, value in flips:
        data[min(len(data) - 1, int(len(data) * where))] = value
    brief_or_error(bytes(data))


@FUZZ
@given(st.sampled_from(sorted(UNITS)), st.integers(1, 3000), st.sampled_from(["", "Hội nghị tổng kết. ", "Ông Nguyễn Văn A đề nghị "]))
def test_adversarial_strings_for_every_pattern(name, length, prefix):
    brief_or_error((prefix + adversarial(name, length)).encode("utf-8"))


def test_huge_and_hostile_inputs_finish(tmp_path):
    """1 MB single lines, 100k nested tags and 200k-character adversarial runs, each as a user would run them."""
    cases = {
        "one-line.txt": ("Thủ tướng đề nghị các bộ ngành khẩn trương hoàn thành nhiệm vụ, " * 16000).encode("utf-8"),
        "nested.html": ("<!DOCTYPE html><html><body>" + "<div>" * 100_000 + "<p>" + "Hội nghị tổng kết công tác năm. " * 20 + "</p>").encode("utf-8"),
        "nul.txt": b"\x00" * 1_000_000,
    }
    hostile = ("digits", "dotted-number", "capitalised-names", "honorifics", "commas", "quotes", "title-glue", "one-word")
    for name in (*hostile, "glued-stops"):
        cases[f"{name}.txt"] = adversarial(name, 200_000).encode("utf-8")
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
    command = [sys.executable, "-m", "vnsum", "brief", "--extractive", "-f", "json", *(str(tmp_path / n) for n in cases)]
    result = subprocess.run(command, capture_output=True, cwd=ROOT, timeout=600)
    assert result.returncode in (0, 4), result.stderr
    lines = result.stderr.decode().splitlines()
    errors = [line for line in lines if ": warning: " not in line]
    assert all(line.startswith("vnsum: ") for line in lines) and len(errors) <= len(cases)
    assert "nul.txt: binary" in result.stderr.decode()
    assert len(result.stdout.splitlines()) + len(errors) >= len(cases)
