"""`vnsum digest` as cron runs it: state, new-only, locks, SIGKILL, bad files, merging, HTML in a real browser."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES, SHARED_DATA
from test_cli import run
from vnsum.digest import Source, build_digest
from vnsum.pipeline import extract
from vnsum.read import Article
from vnsum.select import same_point
from vnsum.state import Lock, content_hash

ARTICLES = sorted(p for p in SAMPLES.glob("*.txt"))
POOL = SHARED_DATA / "meetings_pool.jsonl.gz"


def digest(*args: str, **kw) -> subprocess.CompletedProcess:
    return run("digest", "--extractive", *args, **kw)


def as_json(result: subprocess.CompletedProcess) -> dict:
    assert result.returncode in (0, 4), result.stderr
    return json.loads(result.stdout)


def paths_in(doc: dict) -> list[str]:
    return sorted(Path(s["path"]).name for e in doc["entries"] for s in e["sources"])


def test_cron_sequence_new_only_rename_and_edit(tmp_path):
    inbox, state = tmp_path / "inbox", tmp_path / "state.json"
    inbox.mkdir()
    for p in ARTICLES[:2]:
        shutil.copy(p, inbox / p.name)
    first = as_json(digest(str(inbox), "--state", str(state), "--new-only", "-f", "json"))
    assert paths_in(first) == sorted(p.name for p in ARTICLES[:2])
    shutil.copy(ARTICLES[2], inbox / ARTICLES[2].name)
    second = as_json(digest(str(inbox), "--state", str(state), "--new-only", "-f", "json"))
    assert paths_in(second) == [ARTICLES[2].name] and second["overview"]["already_seen"] == 2
    (inbox / ARTICLES[0].name).rename(inbox / "renamed.txt")  # same content: not new
    assert paths_in(as_json(digest(str(inbox), "--state", str(state), "--new-only", "-f", "json"))) == []
    edited = inbox / ARTICLES[1].name
    edited.write_text(edited.read_text(encoding="utf-8") + "\nThủ tướng đề nghị các bộ sớm hoàn thành báo cáo.\n", encoding="utf-8")
    assert paths_in(as_json(digest(str(inbox), "--state", str(state), "--new-only", "-f", "json"))) == [ARTICLES[1].name]
    everything = as_json(digest(str(inbox), "--state", str(state), "-f", "json"))  # without --new-only: all of them
    assert len(paths_in(everything)) == 3


def test_identical_copies_are_one_article_listing_every_path(tmp_path):
    for folder in ("inbox", "archive"):
        (tmp_path / folder).mkdir()
        shutil.copy(ARTICLES[0], tmp_path / folder / "report.txt")
    shutil.copy(ARTICLES[1], tmp_path / "inbox" / ARTICLES[1].name)
    paths = [str(tmp_path / "inbox"), str(tmp_path / "archive")]
    doc = as_json(digest(*paths, "-f", "json"))
    assert doc["overview"]["articles"] == 2
    copies = [s for e in doc["entries"] for s in e["sources"] if len(s["paths"]) > 1]
    assert len(copies) == 1 and [Path(p).parent.name for p in copies[0]["paths"]] == ["inbox", "archive"]
    assert copies[0]["path"] == copies[0]["paths"][0]
    for fmt in ("markdown", "text", "html"):
        out = digest(*paths, "-f", fmt).stdout.decode()
        assert str(tmp_path / "archive" / "report.txt") in out and str(tmp_path / "inbox" / "report.txt") in out, fmt


def test_bad_articles_are_skipped_and_reported(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    shutil.copy(ARTICLES[0], tmp_path / "good.txt")
    result = digest(str(tmp_path), "-f", "json")
    assert result.returncode == 4
    doc = json.loads(result.stdout)
    assert paths_in(doc) == ["good.txt"]
    assert {Path(s["path"]).name for s in doc["skipped"]} == {"empty.txt", "binary.txt"}
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 2 and all(": skipped: " in line for line in lines)
    only_bad = digest(str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"))
    assert only_bad.returncode == 3
    assert digest().returncode == 2
    assert digest(str(tmp_path), "--new-only").returncode == 2


def test_from_list_on_stdin_and_group_by_section(tmp_path):
    listing = "\n".join(str(p) for p in ARTICLES[:3]).encode()
    result = digest("--from-list", "-", "--group-by", "section", "-f", "markdown", stdin=listing)
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode()
    assert text.count("## ") == 3 and "## Kết quả đạt được" in text and "## Nhiệm vụ, chỉ đạo" in text
    assert result.stderr == b""  # quiet when not on a terminal


def test_a_held_lock_makes_a_second_run_wait_then_exit_7(tmp_path):
    state = tmp_path / "state.json"
    with Lock(state, wait=0):
        started = time.monotonic()
        blocked = digest(str(ARTICLES[0]), "--state", str(state), "--wait", "1")
        assert blocked.returncode == 7 and b"lock" in blocked.stderr
        assert time.monotonic() - started >= 1.0
    assert not state.exists()
    assert digest(str(ARTICLES[0]), "--state", str(state)).returncode == 0


def _many_articles(directory: Path, count: int) -> list[Path]:
    """`count` distinct real articles: the samples, each with a numbered closing line so each hash differs."""
    directory.mkdir(exist_ok=True)
    out = []
    for k in range(count):
        source = ARTICLES[k % len(ARTICLES)]
        path = directory / f"a{k:04d}.txt"
        path.write_text(source.read_text(encoding="utf-8") + f"\nBản tin số {k}.\n", encoding="utf-8")
        out.append(path)
    return out


def test_two_concurrent_runs_share_one_state(tmp_path):
    inbox, state = tmp_path / "inbox", tmp_path / "state.json"
    _many_articles(inbox, 60)
    env = {k: v for k, v in os.environ.items()}
    env["VNSUM_MODEL"] = "none"
    command = [sys.executable, "-m", "vnsum", "digest", "--extractive", str(inbox), "--state", str(state), "--new-only", "-f", "json"]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=env) for _ in range(2)]
    outputs = [r.communicate(timeout=300) for r in runs]
    assert [r.returncode for r in runs] == [0, 0], [o[1] for o in outputs]
    counts = sorted(json.loads(o[0])["overview"]["articles"] for o in outputs)
    assert counts == [0, 60]  # one run digested everything, the other waited and found nothing new
    assert len(json.loads(state.read_text())["seen"]) == 60


def test_sigkill_at_any_moment_loses_nothing(tmp_path):
    inbox, state, out = tmp_path / "inbox", tmp_path / "state.json", tmp_path / "digest.md"
    articles = _many_articles(inbox, 120)
    env = {**os.environ, "VNSUM_MODEL": "none"}
    command = [sys.executable, "-m", "vnsum", "digest", "--extractive", str(inbox), "--state", str(state), "--new-only", "-o", str(out)]
    previous_state, previous_out = None, None
    for delay in (0.3, 0.8, 1.5, 2.5):
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=env)
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait()
        if state.exists():  # never half a file: the old state or a complete new one
            current = json.loads(state.read_text())
            assert previous_state is None or set(previous_state["seen"]) <= set(current["seen"])
            previous_state = current
        if out.exists():
            previous_out = out.read_text(encoding="utf-8")
            assert previous_out.rstrip().endswith(("_", ")", "]", "`", "."))
    clean = subprocess.run(command, capture_output=True, cwd=ROOT, env=env, timeout=300)
    assert clean.returncode == 0, clean.stderr
    seen = json.loads(state.read_text())["seen"]
    assert set(seen) == {content_hash(p.read_text(encoding="utf-8")) for p in articles}


def test_same_meeting_from_two_outlets_becomes_one_entry():
    text = ARTICLES[0].read_text(encoding="utf-8")
    paragraphs = text.split("\n")
    republished = "\n".join(paragraphs[1:]).replace("tích cực", "rất tích cực", 1)  # trimmed, lightly edited copy
    other = ARTICLES[1].read_text(encoding="utf-8")
    items = []
    for k, t in enumerate((text, other, republished)):
        brief = extract(Article(f"a{k}", t))
        items.append((Source(f"a{k}", content_hash(t), brief.meta.title), brief, t))
    result = build_digest(items, "now")
    assert [[s.path for s in e.sources] for e in result.entries] == [["a0", "a2"], ["a1"]]
    for bullets in result.entries[0].sections.values():
        for i, a in enumerate(bullets):
            assert not any(same_point(a.text, b.text) for b in bullets[i + 1 :])
    assert result.articles == 3 and len(result.entries) == 2


@pytest.mark.skipif(not POOL.is_file(), reason="../shared/data is not present")
def test_digest_over_500_real_articles(tmp_path):
    inbox = tmp_path / "pool"
    inbox.mkdir()
    with gzip.open(POOL, "rt", encoding="utf-8") as handle:
        for k, line in enumerate(handle):
            if k >= 500:
                break
            record = json.loads(line)
            text = "\n".join(p for p in (record.get("title"), record.get("lead"), record.get("body")) if p)
            (inbox / f"{k:03d}.txt").write_text(text, encoding="utf-8")
    result = digest(str(inbox), "-f", "json")
    doc = as_json(result)
    apart = doc["not_meeting_reports"]
    assert doc["overview"]["articles"] + len(doc["skipped"]) + len(apart) == 500
    assert doc["overview"]["not_meeting_reports"] == len(apart) < 100  # the pool is mostly meeting reports
    assert 0 < doc["overview"]["meetings"] <= doc["overview"]["articles"]
    for entry in doc["entries"]:
        for bullets in entry["sections"].values():
            for bullet in bullets:
                assert bullet["path"] == entry["sources"][bullet["source"]]["path"]


def test_html_digest_is_self_contained(tmp_path):
    result = digest(*map(str, ARTICLES), "-f", "html")
    assert result.returncode == 0, result.stderr
    page = result.stdout.decode()
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page
    assert "http://" not in page and "https://" not in page and "<link" not in page
    for name in ("achievements", "limitations", "directives"):
        assert f'data-section="{name}"' in page


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (Debian package chromium)")
def test_html_digest_renders_in_headless_chromium(tmp_path):
    page = tmp_path / "digest.html"
    assert digest(*map(str, ARTICLES), "-f", "html", "-o", str(page)).returncode == 0
    shot = ROOT / "build" / "digest-screenshot.png"
    shot.parent.mkdir(exist_ok=True)
    flags = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}"]
    subprocess.run(flags + [f"--screenshot={shot}", "--window-size=1200,2400", page.as_uri()],
                   capture_output=True, timeout=120, check=True)
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1200, 2400) and len(png) > 20_000  # a blank page compresses to a few KB
    dom = subprocess.run(flags + ["--dump-dom", page.as_uri()], capture_output=True, timeout=120, check=True).stdout.decode()
    for heading in ("Kết quả đạt được", "Hạn chế", "Nhiệm vụ, chỉ đạo"):
        assert heading in dom
    assert dom.count("<section") == 3 * len(ARTICLES)


def test_articles_that_are_not_meeting_reports_are_listed_apart(tmp_path):
    """A weather story among meeting reports: out of the entries and the counts, listed with its score, and
    recorded in the state so that --new-only does not list it again."""
    shutil.copy(ARTICLES[0], tmp_path / "meeting.txt")
    (tmp_path / "snow.txt").write_text(SNOWSTORM, encoding="utf-8")
    state = tmp_path / "state.json"
    result = digest(str(tmp_path), "-f", "json", "--state", str(state))
    doc = as_json(result)
    assert doc["overview"]["articles"] == 1 and doc["overview"]["not_meeting_reports"] == 1
    assert [Path(n["path"]).name for n in doc["not_meeting_reports"]] == ["snow.txt"]
    assert doc["not_meeting_reports"][0]["meeting_score"] < 0.5
    assert b"snow.txt: does not look like a meeting report" in result.stderr
    assert "Không phải tin hội nghị" in digest(str(tmp_path), "-f", "markdown").stdout.decode()
    again = as_json(digest(str(tmp_path), "-f", "json", "--state", str(state), "--new-only"))
    assert again["not_meeting_reports"] == [] and again["overview"]["already_seen"] == 2
    forced = as_json(digest(str(tmp_path), "-f", "json", "--force"))
    assert forced["overview"]["articles"] == 2 and forced["not_meeting_reports"] == []


#: Written for these tests: a news story with no meeting in it (issue 18's example, retold).
SNOWSTORM = """Bão tuyết lớn càn quét miền Đông nước Mỹ
Một trận bão tuyết mạnh đã đổ bộ vào nhiều bang miền Đông nước Mỹ từ đêm thứ Sáu, khiến hàng chục nghìn hộ gia đình bị mất điện.
Saluda, một thị trấn với 700 dân ở bang Bắc Carolina, đã bị chôn vùi dưới 50cm tuyết.
Nhiều tuyến đường cao tốc phải đóng cửa, hàng nghìn chuyến bay bị hủy tại các sân bay lớn.
Theo cơ quan khí tượng quốc gia, tuyết sẽ còn rơi đến hết ngày Chủ nhật, nhiệt độ có nơi xuống dưới âm 10 độ C.
Người dân được khuyến cáo ở trong nhà và hạn chế di chuyển.
"""


def test_worker_processes_label_with_the_encoder_as_one_process_does(tmp_path):
    """With the default models, each worker loads the encoder labeller itself: the digest is the same."""
    docs = []
    for jobs in ("1", "2"):
        result = run("digest", *map(str, ARTICLES), "-f", "json", "--jobs", jobs)
        docs.append({k: v for k, v in as_json(result).items() if k != "generated"})
    assert docs[0] == docs[1]
    assert docs[0]["entries"], "the samples are meeting reports"
