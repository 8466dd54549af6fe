"""`vnsum batch` and the Python API: JSON Lines in and out, resumable, bounded, the same on a Dask cluster."""

import gzip
import itertools
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import SAMPLES, SHARED_DATA
from vnsum import api
from vnsum.batch import CHUNK, LocalEngine, Reading, finished_ids, ordered, run_batch

VNSUM = [sys.executable, "-m", "vnsum"]
SAMPLE_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]


def write_records(path: Path, records) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def sample_records(count: int) -> list[dict]:
    return [{"id": f"a{k}", "text": text} for k, text in zip(range(count), itertools.cycle(SAMPLE_TEXTS))]


def batch(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([*VNSUM, "batch", *args], capture_output=True, text=True, timeout=600, **kwargs)


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


class Quiet:
    def __init__(self) -> None:
        self.failures, self.warnings = [], []

    def failed(self, outcome) -> None:
        self.failures.append(outcome)

    def warned(self, message: str) -> None:
        self.warnings.append(message)

    def progressed(self, done, fraction) -> None:
        pass


def test_brief_text_is_the_brief_json_of_the_cli(tmp_path):
    """The API and `vnsum brief --format json` give the same object for the same article."""
    settings = api.Settings(extractive=True)
    got = api.brief_text(SAMPLE_TEXTS[0], source="x.txt", settings=settings)
    path = tmp_path / "x.txt"
    path.write_text(SAMPLE_TEXTS[0], encoding="utf-8")
    cli = json.loads(subprocess.run([*VNSUM, "brief", "--extractive", "-f", "json", "x.txt"], cwd=tmp_path,
                                    capture_output=True, text=True, check=True).stdout)
    assert got["schema"] == "vnsum.brief/1"
    assert got == cli
    assert api.load(settings) is api.load(api.Settings(extractive=True)), "models are loaded once per process"


def test_brief_text_normalises_like_a_file():
    crlf = api.brief_text(SAMPLE_TEXTS[0].replace("\n", "\r\n"), settings=api.Settings(extractive=True))
    assert crlf == api.brief_text(SAMPLE_TEXTS[0], settings=api.Settings(extractive=True))


def test_batch_writes_one_brief_per_record_with_its_id(tmp_path):
    source = write_records(tmp_path / "in.jsonl", sample_records(6))
    (tmp_path / "doc.txt").write_text(SAMPLE_TEXTS[1], encoding="utf-8")
    with open(source, "a", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": 99, "path": "doc.txt"}) + "\n")  # relative to the input file's folder
    done = batch(str(source), "-o", str(tmp_path / "out.jsonl"), "--extractive", "--jobs", "2", cwd="/")
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    out = lines(tmp_path / "out.jsonl")
    assert [o["id"] for o in out] == [f"a{k}" for k in range(6)] + [99]
    assert all(o["schema"] == "vnsum.brief/1" for o in out)
    expected = api.brief_text(SAMPLE_TEXTS[1], settings=api.Settings(extractive=True))
    assert out[-1]["sections"] == expected["sections"] and out[-1]["source"].endswith("doc.txt")
    assert "7 briefed, 0 failed" in done.stderr
    assert not (tmp_path / "out.errors.jsonl").exists()


def test_bad_records_are_reported_with_their_id_and_the_rest_briefed(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(
        "not json\n"
        + json.dumps({"id": "t1", "text": SAMPLE_TEXTS[0]}) + "\n"
        + json.dumps({"id": "p1", "path": "missing.txt"}) + "\n"
        + json.dumps({"text": "no id"}) + "\n"
        + json.dumps({"id": "both", "text": "x", "path": "y"}) + "\n"
        + "\n"
        + json.dumps({"id": "t2", "text": SAMPLE_TEXTS[1]}) + "\n",
        encoding="utf-8",
    )
    done = batch(str(source), "-o", str(tmp_path / "out.jsonl"), "--extractive")
    assert done.returncode == 4, done.stderr
    assert [o["id"] for o in lines(tmp_path / "out.jsonl")] == ["t1", "t2"]
    errors = lines(tmp_path / "out.errors.jsonl")
    assert [(e["id"], e["line"]) for e in errors] == [(None, 1), ("p1", 3), (None, 4), ("both", 5)]
    assert "missing.txt: no such file" in errors[1]["error"]
    stderr = done.stderr.splitlines()
    assert any(line.startswith("vnsum: ") and 'in.jsonl:3: id "p1":' in line for line in stderr)
    assert "Traceback" not in done.stderr


def test_every_record_bad_is_exit_3_and_usage_errors_are_exit_2(tmp_path):
    source = write_records(tmp_path / "in.jsonl", [{"id": 1}, {"id": 2, "text": 5}])
    assert batch(str(source), "-o", str(tmp_path / "out.jsonl")).returncode == 3
    assert batch(str(tmp_path / "absent.jsonl"), "-o", str(tmp_path / "o.jsonl")).returncode == 3
    assert batch(str(source), "-o", str(tmp_path / "o.jsonl"), "--scheduler", "tcp://x:1").returncode == 2
    assert batch(str(source), "-o", str(tmp_path / "o.jsonl"), "--errors", str(tmp_path / "o.jsonl")).returncode == 2


def test_rerun_skips_what_out_holds_and_repairs_a_torn_last_line(tmp_path):
    source = write_records(tmp_path / "in.jsonl", sample_records(5))
    out = tmp_path / "out.jsonl"
    assert batch(str(source), "-o", str(out), "--extractive").returncode == 0
    whole = out.read_bytes()
    first_two = whole.split(b"\n")[:2]
    out.write_bytes(b"\n".join(first_two) + b"\n" + whole.split(b"\n")[2][:100])  # killed while writing the third
    assert finished_ids(out) == {'"a0"', '"a1"'}
    assert out.read_bytes() == b"\n".join(first_two) + b"\n", "the torn line is cut off"
    again = batch(str(source), "-o", str(out), "--extractive")
    assert again.returncode == 0 and "3 briefed, 0 failed, 2 skipped" in again.stderr
    assert out.read_bytes() == whole


def test_a_killed_run_resumes_to_the_same_output(tmp_path):
    records = sample_records(160)
    source = write_records(tmp_path / "in.jsonl", records)
    reference = tmp_path / "reference.jsonl"
    assert batch(str(source), "-o", str(reference), "--extractive", "--jobs", "1").returncode == 0
    out = tmp_path / "out.jsonl"
    process = subprocess.Popen([*VNSUM, "batch", str(source), "-o", str(out), "--extractive", "--jobs", "2"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not out.exists() or out.stat().st_size == 0):
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    partial = out.read_bytes()
    assert 0 < partial.count(b"\n") < len(records), "killed part way"
    assert batch(str(source), "-o", str(out), "--extractive").returncode == 0
    assert out.read_bytes() == reference.read_bytes()


def test_records_are_pulled_lazily_with_a_bounded_number_in_flight():
    """Memory stays flat: the engine holds a few chunks, never the whole input."""
    pulled = []

    def handles():
        for k in itertools.count():
            pulled.append(k)
            yield k

    results = ordered(handles(), 4, lambda k: k)
    assert [next(results) for _ in range(3)] == [0, 1, 2]
    assert len(pulled) <= 3 + 4


def test_run_batch_streams_from_a_lazy_input(tmp_path):
    """run_batch in this process, one worker: outcomes in input order, the output flushed chunk by chunk."""
    source = write_records(tmp_path / "in.jsonl", sample_records(CHUNK + 3))
    listener = Quiet()
    summary = run_batch(str(source), tmp_path / "out.jsonl", tmp_path / "err.jsonl", api.Settings(extractive=True),
                        LocalEngine(1), listener, Reading())
    assert (summary.briefed, summary.failed, summary.skipped) == (CHUNK + 3, 0, 0)
    assert [o["id"] for o in lines(tmp_path / "out.jsonl")] == [f"a{k}" for k in range(CHUNK + 3)]
    assert listener.failures == []


def test_stdin_input(tmp_path):
    records = "".join(json.dumps(r) + "\n" for r in sample_records(2))
    done = batch("-", "-o", str(tmp_path / "out.jsonl"), "--extractive", input=records)
    assert done.returncode == 0, done.stderr
    assert len(lines(tmp_path / "out.jsonl")) == 2


def pool_records(count: int) -> list[dict]:
    pool = SHARED_DATA / "meetings_pool.jsonl.gz"
    if not pool.is_file():
        pytest.skip("../shared/data/meetings_pool.jsonl.gz is not present")
    with gzip.open(pool, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in itertools.islice(handle, count)]
    return [{"id": r["id"], "text": "\n".join(p for p in (r.get("title"), r.get("lead"), r.get("body")) if p)} for r in rows]


def test_dask_local_cluster_gives_the_local_engines_output(tmp_path):
    """A LocalCluster with two workers, reached by its scheduler's address, briefs 200 pool articles exactly as the
    local engine does; and the default models (the encoder labeller) load on the workers too."""
    from distributed import LocalCluster

    source = write_records(tmp_path / "in.jsonl", pool_records(200))
    local = tmp_path / "local.jsonl"
    assert batch(str(source), "-o", str(local), "--extractive", "--jobs", "2").returncode == 0
    small = write_records(tmp_path / "small.jsonl", sample_records(4))
    assert batch(str(small), "-o", str(tmp_path / "small-local.jsonl"), "--jobs", "2").returncode == 0
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        done = batch(str(source), "-o", str(tmp_path / "dask.jsonl"), "--extractive", "--engine", "dask",
                     "--scheduler", cluster.scheduler_address)
        assert done.returncode == 0, done.stderr
        default = batch(str(small), "-o", str(tmp_path / "small-dask.jsonl"), "--engine", "dask",
                        "--scheduler", cluster.scheduler_address)
        assert default.returncode == 0, default.stderr
    assert (tmp_path / "dask.jsonl").read_bytes() == local.read_bytes()
    assert len(lines(local)) == 200
    assert (tmp_path / "small-dask.jsonl").read_bytes() == (tmp_path / "small-local.jsonl").read_bytes()


def test_an_unreachable_scheduler_is_exit_9(tmp_path):
    source = write_records(tmp_path / "in.jsonl", sample_records(1))
    done = batch(str(source), "-o", str(tmp_path / "out.jsonl"), "--extractive", "--engine", "dask",
                 "--scheduler", "tcp://127.0.0.1:9", env={**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"})
    assert done.returncode == 9, done.stderr
    assert "Traceback" not in done.stderr and "Dask cluster" in done.stderr


def test_progress_with_an_eta_on_a_terminal_only(tmp_path):
    import pty

    source = write_records(tmp_path / "in.jsonl", sample_records(160))
    master, slave = pty.openpty()
    done = subprocess.run([*VNSUM, "batch", str(source), "-o", str(tmp_path / "out.jsonl"), "--extractive", "--jobs", "1"],
                          stdout=subprocess.DEVNULL, stderr=slave, timeout=600)
    os.close(slave)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    assert done.returncode == 0
    text = shown.decode("utf-8", "replace")
    assert "/s  ETA " in text and "\r" in text, text[:300]
    assert "160 briefed" in text
    piped = batch(str(source), "-o", str(tmp_path / "again.jsonl"), "--extractive")
    assert "ETA" not in piped.stderr and "\r" not in piped.stderr
