"""`make bench`: what users feel, next to what they would use instead, measured in the same run on this machine.

Writes bench/RESULTS.md and bench/results.json. Every figure is the median of --repeats runs (at least 5).
Workloads run in child processes so each mode's peak resident memory (ru_maxrss from wait4) is its own.
Articles come from ../shared/data/meetings_pool.jsonl.gz (real meeting reports); the cold-start figures use
samples/seed_article.txt.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "seed_article.txt"
POOL = Path(os.environ.get("VNSUM_SHARED_DATA", ROOT.parent / "shared" / "data")) / "meetings_pool.jsonl.gz"
PYTHON = sys.executable
VNSUM = str(Path(PYTHON).with_name("vnsum"))
SCALES = (1_000, 5_000, 20_000, 100_000)


# --- measuring -------------------------------------------------------------------------------------------

#: The cold brief users type most: the default labeller (enc/4 in ONNX Runtime after `make export`) and, when its card
#: makes it the default, the bundled rewriter.
DEFAULT_BRIEF = "vnsum brief (default models)"
#: Articles of the default digest row (its default worker processes, one per core, each label with the encoder).
DEFAULT_DIGEST_ARTICLES = 100


def run_child(command: list[str], env: dict | None = None) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MB) and stdout of one child process."""
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT,
                             env={**{k: v for k, v in os.environ.items() if k != "VNSUM_MODEL"}, **(env or {})})
    out = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(command)} exited {os.waitstatus_to_exitcode(status)}")
    return seconds, usage.ru_maxrss / 1024, out.decode("utf-8", "replace")


def cold(command: list[str], repeats: int, env: dict | None = None) -> dict:
    runs = [run_child(command, env) for _ in range(repeats)]
    return {"median_s": statistics.median(r[0] for r in runs), "runs_s": [round(r[0], 4) for r in runs],
            "peak_rss_mb": max(r[1] for r in runs)}


def child(task: str, *args: str) -> dict:
    """Run `python bench/run.py --child TASK ...` and read the JSON it prints, adding its peak RSS."""
    _, rss, out = run_child([PYTHON, str(Path(__file__)), "--child", task, *args])
    result = json.loads(out.strip().splitlines()[-1])
    result["peak_rss_mb"] = rss
    return result


# --- workloads (run inside the child process) --------------------------------------------------------------

def pool_articles(limit: int) -> list[str]:
    from vnsum.read import normalise

    texts = []
    with gzip.open(POOL, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            texts.append(normalise("\n".join(p for p in (record.get("title"), record.get("lead"), record.get("body")) if p)))
            if len(texts) >= limit:
                break
    return texts


def text_of_words(words: int) -> str:
    """Real articles concatenated (one paragraph per line) until `words` words, cut at that word."""
    texts, count = [], 0
    for text in pool_articles(5000):
        texts.append(text)
        count += len(text.split())
        if count >= words:
            break
    kept, total = [], 0
    for line in "\n".join(texts).split("\n"):
        n = len(line.split())
        if total + n > words:
            kept.append(" ".join(line.split()[: words - total]))
            break
        kept.append(line)
        total += n
    return "\n".join(kept)


def median_seconds(work, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def child_scale(words: str, repeats: str) -> dict:
    from vnsum.pipeline import brief
    from vnsum.read import Article

    text = text_of_words(int(words))
    article = Article("bench", text)
    brief(article)  # warm: the labeller is loaded once per process
    return {"words": len(text.split()), "median_s": median_seconds(lambda: brief(article), int(repeats))}


def child_throughput(count: str, repeats: str) -> dict:
    from vnsum.pipeline import brief
    from vnsum.read import Article

    articles = [Article(f"pool-{k}", t) for k, t in enumerate(pool_articles(int(count)))]
    brief(articles[0])
    seconds = median_seconds(lambda: [brief(a) for a in articles], int(repeats))
    return {"articles": len(articles), "median_s": seconds, "articles_per_s": len(articles) / seconds}


def child_adversarial(repeats: str) -> dict:
    """Hostile inputs (tests/adversarial.py) at 50k and 200k characters: time must grow about 4x, not 16x."""
    sys.path.insert(0, str(ROOT / "tests"))
    from adversarial import UNITS, adversarial

    from vnsum.pipeline import brief
    from vnsum.read import Article, InputError, decode

    def run(text: str) -> None:
        try:
            brief(Article("bench", decode(text.encode("utf-8"))))
        except InputError:
            pass

    out = {}
    for name in sorted(UNITS):
        small, large = (median_seconds(lambda n=n: run(adversarial(name, n)), int(repeats)) for n in (50_000, 200_000))
        out[name] = {"50k_s": small, "200k_s": large, "growth": large / max(small, 1e-6)}
    return out


def child_model(repeats: str, quantize: str) -> dict:
    """Load time, and per-article / per-bullet generation time on a 1,000-word article, with or without int8."""
    started = time.perf_counter()
    import torch  # noqa: F401 - timed on its own: every model run pays it

    from vnsum.pipeline import Options, brief
    from vnsum.read import Article
    from vnsum.rewrite.model import BUNDLED, Rewriter

    import_s = time.perf_counter() - started
    started = time.perf_counter()
    rewriter = Rewriter(BUNDLED)
    load_s = time.perf_counter() - started
    if quantize == "int8":
        rewriter.model = torch.ao.quantization.quantize_dynamic(rewriter.model, {torch.nn.Linear}, dtype=torch.qint8)
    article = Article("bench", text_of_words(1000))
    extractive = brief(article)
    options = Options(rewriter=rewriter)
    result = brief(article, options)
    bullets = [b for name in result.sections for b in result.sections[name]]
    seconds = median_seconds(lambda: brief(article, options), int(repeats)) - median_seconds(lambda: brief(article), int(repeats))
    accepted = sum(b.method == "seq2seq" for b in bullets)
    return {"import_torch_s": import_s, "load_s": load_s, "generation_per_article_s": seconds,
            "bullets": len(bullets), "generation_per_bullet_s": seconds / max(1, len(bullets)),
            "accepted": accepted, "extractive_bullets": sum(len(v) for v in extractive.sections.values())}


def child_labeller(repeats: str) -> dict:
    """The encoder labeller (enc/4) beside `--extractive`'s linear one on one 1,000-word article: load, then
    labelling."""
    from vnsum.labellers import default_labeller
    from vnsum.labellers.encoder import EncoderLabeller
    from vnsum.segment import segment

    sentences = segment(text_of_words(1000))
    started = time.perf_counter()
    encoder = EncoderLabeller()
    load_s = time.perf_counter() - started
    linear = default_labeller(extractive=True)
    encoder.label(sentences)
    return {"name": encoder.name, "linear_name": linear.name, "load_s": load_s, "sentences": len(sentences),
            "encoder_s": median_seconds(lambda: encoder.label(sentences), int(repeats)),
            "linear_s": median_seconds(lambda: linear.label(sentences), int(repeats))}


def digest_runs(repeats: int) -> list[dict]:
    """`vnsum digest` over 1,000 pool articles written as files, one worker process versus one per core."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="vnsum-bench-") as tmp:
        for k, text in enumerate(pool_articles(1000)):
            Path(tmp, f"{k:04d}.txt").write_text(text, encoding="utf-8")
        rows = []
        for jobs in (1, os.cpu_count() or 1):
            row = cold([VNSUM, "digest", tmp, "--extractive", "-f", "json", "--jobs", str(jobs)], repeats)
            rows.append({"jobs": jobs, "articles": 1000, "brief": "--extractive", **row, "articles_per_s": 1000 / row["median_s"]})
        first = sorted(Path(tmp).iterdir())[:DEFAULT_DIGEST_ARTICLES]
        row = cold([VNSUM, "digest", *map(str, first), "-f", "json"], repeats)
        rows.append({"jobs": min(os.cpu_count() or 1, 4), "articles": len(first), "brief": "default", **row,
                     "articles_per_s": len(first) / row["median_s"]})
        return rows


#: Records of the archive rows of `vnsum batch`: the pool's articles in order, cycled (with new ids) past its end.
BATCH_SIZES = (1_000, 10_000)
#: Runs of each 10,000-record row (about two minutes each): fewer than --repeats, said in the report.
BATCH_BIG_REPEATS = 3


def tree_run(command: list[str]) -> tuple[float, float]:
    """Wall seconds, and the peak of the whole process tree's summed RSS (MB, sampled every 50 ms: the command and
    every worker it starts)."""
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    peak = 0.0
    while child.poll() is None:
        peak = max(peak, _tree_rss_mb(child.pid))
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    if child.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {child.returncode}")
    return seconds, peak


def _tree_rss_mb(root: int) -> float:
    parents, rss = {}, {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry)] = int(fields[1])
        rss[int(entry)] = int(fields[21]) * page
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += [child for child, parent in parents.items() if parent == pid]
    return total / 2**20


def batch_runs(repeats: int) -> list[dict]:
    """`vnsum batch --extractive` over 1,000 and 10,000 records, with the local engine and on a Dask LocalCluster
    of as many workers (one thread each), from a fresh OUT each run."""
    import tempfile

    cores = os.cpu_count() or 1
    articles = pool_articles(max(BATCH_SIZES))
    with tempfile.TemporaryDirectory(prefix="vnsum-bench-batch-") as tmp:
        rows = []
        for size in BATCH_SIZES:
            source = Path(tmp, f"in-{size}.jsonl")
            with open(source, "w", encoding="utf-8") as handle:
                for k in range(size):
                    handle.write(json.dumps({"id": f"pool-{k}", "text": articles[k % len(articles)]}, ensure_ascii=False) + "\n")
            engines = [("local", [])] + ([("dask", ["--engine", "dask"])] if size == max(BATCH_SIZES) else [])
            for engine, flags in engines:
                runs = []
                for _ in range(repeats if size < max(BATCH_SIZES) else BATCH_BIG_REPEATS):
                    out = Path(tmp, "out.jsonl")
                    out.unlink(missing_ok=True)
                    runs.append(tree_run([VNSUM, "batch", str(source), "-o", str(out), "--extractive", "--jobs", str(cores), *flags]))
                    lines = sum(1 for _ in open(out, encoding="utf-8"))
                    if lines != size:
                        raise RuntimeError(f"batch wrote {lines} of {size} records")
                seconds = statistics.median(r[0] for r in runs)
                rows.append({"engine": engine, "records": size, "distinct": min(size, len(articles)), "jobs": cores,
                             "runs": len(runs), "median_s": seconds,
                             "runs_s": [round(r[0], 2) for r in runs], "articles_per_s": size / seconds,
                             "tree_rss_mb": max(r[1] for r in runs)})
        return rows


# --- the report -------------------------------------------------------------------------------------------

def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), platform.processor())
    memory = next((int(line.split()[1]) // 1024 for line in open("/proc/meminfo") if line.startswith("MemTotal")), 0)
    versions = {"python": platform.python_version()}
    for package in ("vnsum", "typer", "rich", "torch", "transformers", "sumy"):
        try:
            from importlib.metadata import version

            versions[package] = version(package)
        except Exception:  # noqa: BLE001 - a package not installed is reported as such
            versions[package] = None
    return {"platform": platform.platform(), "cpu": cpu, "cores": os.cpu_count(), "memory_mb": memory,
            "load_average_at_start": os.getloadavg(), "versions": versions}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--only", choices=["batch", "adversarial", "labeller"],
                        help="Re-measure one section and merge it into bench/results.json.")
    args = parser.parse_args()
    if args.child:
        task, *rest = args.child
        tasks = {"scale": child_scale, "throughput": child_throughput, "model": child_model,
                 "adversarial": child_adversarial, "labeller": child_labeller}
        print(json.dumps(tasks[task](*rest)))
        return
    if args.repeats < 5:
        parser.error("--repeats must be at least 5")
    if not POOL.is_file():
        sys.exit(f"bench: {POOL} is missing: the benchmark needs ../shared/data")
    r = args.repeats
    if args.only:
        results = json.loads((ROOT / "bench" / "results.json").read_text())
        results[f"{args.only}_load_average_at_start"] = machine()["load_average_at_start"]
        results[args.only] = batch_runs(r) if args.only == "batch" else child(args.only, str(r))
        results[f"{args.only}_date"] = time.strftime("%Y-%m-%d %H:%M:%S %Z")
        (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=1) + "\n")
        (ROOT / "bench" / "RESULTS.md").write_text(report(results))
        return
    results: dict = {"date": time.strftime("%Y-%m-%d %H:%M:%S %Z"), "machine": machine(), "repeats": r}
    log = lambda message: print(f"bench: {message}", file=sys.stderr, flush=True)  # noqa: E731
    log("cold processes")
    results["cold"] = {
        "python -c pass": cold([PYTHON, "-c", "pass"], r),
        "python -c 'import typer, rich'": cold([PYTHON, "-c", "import typer, rich"], r),
        "vnsum brief --extractive": cold([VNSUM, "brief", "--extractive", str(SEED)], r),
        "vnsum brief --extractive, shell completion off": cold(
            [PYTHON, str(ROOT / "bench" / "no_completion.py"), "brief", "--extractive", str(SEED)], r),
        "sumy LexRank (regex splitter)": cold([PYTHON, str(ROOT / "bench" / "sumy_lexrank.py"), str(SEED)], r),
    }
    results["cold"][DEFAULT_BRIEF] = cold([VNSUM, "brief", str(SEED)], r)
    model_present = (ROOT / "models" / "vnsum-t5" / "model.safetensors").is_file()
    if model_present:
        results["cold"]["vnsum brief --model models/vnsum-t5"] = cold(
            [VNSUM, "brief", "--model", str(ROOT / "models" / "vnsum-t5"), str(SEED)], r)
    if (ROOT / "models" / "vnsum-cut" / "model.safetensors").is_file():
        results["cold"]["vnsum brief --model models/vnsum-cut"] = cold(
            [VNSUM, "brief", "--model", str(ROOT / "models" / "vnsum-cut"), str(SEED)], r)
    log("scaling")
    results["scaling"] = [child("scale", str(words), str(r)) for words in SCALES]
    log("throughput")
    results["throughput"] = [child("throughput", str(n), str(r)) for n in (100, 1000)]
    log("adversarial inputs")
    results["adversarial"] = child("adversarial", str(r))
    log("digest")
    results["digest"] = digest_runs(r)
    log("batch")
    results["batch"] = batch_runs(r)
    if (ROOT / "models" / "labeller-e5" / "model.safetensors").is_file():
        log("encoder labeller")
        results["labeller"] = child("labeller", str(r))
    if model_present:
        log("seq2seq model")
        results["model"] = {mode: child("model", str(r), mode) for mode in ("float32", "int8")}
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=1) + "\n")
    (ROOT / "bench" / "RESULTS.md").write_text(report(results))
    log("wrote bench/RESULTS.md and bench/results.json")


def report(results: dict) -> str:
    m = results["machine"]
    cold_runs = results["cold"]
    ours, sumy = cold_runs["vnsum brief --extractive"]["median_s"], cold_runs["sumy LexRank (regex splitter)"]["median_s"]
    without_completion = cold_runs["vnsum brief --extractive, shell completion off"]["median_s"]
    lines = [
        "# vnsum benchmark (`make bench`)", "",
        f"Run {results['date']} on {m['cpu']}, {m['cores']} cores, {m['memory_mb']} MB; {m['platform']}.",
        "Versions: " + ", ".join(f"{k} {v}" for k, v in m["versions"].items()) + ".",
        f"Load average at start: {', '.join(f'{x:.2f}' for x in m['load_average_at_start'])}. "
        f"Each figure is the median of {results['repeats']} runs.", "",
        "## Cold process on samples/seed_article.txt", "",
        "| command | median s | peak RSS MB | × sumy |", "|---|---|---|---|",
    ]
    for name, row in cold_runs.items():
        lines.append(f"| {name} | {row['median_s']:.3f} | {row['peak_rss_mb']:.0f} | {row['median_s'] / sumy:.2f} |")
    lines += ["", "sumy's own sentence splitter needs NLTK's punkt download, which fails offline, so it is given a regex",
              "splitter (end punctuation) and \\w+ words (`bench/sumy_lexrank.py`).", "",
              "## Extractive pipeline in one process, by article size (concatenated real articles)", "",
              "| words | median s | ms per 1,000 words | peak RSS MB |", "|---|---|---|---|"]
    for row in results["scaling"]:
        lines.append(f"| {row['words']:,} | {row['median_s']:.3f} | {1000 * row['median_s'] / row['words'] * 1000:.1f} | {row['peak_rss_mb']:.0f} |")
    lines += ["", "## Throughput over meetings_pool articles (extractive, one process)", "",
              "| articles | median s | articles/s | peak RSS MB |", "|---|---|---|---|"]
    for row in results["throughput"]:
        lines.append(f"| {row['articles']:,} | {row['median_s']:.2f} | {row['articles_per_s']:.1f} | {row['peak_rss_mb']:.0f} |")
    adversarial_rows = {k: v for k, v in results["adversarial"].items() if k != "peak_rss_mb"}
    worst = max(adversarial_rows.items(), key=lambda kv: kv[1]["growth"])
    again = (f" (re-measured alone {results['adversarial_date']}, load average at start "
             f"{results['adversarial_load_average_at_start'][0]:.2f})" if "adversarial_date" in results else "")
    lines += ["", f"## Hostile inputs (tests/adversarial.py): 50k vs 200k characters, read + extractive brief{again}", "",
              "| input | 50k s | 200k s | growth (linear: 4) |", "|---|---|---|---|"]
    for name, row in sorted(adversarial_rows.items(), key=lambda kv: -kv[1]["200k_s"]):
        lines.append(f"| {name} | {row['50k_s']:.3f} | {row['200k_s']:.3f} | {row['growth']:.1f} |")
    lines += ["", "## `vnsum digest` over meetings_pool articles (cold process, JSON out)", "",
              "| brief | articles | worker processes | median s | articles/s | peak RSS MB (largest process) |",
              "|---|---|---|---|---|---|"]
    for row in results["digest"]:
        lines.append(f"| {row.get('brief', '--extractive')} | {row['articles']:,} | {row['jobs']} | {row['median_s']:.2f} | "
                     f"{row['articles_per_s']:.1f} | {row['peak_rss_mb']:.0f} |")
    if "batch" in results:
        when = f" (re-measured alone {results['batch_date']}, load average at start {results['batch_load_average_at_start'][0]:.2f})" if "batch_date" in results else ""
        lines += ["", f"## `vnsum batch --extractive` over JSON Lines of meetings_pool articles{when}", "",
                  f"The pool's {max(row['distinct'] for row in results['batch']):,} articles in order, cycled with new ids past its end; "
                  "OUT removed before each run. Memory is the whole process tree's RSS (the command and its workers, "
                  "summed), sampled every 50 ms. The 10,000-record rows are the median of "
                  f"{BATCH_BIG_REPEATS} runs.", "",
                  "| engine | records | workers | runs | median s | articles/s | peak RSS MB (process tree) |",
                  "|---|---|---|---|---|---|---|"]
        for row in results["batch"]:
            lines.append(f"| {row['engine']} | {row['records']:,} | {row['jobs']} | {row['runs']} | {row['median_s']:.1f} | "
                         f"{row['articles_per_s']:.1f} | {row['tree_rss_mb']:.0f} |")
    if "model" in results:
        lines += ["", "## Seq2seq stage (bundled models/vnsum-t5, 1,000-word article)", "",
                  "| weights | import torch s | load s | generation per article s | per bullet s | bullets accepted | peak RSS MB |",
                  "|---|---|---|---|---|---|---|"]
        for mode, row in results["model"].items():
            lines.append(f"| {mode} | {row['import_torch_s']:.2f} | {row['load_s']:.2f} | {row['generation_per_article_s']:.2f} | "
                         f"{row['generation_per_bullet_s']:.3f} | {row['accepted']}/{row['bullets']} | {row['peak_rss_mb']:.0f} |")
    if "labeller" in results:
        row = results["labeller"]
        when = (f" (re-measured alone {results['labeller_date']}, load average at start "
                f"{results['labeller_load_average_at_start'][0]:.2f})" if "labeller_date" in results else "")
        lines += ["", f"## Sentence labellers on one 1,000-word article ({row['sentences']} sentences), after load{when}", "",
                  "| labeller | load s | labelling s | peak RSS MB |", "|---|---|---|---|",
                  f"| {row['name']} (encoder + linear) | {row['load_s']:.2f} | {row['encoder_s']:.3f} | {row['peak_rss_mb']:.0f} |",
                  f"| {row.get('linear_name', 'logreg')} (linear, `--extractive`) | | {row['linear_s']:.3f} | |"]
    biggest = results["scaling"][-1]
    thousand = results["throughput"][-1]
    extractive_rss = max([cold_runs["vnsum brief --extractive"]["peak_rss_mb"]] + [r["peak_rss_mb"] for r in results["scaling"] + results["throughput"]])
    targets = [
        (f"hostile inputs grow linearly (worst: {worst[0]})", f"{worst[1]['growth']:.1f}× for 4× the size", worst[1]["growth"] <= 6),
        ("extractive cold process ≤ 0.5 × sumy", f"{ours / sumy:.2f} ×", ours <= 0.5 * sumy),
        ("shell completion costs a start ≤ 5%", f"{ours / without_completion:.2f} × without it", ours <= 1.05 * without_completion),
        ("100k words ≤ 5 s", f"{biggest['median_s']:.2f} s", biggest["median_s"] <= 5),
        ("≥ 30 articles/s over 1,000 articles", f"{thousand['articles_per_s']:.1f}/s", thousand["articles_per_s"] >= 30),
        ("peak RSS ≤ 300 MB extractive", f"{extractive_rss:.0f} MB", extractive_rss <= 300),
    ]
    if DEFAULT_BRIEF in cold_runs:
        row = cold_runs[DEFAULT_BRIEF]
        targets += [("default brief cold ≤ 1.5 s", f"{row['median_s']:.2f} s", row["median_s"] <= 1.5),
                    ("default brief cold ≤ 4 × sumy", f"{row['median_s'] / sumy:.2f} ×", row["median_s"] <= 4 * sumy),
                    ("default brief peak RSS ≤ 300 MB", f"{row['peak_rss_mb']:.0f} MB", row["peak_rss_mb"] <= 300)]
    default_digest = [row for row in results["digest"] if row.get("brief") == "default"]
    if default_digest:
        rate = default_digest[0]["articles_per_s"]
        targets.append(("default digest ≥ 5 articles/s", f"{rate:.1f}/s", rate >= 5))
    if "labeller" in results:
        row = results["labeller"]
        targets += [("encoder labeller load ≤ 1 s", f"{row['load_s']:.2f} s", row["load_s"] <= 1),
                    ("encoder labelling ≤ 0.5 s per 1,000 words", f"{row['encoder_s']:.2f} s", row["encoder_s"] <= 0.5)]
    if "model" in results:
        row = results["model"]["float32"]
        targets += [
            ("model load ≤ 3 s", f"{row['load_s']:.2f} s", row["load_s"] <= 3),
            ("1,000-word brief with the model ≤ 2 s after load", f"{row['generation_per_article_s']:.2f} s", row["generation_per_article_s"] <= 2),
            ("peak RSS ≤ 1 GB with the model", f"{row['peak_rss_mb']:.0f} MB", row["peak_rss_mb"] <= 1024),
        ]
    if "batch" in results:
        local = {row["records"]: row for row in results["batch"] if row["engine"] == "local"}
        dask = next((row for row in results["batch"] if row["engine"] == "dask"), None)
        small, big = local[min(local)], local[max(local)]
        targets += [
            (f"batch --extractive ≥ 80 articles/s ({big['records']:,} records)", f"{big['articles_per_s']:.1f}/s", big["articles_per_s"] >= 80),
            (f"batch memory flat: peak RSS at {big['records']:,} ≤ 1.1 × at {small['records']:,}",
             f"{big['tree_rss_mb']:.0f} vs {small['tree_rss_mb']:.0f} MB ({big['tree_rss_mb'] / small['tree_rss_mb']:.2f} ×)",
             big["tree_rss_mb"] <= 1.1 * small["tree_rss_mb"]),
        ]
        if dask:
            ratio = dask["articles_per_s"] / big["articles_per_s"]
            targets.append((f"Dask LocalCluster ≥ 0.75 × the local engine ({dask['records']:,} records)", f"{ratio:.2f} ×", ratio >= 0.75))
    lines += ["", "## Targets", "", "| target | measured | met |", "|---|---|---|"]
    lines += [f"| {name} | {value} | {'yes' if ok else 'no'} |" for name, value, ok in targets]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
