"""Saved web pages, Word files and PDFs -> plain article text (paragraphs one a line) for read.py.

HTML uses the standard library's tokenizer with a boilerplate filter (no tree, no recursion: a page nested a
hundred thousand levels deep costs what a flat one does). DOCX is a zip of XML read with zipfile and
ElementTree, headings kept as paragraphs. PDF text layers go through pdfminer.six (MIT), imported only here.
"""

from __future__ import annotations

import io
import re
import zipfile
from html.parser import HTMLParser
from xml.etree import ElementTree

from vnsum.lexicon.pdf import DIGITS, EDGE_BLOCKS, PAGE_NUMBER, PARAGRAPH_END, RUNNING_MAX_WORDS
from vnsum.lexicon.html import BLOCK_TAGS, FURNITURE, MAX_LINK_SHARE, MIN_BLOCK_WORDS, SKIPPED_TAGS, VOID_TAGS

#: A DOCX whose document XML unpacks to more than this is refused (a zip bomb, not a report).
MAX_DOCX_XML = 50_000_000
#: Pages of a PDF read at most (a report is dozens of pages; a hostile file may claim millions).
MAX_PDF_PAGES = 500
_FURNITURE = re.compile(FURNITURE, re.IGNORECASE)
_SPACES = re.compile(r"[ \t\u00a0\u200b]+")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class FormatError(ValueError):
    """The file claims a format but cannot be read as it; the message is the one-line reason."""


# --- HTML ---------------------------------------------------------------------------------------------------

class _Stack:
    """Open tags, innermost last, with O(1) membership: malformed or very deep pages stay linear."""

    def __init__(self) -> None:
        self.tags: list[str] = []
        self.counts: dict[str, int] = {}

    def __bool__(self) -> bool:
        return bool(self.tags)

    def __contains__(self, tag: str) -> bool:
        return self.counts.get(tag, 0) > 0

    def push(self, tag: str) -> None:
        self.tags.append(tag)
        self.counts[tag] = self.counts.get(tag, 0) + 1

    def pop_to(self, tag: str) -> list[str]:
        """Pop up to and including the innermost `tag` (which must be open); returns what was popped."""
        popped = []
        while self.tags:
            last = self.tags.pop()
            self.counts[last] -= 1
            popped.append(last)
            if last == tag:
                break
        return popped


class _Extractor(HTMLParser):
    """Collects text blocks with their link share, heading level, and whether they sit in <article>/<main>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, float, int, bool]] = []
        self.title_text: list[str] = []
        self._text: list[str] = []
        self._link_chars = 0
        self._skip = _Stack()  # a skipped element and the tags open inside it
        self._open = _Stack()  # open tags outside skipped elements
        self._in_title = False
        self._in_link = 0
        self._heading = 0
        self._article = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS:
            self._flush()
        if tag in VOID_TAGS:
            return
        marks = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role"))
        if self._skip or tag in SKIPPED_TAGS or (marks and _FURNITURE.search(marks) and tag not in ("body", "html", "article", "main")):
            self._skip.push(tag)
            return
        self._open.push(tag)
        if tag == "title":
            self._in_title = True
        elif tag == "a":
            self._in_link += 1
        elif tag in ("h1", "h2", "h3"):
            self._heading = int(tag[1])
        elif tag in ("article", "main"):
            self._article += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self._flush()
        if self._skip:
            if tag in self._skip:  # close the skipped element (and anything left open inside it)
                self._skip.pop_to(tag)
            return
        if tag not in self._open:
            return
        for closed in self._open.pop_to(tag):
            if closed == "title":
                self._in_title = False
            elif closed == "a":
                self._in_link = max(0, self._in_link - 1)
            elif closed in ("h1", "h2", "h3"):
                self._heading = 0
            elif closed in ("article", "main"):
                self._article = max(0, self._article - 1)

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._in_title:
            self.title_text.append(data)
            return
        self._text.append(data)
        if self._in_link:
            self._link_chars += len(data.strip())

    def _flush(self) -> None:
        text = _SPACES.sub(" ", "".join(self._text)).strip()
        if text:
            self.blocks.append((text, self._link_chars / max(1, len(text)), self._heading, self._article > 0))
        self._text, self._link_chars = [], 0

    def close(self) -> None:
        super().close()
        self._flush()


def html_to_text(page: str) -> str:
    """The article of a saved news page: its headline, lead and body paragraphs, one a line."""
    parser = _Extractor()
    try:
        parser.feed(page)
        parser.close()
    except Exception as error:  # noqa: BLE001 - html.parser is lenient; anything else is a broken file
        raise FormatError(f"unreadable HTML ({type(error).__name__})") from None
    blocks = parser.blocks
    scoped = any(in_article for *_, in_article in blocks)
    kept = []
    for text, link_share, heading, in_article in blocks:
        if link_share > MAX_LINK_SHARE:
            continue
        if scoped and not in_article and not heading:
            continue
        if not scoped and not heading and len(text.split()) < MIN_BLOCK_WORDS:
            continue
        kept.append(text)
    headline = next((t for t, _, h, _ in blocks if h == 1), None)
    if headline is None and parser.title_text:
        headline = _SPACES.sub(" ", "".join(parser.title_text)).strip() or None
    if headline and headline not in kept:
        kept.insert(0, headline)
    return "\n".join(kept)


# --- DOCX ---------------------------------------------------------------------------------------------------

def docx_to_text(data: bytes) -> str:
    """Paragraphs of word/document.xml, one a line (headings included as their own paragraphs)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            try:
                info = archive.getinfo("word/document.xml")
            except KeyError:
                raise FormatError("a zip file, but not a Word document (no word/document.xml)") from None
            if info.file_size > MAX_DOCX_XML:
                raise FormatError(f"Word document too large unpacked ({info.file_size} bytes)")
            xml = archive.read(info)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, NotImplementedError, ValueError) as error:
        if isinstance(error, FormatError):
            raise
        raise FormatError(f"unreadable Word document ({type(error).__name__})") from None
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as error:
        raise FormatError(f"unreadable Word document XML ({error})") from None
    paragraphs = []
    for paragraph in root.iter(f"{_W}p"):
        parts = []
        for node in paragraph.iter():
            if node.tag == f"{_W}t" and node.text:
                parts.append(node.text)
            elif node.tag == f"{_W}tab":
                parts.append("\t")
            elif node.tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
        text = "".join(parts).strip()
        if text:
            paragraphs.append(text)
    return "\n".join(paragraphs)


# --- PDF ----------------------------------------------------------------------------------------------------

def pdf_to_text(data: bytes) -> str:
    """The text layer, paragraphs rejoined: pdfminer separates paragraphs by blank lines, pages by form feeds
    and wraps lines. Running headers, footers and page numbers go, and a paragraph cut by a page break is
    joined again, as wrapped lines are."""
    import logging

    try:
        from pdfminer.high_level import extract_text
    except ImportError:
        raise FormatError("PDF input needs pdfminer.six (pip install pdfminer.six)") from None
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        raw = extract_text(io.BytesIO(data), maxpages=MAX_PDF_PAGES)
    except Exception as error:  # noqa: BLE001 - a corrupt PDF is a bad input, never a crash
        raise FormatError(f"unreadable PDF ({type(error).__name__})") from None
    return pages_to_text(raw)


def pages_to_text(raw: str) -> str:
    """pdfminer's text (pages split by form feeds) -> paragraphs, one a line."""
    pages = [_blocks(page) for page in raw.split("\f")]
    running = _running_lines(pages)
    paragraphs: list[str] = []
    for number, page in enumerate(pages):
        kept = [_without(block, running) for block in page]
        kept = [block for block in kept if block]
        for k, block in enumerate(kept):
            if k == 0 and number and paragraphs and _continues(paragraphs[-1], block):
                paragraphs[-1] += " " + block
            else:
                paragraphs.append(block)
    return "\n".join(paragraphs)


def _blocks(page: str) -> list[list[str]]:
    """A page's paragraphs, each a list of its stripped lines."""
    blocks = []
    for block in re.split(r"\n\s*\n", page):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if lines:
            blocks.append(lines)
    return blocks


def _running_lines(pages: list[list[list[str]]]) -> frozenset[str]:
    """Short lines near the top or foot of at least half the pages (two at least), digits aside: the running
    headers and footers a printer or a word processor repeats, such as a title, a date or "4/6"."""
    if len(pages) < 2:
        return frozenset()
    seen: dict[str, int] = {}
    for page in pages:
        edges = page[:EDGE_BLOCKS] + page[-EDGE_BLOCKS:]
        for line in {_shape(line) for block in edges for line in block if len(line.split()) <= RUNNING_MAX_WORDS}:
            seen[line] = seen.get(line, 0) + 1
    needed = max(2, (len(pages) + 1) // 2)
    return frozenset(line for line, count in seen.items() if count >= needed)


def _shape(line: str) -> str:
    return DIGITS.sub("0", line)


def _without(block: list[str], running: frozenset[str]) -> str:
    """The block as one paragraph, less its running lines and a page number standing alone."""
    lines = [line for line in block if _shape(line) not in running]
    if len(lines) == 1 and PAGE_NUMBER.match(lines[0]):
        return ""
    return " ".join(lines)


def _continues(paragraph: str, block: str) -> bool:
    """A page's first block carries on the last page's paragraph when that one stopped mid-sentence or this one
    opens in lower case."""
    return not paragraph.endswith(tuple(PARAGRAPH_END)) or block[:1].islower()
