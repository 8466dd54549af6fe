"""Is the article a report of a meeting? A decision per document, so that a snowstorm story gets a warning
instead of invented "achievements".

A small logistic model (models/labeller/meeting.json, trained by scripts/train_meeting.py on the gold and on
hand-checked pool and VietNews articles) reads a few counts: meeting names in the title and lead, what happens
at a meeting (chairing, speaking, concluding) in the lead, how often officials assess and request in the whole
text, the share of sentences the cue rules give a section, how often foreign countries and leaders are named
(foreign news and previews of summits are its commonest errors), whether the meta found an event, a chair and a
date, and what says the article is something else: a meeting still to come, a written act or an answer to a
reporter in the title and lead, few proceedings or meeting names in the body, a first meeting name far down. The
counts do not depend on which labeller ran, so `--extractive` decides as the default brief does.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from vnsum.document import Kind, Label, Meta, Sentence
from vnsum.labellers.cues import score
from vnsum.lexicon.meeting import (ANSWERS, FOREIGN, FUTURE, HELD, INTERVIEW, MEETING_NOUNS, MEETING_VERBS, OFFICIAL_SPEECH,
                                   PREVIEW, PROCEEDINGS, WRITTEN)

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "labeller" / "meeting.json"
#: The title and this many first body sentences are the lead, where a report names its meeting.
LEAD = 3


def _whole_words(alternatives: str, flags: int = re.IGNORECASE) -> re.Pattern:
    """A table's alternatives matched as whole words."""
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", flags)


_NOUNS = _whole_words(MEETING_NOUNS)
_VERBS = _whole_words(MEETING_VERBS)
_SPEECH = _whole_words(OFFICIAL_SPEECH)
#: a meeting name with a future or a past verb within a few words before it
_FUTURE = re.compile(rf"(?<!\w)(?:{FUTURE})(?:\s+\w+){{0,3}}\s+(?:{MEETING_NOUNS})(?!\w)", re.IGNORECASE)
_HELD = re.compile(rf"(?<!\w)(?:(?:{HELD})(?:\s+\w+){{0,3}}\s+(?:{MEETING_NOUNS})|(?:{MEETING_NOUNS})(?:\s+\S+){{0,12}}?\s+(?:{HELD}))(?!\w)",
                   re.IGNORECASE)
_INTERVIEW = _whole_words(INTERVIEW)
_FOREIGN = _whole_words(FOREIGN, flags=0)  # capitalised names only
_PREVIEW = _whole_words(PREVIEW)
_WRITTEN = _whole_words(WRITTEN)
_ANSWERS = _whole_words(ANSWERS)
_PROCEEDINGS = _whole_words(PROCEEDINGS)
#: The title and this many first body sentences are where the preview, written-act and answer words are read.
SHORT_LEAD = 2
FEATURES = ("bias", "nouns_title", "nouns_lead", "verbs_lead", "speech_rate", "section_share", "directive_share",
            "event", "chair", "date", "future_lead", "held_lead", "interview", "foreign_rate", "preview_lead",
            "written_lead", "answers_lead", "proceedings_rate", "nouns_rate", "first_noun")


@dataclass(frozen=True)
class MeetingDecision:
    is_report: bool
    score: float  # the model's probability that the article reports a meeting


def features(sentences: tuple[Sentence, ...], meta: Meta) -> dict[str, float]:
    """The detector's inputs for one article (FEATURES, each roughly 0-1)."""
    title = " ".join(s.text for s in sentences if s.kind is Kind.TITLE)
    body = [s for s in sentences if s.kind in (Kind.BODY, Kind.HEADING)]
    lead = " ".join(s.text for s in body[:LEAD])
    short_lead = " ".join([title] + [s.text for s in body[:SHORT_LEAD]])
    body_text = " ".join(s.text for s in body)
    words = max(1, sum(len(s.text.split()) for s in body))
    cue_labels = [score(s.text).best()[0] for s in body]
    sections = sum(label is not Label.CONTEXT for label in cue_labels)
    return {
        "bias": 1.0,
        "nouns_title": min(len(_NOUNS.findall(title)), 2) / 2,
        "nouns_lead": min(len(_NOUNS.findall(lead)), 3) / 3,
        "verbs_lead": min(len(_VERBS.findall(lead)), 3) / 3,
        "speech_rate": min(100 * len(_SPEECH.findall(body_text)) / words, 3) / 3,
        "section_share": sections / max(1, len(body)),
        "directive_share": sum(label is Label.DIRECTIVE for label in cue_labels) / max(1, len(body)),
        "event": float(meta.event is not None),
        "chair": float(bool(meta.chair)),
        "date": float(meta.date is not None),
        "future_lead": float(bool(_FUTURE.search(lead))),
        "held_lead": float(bool(_HELD.search(title + " " + lead))),
        "interview": float(bool(_INTERVIEW.search(title + " " + lead))),
        "foreign_rate": min(100 * len(_FOREIGN.findall(title + " " + body_text)) / words, 5) / 5,
        "preview_lead": min(len(_PREVIEW.findall(short_lead)), 2) / 2,
        "written_lead": min(len(_WRITTEN.findall(short_lead)), 2) / 2,
        "answers_lead": float(bool(_ANSWERS.search(short_lead))),
        "proceedings_rate": min(100 * len(_PROCEEDINGS.findall(body_text)) / words, 2) / 2,
        "nouns_rate": min(100 * len(_NOUNS.findall(body_text)) / words, 3) / 3,
        "first_noun": next((k for k, s in enumerate(body) if _NOUNS.search(s.text)), len(body)) / max(1, len(body)),
    }


@lru_cache(maxsize=1)
def load(path: Path = MODEL_PATH) -> tuple[tuple[float, ...], float]:
    """(weights in FEATURES order, threshold)."""
    model = json.loads(path.read_text(encoding="utf-8"))
    if tuple(model["features"]) != FEATURES:
        raise ValueError(f"{path}: features {model['features']} do not match this version")
    return tuple(model["weights"]), float(model["threshold"])


def decide(sentences: tuple[Sentence, ...], meta: Meta) -> MeetingDecision:
    weights, threshold = load()
    values = features(sentences, meta)
    z = sum(w * values[name] for w, name in zip(weights, FEATURES))
    probability = 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
    return MeetingDecision(is_report=probability >= threshold, score=round(probability, 3))
