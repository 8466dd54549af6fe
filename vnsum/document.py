"""The small frozen records that move between pipeline stages.

Every stage takes and returns these, so a stage can be tested alone and the JSON schema in
`render.py` has one place to read from.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum


class Label(str, Enum):
    """The four sentence classes of ../shared/data/GUIDELINES.md."""

    ACHIEVEMENT = "achievement"
    LIMITATION = "limitation"
    DIRECTIVE = "directive"
    CONTEXT = "context"


#: The labels in the order every labeller's scores and probabilities use.
LABELS: tuple[Label, ...] = (Label.ACHIEVEMENT, Label.LIMITATION, Label.DIRECTIVE, Label.CONTEXT)

#: The three sections of a brief, in display order, with the label that feeds each.
SECTIONS: tuple[tuple[str, Label], ...] = (
    ("achievements", Label.ACHIEVEMENT),
    ("limitations", Label.LIMITATION),
    ("directives", Label.DIRECTIVE),
)


class Kind(str, Enum):
    """What a sentence is on the page; everything but BODY, TITLE and HEADING is always context."""

    TITLE = "title"
    HEADING = "heading"
    BODY = "body"
    CAPTION = "caption"
    BYLINE = "byline"
    SOURCE = "source"
    TRAILER = "trailer"


#: Kinds that never carry content of their own (GUIDELINES: captions, bylines, source lines are context).
NON_CONTENT_KINDS = frozenset({Kind.CAPTION, Kind.BYLINE, Kind.SOURCE, Kind.TRAILER})


@dataclass(frozen=True)
class Sentence:
    """One sentence: `text == article[start:end]` of the normalised article."""

    i: int
    start: int
    end: int
    text: str
    paragraph: int
    kind: Kind = Kind.BODY
    label: Label = Label.CONTEXT
    confidence: float = 1.0

    def labelled(self, label: Label, confidence: float) -> Sentence:
        return replace(self, label=label, confidence=round(confidence, 3))

    @property
    def is_content(self) -> bool:
        return self.kind not in NON_CONTENT_KINDS

    @property
    def line(self) -> str:
        """The text on one line: a sentence holds a line break only where segment.py joined a name that the break
        split after its abbreviation ("UBND TP.\nHà Nội"), and what is printed reads it as the space it stands for."""
        return self.text.replace("\n", " ")


@dataclass(frozen=True)
class Person:
    name: str
    role: str | None = None


@dataclass(frozen=True)
class Meta:
    title: str | None = None
    event: str | None = None
    date: str | None = None
    #: the date as YYYY-MM-DD where the article makes it certain (a year written with it, or a dateline)
    date_iso: str | None = None
    chair: tuple[Person, ...] = ()
    organizer: str | None = None
    location: str | None = None
    #: whether the article reports a meeting (meeting.py), and the detector's probability that it does
    meeting_report: bool | None = None
    meeting_score: float | None = None


@dataclass(frozen=True)
class Bullet:
    """A brief item. `sources` are the indices of the sentences it was taken from: the `span` its text runs over,
    in order (one sentence, or a quotation's several), then any that say the same point."""

    text: str
    sources: tuple[int, ...]
    method: str = "extractive"
    fallback: str | None = None
    score: float = 0.0
    span: int = 1


@dataclass(frozen=True)
class Brief:
    source: str
    meta: Meta
    sections: dict[str, tuple[Bullet, ...]]
    sentences: tuple[Sentence, ...]
    engine: dict[str, str | None] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    overview: Bullet | None = None
