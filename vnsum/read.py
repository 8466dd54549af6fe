"""Bytes in, normalised text out: the one place that decodes.

Normalisation is deliberately minimal (NFC, CRLF/CR -> LF, BOM dropped) so that the sentence
offsets reported in JSON index straight into the text a user can rebuild from the file.
"""

from __future__ import annotations

import codecs
import os
import sys
import unicodedata
from dataclasses import dataclass

DEFAULT_MAX_BYTES = 5_000_000


class InputError(Exception):
    """A file that cannot be briefed; `str()` is the one-line reason shown to the user."""


@dataclass(frozen=True)
class Article:
    source: str
    text: str


def read_source(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
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
    return Article(source=name, text=decode(data))


def decode(data: bytes) -> str:
    """Decode UTF-8 (BOM optional) or BOM-marked UTF-16, reject binary, and normalise."""
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError("undecodable UTF-16") from None
    else:
        if b"\x00" in data:
            raise InputError("binary file (contains NUL bytes)")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(f"not UTF-8 (invalid byte at offset {exc.start})") from None
    text = normalise(text)
    if _looks_binary(text):
        raise InputError("binary file (mostly control characters)")
    if not text.strip():
        raise InputError("empty")
    return text


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
