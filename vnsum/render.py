"""Brief -> JSON, plain text, Markdown or a rich terminal view.

The JSON schema is versioned here (`SCHEMA`); a change that removes or renames a field bumps it.
"""

from __future__ import annotations

import textwrap
from typing import Any

from vnsum.document import SECTIONS, Brief, Bullet, Meta

SCHEMA = "vnsum.brief/1"

HEADINGS = {
    "vi": {
        "achievements": "Kết quả đạt được",
        "limitations": "Hạn chế",
        "directives": "Nhiệm vụ, chỉ đạo",
        "event": "Sự kiện",
        "date": "Thời gian",
        "chair": "Chủ trì",
        "organizer": "Đơn vị tổ chức",
        "location": "Địa điểm",
        "none": "(không có)",
        "source": "Nguồn",
        "overview": "Tóm tắt",
    },
    "en": {
        "achievements": "Achievements",
        "limitations": "Limitations",
        "directives": "Directives",
        "event": "Event",
        "date": "Date",
        "chair": "Chair",
        "organizer": "Organiser",
        "location": "Location",
        "none": "(none)",
        "source": "Source",
        "overview": "Overview",
    },
}


def to_json(brief: Brief) -> dict[str, Any]:
    """The stable JSON object of one brief (documented in README.md)."""
    return {
        "schema": SCHEMA,
        "source": brief.source,
        "meta": meta_json(brief.meta),
        "overview": _bullet_json(brief.overview) if brief.overview else None,
        "sections": {name: [_bullet_json(b) for b in brief.sections.get(name, ())] for name, _ in SECTIONS},
        "sentences": [
            {
                "i": s.i,
                "start": s.start,
                "end": s.end,
                "text": s.text,
                "label": s.label.value,
                "confidence": s.confidence,
                "kind": s.kind.value,
            }
            for s in brief.sentences
        ],
        "engine": dict(brief.engine),
        "warnings": list(brief.warnings),
    }


def meta_json(meta: Meta) -> dict[str, Any]:
    return {
        "title": meta.title,
        "event": meta.event,
        "date": meta.date,
        "date_iso": meta.date_iso,
        "chair": [{"name": p.name, "role": p.role} for p in meta.chair],
        "organizer": meta.organizer,
        "location": meta.location,
        "meeting_report": meta.meeting_report,
        "meeting_score": meta.meeting_score,
    }


def _bullet_json(bullet: Bullet) -> dict[str, Any]:
    return {"text": bullet.text, "sources": list(bullet.sources), "method": bullet.method, "fallback": bullet.fallback}


def meta_lines(meta: Meta, words: dict[str, str]) -> list[tuple[str, str]]:
    chair = "; ".join(f"{p.name} ({p.role})" if p.role else p.name for p in meta.chair)
    rows = [
        (words["event"], meta.event),
        (words["date"], meta.date),
        (words["chair"], chair or None),
        (words["organizer"], meta.organizer),
        (words["location"], meta.location),
    ]
    return [(key, value) for key, value in rows if value]


def _sources(bullet: Bullet) -> str:
    return "[" + ", ".join(f"#{i}" for i in bullet.sources) + "]"


def to_text(brief: Brief, lang: str = "vi") -> str:
    words = HEADINGS[lang]
    title = brief.meta.title or brief.source
    lines = [title, "=" * min(len(title), 78)]
    lines += [f"{key}: {value}" for key, value in meta_lines(brief.meta, words)]
    lines.append(f"{words['source']}: {brief.source}")
    if brief.overview:
        lines += ["", f"{words['overview']}: {brief.overview.text} {_sources(brief.overview)}"]
    for name, _ in SECTIONS:
        lines += ["", words[name]]
        bullets = brief.sections.get(name, ())
        lines += [_hanging(f"{b.text} {_sources(b)}") for b in bullets] or [f"  {words['none']}"]
    return "\n".join(lines) + "\n"


#: Columns of the plain-text view: a bullet wraps under its own text, not under its dash.
TEXT_WIDTH = 78


def _hanging(text: str) -> str:
    """A bullet of the plain-text view, wrapped at TEXT_WIDTH with a hanging indent (words are never split)."""
    return textwrap.fill(text, TEXT_WIDTH, initial_indent="  - ", subsequent_indent="    ",
                         break_long_words=False, break_on_hyphens=False)


def to_markdown(brief: Brief, lang: str = "vi") -> str:
    words = HEADINGS[lang]
    lines = [f"# {md_escape(brief.meta.title or brief.source)}", ""]
    lines += [f"- **{key}:** {md_escape(value)}" for key, value in meta_lines(brief.meta, words)]
    lines.append(f"- **{words['source']}:** `{brief.source}`")
    if brief.overview:
        lines += ["", f"**{words['overview']}:** {md_escape(brief.overview.text)} {_sources(brief.overview)}"]
    for name, _ in SECTIONS:
        lines += ["", f"## {words[name]}", ""]
        bullets = brief.sections.get(name, ())
        lines += [f"- {md_escape(b.text)} {_sources(b)}" for b in bullets] or [f"_{words['none']}_"]
    return "\n".join(lines) + "\n"


def md_escape(text: str) -> str:
    """Escape the characters that would turn article text into Markdown markup."""
    for ch in "\\`*_[]<>#|":
        text = text.replace(ch, "\\" + ch)
    return text


def print_rich(brief: Brief, lang: str, console: Any) -> None:
    """Render on a terminal; rich is imported only here, when a terminal asked for it."""
    from rich.markup import escape
    from rich.panel import Panel
    from rich.table import Table

    words = HEADINGS[lang]
    table = Table.grid(padding=(0, 2))
    for key, value in meta_lines(brief.meta, words):
        table.add_row(f"[bold]{escape(key)}[/]", escape(value))
    table.add_row(f"[bold]{escape(words['source'])}[/]", escape(brief.source))
    console.print(Panel(table, title=f"[bold]{escape(brief.meta.title or brief.source)}[/]", expand=True))
    if brief.overview:
        console.print(f"[bold]{escape(words['overview'])}:[/] {escape(brief.overview.text)} [dim]{escape(_sources(brief.overview))}[/]")
    styles = {"achievements": "green", "limitations": "yellow", "directives": "cyan"}
    for name, _ in SECTIONS:
        console.print(f"\n[bold {styles[name]}]{escape(words[name])}[/]")
        bullets = brief.sections.get(name, ())
        if not bullets:
            console.print(f"  [dim]{escape(words['none'])}[/]")
            continue
        rows = Table.grid(padding=(0, 1))  # a wrapped bullet continues under its own text
        rows.add_column(width=3, justify="right")
        rows.add_column(ratio=1)
        for b in bullets:
            rows.add_row("•", f"{escape(b.text)} [dim]{escape(_sources(b))}[/]")
        console.print(rows)


def print_evaluation(result: Any, console: Any) -> None:
    """The `vnsum eval` tables on a terminal."""
    from rich.table import Table

    labels = Table(title=f"Section labels ({result.articles} articles, labeller {result.engine.get('labeller')})")
    for column in ("section", "precision", "recall", "F1", "gold sentences"):
        labels.add_column(column, justify="right" if column != "section" else "left")
    for name in ("achievement", "limitation", "directive"):
        s = result.labels[name]
        labels.add_row(name, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}", str(s["support"]))
    labels.add_row("macro", "", "", f"{result.labels['macro_f1']:.3f}", f"accuracy {result.labels['accuracy']:.3f}")
    console.print(labels)
    confusion = Table(title="Confusion (rows gold, columns predicted)")
    confusion.add_column("gold")
    names = list(result.confusion)
    for name in names:
        confusion.add_column(name, justify="right")
    for gold in names:
        confusion.add_row(gold, *(str(result.confusion[gold][p]) for p in names))
    console.print(confusion)
    rouge = Table(title="ROUGE F1 of bullets against reference bullets (syllables)")
    for column in ("section", "ROUGE-1", "ROUGE-2", "ROUGE-L"):
        rouge.add_column(column)
    for name, values in result.rouge.items():
        rouge.add_row(name, f"{values['rouge1']:.3f}", f"{values['rouge2']:.3f}", f"{values['rougeL']:.3f}")
    console.print(rouge)
    console.print(f"Unfaithful numbers or names in bullets: {len(result.unfaithful)}")
    console.print("Meta agreement: " + ", ".join(f"{k} {v:.2f}" for k, v in result.meta.items()))
    b = result.bullets
    console.print(f"Bullets under the section their source sentence is labelled with: {b['precision']:.1%} of {b['total']}")
    if b["seq2seq"] or b["rejected"]:
        console.print(f"Model ({result.engine.get('rewriter')}): {b['seq2seq']} of {b['seq2seq'] + b['rejected']} generated "
                      f"bullets accepted by the guard ({b['accepted_share']:.0%}); fallbacks: "
                      + ", ".join(f"{k} {v}" for k, v in b["fallbacks"].items()))
