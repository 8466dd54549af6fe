import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED_DATA = Path(os.environ.get("VNSUM_SHARED_DATA", ROOT.parent / "shared" / "data"))
GOLD = SHARED_DATA / "gold"


@pytest.fixture
def seed_text() -> str:
    return (SAMPLES / "seed_article.txt").read_text(encoding="utf-8")


@pytest.fixture
def gold_dir() -> Path:
    if not GOLD.is_dir():
        pytest.skip("../shared/data/gold is not present")
    return GOLD


def is_extractive_span(bullet: str, text: str) -> bool:
    """Is an extractive bullet a span of `text`: its first letter perhaps made upper case, " …" where it was cut,
    a quotation mark perhaps added at either end (vnsum.quotes.pair_marks), sentences of a quotation joined by a
    space where the text breaks a line?"""
    text = " ".join(text.split())
    span = " ".join(bullet.removesuffix(" …").split())
    for candidate in (span, span.lstrip("“\""), span.rstrip("”\""), span.lstrip("“\"").rstrip("”\"")):
        if candidate in text or candidate[:1].lower() + candidate[1:] in text:
            return True
    return False


def run_torch_free(*argvs: list[str]) -> subprocess.CompletedProcess:
    """`vnsum ARGV` for each argv, in one Python process, which then writes CLEAN on stderr if neither torch nor
    transformers was imported (and fails if a command did)."""
    code = (
        "import sys, runpy\n"
        f"for argv in {[list(map(str, argv)) for argv in argvs]!r}:\n"
        "    sys.argv = ['vnsum', *argv]\n"
        "    try:\n        runpy.run_module('vnsum', run_name='__main__')\n"
        "    except SystemExit as exit:\n        assert not exit.code, exit.code\n"
        "assert 'torch' not in sys.modules and 'transformers' not in sys.modules, 'imported'\n"
        "print('CLEAN', file=sys.stderr)\n"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT, timeout=300)
