"""The `vnsum` command: parses arguments, calls the library, renders. No NLP lives here.

Exit codes (README.md, "Exit codes"):
  0 every input briefed; 1 internal error; 2 usage error; 3 every input was bad (missing, empty,
  binary, undecodable, too large); 4 some inputs briefed, some bad; 5 the output could not be written;
  6 the model failed and --strict-model was given (without it, vnsum falls back to the extractive brief);
  7 `digest`: another run held the --state lock longer than --wait; 8 `digest`: the --state file is unreadable;
  9 `batch --engine dask`: the cluster cannot be reached or failed.
"""

from __future__ import annotations

import json
import os
import sys
import time
import traceback
from enum import Enum
from typing import Optional

import typer

from vnsum.read import DEFAULT_MAX_BYTES, InputError
from vnsum.rewrite import ModelError

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2
EXIT_BAD_INPUT = 3
EXIT_PARTIAL = 4
EXIT_OUTPUT = 5
EXIT_MODEL = 6
EXIT_LOCKED = 7
EXIT_STATE = 8
EXIT_CLUSTER = 9

app = typer.Typer(
    add_completion=True,
    no_args_is_help=True,
    help="Structured, faithful briefs of Vietnamese meeting reports.",
    pretty_exceptions_enable=False,
)


class Format(str, Enum):
    auto = "auto"
    rich = "rich"
    text = "text"
    markdown = "markdown"
    json = "json"


class DigestFormat(str, Enum):
    markdown = "markdown"
    text = "text"
    json = "json"
    html = "html"


class InputFormat(str, Enum):
    auto = "auto"
    text = "text"
    html = "html"
    docx = "docx"
    pdf = "pdf"


class GroupBy(str, Enum):
    meeting = "meeting"
    section = "section"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


class Lang(str, Enum):
    vi = "vi"
    en = "en"


def _error(message: str) -> None:
    sys.stderr.write(f"vnsum: {message}\n")


def _version(value: bool) -> None:
    """--version: vnsum's version and the models a plain `vnsum brief` uses."""
    if not value:
        return
    from vnsum import __version__
    from vnsum.labellers import labeller_names
    from vnsum.rewrite.model import BUNDLED, bundled_is_default

    default, extractive = labeller_names()
    rewriter = f"{BUNDLED.name} (bundled)" if bundled_is_default() else "none (extractive)"
    typer.echo(f"vnsum {__version__}\nlabeller: {default} (--extractive: {extractive})\nrewriter: {rewriter}")
    raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and the shipped models' names, and exit."),
) -> None:
    """Structured, faithful briefs of Vietnamese meeting reports."""


@app.command()
def brief(
    ctx: typer.Context,
    files: Optional[list[str]] = typer.Argument(None, help="Article files; '-' (or a pipe and no file) reads stdin."),
    format: Format = typer.Option(Format.auto, "--format", "-f", help="auto: rich on a terminal, text when piped."),
    lang: Lang = typer.Option(Lang.vi, "--lang", help="Language of the section headings."),
    max_bullets: int = typer.Option(5, "--max-bullets", min=0, max=50, help="Bullets per section at most."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write to FILE (atomically) instead of stdout."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", min=1, help="Refuse inputs larger than this."),
    input_format: InputFormat = typer.Option(InputFormat.auto, "--input-format", help="auto (from the bytes), text, html, docx or pdf."),
    encoding: str = typer.Option("auto", "--encoding", help="auto, utf-8, utf-16, cp1258 (windows-1258), tcvn3 (abc, tcvn, vn3), vni (vni-windows), or a Python codec."),
    model: Optional[str] = typer.Option(
        None, "--model", envvar="VNSUM_MODEL", show_envvar=True,
        help="Seq2seq model: a directory or a name in the local Hugging Face cache; 'none' for extractive. Default: the bundled model.",
    ),
    extractive: bool = typer.Option(False, "--extractive", help="No model: extractive bullets only (no torch import)."),
    overview: bool = typer.Option(False, "--overview", help="Add a 1-3 sentence overview of the whole article."),
    force: bool = typer.Option(False, "--force", help="Brief an article even when it does not look like a meeting report."),
    strict_model: bool = typer.Option(False, "--strict-model", help="A model failure is an error (exit 6), not a fallback."),
    model_timeout: Optional[float] = typer.Option(None, "--model-timeout", min=0.0, help="Seconds the model may spend on one article."),
    allow_pickle: bool = typer.Option(False, "--allow-pickle", help="Allow a model whose weights are pickle files (unsafe)."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks of internal errors."),
) -> None:
    """Brief one or more articles: achievements, limitations, directives, and meta."""
    from vnsum.api import Settings
    from vnsum.pipeline import brief as make_brief
    from vnsum.read import read_source

    encoding = _encoding(encoding)
    if not files:
        if sys.stdin.isatty():
            typer.echo(ctx.get_help())
            raise typer.Exit(EXIT_USAGE)
        files = ["-"]
    chosen = format
    if chosen is Format.auto:
        chosen = Format.rich if output is None and sys.stdout.isatty() else Format.text
    options = _load(Settings(extractive=extractive, model=model, max_bullets=max_bullets, force=force, overview=overview,
                             strict_model=strict_model, model_timeout=model_timeout, allow_pickle=allow_pickle))
    briefs = []
    failures: list[int] = []
    for path in files:
        name = "<stdin>" if path == "-" else path
        try:
            article = read_source(path, max_bytes=max_bytes, input_format=input_format.value, encoding=encoding)
            result = make_brief(article, options)
        except InputError as exc:
            _error(f"{name}: {exc}")
            failures.append(EXIT_BAD_INPUT)
            continue
        except ModelError as exc:
            _error(f"{name}: model {exc}")
            failures.append(EXIT_MODEL)
            continue
        except Exception as exc:  # noqa: BLE001 - one bad article must not spoil the others
            _error(f"{name}: internal error: {type(exc).__name__}: {exc}")
            if debug:
                traceback.print_exc()
            failures.append(EXIT_INTERNAL)
            continue
        for warning in result.warnings:
            _error(f"{name}: warning: {warning}")
        briefs.append(result)
    if briefs:
        _emit(briefs, chosen, lang.value, output)
    if not failures:
        raise typer.Exit(EXIT_OK)
    if briefs:
        raise typer.Exit(EXIT_PARTIAL)
    raise typer.Exit(next((code for code in (EXIT_INTERNAL, EXIT_MODEL) if code in failures), EXIT_BAD_INPUT))


@app.command()
def digest(
    paths: Optional[list[str]] = typer.Argument(None, help="Article files, directories (walked) or globs."),
    from_list: Optional[str] = typer.Option(None, "--from-list", help="Also read paths, one per line, from FILE ('-': stdin)."),
    format: DigestFormat = typer.Option(DigestFormat.markdown, "--format", "-f", help="markdown, text, json or html (one self-contained page)."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write to FILE (atomically) instead of stdout."),
    group_by: GroupBy = typer.Option(GroupBy.meeting, "--group-by", help="One entry per meeting, or the three sections once."),
    state: Optional[str] = typer.Option(None, "--state", help="State FILE: content hashes of articles already in a digest."),
    new_only: bool = typer.Option(False, "--new-only", help="Only articles the --state file has not seen."),
    wait: float = typer.Option(60.0, "--wait", min=0.0, help="Seconds to wait for another run's lock on --state (then exit 7)."),
    lang: Lang = typer.Option(Lang.vi, "--lang", help="Language of the headings."),
    max_bullets: int = typer.Option(5, "--max-bullets", min=0, max=50, help="Bullets per section of each article at most."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", min=1, help="Skip inputs larger than this."),
    input_format: InputFormat = typer.Option(InputFormat.auto, "--input-format", help="auto (from the bytes), text, html, docx or pdf."),
    encoding: str = typer.Option("auto", "--encoding", help="auto, utf-8, utf-16, cp1258 (windows-1258), tcvn3 (abc, tcvn, vn3), vni (vni-windows), or a Python codec."),
    jobs: Optional[int] = typer.Option(None, "--jobs", min=1, help="Worker processes that read and label (default: the cores, from 16 articles)."),
    model: Optional[str] = typer.Option(None, "--model", envvar="VNSUM_MODEL", help="Seq2seq model (as for `brief`), loaded once per run."),
    extractive: bool = typer.Option(False, "--extractive", help="No model: extractive bullets only."),
    force: bool = typer.Option(False, "--force", help="Digest articles that do not look like meeting reports as meetings too."),
    strict_model: bool = typer.Option(False, "--strict-model", help="A model failure is an error, not a fallback."),
    allow_pickle: bool = typer.Option(False, "--allow-pickle", help="Allow a model whose weights are pickle files (unsafe)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only errors on stderr, no progress bar."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="A line per article and a summary on stderr."),
    log_file: Optional[str] = typer.Option(None, "--log-file", help="Append every message, time-stamped, to FILE."),
) -> None:
    """One digest of many articles; with --state and --new-only, safe to run from cron."""
    from contextlib import nullcontext
    from pathlib import Path

    from vnsum import render_digest
    from vnsum.api import Settings
    from vnsum.collect import brief_all, expand, read_all, unseen
    from vnsum.digest import Skipped, Source, build_digest
    from vnsum.state import Lock, LockTimeout, State, StateError, write_atomically

    encoding = _encoding(encoding)
    log = _Log(quiet=quiet, verbose=verbose, path=log_file)
    listed = list(paths or [])
    if from_list:
        try:
            if from_list == "-":
                listed += [line.rstrip("\n") for line in sys.stdin if line.strip()]
            else:
                with open(from_list, encoding="utf-8") as handle:
                    listed += [line.rstrip("\n") for line in handle if line.strip()]
        except OSError as exc:
            log.error(f"{from_list}: cannot read the list: {exc.strerror or exc}")
            raise typer.Exit(EXIT_BAD_INPUT) from None
    if not listed:
        log.error("digest: no inputs (give paths, or --from-list FILE)")
        raise typer.Exit(EXIT_USAGE)
    if new_only and not state:
        log.error("digest: --new-only needs --state FILE")
        raise typer.Exit(EXIT_USAGE)
    state_path = Path(state) if state else None
    try:
        with Lock(state_path, wait) if state_path else nullcontext():
            seen = State.read(state_path) if state_path else State(seen={})
            reads = read_all(expand(listed), max_bytes=max_bytes, input_format=input_format.value, encoding=encoding)
            skipped = [Skipped(r.path, r.error) for r in reads if r.error]
            readable, already = unseen(reads, seen.seen if new_only else {})
            settings = Settings(extractive=extractive, model=model, max_bullets=max_bullets, force=force,
                                strict_model=strict_model, allow_pickle=allow_pickle)
            with log.progress(len(readable)) as advance:
                try:
                    results, warnings = brief_all(readable, settings, progress=advance, workers=jobs)
                except ModelError as exc:
                    log.error(f"model {exc}")
                    raise typer.Exit(EXIT_MODEL) from None
            for warning in warnings:
                log.warn(warning)
            articles = []
            for r, result in zip(readable, results):
                if isinstance(result, str):
                    skipped.append(Skipped(r.path, result))
                    continue
                articles.append((Source(r.path, r.hash, result.meta.title, r.copies), result, r.text))
                log.info(f"{r.path}: {sum(len(v) for v in result.sections.values())} bullets")
            for item in skipped:
                log.error(f"{item.path}: skipped: {item.reason}")
            generated = time.strftime("%Y-%m-%dT%H:%M:%S%z")
            result_digest = build_digest(articles, generated, tuple(skipped), already)
            for warning in result_digest.warnings:
                log.warn(warning)
            renderer = {"markdown": render_digest.to_markdown, "text": render_digest.to_text, "html": render_digest.to_html}
            if format is DigestFormat.json:
                text = json.dumps(render_digest.to_json(result_digest), ensure_ascii=False, indent=1) + "\n"
            else:
                text = renderer[format.value](result_digest, lang.value, group_by.value)
            if output:
                try:
                    write_atomically(output, text)
                except OSError as exc:
                    log.error(f"{output}: cannot write: {exc.strerror or exc}")
                    raise typer.Exit(EXIT_OUTPUT) from None
            else:
                sys.stdout.write(text)
                sys.stdout.flush()
            if state_path:
                listed_sources = [s for e in result_digest.entries for s in e.sources] + [n.source for n in result_digest.not_meetings]
                included = {s.hash: {"path": s.path, "digest": generated} for s in listed_sources}
                try:
                    seen.with_seen(included).write(state_path)
                except OSError as exc:
                    log.error(f"{state_path}: cannot write state: {exc.strerror or exc}")
                    raise typer.Exit(EXIT_STATE) from None
    except LockTimeout as exc:
        log.error(f"digest: {exc} (waited {wait:g} s)")
        raise typer.Exit(EXIT_LOCKED) from None
    except StateError as exc:
        log.error(str(exc))
        raise typer.Exit(EXIT_STATE) from None
    log.info(f"digest: {result_digest.articles} articles, {len(result_digest.entries)} meetings, "
             f"{already} already seen, {len(skipped)} skipped")
    if skipped and not articles and not already:
        raise typer.Exit(EXIT_BAD_INPUT)
    raise typer.Exit(EXIT_PARTIAL if skipped else EXIT_OK)


@app.command()
def batch(
    source: str = typer.Argument(..., metavar="IN", help='JSON Lines of {"id", "text"} or {"id", "path"} records; - reads stdin.'),
    output: str = typer.Option(..., "--output", "-o", help="JSON Lines of briefs, appended to; ids already in it are skipped."),
    errors: Optional[str] = typer.Option(None, "--errors", help="The records that failed, as JSON Lines (default: OUT's name with .errors.jsonl)."),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local: worker processes here; dask: a Dask distributed cluster."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="--engine dask: the scheduler's address (default: a LocalCluster of --jobs workers)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", min=1, help="Worker processes (default: the cores)."),
    max_bullets: int = typer.Option(5, "--max-bullets", min=0, max=50, help="Bullets per section at most."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", min=1, help="Refuse larger files and texts."),
    input_format: InputFormat = typer.Option(InputFormat.auto, "--input-format", help="How path records are read: auto, text, html, docx or pdf."),
    encoding: str = typer.Option("auto", "--encoding", help="How path records are decoded (as for `brief`)."),
    model: Optional[str] = typer.Option(None, "--model", envvar="VNSUM_MODEL", help="Seq2seq model (as for `brief`), loaded once per worker."),
    extractive: bool = typer.Option(False, "--extractive", help="No models: extractive bullets only."),
    overview: bool = typer.Option(False, "--overview", help="Add an overview to each brief."),
    force: bool = typer.Option(False, "--force", help="Brief articles that do not look like meeting reports too."),
    model_timeout: Optional[float] = typer.Option(None, "--model-timeout", min=0.0, help="Seconds the model may spend on one article."),
    allow_pickle: bool = typer.Option(False, "--allow-pickle", help="Allow a model whose weights are pickle files (unsafe)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only errors on stderr: no progress, no summary."),
) -> None:
    """Brief an archive: one vnsum.brief/1 object per JSON Lines record, streaming and resumable."""
    from pathlib import Path

    from vnsum.api import Settings
    from vnsum.batch import InputUnreadable, LocalEngine, OutputUnwritable, Reading, run_batch

    encoding = _encoding(encoding)
    if scheduler and engine is not Engine.dask:
        _error("batch: --scheduler needs --engine dask")
        raise typer.Exit(EXIT_USAGE)
    out = Path(output)
    errors_path = Path(errors) if errors else out.with_name(out.name.removesuffix(".jsonl") + ".errors.jsonl")
    if errors_path.resolve() == out.resolve():
        _error("batch: --errors must not be the output file")
        raise typer.Exit(EXIT_USAGE)
    workers = jobs or os.cpu_count() or 1
    settings = Settings(extractive=extractive, model=model, max_bullets=max_bullets, force=force, overview=overview,
                        model_timeout=model_timeout, allow_pickle=allow_pickle)
    if engine is Engine.dask:
        try:
            from vnsum.cluster import DaskEngine
        except ImportError as exc:
            _error(f"batch: --engine dask needs dask and distributed (pip install 'vnsum[dask]'): {exc}")
            raise typer.Exit(EXIT_USAGE) from None
        runner = DaskEngine(scheduler, workers)
    else:
        runner = LocalEngine(workers)
    listener = _BatchListener(quiet, source)
    started = time.monotonic()
    try:
        summary = run_batch(source, out, errors_path, settings, runner, listener,
                            Reading(max_bytes, input_format.value, encoding))
    except InputUnreadable as exc:
        listener.clear()
        _error(str(exc))
        raise typer.Exit(EXIT_BAD_INPUT) from None
    except OutputUnwritable as exc:
        listener.clear()
        _error(str(exc))
        raise typer.Exit(EXIT_OUTPUT) from None
    except (OSError, TimeoutError) as exc:
        listener.clear()
        if engine is not Engine.dask:
            raise
        _error(f"batch: the Dask cluster failed ({type(exc).__name__}: {exc})")
        raise typer.Exit(EXIT_CLUSTER) from None
    listener.clear()
    seconds = time.monotonic() - started
    if not quiet:
        _error(f"batch: {summary.briefed} briefed, {summary.failed} failed, {summary.skipped} skipped "
               f"(already in {output} or repeated) in {seconds:.1f} s ({summary.briefed / max(seconds, 1e-9):.1f} records/s)")
    if summary.failed and not summary.briefed and not summary.skipped:
        raise typer.Exit(EXIT_BAD_INPUT)
    raise typer.Exit(EXIT_PARTIAL if summary.failed else EXIT_OK)


class _BatchListener:
    """Bad records as one line each on stderr; on a terminal (and not --quiet) a progress line, redrawn at most
    twice a second: records, records/s, and the ETA when the input is a file."""

    def __init__(self, quiet: bool, source: str) -> None:
        self.source = "<stdin>" if source == "-" else source
        self.quiet = quiet
        self.live = not quiet and sys.stderr.isatty()
        self.started = self.drawn = time.monotonic()
        self.shown = False

    def failed(self, outcome) -> None:
        self.clear()
        who = f"id {json.dumps(outcome.id, ensure_ascii=False)}" if outcome.id is not None else "no id"
        _error(f"{self.source}:{outcome.line}: {who}: {outcome.error}")

    def warned(self, message: str) -> None:
        self.clear()
        _error(f"warning: {message}")

    def progressed(self, done: int, fraction: Optional[float]) -> None:
        now = time.monotonic()
        if not self.live or now - self.drawn < 0.5:
            return
        self.drawn = now
        rate = done / max(now - self.started, 1e-9)
        eta = ""
        if fraction:
            left = (now - self.started) * (1 - fraction) / fraction
            eta = f"  ETA {int(left // 3600)}:{int(left % 3600 // 60):02d}:{int(left % 60):02d}"
        sys.stderr.write(f"\r{done:,} records  {rate:,.1f}/s{eta}\x1b[K")
        sys.stderr.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
            self.shown = False


class _Log:
    """stderr for people (errors always, the rest with --verbose), --log-file for the record; never stdout."""

    def __init__(self, quiet: bool, verbose: bool, path: Optional[str]) -> None:
        self.quiet, self.verbose, self.path = quiet, verbose, path

    def _write(self, level: str, message: str, show: bool) -> None:
        if show:
            _error(message if level != "warning" else f"warning: {message}")
        if self.path:
            try:
                with open(self.path, "a", encoding="utf-8") as handle:
                    handle.write(f"{time.strftime('%Y-%m-%dT%H:%M:%S%z')} {level} {message}\n")
            except OSError:
                pass

    def error(self, message: str) -> None:
        self._write("error", message, True)

    def warn(self, message: str) -> None:
        self._write("warning", message, not self.quiet)

    def info(self, message: str) -> None:
        self._write("info", message, self.verbose and not self.quiet)

    def progress(self, total: int):
        """A progress bar on stderr when it is a terminal (and not --quiet); otherwise silent."""
        from contextlib import contextmanager

        @contextmanager
        def bar():
            if self.quiet or not sys.stderr.isatty() or total == 0:
                yield None
                return
            from rich.console import Console
            from rich.progress import Progress

            with Progress(console=Console(stderr=True), transient=True) as progress:
                task = progress.add_task("briefing", total=total)
                yield lambda done, _total: progress.update(task, completed=done)

        return bar()


def _encoding(name: str) -> str:
    """--encoding's canonical name; an unknown one is a usage error before any file is read."""
    from vnsum.encoding import EncodingError, encoding_name

    try:
        return encoding_name(name)
    except EncodingError as exc:
        _error(f"--encoding: {exc}")
        raise typer.Exit(EXIT_USAGE) from None


def _load(settings):
    """The models, loaded once (vnsum.api.load): a model or encoder that cannot load is a warning and a fallback,
    or exit 6 for the model with --strict-model."""
    from vnsum.api import load

    try:
        loaded = load(settings)
    except ModelError as exc:
        _error(f"model {exc}")
        raise typer.Exit(EXIT_MODEL) from None
    for warning in loaded.warnings:
        _error(f"warning: {warning}")
    return loaded.options


@app.command(name="eval")
def eval_command(
    gold: list[str] = typer.Argument(..., help="Gold files or directories of them (GUIDELINES.md format)."),
    as_json: bool = typer.Option(False, "--json", help="Print the metrics as one JSON object."),
    max_bullets: int = typer.Option(5, "--max-bullets", min=0, max=50, help="Bullets per section at most."),
    model: Optional[str] = typer.Option(None, "--model", envvar="VNSUM_MODEL", help="Seq2seq model (as for `brief`)."),
    extractive: bool = typer.Option(False, "--extractive", help="Score the extractive brief (no model)."),
    allow_pickle: bool = typer.Option(False, "--allow-pickle", help="Allow a model whose weights are pickle files (unsafe)."),
) -> None:
    """Score the pipeline against gold files: section labels, ROUGE, faithfulness, meta, the model's guard."""
    from dataclasses import asdict
    from pathlib import Path

    from vnsum.api import Settings
    from vnsum.evaluate import evaluate
    from vnsum.gold import load_gold

    missing = [p for p in gold if not Path(p).exists()]
    if missing:
        _error(f"{missing[0]}: no such file or directory")
        raise typer.Exit(EXIT_BAD_INPUT)
    try:
        articles = load_gold([Path(p) for p in gold])
    except (ValueError, KeyError, TypeError, OSError) as exc:
        _error(f"gold: cannot read: {type(exc).__name__}: {exc}")
        raise typer.Exit(EXIT_BAD_INPUT) from None
    if not articles:
        _error("gold: no *.json gold files found")
        raise typer.Exit(EXIT_BAD_INPUT)
    result = evaluate(articles, _load(Settings(extractive=extractive, model=model, max_bullets=max_bullets,
                                               allow_pickle=allow_pickle)))
    if as_json or not sys.stdout.isatty():
        sys.stdout.write(json.dumps(asdict(result), ensure_ascii=False, indent=None if not as_json else 2) + "\n")
        return
    from rich.console import Console

    from vnsum import render

    render.print_evaluation(result, Console())


def _emit(briefs: list, chosen: Format, lang: str, output: Optional[str]) -> None:
    from vnsum import render

    if chosen is Format.rich and output is None:
        from rich.console import Console

        console = Console()
        for k, result in enumerate(briefs):
            if k:
                console.rule()
            render.print_rich(result, lang, console)
        return
    if chosen is Format.json:
        text = "".join(json.dumps(render.to_json(b), ensure_ascii=False) + "\n" for b in briefs)
    elif chosen is Format.markdown:
        text = "\n---\n\n".join(render.to_markdown(b, lang) for b in briefs)
    else:
        text = "\n".join(render.to_text(b, lang) for b in briefs)
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from vnsum.state import write_atomically

    try:
        write_atomically(output, text)
    except OSError as exc:
        _error(f"{output}: cannot write: {exc.strerror or exc}")
        raise typer.Exit(EXIT_OUTPUT) from None


def main() -> None:
    """Console entry point: usage errors exit 2 (typer's standard mode); anything unexpected becomes one line."""
    debug = "--debug" in sys.argv
    try:
        app()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(EXIT_OK)
    except KeyboardInterrupt:
        _error("interrupted")
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no traceback reaches the user
        _error(f"internal error: {type(exc).__name__}: {exc}")
        if debug:
            traceback.print_exc()
        sys.exit(EXIT_INTERNAL)
