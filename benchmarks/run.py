"""The sitreps benchmark suite, run by hand:  python benchmarks/run.py [--quick] [--articles N]

Every number is reported as a ratio against a baseline measured in the same run on the same
machine, so results from different machines compare; absolute numbers are listed beside them.

  pipeline throughput   words/s of the full local pipeline (read, clean, spaCy, extract,
                        resolve, store with fusion) vs bare spaCy `nlp.pipe` on the same texts
  engines               end-to-end ingest of the same corpus, fresh process each: local engine
                        (1 process) vs a 2-process pool vs the Ray engine on a 2-CPU local cluster
  fusion scaling        fuse() time per mention at 10k vs 100k synthetic mentions
  store load            articles/s through Store.ingest_batch (with fusion) vs bare DuckDB
                        inserts of the same JSON rows
  API latency           p95 of /api/events and /api/events/{id} vs p95 of /api/health
  memory                peak RSS per worker (local process, pool worker, Ray actor) vs a bare
                        process that only loads spaCy and parses the same texts

The corpus: N synthetic reports from benchmarks/corpus.py (templates over the gazetteer and
the actor registry) plus the shared seeds. Results go to benchmarks/RESULTS.md (--out).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

SIZES: dict[str, dict[str, Any]] = {
    "quick": {"articles": 60, "fuse": (1_000, 10_000), "load_articles": 60, "api_events": 5_000, "api_runs": 50},
    "full": {
        "articles": 1_500,
        "fuse": (10_000, 100_000),
        "load_articles": 1_500,
        "api_events": 50_000,
        "api_runs": 200,
    },
}
BATCH_SIZE = 50


# -- child processes ---------------------------------------------------------------------------
# Each engine runs in a fresh interpreter (`run.py _ingest ...`) so that its memory and start-up
# are its own; the child prints one JSON line with its in-process timings.


def _child_spacy(texts_file: str) -> dict[str, Any]:
    import spacy

    from sitreps.nlp import BATCH_SIZE as NLP_BATCH
    from sitreps.nlp import MODEL_PACKAGE

    texts = json.loads(Path(texts_file).read_text(encoding="utf-8"))
    started = time.perf_counter()
    nlp = spacy.load(MODEL_PACKAGE)
    list(nlp.pipe(texts[:2]))  # warm-up, as the pipeline's is below
    loaded = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=NLP_BATCH):
        pass
    return {"load_s": loaded - started, "run_s": time.perf_counter() - loaded}


_pool_worker: Any = None


def _pool_init() -> None:
    global _pool_worker
    from sitreps.engine.article_worker import CleanAndExtract, default_extractor_factory

    _pool_worker = CleanAndExtract(default_extractor_factory())


def _pool_block(block: Any) -> Any:
    """Clean and extract one block in a pool worker (the Ray engine's actor, in a plain process)."""
    return _pool_worker(block)


def ingest_with_pool(store: Any, corpus: str, processes: int, block_rows: int = 32) -> Any:
    """The local pipeline over a multiprocessing pool: what 2 processes give without Ray.

    Workers clean and extract blocks of documents; the driver loads them in input order
    through the local engine's BatchLoader. (For a benchmark on a fresh store: it does not
    skip ids already stored before extracting, as the engines do.)
    """
    import multiprocessing

    from sitreps.engine.article_worker import document_table, mentions_from_json
    from sitreps.ingest import Rejection, read_paths
    from sitreps.model import Article
    from sitreps.pipeline import BatchLoader, IngestReport, load_default_fuse

    report = IngestReport()
    blocks, chunk = [], []
    rejections: dict[int, Rejection] = {}
    for seq, item in enumerate(read_paths([corpus], recursive=True)):
        report.read += 1
        if isinstance(item, Rejection):
            rejections[seq] = item
            continue
        chunk.append((seq, item))
        if len(chunk) == block_rows:
            blocks.append(document_table(chunk))
            chunk = []
    if chunk:
        blocks.append(document_table(chunk))
    found: dict[str, list] = {}
    loader = BatchLoader(
        store, report, lambda fresh: [m for a in fresh for m in found.pop(a.id, [])], load_default_fuse(), BATCH_SIZE
    )
    with multiprocessing.get_context("spawn").Pool(processes, initializer=_pool_init) as pool:
        for table in pool.imap(_pool_block, blocks):
            for row in table.to_pylist():
                if row["article_id"] is None:
                    loader.reject(Rejection(row["source"], row["reason"]))
                    continue
                article = Article.model_validate_json(row["article"])
                found.setdefault(article.id, mentions_from_json(row["mentions"]))
                loader.add(article)
    report.rejected.extend(rejections.values())
    return loader.finish()


def _child_ingest(engine: str, db: str, corpus: str, workers: int) -> dict[str, Any]:
    from sitreps.clean import CleanError, clean_document
    from sitreps.ingest import Rejection, read_paths
    from sitreps.pipeline import load_default_extractor, load_known_name, run_ingest
    from sitreps.store import Store

    started = time.perf_counter()
    if engine == "local":
        from sitreps.model import Article

        extractor = load_default_extractor(None)  # type: ignore[arg-type]
        known_name = load_known_name()
        warm_up = "Troops shelled the town of Kherson on Monday, officials said."
        extractor.extract([Article(id="warm-up", source="-", text=warm_up)])  # type: ignore[union-attr]
    elif engine == "ray":
        import ray

        from sitreps.engine.article_worker import default_extractor_factory
        from sitreps.engine.ray_engine import run_ingest_ray

        ray.init(num_cpus=workers, include_dashboard=False, logging_level="ERROR")
    loaded = time.perf_counter()
    with Store(db) as store:
        if engine == "local":
            report = run_ingest(
                store, [corpus], recursive=True, extractor=extractor, known_name=known_name, batch_size=BATCH_SIZE
            )
        elif engine == "pool":
            report = ingest_with_pool(store, corpus, workers)
        else:
            report = run_ingest_ray(
                store,
                [corpus],
                recursive=True,
                extractor_factory=default_extractor_factory(),
                batch_size=BATCH_SIZE,
                workers=workers,
            )
        done = time.perf_counter()
        export = store.export()
    if engine == "ray":
        ray.shutdown()
    words = 0
    for item in read_paths([corpus], recursive=True):
        if not isinstance(item, Rejection):
            try:
                words += len(clean_document(item).text.split())
            except CleanError:
                pass
    return {
        "load_s": loaded - started,
        "run_s": done - loaded,
        "words": words,
        "articles": report.new,
        "mentions": report.mentions,
        "events": report.events,
        "export_sha256": hashlib.sha256(_canonical_export(export).encode()).hexdigest(),
    }


def _canonical_export(export: Any) -> str:
    doc = export.to_json_dict()
    for key in ("articles", "mentions", "events", "episodes"):
        doc[key] = sorted(doc[key], key=lambda r: r["id"])
    return json.dumps(doc, sort_keys=True)


# -- measuring a child: wall time and peak RSS of every process in its tree --------------------


@dataclass
class ChildRun:
    wall_s: float
    result: dict[str, Any]
    peak_rss: dict[int, tuple[str, int]]  # pid -> (its command lines / process titles, peak RSS bytes)

    def workers_rss(self, kind: str) -> list[int]:
        if kind == "local":
            return [rss for pid, (cmd, rss) in self.peak_rss.items() if "_ingest" in cmd]
        if kind == "pool":
            return [rss for cmd, rss in self.peak_rss.values() if "spawn_main" in cmd]
        return [rss for cmd, rss in self.peak_rss.values() if "CleanAndExtract" in cmd or "MentionExtractor" in cmd]


def run_child(*args: str) -> ChildRun:
    import psutil

    command = [sys.executable, str(Path(__file__).resolve()), *args]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    peaks: dict[int, tuple[str, int]] = {}
    stop = threading.Event()

    def watch() -> None:
        try:
            root = psutil.Process(process.pid)
        except psutil.NoSuchProcess:
            return
        while not stop.is_set():
            try:
                tree = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            for p in tree:
                try:
                    rss = p.memory_info().rss
                    cmd = " ".join(p.cmdline()) or p.name()
                except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
                    continue
                names, peak = peaks.get(p.pid, ("", 0))
                # Ray renames a worker process as it takes on (and drops) an actor: keep every name.
                if cmd not in names:
                    names = f"{names} | {cmd}" if names else cmd
                peaks[p.pid] = (names, max(peak, rss))
            stop.wait(0.1)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    out, _ = process.communicate()
    wall = time.perf_counter() - started
    stop.set()
    watcher.join()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed with exit code {process.returncode}")
    return ChildRun(wall, json.loads(out.strip().splitlines()[-1]), peaks)


# -- the measurements --------------------------------------------------------------------------


@dataclass
class Row:
    measure: str
    ratio: float
    compares: str
    absolute: str
    rate: float = 0.0  # the measured quantity itself, where a later line needs it


def measure_engines(corpus: Path, work: Path, texts_file: Path) -> tuple[list[Row], dict[str, Any]]:
    spacy_run = run_child("_spacy", str(texts_file))
    runs = {}
    for engine, workers in (("local", 1), ("pool", 2), ("ray", 2)):
        print(f"  engine {engine} ({workers}) ...", flush=True)
        runs[engine] = run_child("_ingest", engine, str(work / f"{engine}.duckdb"), str(corpus), str(workers))
    local = runs["local"].result
    words = local["words"]
    spacy_wps = words / spacy_run.result["run_s"]
    pipeline_wps = words / local["run_s"]
    same = len({r.result["export_sha256"] for r in runs.values()}) == 1
    rows = [
        Row(
            "pipeline words/s (local, steady state)",
            pipeline_wps / spacy_wps,
            "full pipeline ÷ bare spaCy nlp.pipe, same texts, model loaded",
            f"{pipeline_wps:,.0f} vs {spacy_wps:,.0f} words/s ({words:,} words)",
        )
    ]
    base = runs["local"].wall_s
    for engine, label in (("pool", "2-process pool"), ("ray", "Ray engine, 2 CPUs")):
        run = runs[engine]
        rows.append(
            Row(
                f"ingest speed-up: {label}",
                base / run.wall_s,
                "end-to-end wall time of local (1 process) ÷ this engine's",
                f"{run.wall_s:.1f} s vs {base:.1f} s local (in-process: {run.result['run_s']:.1f} s vs "
                f"{local['run_s']:.1f} s)",
            )
        )
    spacy_rss = max(rss for _, rss in spacy_run.peak_rss.values())
    for engine, label in (("local", "local process"), ("pool", "pool worker"), ("ray", "Ray extraction actor")):
        worker = max(runs[engine].workers_rss(engine) or [0])
        rows.append(
            Row(
                f"peak RSS per worker: {label}",
                worker / spacy_rss,
                "peak RSS ÷ a bare process that loads spaCy and parses the same texts",
                f"{worker / 2**20:,.0f} MiB vs {spacy_rss / 2**20:,.0f} MiB",
            )
        )
    facts = {
        "local_run_s": local["run_s"],
        "articles": local["articles"],
        "mentions": local["mentions"],
        "events": local["events"],
        "same_result": same,
    }
    return rows, facts


def measure_fusion(sizes: tuple[int, int]) -> list[Row]:
    from bench_fuse import synthetic

    from sitreps.fuse import fuse

    per: dict[int, float] = {}
    events: dict[int, int] = {}
    for n in sizes:
        mentions, articles = synthetic(n)
        best = float("inf")
        for _ in range(2):  # best of two: the machine may be shared
            started = time.perf_counter()
            result = fuse(mentions, articles)
            best = min(best, time.perf_counter() - started)
        per[n] = best / n
        events[n] = len(result.events)
    small, large = sizes
    return [
        Row(
            f"fusion time per mention, {large // 1000}k vs {small // 1000}k",
            per[large] / per[small],
            "µs/mention at the large size ÷ at the small size (1.0 = linear)",
            f"{per[large] * 1e6:.0f} vs {per[small] * 1e6:.0f} µs/mention "
            f"({events[large]:,} / {events[small]:,} events)",
        )
    ]


def measure_store_load(source_db: Path, work: Path, n_articles: int) -> list[Row]:
    import duckdb

    from sitreps.fuse import fuse
    from sitreps.store import Store

    with Store(source_db, read_only=True) as store:
        export = store.export()
    articles = export.articles[:n_articles]
    keep = {a.id for a in articles}
    mentions = [
        m.model_copy(update={"event_id": None, "episode_id": None}) for m in export.mentions if m.article_id in keep
    ]
    by_article: dict[str, list] = {}
    for m in mentions:
        by_article.setdefault(m.article_id, []).append(m)

    started = time.perf_counter()
    with Store(work / "load.duckdb") as store:
        for i in range(0, len(articles), BATCH_SIZE):
            batch = articles[i : i + BATCH_SIZE]
            store.ingest_batch(batch, [m for a in batch for m in by_article.get(a.id, [])], fuse)
    store_s = time.perf_counter() - started

    started = time.perf_counter()
    con = duckdb.connect(str(work / "bare.duckdb"))
    con.execute("CREATE TABLE articles (id VARCHAR PRIMARY KEY, doc JSON)")
    con.execute("CREATE TABLE mentions (id VARCHAR PRIMARY KEY, article_id VARCHAR, doc JSON)")
    for i in range(0, len(articles), BATCH_SIZE):
        batch = articles[i : i + BATCH_SIZE]
        con.begin()
        con.executemany("INSERT INTO articles VALUES (?, ?)", [(a.id, a.model_dump_json()) for a in batch])
        rows = [(m.id, m.article_id, m.model_dump_json()) for a in batch for m in by_article.get(a.id, [])]
        if rows:
            con.executemany("INSERT INTO mentions VALUES (?, ?, ?)", rows)
        con.commit()
    con.close()
    bare_s = time.perf_counter() - started
    n = len(articles)
    return [
        Row(
            "store load rate",
            (n / store_s) / (n / bare_s),
            f"articles/s through Store.ingest_batch (batches of {BATCH_SIZE}, with fusion) ÷ bare DuckDB inserts",
            f"{n / store_s:,.0f} vs {n / bare_s:,.0f} articles/s ({n:,} articles, {len(mentions):,} mentions)",
            rate=n / store_s,
        )
    ]


def measure_api(work: Path, n_events: int, runs: int) -> list[Row]:
    import httpx
    from bench_api import build, free_port, measure

    from sitreps.store import EventFilter, Store

    db = work / "api.duckdb"
    build(db, n_events)
    with Store(db, read_only=True) as store:
        total = store.count_events()
        some_id = store.events(EventFilter(limit=1, offset=total // 2))[0].id
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", "from sitreps.cli import main; main()", "--db", str(db), "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    rows = []
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(base + "/api/health", timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        cases = [
            ("/api/events, first page", "/api/events", {"limit": 100}),
            (
                "/api/events, since+until+type",
                "/api/events",
                {"since": "2024-03-01", "until": "2024-03-31", "type": "Battles", "limit": 100},
            ),
            ("/api/events, text search", "/api/events", {"q": "bakhmut", "limit": 100}),
            ("/api/events/{id}", f"/api/events/{some_id}", None),
        ]
        with httpx.Client(base_url=base, timeout=30) as http:
            _, health_p95, _ = measure(http, "/api/health", None, runs)
            for label, path, params in cases:
                _, p95, status = measure(http, path, params, runs)
                assert status == 200, (label, status)
                rows.append(
                    Row(
                        f"API p95: {label}",
                        p95 / health_p95,
                        "p95 latency ÷ p95 of /api/health (no store access)",
                        f"{p95:.1f} ms vs {health_p95:.1f} ms ({total:,} events, {runs} requests)",
                    )
                )
    finally:
        server.terminate()
        server.wait(10)
    return rows


# -- report ------------------------------------------------------------------------------------


def _versions() -> str:
    out = []
    for package in ("sitreps", "spacy", "duckdb", "ray", "pyarrow", "fastapi"):
        try:
            out.append(f"{package} {version(package)}")
        except PackageNotFoundError:
            out.append(f"{package} (not installed)")
    return ", ".join(out)


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        import psutil

        memory = f"{psutil.virtual_memory().total / 2**30:.0f} GiB RAM"
    except ImportError:
        memory = "RAM unknown"
    return f"{cpu}, {os.cpu_count()} CPUs, {memory}; {platform.system()} {platform.release()}; {socket.gethostname()}"


def write_results(
    path: Path,
    mode: str,
    size: dict[str, Any],
    rows: list[Row],
    facts: dict[str, Any],
    load: tuple[float, float],
    elapsed: float,
) -> None:
    lines = [
        "# sitreps benchmark results",
        "",
        "Written by `python benchmarks/run.py"
        + (" --quick" if mode == "quick" else "")
        + f" --articles {size['articles']}` (see its docstring for what each line measures). "
        "Each ratio compares two measurements taken in the same run on the same machine.",
        "",
        f"- date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, suite wall time {elapsed / 60:.1f} min",
        f"- machine: {_machine()}",
        f"- load average at start / end: {load[0]:.2f} / {load[1]:.2f} "
        "(a shared machine: other jobs ran beside this one, so absolute times are noisy)",
        f"- Python {platform.python_version()}; {_versions()}",
        f"- corpus: {size['articles']:,} synthetic reports (benchmarks/corpus.py) + the shared seeds; "
        f"local run stored {facts['articles']:,} articles, {facts['mentions']:,} mentions, "
        f"{facts['events']:,} events",
        f"- the three engines stored identical exports: {'yes' if facts['same_result'] else 'NO'}",
        f"- of the local run's {facts['local_run_s']:.0f} s in-process, about {facts['load_share_s']:.0f} s is "
        "loading the store with re-fusion (its article count at the store-load rate below): that part runs "
        "on the driver alone whatever the engine, which bounds the engines' speed-up",
        "",
        "| measure | ratio | what the ratio compares | absolute numbers |",
        "|---|---:|---|---|",
    ]
    lines += [f"| {r.measure} | {r.ratio:.2f} | {r.compares} | {r.absolute} |" for r in rows]
    lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes (a minute or two)")
    parser.add_argument("--articles", type=int, help="synthetic reports in the corpus")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args()
    mode = "quick" if args.quick else "full"
    size = dict(SIZES[mode])
    if args.articles:
        size["articles"] = args.articles
    started = time.perf_counter()
    load_start = os.getloadavg()[0]

    from corpus import write_corpus

    from sitreps.clean import CleanError, clean_document
    from sitreps.ingest import RawDocument, read_paths

    with tempfile.TemporaryDirectory(prefix="sitreps-bench-") as tmp:
        work = Path(tmp)
        corpus = work / "corpus"
        print(f"corpus: {size['articles']} synthetic reports + seeds", flush=True)
        write_corpus(corpus, size["articles"])
        texts = []
        for item in read_paths([str(corpus)]):
            if isinstance(item, RawDocument):
                try:
                    texts.append(clean_document(item).text)
                except CleanError:
                    pass
        texts_file = work / "texts.json"
        texts_file.write_text(json.dumps(texts), encoding="utf-8")

        print("engines, throughput and memory ...", flush=True)
        rows, facts = measure_engines(corpus, work, texts_file)
        print("fusion ...", flush=True)
        rows += measure_fusion(size["fuse"])
        print("store load ...", flush=True)
        store_rows = measure_store_load(work / "local.duckdb", work, size["load_articles"])
        rows += store_rows
        facts["load_share_s"] = facts["articles"] / store_rows[0].rate
        print("API ...", flush=True)
        rows += measure_api(work, size["api_events"], size["api_runs"])

    elapsed = time.perf_counter() - started
    write_results(args.out, mode, size, rows, facts, (load_start, os.getloadavg()[0]), elapsed)
    width = max(len(r.measure) for r in rows)
    for r in rows:
        print(f"{r.measure:<{width}}  {r.ratio:6.2f}  {r.absolute}")
    print(f"wrote {args.out} ({elapsed / 60:.1f} min)")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_spacy":
        print(json.dumps(_child_spacy(sys.argv[2])))
    elif len(sys.argv) > 1 and sys.argv[1] == "_ingest":
        print(json.dumps(_child_ingest(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))))
    else:
        main()
