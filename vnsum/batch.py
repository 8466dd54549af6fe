"""Archive scale: JSON Lines of articles in, JSON Lines of briefs out, streaming, resumable, on one machine or a
Dask cluster (README.md, "Batch").

Records are read lazily and at most a few chunks are in flight, so memory stays flat however long the input is;
each finished chunk is appended to OUT and flushed, in input order, so a killed run loses only the chunks in
flight, and a re-run skips the ids OUT already holds (after cutting off a last line a kill left half written).
Workers brief through vnsum.api, loading the models once per process.
"""

from __future__ import annotations

import json
import os
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator, Protocol

from vnsum.api import Settings, brief_file, brief_text, for_workers, load
from vnsum.read import DEFAULT_MAX_BYTES, InputError

#: Records a worker briefs per task: enough to make the hand-off cheap, few enough to keep a kill's loss small.
CHUNK = 16
#: Chunks in flight per worker: enough to keep every worker busy, few enough to keep memory flat.
IN_FLIGHT_PER_WORKER = 2


class BatchError(Exception):
    """The whole batch stops; str() says which file and why."""


class InputUnreadable(BatchError):
    """The input cannot be opened or read."""


class OutputUnwritable(BatchError):
    """OUT or the errors file cannot be read back, repaired or written."""


@dataclass(frozen=True)
class Reading:
    """How `path` records are read (as `vnsum brief` reads files)."""

    max_bytes: int = DEFAULT_MAX_BYTES
    input_format: str = "auto"
    encoding: str = "auto"


@dataclass(frozen=True)
class Record:
    """One input line: its number, its id, and either its text or the path of its file (made absolute)."""

    line: int
    id: Any
    text: str | None = None
    path: str | None = None


@dataclass(frozen=True)
class Outcome:
    """What became of one record: its output line (a `vnsum.brief/1` object with its id, as JSON) or the reason it
    failed."""

    line: int
    id: Any
    output: str | None = None
    error: str | None = None


@dataclass(frozen=True)
class Summary:
    briefed: int
    failed: int
    skipped: int


class Listener(Protocol):
    """What a batch has to tell its caller as it goes (the CLI shows it on stderr)."""

    def failed(self, outcome: Outcome) -> None: ...

    def warned(self, message: str) -> None: ...

    def progressed(self, done: int, fraction: float | None) -> None: ...


def id_key(value: Any) -> str:
    """Ids compare as their JSON text: 7 and "7" are two ids."""
    return json.dumps(value, ensure_ascii=False)


def parse(line: int, raw: bytes, base: Path) -> Record | Outcome:
    """One JSON Lines record -> a Record, or an Outcome saying why it cannot be briefed."""
    try:
        value = json.loads(raw)
    except (UnicodeDecodeError, ValueError) as error:
        return Outcome(line, None, error=f"not a JSON object ({type(error).__name__}: {error})")
    if not isinstance(value, dict):
        return Outcome(line, None, error="not a JSON object")
    ident = value.get("id")
    if isinstance(ident, bool) or not isinstance(ident, (str, int)):
        return Outcome(line, None, error='no "id" (a string or an integer)')
    text, path = value.get("text"), value.get("path")
    if (text is None) == (path is None):
        return Outcome(line, ident, error='needs either "text" or "path"')
    if text is not None and not isinstance(text, str) or path is not None and not isinstance(path, str):
        return Outcome(line, ident, error='"text" and "path" must be strings')
    if path is not None:
        path = str(base / os.path.expanduser(path))
    return Record(line, ident, text=text, path=path)


def brief_records(records: list[Record | Outcome], settings: Settings, reading: Reading) -> tuple[tuple[str, ...], list[Outcome]]:
    """Run in a worker: each record's brief as a JSON line, or why it failed (a record that could not be parsed
    is its own outcome already); and the warnings of loading the models (loaded once per process)."""
    loaded = load(settings)
    outcomes = []
    for record in records:
        if isinstance(record, Outcome):
            outcomes.append(record)
            continue
        try:
            if record.path is not None:
                brief = brief_file(record.path, settings=settings, max_bytes=reading.max_bytes,
                                   input_format=reading.input_format, encoding=reading.encoding)
            elif len(record.text.encode("utf-8")) > reading.max_bytes:
                raise InputError(f"too large (> --max-bytes {reading.max_bytes})")
            else:
                brief = brief_text(record.text, settings=settings)
            outcomes.append(Outcome(record.line, record.id, output=json.dumps({"id": record.id, **brief}, ensure_ascii=False)))
        except InputError as error:
            where = f"{record.path}: " if record.path is not None else ""
            outcomes.append(Outcome(record.line, record.id, error=f"{where}{error}"))
        except Exception as error:  # noqa: BLE001 - one bad record must never spoil the batch
            outcomes.append(Outcome(record.line, record.id, error=f"internal error: {type(error).__name__}: {error}"))
    return loaded.warnings, outcomes


class Engine(Protocol):
    """Runs brief_records over chunks and yields each chunk's result in the order given, holding few at a time."""

    def run(self, chunks: Iterable[list[Record]], settings: Settings, reading: Reading) -> Iterator[tuple[tuple[str, ...], list[Outcome]]]: ...


@dataclass(frozen=True)
class LocalEngine:
    """Worker processes on this machine (forked; each loads the models once); one worker runs in this process."""

    workers: int = 1

    def run(self, chunks, settings, reading):
        if self.workers <= 1:
            for chunk in chunks:
                yield brief_records(chunk, settings, reading)
            return
        settings = for_workers(settings, self.workers)
        with get_context("fork").Pool(self.workers) as pool:
            yield from ordered((pool.apply_async(brief_records, (chunk, settings, reading)) for chunk in chunks),
                                self.workers * IN_FLIGHT_PER_WORKER, lambda handle: handle.get())


def ordered(handles: Iterable, bound: int, result: Callable) -> Iterator:
    """Results of asynchronous handles in the order given, with at most `bound` of them pending."""
    pending: deque = deque()
    for handle in handles:
        pending.append(handle)
        if len(pending) >= bound:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())


def finished_ids(out: Path) -> set[str]:
    """The ids OUT already holds; a last line that a killed run left half written is cut off first."""
    done: set[str] = set()
    if not out.exists():
        return done
    try:
        with open(out, "rb+") as handle:
            good = 0
            for raw in handle:
                if not raw.endswith(b"\n"):
                    break
                try:
                    done.add(id_key(json.loads(raw)["id"]))
                except (ValueError, KeyError, TypeError):
                    break
                good += len(raw)
            handle.truncate(good)
    except OSError as error:
        raise OutputUnwritable(f"{out}: cannot read or repair ({error.strerror or error})") from None
    return done


def run_batch(source: str, out: Path, errors: Path, settings: Settings, engine: Engine, listener: Listener,
              reading: Reading = Reading()) -> Summary:
    """Brief every record of `source` (a JSON Lines file, or "-" for stdin) not already in `out`, appending to
    `out`; the records that fail go to `errors` (rewritten each run) and to the listener."""
    done = finished_ids(out)
    try:
        errors.unlink(missing_ok=True)
    except OSError as error:
        raise OutputUnwritable(f"{errors}: cannot replace ({error.strerror or error})") from None
    counts = {"briefed": 0, "failed": 0, "skipped": 0}
    warned: set[str] = set()
    with _open_input(source) as (stream, size), _appender(out) as write, _appender(errors, lazy=True) as write_error:
        position = [0]

        def records() -> Iterator[Record | Outcome]:
            base = Path(source).resolve().parent if source != "-" else Path.cwd()
            for number, raw in enumerate(stream, 1):
                position[0] += len(raw)
                if not raw.strip():
                    continue
                parsed = parse(number, raw, base)
                if isinstance(parsed, Outcome):  # passes through the workers, to be reported in input order
                    yield parsed
                    continue
                key = id_key(parsed.id)
                if key in done:
                    counts["skipped"] += 1
                    continue
                done.add(key)
                yield parsed

        for warnings, outcomes in engine.run(_chunks(records(), CHUNK), settings, reading):
            for message in warnings:
                if message not in warned:
                    warned.add(message)
                    listener.warned(message)
            briefed = [outcome.output for outcome in outcomes if outcome.output is not None]
            failed = [outcome for outcome in outcomes if outcome.output is None]
            write(briefed)
            write_error([json.dumps({"id": o.id, "line": o.line, "error": o.error}, ensure_ascii=False) for o in failed])
            for outcome in failed:
                listener.failed(outcome)
            counts["briefed"] += len(briefed)
            counts["failed"] += len(failed)
            listener.progressed(counts["briefed"] + counts["failed"], position[0] / size if size else None)
    return Summary(**counts)


def _chunks(records: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for record in records:
        chunk.append(record)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


@contextmanager
def _open_input(source: str):
    """The input's lines as bytes, and its size when it is a regular file (for the ETA)."""
    import sys

    if source == "-":
        yield sys.stdin.buffer, None
        return
    try:
        handle = open(source, "rb")
    except OSError as error:
        raise InputUnreadable(f"{source}: cannot read ({error.strerror or error})") from None
    with handle:
        size = os.fstat(handle.fileno()).st_size if os.path.isfile(source) else None
        yield _lines(handle, source), size


def _lines(handle: IO[bytes], source: str) -> Iterator[bytes]:
    try:
        yield from handle
    except OSError as error:
        raise InputUnreadable(f"{source}: cannot read ({error.strerror or error})") from None


@contextmanager
def _appender(path: Path, lazy: bool = False):
    """A function that appends lines and flushes them (a chunk's lines reach the file together, before the next
    chunk's); fsync at the end. `lazy`: the file is created only when a first line comes."""
    state: dict[str, Any] = {"handle": None}

    def handle():
        if state["handle"] is None:
            try:
                state["handle"] = open(path, "a", encoding="utf-8")
            except OSError as error:
                raise OutputUnwritable(f"{path}: cannot write ({error.strerror or error})") from None
        return state["handle"]

    def write(lines: list[str]) -> None:
        if not lines:
            return
        try:
            handle().write("".join(line + "\n" for line in lines))
            handle().flush()
        except OSError as error:
            raise OutputUnwritable(f"{path}: cannot write ({error.strerror or error})") from None

    if not lazy:
        handle()
    try:
        yield write
    finally:
        if state["handle"] is not None:
            try:
                state["handle"].flush()
                os.fsync(state["handle"].fileno())
            except OSError:
                pass
            state["handle"].close()
