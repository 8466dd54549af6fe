"""Many briefs -> one digest: the same meeting reported by several articles becomes one entry.

Two articles report the same meeting when much of one's text is in the other (shared 4-syllable shingles,
found through a bottom-k sketch so the work stays near linear in the number of articles), or when they name
the same event on the same day. An entry lists every source and keeps each point once.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from dataclasses import dataclass, field

from vnsum.document import SECTIONS, Brief, Meta
from vnsum.select import same_point
from vnsum.syllables import syllables

#: Share of the smaller article's shingles found in the other above which both report one meeting.
SAME_TEXT_CONTAINMENT = 0.5
#: Size of each article's bottom-k sketch, and how many sketch values two articles must share to be compared.
SKETCH_SIZE = 32
SKETCH_SHARED = 2


@dataclass(frozen=True)
class Source:
    """One article: where it was read, its content hash, its title, and the other paths with the same text."""

    path: str
    hash: str
    title: str | None
    copies: tuple[str, ...] = ()

    @property
    def paths(self) -> tuple[str, ...]:
        return (self.path,) + self.copies


@dataclass(frozen=True)
class DigestBullet:
    text: str
    source: int  # index into Entry.sources
    sentences: tuple[int, ...]
    method: str = "extractive"
    fallback: str | None = None


@dataclass(frozen=True)
class Entry:
    """One meeting: its meta (from the fullest report), every source, the merged sections."""

    meta: Meta
    sources: tuple[Source, ...]
    sections: dict[str, tuple[DigestBullet, ...]]


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


@dataclass(frozen=True)
class NotMeeting:
    """An article that does not look like a meeting report: listed apart, out of the entries and the counts."""

    source: Source
    score: float


@dataclass(frozen=True)
class Digest:
    generated: str
    entries: tuple[Entry, ...]
    skipped: tuple[Skipped, ...] = ()
    not_meetings: tuple[NotMeeting, ...] = ()
    already_seen: int = 0
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def articles(self) -> int:
        return sum(len(e.sources) for e in self.entries)

    @property
    def directives(self) -> int:
        return sum(len(e.sections.get("directives", ())) for e in self.entries)

    @property
    def directing_bodies(self) -> tuple[str, ...]:
        """Who issued the directives: each meeting's organiser, else its chair, in order, once each."""
        bodies: list[str] = []
        for entry in self.entries:
            if not entry.sections.get("directives"):
                continue
            who = entry.meta.organizer or (entry.meta.chair[0].name if entry.meta.chair else None)
            if who and who not in bodies:
                bodies.append(who)
        return tuple(bodies)


def build_digest(articles: list[tuple[Source, Brief, str]], generated: str, skipped: tuple[Skipped, ...] = (),
                 already_seen: int = 0) -> Digest:
    """`articles` are (source, brief, normalised text) in input order; entries follow the first report of each
    meeting. Articles that do not look like meeting reports (and were not forced) are listed apart."""
    warnings = tuple(f"{source.path}: {w}" for source, brief, _ in articles for w in brief.warnings)
    apart = [_apart(brief) for _, brief, _ in articles]
    not_meetings = tuple(NotMeeting(source, brief.meta.meeting_score or 0.0)
                         for (source, brief, _), out in zip(articles, apart) if out)
    articles = [a for a, out in zip(articles, apart) if not out]
    groups = same_meeting_groups([(brief, text) for _, brief, text in articles])
    entries = tuple(_merge([articles[k] for k in group]) for group in groups)
    return Digest(generated=generated, entries=entries, skipped=skipped, not_meetings=not_meetings,
                  already_seen=already_seen, warnings=warnings)


def _apart(brief: Brief) -> bool:
    """Not a meeting report, and not forced into the digest (a forced one keeps its bullets)."""
    return brief.meta.meeting_report is False and not any(brief.sections.values())


def same_meeting_groups(items: list[tuple[Brief, str]]) -> list[list[int]]:
    """Indices grouped by meeting (union-find over candidate pairs), groups and members in input order."""
    parent = list(range(len(items)))

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a: int, b: int) -> None:
        a, b = find(a), find(b)
        if a != b:
            parent[max(a, b)] = min(a, b)

    shingles = [_shingles(text) for _, text in items]
    by_sketch: dict[int, list[int]] = defaultdict(list)
    for k, grams in enumerate(shingles):
        for value in sorted(grams)[:SKETCH_SIZE]:
            by_sketch[value].append(k)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for members in by_sketch.values():
        if len(members) > 50:  # boilerplate shared by many articles says nothing about one meeting
            continue
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                shared[(a, b)] += 1
    for (a, b), count in shared.items():
        if count >= SKETCH_SHARED and _containment(shingles[a], shingles[b]) >= SAME_TEXT_CONTAINMENT:
            union(a, b)
    by_event: dict[tuple[str, str], list[int]] = defaultdict(list)
    for k, (brief, _) in enumerate(items):
        key = _event_key(brief.meta)
        if key:
            by_event[key].append(k)
    for members in by_event.values():
        for other in members[1:]:
            union(members[0], other)
    groups: dict[int, list[int]] = defaultdict(list)
    for k in range(len(items)):
        groups[find(k)].append(k)
    return sorted(groups.values(), key=lambda g: g[0])


def _shingles(text: str) -> set[int]:
    words = syllables(text)
    return {zlib.crc32(" ".join(words[i : i + 4]).encode("utf-8")) for i in range(max(0, len(words) - 3))}


def _containment(a: set[int], b: set[int]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _event_key(meta: Meta) -> tuple[str, str] | None:
    """Normalised event name and day/month: two reports of "Hội nghị X" on 17/7 are one meeting."""
    if not meta.event or not meta.date:
        return None
    day = re.findall(r"\d+", meta.date)
    if len(day) < 2:
        return None
    return " ".join(syllables(meta.event)), "/".join(day[:2])


def _merge(reports: list[tuple[Source, Brief, str]]) -> Entry:
    """The fullest meta; each section's bullets in report order, a point made twice kept once."""
    fullest = max(reports, key=lambda r: sum(bool(v) for v in vars(r[1].meta).values()))[1].meta
    sections: dict[str, tuple[DigestBullet, ...]] = {}
    for name, _ in SECTIONS:
        kept: list[DigestBullet] = []
        for k, (_, brief, _) in enumerate(reports):
            for bullet in brief.sections.get(name, ()):
                if not any(same_point(bullet.text, other.text) for other in kept):
                    kept.append(DigestBullet(bullet.text, k, bullet.sources, bullet.method, bullet.fallback))
        sections[name] = tuple(kept)
    return Entry(meta=fullest, sources=tuple(r[0] for r in reports), sections=sections)
