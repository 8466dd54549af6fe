"""Digest -> Markdown, plain text, JSON (schema `vnsum.digest/1`) or one self-contained HTML page.

`group_by` "meeting" prints one block per meeting with its three sections; "section" prints the three
sections once, each bullet tagged with its meeting. JSON always has the meeting entries (regroup with jq).
"""

from __future__ import annotations

import html
from typing import Any

from vnsum.digest import Digest, DigestBullet, Entry
from vnsum.document import SECTIONS
from vnsum.render import HEADINGS, md_escape, meta_json, meta_lines

SCHEMA = "vnsum.digest/1"
WORDS = {
    "vi": {"digest": "Điểm tin hội nghị", "articles": "bài", "meetings": "cuộc họp", "directives": "chỉ đạo",
           "bodies": "Cơ quan ra chỉ đạo", "skipped": "Bỏ qua", "sources": "Nguồn", "generated": "Lập lúc",
           "seen": "đã có trong điểm tin trước", "empty": "Không có bài mới.",
           "not_meetings": "Không phải tin hội nghị", "score": "điểm"},
    "en": {"digest": "Meeting digest", "articles": "articles", "meetings": "meetings", "directives": "directives",
           "bodies": "Bodies that issued directives", "skipped": "Skipped", "sources": "Sources", "generated": "Generated",
           "seen": "already in an earlier digest", "empty": "No new articles.",
           "not_meetings": "Not meeting reports", "score": "score"},
}


def to_json(digest: Digest) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "generated": digest.generated,
        "overview": {
            "articles": digest.articles,
            "meetings": len(digest.entries),
            "directives": digest.directives,
            "directing_bodies": list(digest.directing_bodies),
            "already_seen": digest.already_seen,
            "skipped": len(digest.skipped),
            "not_meeting_reports": len(digest.not_meetings),
        },
        "entries": [
            {
                "meta": meta_json(entry.meta),
                "sources": [{"path": s.path, "paths": list(s.paths), "hash": s.hash, "title": s.title} for s in entry.sources],
                "sections": {
                    name: [
                        {"text": b.text, "source": b.source, "path": entry.sources[b.source].path,
                         "sentences": list(b.sentences), "method": b.method, "fallback": b.fallback}
                        for b in entry.sections.get(name, ())
                    ]
                    for name, _ in SECTIONS
                },
            }
            for entry in digest.entries
        ],
        "skipped": [{"path": s.path, "reason": s.reason} for s in digest.skipped],
        "not_meeting_reports": [{"path": n.source.path, "paths": list(n.source.paths), "title": n.source.title,
                                 "meeting_score": n.score} for n in digest.not_meetings],
    }


def _title(entry: Entry) -> str:
    return entry.meta.event or entry.meta.title or entry.sources[0].path


def _overview_lines(digest: Digest, lang: str) -> list[str]:
    w = WORDS[lang]
    lines = [f"{digest.articles} {w['articles']}, {len(digest.entries)} {w['meetings']}, {digest.directives} {w['directives']}"
             + (f" ({digest.already_seen} {w['seen']})" if digest.already_seen else "")]
    if digest.directing_bodies:
        lines.append(f"{w['bodies']}: " + "; ".join(digest.directing_bodies))
    return lines


def _ref(entry: Entry, bullet: DigestBullet) -> str:
    return f"[{entry.sources[bullet.source].path} " + ",".join(f"#{i}" for i in bullet.sentences) + "]"


def to_markdown(digest: Digest, lang: str = "vi", group_by: str = "meeting") -> str:
    w, h = WORDS[lang], HEADINGS[lang]
    lines = [f"# {w['digest']}", "", f"_{w['generated']} {digest.generated}_", ""]
    lines += [f"- {md_escape(line)}" for line in _overview_lines(digest, lang)]
    if not digest.entries:
        lines += ["", w["empty"]]
    if group_by == "section":
        for name, _ in SECTIONS:
            lines += ["", f"## {h[name]}", ""]
            rows = [(k, e, b) for k, e in enumerate(digest.entries) for b in e.sections.get(name, ())]
            lines += [f"- **{md_escape(_title(e))}:** {md_escape(b.text)} `{_ref(e, b)}`" for _, e, b in rows] or [f"_{h['none']}_"]
    else:
        for entry in digest.entries:
            lines += ["", f"## {md_escape(_title(entry))}", ""]
            lines += [f"- **{key}:** {md_escape(value)}" for key, value in meta_lines(entry.meta, h)]
            lines.append(f"- **{w['sources']}:** " + ", ".join(" = ".join(f"`{p}`" for p in s.paths) for s in entry.sources))
            for name, _ in SECTIONS:
                lines += ["", f"### {h[name]}", ""]
                bullets = entry.sections.get(name, ())
                lines += [f"- {md_escape(b.text)} `{_ref(entry, b)}`" for b in bullets] or [f"_{h['none']}_"]
    if digest.not_meetings:
        lines += ["", f"## {w['not_meetings']}", ""] + [
            f"- `{n.source.path}`: {md_escape(n.source.title or '')} ({w['score']} {n.score:.2f})" for n in digest.not_meetings]
    if digest.skipped:
        lines += ["", f"## {w['skipped']}", ""] + [f"- `{s.path}`: {md_escape(s.reason)}" for s in digest.skipped]
    return "\n".join(lines) + "\n"


def to_text(digest: Digest, lang: str = "vi", group_by: str = "meeting") -> str:
    w, h = WORDS[lang], HEADINGS[lang]
    lines = [w["digest"], "=" * len(w["digest"]), f"{w['generated']} {digest.generated}"] + _overview_lines(digest, lang)
    if not digest.entries:
        lines += ["", w["empty"]]
    if group_by == "section":
        for name, _ in SECTIONS:
            lines += ["", h[name]]
            rows = [(e, b) for e in digest.entries for b in e.sections.get(name, ())]
            lines += [f"  - {_title(e)}: {b.text} {_ref(e, b)}" for e, b in rows] or [f"  {h['none']}"]
    else:
        for entry in digest.entries:
            title = _title(entry)
            lines += ["", title, "-" * min(len(title), 78)]
            lines += [f"{key}: {value}" for key, value in meta_lines(entry.meta, h)]
            lines.append(f"{w['sources']}: " + ", ".join(" = ".join(s.paths) for s in entry.sources))
            for name, _ in SECTIONS:
                lines += ["", h[name]]
                bullets = entry.sections.get(name, ())
                lines += [f"  - {b.text} {_ref(entry, b)}" for b in bullets] or [f"  {h['none']}"]
    if digest.not_meetings:
        lines += ["", w["not_meetings"]] + [
            f"  - {n.source.path}: {n.source.title or ''} ({w['score']} {n.score:.2f})" for n in digest.not_meetings]
    if digest.skipped:
        lines += ["", w["skipped"]] + [f"  - {s.path}: {s.reason}" for s in digest.skipped]
    return "\n".join(lines) + "\n"


_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;max-width:60rem;margin:1.5rem auto;
padding:0 1rem;line-height:1.5;color:#1b1b1b;background:#fff}
h1{font-size:1.6rem;border-bottom:2px solid #345;padding-bottom:.3rem}h2{font-size:1.25rem;margin-top:2rem;color:#234}
h3{font-size:1.05rem;margin:1rem 0 .3rem}.achievements{color:#1d6b2c}.limitations{color:#8a5a00}.directives{color:#1f4f8a}
.meta{color:#444;font-size:.92rem;margin:.2rem 0}.ref{color:#777;font-size:.8rem;font-family:monospace}
.overview{background:#f3f5f8;border-left:4px solid #345;padding:.5rem 1rem}.none{color:#888;font-style:italic}
.skipped{color:#8a1d1d}ul{padding-left:1.3rem}
"""


def to_html(digest: Digest, lang: str = "vi", group_by: str = "meeting") -> str:
    """One page, inline CSS, no scripts or external assets: opens the same in a browser and a mail client."""
    w, h = WORDS[lang], HEADINGS[lang]
    e = html.escape
    out = [f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{e(w['digest'])} {e(digest.generated)}</title><style>{_CSS}</style></head><body>",
           f"<h1>{e(w['digest'])}</h1>", f'<p class="meta">{e(w["generated"])} {e(digest.generated)}</p>',
           '<div class="overview">' + "".join(f"<p>{e(line)}</p>" for line in _overview_lines(digest, lang)) + "</div>"]
    if not digest.entries:
        out.append(f"<p>{e(w['empty'])}</p>")

    def items(rows: list[tuple[Entry, DigestBullet]], tagged: bool) -> str:
        if not rows:
            return f'<p class="none">{e(h["none"])}</p>'
        return "<ul>" + "".join(
            "<li>" + (f"<b>{e(_title(en))}:</b> " if tagged else "") + e(b.text) + f' <span class="ref">{e(_ref(en, b))}</span></li>'
            for en, b in rows
        ) + "</ul>"

    if group_by == "section":
        for name, _ in SECTIONS:
            rows = [(en, b) for en in digest.entries for b in en.sections.get(name, ())]
            out.append(f'<section data-section="{name}"><h2 class="{name}">{e(h[name])}</h2>{items(rows, True)}</section>')
    else:
        for entry in digest.entries:
            out.append(f"<article><h2>{e(_title(entry))}</h2>")
            out += [f'<p class="meta"><b>{e(key)}:</b> {e(value)}</p>' for key, value in meta_lines(entry.meta, h)]
            out.append(f'<p class="meta"><b>{e(w["sources"])}:</b> ' + ", ".join(" = ".join(f"<code>{e(p)}</code>" for p in s.paths) for s in entry.sources) + "</p>")
            for name, _ in SECTIONS:
                rows = [(entry, b) for b in entry.sections.get(name, ())]
                out.append(f'<section data-section="{name}"><h3 class="{name}">{e(h[name])}</h3>{items(rows, False)}</section>')
            out.append("</article>")
    if digest.not_meetings:
        out.append(f'<h2 class="skipped">{e(w["not_meetings"])}</h2><ul>'
                   + "".join(f"<li><code>{e(n.source.path)}</code>: {e(n.source.title or '')} ({e(w['score'])} {n.score:.2f})</li>"
                             for n in digest.not_meetings) + "</ul>")
    if digest.skipped:
        out.append(f'<h2 class="skipped">{e(w["skipped"])}</h2><ul>'
                   + "".join(f"<li><code>{e(s.path)}</code>: {e(s.reason)}</li>" for s in digest.skipped) + "</ul>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
