"""The product as a user runs it: `vnsum` in a subprocess."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES

SEED = str(SAMPLES / "seed_article.txt")


def run(*args: str, stdin: bytes | None = None, env: dict[str, str | None] | None = None) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    full_env["VNSUM_MODEL"] = "none"  # the extractive brief; tests/test_rewrite.py runs the models
    for key, value in (env or {}).items():  # None removes a variable
        if value is None:
            full_env.pop(key, None)
        else:
            full_env[key] = value
    return subprocess.run(
        [sys.executable, "-m", "vnsum", *args],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        cwd=ROOT,
        env=full_env,
        timeout=120,
    )


def test_brief_seed_text_sections_and_meta():
    result = run("brief", SEED)
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "\x1b[" not in out  # piped: no colour
    out = " ".join(out.split())  # bullets wrap at 78 columns
    achievements, rest = out.split("Hạn chế", 1)
    limitations, directives = rest.split("Nhiệm vụ, chỉ đạo", 1)
    assert "hạn chế cần nhanh chóng khắc phục" in limitations
    assert "đề nghị" in directives
    assert "Ảnh:" not in out and "Quang cảnh" not in out
    assert "Chiều 17/7" in out and "Nguyễn Trọng Nghĩa" in out
    assert "Hội nghị sơ kết công tác 6 tháng đầu năm" in out
    assert result.stderr == b""
    doc = json.loads(run("brief", SEED, "--format", "json", "--max-bullets", "20").stdout)
    labels = {s["text"]: s["label"] for s in doc["sentences"]}

    def label_of(fragment: str) -> str:
        return next(label for text, label in labels.items() if fragment in text)

    assert label_of("Tuy nhiên, bên cạnh những kết quả tích cực") == "limitation"
    assert label_of("tăng cường chất lượng công tác tham mưu, chỉ đạo") == "directive"
    assert label_of("Công tác đổi mới phương thức thông tin đối ngoại có nhiều bước tiến rõ rệt") == "achievement"
    bullets = [b["text"] for b in doc["sections"]["directives"]]
    assert any("tăng cường chất lượng công tác tham mưu, chỉ đạo" in b for b in bullets)


def test_json_lines_schema_and_offsets():
    files = sorted(str(p) for p in SAMPLES.glob("*.txt"))
    result = run("brief", *files, "--format", "json")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode().splitlines()
    assert len(lines) == len(files)
    for line, path in zip(lines, files):
        doc = json.loads(line)
        assert doc["schema"] == "vnsum.brief/1"
        assert doc["source"] == path
        assert set(doc["meta"]) == {"title", "event", "date", "date_iso", "chair", "organizer", "location",
                                    "meeting_report", "meeting_score"}
        assert set(doc["sections"]) == {"achievements", "limitations", "directives"}
        text = open(path, encoding="utf-8").read()
        labels = {s["i"]: s["label"] for s in doc["sentences"]}
        for s in doc["sentences"]:
            assert text[s["start"] : s["end"]] == s["text"]
            assert s["label"] in {"achievement", "limitation", "directive", "context"}
        for name, label in (("achievements", "achievement"), ("limitations", "limitation"), ("directives", "directive")):
            for bullet in doc["sections"][name]:
                assert bullet["method"] == "extractive" and bullet["fallback"] is None
                assert bullet["sources"] and all(labels[i] == label for i in bullet["sources"])
    seed = json.loads(lines[files.index(SEED)])
    assert seed["meta"]["chair"][0]["name"] == "Nguyễn Trọng Nghĩa"
    assert "17/7" in seed["meta"]["date"]


def test_stdin_dash_and_pipe():
    data = open(SEED, "rb").read()
    dash = run("brief", "-", "--format", "json", stdin=data)
    piped = run("brief", "--format", "json", stdin=data)
    assert dash.returncode == piped.returncode == 0
    assert json.loads(dash.stdout)["source"] == "<stdin>"
    assert json.loads(dash.stdout)["sections"] == json.loads(piped.stdout)["sections"]


def test_markdown_english_headings_and_atomic_output(tmp_path):
    out = tmp_path / "brief.md"
    result = run("brief", SEED, "--format", "markdown", "--lang", "en", "-o", str(out))
    assert result.returncode == 0 and result.stdout == b""
    text = out.read_text(encoding="utf-8")
    assert "## Achievements" in text and "## Limitations" in text and "## Directives" in text
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]


def test_rich_honours_no_color():
    result = run("brief", SEED, "--format", "rich", env={"NO_COLOR": "1"})
    assert result.returncode == 0
    assert b"\x1b[3" not in result.stdout and "Kết quả đạt được" in result.stdout.decode()


def test_error_paths_and_exit_codes(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Le comité s'est réuni à Genève: très bien, merci.".encode("latin-1") + b"\xff")  # no Vietnamese in it
    big = tmp_path / "big.txt"
    big.write_text("Hội nghị đã thành công. " * 100, encoding="utf-8")
    cases = {
        str(tmp_path / "missing.txt"): "no such file",
        str(tmp_path): "is a directory",
        str(empty): "empty",
        str(binary): "binary",
        str(latin): "not UTF-8",
    }
    for path, reason in cases.items():
        result = run("brief", path)
        assert result.returncode == 3, (path, result.stderr)
        err = result.stderr.decode()
        assert err.count("\n") == 1 and path in err and reason in err and "Traceback" not in err
        assert result.stdout == b""
    result = run("brief", str(big), "--max-bytes", "100")
    assert result.returncode == 3 and b"too large" in result.stderr


def test_batch_with_bad_files_briefs_the_good_ones(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("brief", SEED, str(empty), str(SAMPLES / "shrimp_conference.txt"), "--format", "json")
    assert result.returncode == 4
    assert len(result.stdout.decode().splitlines()) == 2
    assert result.stderr.decode().strip() == f"vnsum: {empty}: empty"


def test_usage_errors_and_help():
    assert run("brief", SEED, "--format", "bogus").returncode == 2
    help_text = run("--help")
    assert help_text.returncode == 0 and b"brief" in help_text.stdout
    output = run("brief", SEED, "-o", "/nonexistent-dir/out.txt")
    assert output.returncode == 5 and b"/nonexistent-dir/out.txt" in output.stderr


def test_version_names_vnsum_and_its_shipped_models():
    from vnsum import __version__
    from vnsum.labellers import labeller_names

    result = run("--version")
    assert result.returncode == 0 and not result.stderr
    lines = result.stdout.decode().splitlines()
    default, extractive = labeller_names()
    assert lines[0] == f"vnsum {__version__}" and lines[1] == f"labeller: {default} (--extractive: {extractive})"
    assert lines[2].startswith("rewriter: ")


@pytest.mark.parametrize("shell, env, expected", [
    ("bash", {"COMP_WORDS": "vnsum brief --enc", "COMP_CWORD": "2"}, "--encoding"),
    ("zsh", {"_TYPER_COMPLETE_ARGS": "vnsum brief --for"}, "--format"),
    ("fish", {"_TYPER_COMPLETE_ARGS": "vnsum dig", "_TYPER_COMPLETE_FISH_ACTION": "get-args"}, "digest"),
])
def test_shell_completion_for_bash_zsh_and_fish(shell, env, expected):
    """The script `vnsum --install-completion` installs, and the answers it gets back from vnsum."""
    vnsum = str(Path(sys.executable).with_name("vnsum"))
    script = subprocess.run([vnsum], env={**os.environ, "_VNSUM_COMPLETE": f"source_{shell}"}, capture_output=True, timeout=60)
    assert script.returncode == 0 and b"_VNSUM_COMPLETE=complete_" + shell.encode() in script.stdout, script.stdout
    answer = subprocess.run([vnsum], env={**os.environ, **env, "_VNSUM_COMPLETE": f"complete_{shell}"}, capture_output=True, timeout=60)
    assert answer.returncode == 0 and expected in answer.stdout.decode(), answer.stdout
    assert b"--install-completion" in run("--help").stdout


def test_non_vietnamese_text_gets_a_brief_and_a_warning():
    result = run("brief", "-", stdin=b"The committee met on Monday. It must cut costs next year.")
    assert result.returncode == 0
    assert b"does not look Vietnamese" in result.stderr
    assert b"Directives" not in result.stdout and "Nhiệm vụ, chỉ đạo" in result.stdout.decode()


def test_help_and_extractive_brief_do_not_import_torch():
    code = (
        "import sys, runpy\n"
        "sys.argv = ['vnsum', 'brief', %r, '--format', 'json', '--extractive']\n"
        "try:\n    runpy.run_module('vnsum', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "assert 'torch' not in sys.modules and 'transformers' not in sys.modules\n"
        "sys.argv = ['vnsum', '--help']\n"
        "try:\n    runpy.run_module('vnsum', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "assert 'torch' not in sys.modules and 'transformers' not in sys.modules\n"
        "print('CLEAN', file=sys.stderr)\n"
    ) % SEED
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT, timeout=120)
    assert b"CLEAN" in result.stderr, result.stderr


def test_an_article_that_is_not_a_meeting_report_gets_a_warning_and_no_bullets():
    from test_digest import SNOWSTORM

    result = run("brief", "-", "-f", "json", stdin=SNOWSTORM.encode())
    assert result.returncode == 0
    doc = json.loads(result.stdout)
    assert doc["meta"]["meeting_report"] is False and doc["meta"]["meeting_score"] < 0.5
    assert all(bullets == [] for bullets in doc["sections"].values())
    assert result.stderr.decode().count("\n") == 1 and "does not look like a meeting report" in result.stderr.decode()
    forced = json.loads(run("brief", "-", "-f", "json", "--force", stdin=SNOWSTORM.encode()).stdout)
    assert any(forced["sections"].values())
    seed = json.loads(run("brief", SEED, "-f", "json").stdout)
    assert seed["meta"]["meeting_report"] is True and seed["meta"]["meeting_score"] >= 0.5


def test_meeting_detector_agrees_with_the_gold(gold_dir):
    """The detector as the pipeline runs it (features computed at run time, the shipped weights) on the gold's
    40 meeting reports and 4 other articles; the cross-validated figures are in models/labeller/meeting.json."""
    from vnsum.gold import load_gold
    from vnsum.pipeline import extract
    from vnsum.read import Article

    agree = [extract(Article(g.id, g.text)).meta.meeting_report == g.is_meeting_report for g in load_gold([gold_dir])]
    assert len(agree) == 44 and sum(agree) >= 40


def test_wrapped_bullets_continue_under_their_own_text():
    """Plain text wraps at 78 columns, the terminal view at its width; either way a bullet's second line starts
    under its first word, not at the margin."""
    from rich.console import Console

    from vnsum.pipeline import brief
    from vnsum.read import Article
    from vnsum.render import TEXT_WIDTH, print_rich, to_text

    result = brief(Article("seed", Path(SEED).read_text(encoding="utf-8")))
    lines = to_text(result).splitlines()
    bullet_lines = [k for k, line in enumerate(lines) if line.startswith("  - ")]
    assert bullet_lines and all(len(line) <= TEXT_WIDTH for line in lines[bullet_lines[0]:] if " " in line.strip())
    continued = [lines[k + 1] for k in bullet_lines if k + 1 < len(lines) and lines[k + 1].strip()
                 and not lines[k + 1].startswith("  - ")]
    assert continued and all(line.startswith("    ") and not line.startswith("     ") for line in continued)
    console = Console(width=60, record=True, color_system=None)
    print_rich(result, "vi", console)
    text = console.export_text().splitlines()
    first = next(k for k, line in enumerate(text) if "•" in line)
    indent = text[first].index("•") + 2
    assert text[first + 1][:indent].strip() == "" and text[first + 1][indent] != " "
