"""Bytes in, normalised text out: the one place that decodes.

Formats (plain text, saved web pages, DOCX, PDF: formats.py) and encodings (UTF-8/16 and the legacy
Vietnamese ones: encoding.py) are detected from the bytes unless the caller forces them. Normalisation is
deliberately minimal (NFC, CRLF/CR -> LF, BOM dropped) so that the sentence offsets reported in JSON index
straight into the text a user can rebuild from a UTF-8 text file.
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from dataclasses import dataclass

DEFAULT_MAX_BYTES = 5_000_000
_HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.IGNORECASE | re.DOTALL)


class InputError(Exception):
    """A file that cannot be briefed; `str()` is the one-line reason shown to the user."""


@dataclass(frozen=True)
class Article:
    source: str
    text: str


def read_source(path: str, max_bytes: int = DEFAULT_MAX_BYTES, input_format: str = "auto", encoding: str = "auto") -> Article:
    """Read a path (or `-` for stdin), enforcing the size limit before decoding."""
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        name = "<stdin>"
    else:
        name = path
        if not os.path.exists(path):
            raise InputError("no such file")
        if os.path.isdir(path):
            raise InputError("is a directory")
        try:
            size = os.path.getsize(path)
            if size > max_bytes:
                raise InputError(f"too large ({size} bytes > --max-bytes {max_bytes})")
            with open(path, "rb") as handle:
                data = handle.read(max_bytes + 1)
        except PermissionError:
            raise InputError("permission denied") from None
        except IsADirectoryError:
            raise InputError("is a directory") from None
        except OSError as exc:
            raise InputError(f"cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputError(f"too large (> --max-bytes {max_bytes})")
    return Article(source=name, text=decode(data, input_format=input_format, encoding=encoding))


def decode(data: bytes, input_format: str = "auto", encoding: str = "auto") -> str:
    """Any supported file's bytes -> normalised article text; InputError says why not."""
    from vnsum.encoding import EncodingError, decode_bytes

    chosen = sniff(data) if input_format == "auto" else input_format
    try:
        if chosen in ("docx", "pdf"):
            from vnsum import formats

            text = formats.docx_to_text(data) if chosen == "docx" else formats.pdf_to_text(data)
        else:
            text, _ = decode_bytes(data, encoding)
            if chosen == "html" or (input_format == "auto" and looks_like_html(text)):
                from vnsum.formats import html_to_text

                text = html_to_text(text)
    except ValueError as error:  # EncodingError, formats.FormatError
        raise InputError(str(error)) from None
    text = normalise(text)
    if _looks_binary(text):
        raise InputError("binary file (mostly control characters)")
    if not text.strip():
        raise InputError("empty" if not data.strip() else f"no article text found ({chosen})")
    return text


def sniff(data: bytes) -> str:
    """The input format from the first bytes: docx (a zip), pdf, html or text. formats.py is imported only for
    the first three, so a plain-text brief does not pay for the HTML, XML and PDF machinery."""
    head = data[:1024].lstrip()
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"%PDF-"):
        return "pdf"
    return "html" if looks_like_html(head.decode("utf-8", errors="ignore")) else "text"


def looks_like_html(text: str) -> bool:
    """A page starts with a doctype, <html>, <head> or <body> (comments allowed before)."""
    return bool(_HTML_START.match(text[:1024].lstrip("\ufeff")))


def normalise(text: str) -> str:
    """NFC and LF line ends; nothing else changes, so offsets stay meaningful."""
    text = text.lstrip("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ch < " " and ch not in "\n\t\f\v")
    return controls / len(sample) > 0.05
