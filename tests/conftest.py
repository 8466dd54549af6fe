import os
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
    """Is an extractive bullet a span of `text`: its first letter perhaps made upper case, " …" where it was cut?"""
    span = bullet.removesuffix(" …")
    return span in text or span[:1].lower() + span[1:] in text
