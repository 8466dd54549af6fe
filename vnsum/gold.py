"""Gold files (../shared/data/GUIDELINES.md format) and the character-overlap aligner.

Our segmentation may differ from the annotators'; each gold sentence is matched with the
sentence of ours that overlaps it most, so one different cut is not punished twice.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from vnsum.document import Label, Sentence


@dataclass(frozen=True)
class GoldSentence:
    start: int
    end: int
    text: str
    label: Label


@dataclass(frozen=True)
class GoldArticle:
    id: str
    text: str
    sentences: tuple[GoldSentence, ...]
    brief: dict[str, tuple[str, ...]]
    meta: dict
    is_meeting_report: bool


def load_gold(paths: list[Path]) -> list[GoldArticle]:
    """Gold articles from files and directories (every *.json inside), in name order."""
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.glob("*.json")) if path.is_dir() else [path])
    articles = []
    for file in files:
        data = json.loads(file.read_text(encoding="utf-8"))
        articles.append(
            GoldArticle(
                id=str(data.get("id") or file.stem),
                text=data["text"],
                sentences=tuple(
                    GoldSentence(s["start"], s["end"], s["text"], Label(s["label"])) for s in data["sentences"]
                ),
                brief={k: tuple(v) for k, v in (data.get("brief") or {}).items()},
                meta=data.get("meta") or {},
                is_meeting_report=bool(data.get("is_meeting_report", True)),
            )
        )
    return articles


def align(gold: tuple[GoldSentence, ...] | list, ours: tuple[Sentence, ...] | list) -> list[int | None]:
    """For each item of `gold` (anything with start/end), the index into `ours` that overlaps it most.

    Both lists are in text order, so a single forward sweep suffices (linear time).
    """
    result: list[int | None] = []
    j = 0
    for g in gold:
        while j < len(ours) and ours[j].end <= g.start:
            j += 1
        best, best_overlap = None, 0
        k = j
        while k < len(ours) and ours[k].start < g.end:
            overlap = min(ours[k].end, g.end) - max(ours[k].start, g.start)
            if overlap > best_overlap:
                best, best_overlap = k, overlap
            k += 1
        result.append(best)
    return result
