"""What a cron-run digest remembers between runs, kept safe against kills and concurrent runs.

The state is a small JSON file: the content hashes of articles already put in a digest. It is only ever
replaced whole (temp file, fsync, rename, fsync of the directory), so a run killed at any moment leaves either
the old state or the new one. A lock on a sibling `.lock` file (the state file itself is replaced on every
write, so it cannot carry the lock) keeps two runs from interleaving.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SCHEMA = "vnsum.state/1"


class StateError(Exception):
    """The state file exists but cannot be read; it is left untouched for a person to look at."""


class LockTimeout(Exception):
    """Another run held the state lock for longer than --wait."""


def content_hash(text: str) -> str:
    """Of the normalised text: a renamed file is the same article, an edited one is new."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class State:
    seen: dict[str, dict]

    @classmethod
    def read(cls, path: Path) -> "State":
        if not path.exists():
            return cls(seen={})
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            if raw.get("schema") != SCHEMA or not isinstance(raw.get("seen"), dict):
                raise ValueError(f"not a {SCHEMA} file")
        except (OSError, ValueError, AttributeError) as error:
            raise StateError(f"{path}: cannot read state: {error}") from error
        return cls(seen=raw["seen"])

    def with_seen(self, entries: dict[str, dict]) -> "State":
        return State(seen={**self.seen, **{h: e for h, e in entries.items() if h not in self.seen}})

    def write(self, path: Path) -> None:
        write_atomically(path, json.dumps({"schema": SCHEMA, "seen": self.seen}, ensure_ascii=False, indent=1) + "\n")


class Lock:
    """An exclusive flock on PATH.lock, waited for up to `wait` seconds (polling, so it never hangs)."""

    def __init__(self, path: Path, wait: float) -> None:
        self.path, self.wait = Path(str(path) + ".lock"), wait
        self._fd: int | None = None

    def __enter__(self) -> "Lock":
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise LockTimeout(f"{self.path}: another vnsum run holds the lock") from None
                time.sleep(0.05)
        self._fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


def write_atomically(path: Path | str, text: str) -> None:
    """Temp file in the same directory, fsync, rename over `path`, fsync the directory: never half a file."""
    path = Path(path)
    directory = path.resolve().parent
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    dir_fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
