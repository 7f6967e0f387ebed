"""The desk under load: story page and API latency at 20 concurrent clients, idle and
while an ingest commits, on a store of more than 1,000 real articles.

Store (built once, kept at ``--store``, never in the repository): the PolNeAR texts
(train + dev, 924 political news articles from 7 US outlets, 2015-2016, with their
titles, outlets and dates from ``metadata.tsv``) plus the first 147 Giveme5W1H articles,
ingested with every default extractor and the stories step, so story pages have digests,
events, quotes and timelines: 1,071 articles. The remaining 100 Giveme5W1H articles are
what the "during an ingest" phase ingests (a ``dossier ingest`` subprocess, committing
batch after batch while the clients read). Each phase starts from a copy of the store.

The desk runs as ``dossier serve`` in its own process on loopback; 20 client threads
(httpx, 60 s timeout) send a fixed mix for a fixed number of requests per phase:

- story page: ``/stories/{id}`` over the 20 largest stories, in turn;
- API: ``/api/articles``, ``/api/stories``, ``/api/search?q=...``, ``/api/events?story=``,
  ``/api/quotes?story=``, ``/api/timeline?story=``, ``/api/stories/{id}/digest``;
- floor: ``/static/desk.css`` through the same server (what the stack costs with no store).

Before each phase's timed load every target is requested once (20 clients at once): the
desk keeps a story's views per story version, so this is the cold cost, printed apart
(time and slowest request per kind, and its errors); the timed load then measures the
desk as an analyst meets it, and during the ingest every story it touches is computed
again on its next request.

An error is any non-2xx answer or a timeout. Prints p50/p99 (seconds) and errors per
kind and phase, and the targets (API p99 <= 1 s idle, <= 3 s during ingest; 0 errors).

    .venv/bin/python benchmarks/serve.py [--store /tmp/dossier-serve.db] [--requests 400]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"
POLNEAR = EVAL / "polnear"
GIVEME = EVAL / "giveme5w1h-clusters"
IN_STORE_GIVEME = 147
CLIENTS = 20
DOSSIER = [str(Path(sys.executable).parent / "dossier")]
SEARCHES = ["Trump", "Clinton campaign", "refugees", "police", "election", "Syria"]


def polnear_records() -> list[dict]:
    meta: dict[str, dict] = {}
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            meta.setdefault(row["filename"], row)
    records = []
    for split in ("train", "dev"):
        for path in sorted((POLNEAR / split / "text").glob("*.txt")):
            row = meta.get(path.stem, {})
            records.append({
                "id": f"polnear:{path.stem}", "text": path.read_text(encoding="utf-8"),
                "title": row.get("title") or None, "outlet": row.get("publisher") or None,
                "published": (row.get("publication_date") or "")[:10] or None,
            })
    return records


def giveme_records() -> list[dict]:
    records = []
    for path in sorted(GIVEME.glob("*.json")):
        item = json.loads(path.read_text(encoding="utf-8"))
        if not (item.get("text") or "").strip():
            continue
        records.append({
            "id": f"giveme:{path.stem}", "text": item["text"], "title": item.get("title"),
            "outlet": item.get("source_domain"),
            "published": (item.get("date_publish") or "")[:10] or None,
        })
    return records


def write_jsonl(records: list[dict], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def build_store(store: Path, work: Path, workers: int) -> None:
    """Ingest the store's articles once (minutes); later runs reuse the file."""
    if store.exists():
        return
    source = write_jsonl(polnear_records() + giveme_records()[:IN_STORE_GIVEME],
                         work / "store-articles.jsonl")
    print(f"building {store} from {source.name} (once; every extractor) ...", flush=True)
    partial = store.with_suffix(".building")
    subprocess.run([*DOSSIER, "ingest", str(source), "--db", str(partial),
                    "--workers", str(workers)], check=False, stdout=subprocess.DEVNULL)
    partial.rename(store)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_desk(db: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen([*DOSSIER, "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(base + "/api/stories?limit=1", timeout=2).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    proc.kill()
    raise SystemExit("the desk did not start")


def targets(db: Path) -> dict[str, list[str]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    stories = [r[0] for r in conn.execute(
        "SELECT id FROM stories ORDER BY n_articles DESC, id LIMIT 20")]
    conn.close()
    api = ["/api/articles?limit=50", "/api/stories?limit=50"]
    api += [f"/api/search?q={q}" for q in SEARCHES]
    for sid in stories[:5]:
        api += [f"/api/events?story={sid}", f"/api/quotes?story={sid}",
                f"/api/timeline?story={sid}", f"/api/stories/{sid}/digest"]
    return {"story page": [f"/stories/{s}" for s in stories], "API": api,
            "floor (static file)": ["/static/desk.css"]}


def load(base: str, paths: dict[str, list[str]], requests: int,
         each_once: bool = False) -> dict[str, list]:
    """``requests`` per kind (``each_once``: every path once), from 20 clients at once;
    (seconds, ok) per request."""
    jobs = [(kind, url_list[i % len(url_list)])
            for kind, url_list in paths.items()
            for i in range(len(url_list) if each_once else requests)]
    jobs.sort(key=lambda job: hash(job[1]))  # kinds interleaved, the same order every run
    results: dict[str, list] = {kind: [] for kind in paths}
    local = threading.local()

    def one(job: tuple[str, str]) -> None:
        kind, path = job
        client = getattr(local, "client", None)
        if client is None:
            client = local.client = httpx.Client(base_url=base, timeout=60)
        start = time.perf_counter()
        try:
            ok = client.get(path).is_success
        except httpx.HTTPError:
            ok = False
        results[kind].append((time.perf_counter() - start, ok))

    with ThreadPoolExecutor(CLIENTS) as pool:
        list(pool.map(one, jobs))
    return results


def quantile(values: list[float], q: float) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[int(q * 100) - 1]


def phase(name: str, store: Path, work: Path, requests: int, ingest: Path | None) -> list:
    db = work / f"{name.replace(' ', '-')}.db"
    shutil.copy(store, db)
    proc, base = start_desk(db)
    ingesting = None
    try:
        paths = targets(db)
        # Warm: every target once (imports, and the desk's per-story view cache: a story's
        # views are computed once per story version). Timed and printed apart: the first
        # view of a story after an ingest touched it is the cold cost.
        start = time.perf_counter()
        cold = load(base, paths, 1, each_once=True)
        warm_s = time.perf_counter() - start
        if ingest is not None:
            ingesting = subprocess.Popen(
                [*DOSSIER, "ingest", str(ingest), "--db", str(db), "--commit-every", "5"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(3)  # its model is loaded and its first batches are committing
        start = time.perf_counter()
        results = load(base, paths, requests)
        wall = time.perf_counter() - start
        still = ingesting is not None and ingesting.poll() is None
    finally:
        if ingesting is not None and ingesting.poll() is None:
            ingesting.send_signal(signal.SIGINT)
            ingesting.wait(60)
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:  # requests still queued in the server: not ours
            proc.kill()
            proc.wait(15)
    rows = []
    for kind, samples in results.items():
        seconds = [s for s, _ in samples]
        errors = sum(not ok for _, ok in samples)
        rows.append((name, kind, len(samples), quantile(seconds, 0.5), quantile(seconds, 0.99),
                     errors))
    note = "" if ingest is None else (" (ingest still running at the end)" if still
                                      else " (the ingest finished before the load did)")
    slowest = {kind: max((s for s, _ in samples), default=0.0) for kind, samples in cold.items()}
    cold_errors = sum(not ok for samples in cold.values() for _, ok in samples)
    print(f"{name}: warm-up (every target once, 20 clients) {warm_s:.0f} s, {cold_errors} "
          "errors; slowest " + ", ".join(f"{k} {v:.1f} s" for k, v in slowest.items()),
          flush=True)
    print(f"{name}: {sum(r[2] for r in rows)} requests in {wall:.0f} s{note}", flush=True)
    for row in rows:
        print("  " + " | ".join(str(round(v, 3)) if isinstance(v, float) else str(v)
                                for v in row), flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, default=Path(tempfile.gettempdir())
                        / "dossier-serve-bench.db")
    parser.add_argument("--requests", type=int, default=200, help="requests per kind and phase")
    parser.add_argument("--workers", type=int, default=2, help="ingest workers for the store")
    args = parser.parse_args()
    if not POLNEAR.is_dir() or not GIVEME.is_dir():
        raise SystemExit(f"needs ../shared/eval beside the repository ({EVAL})")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    with tempfile.TemporaryDirectory(prefix="dossier-serve-") as tmp:
        work = Path(tmp)
        build_store(args.store, work, args.workers)
        conn = sqlite3.connect(f"file:{args.store}?mode=ro", uri=True)
        articles, stories = (conn.execute("SELECT count(*) FROM articles").fetchone()[0],
                             conn.execute("SELECT count(*) FROM stories").fetchone()[0])
        conn.close()
        print(f"store: {articles} articles, {stories} stories; {CLIENTS} concurrent clients, "
              f"{args.requests} requests per kind and phase")
        more = write_jsonl(giveme_records()[IN_STORE_GIVEME:], work / "during-ingest.jsonl")
        rows = phase("idle", args.store, work, args.requests, None)
        rows += phase("during ingest", args.store, work, args.requests, more)
    print()
    print("| phase | requests to | n | p50 s | p99 s | errors |")
    print("|---|---|---:|---:|---:|---:|")
    for name, kind, n, p50, p99, errors in rows:
        print(f"| {name} | {kind} | {n} | {p50:.3f} | {p99:.3f} | {errors} |")
    api = {name: (p99, errors) for name, kind, _, _, p99, errors in rows if kind == "API"}
    print()
    print(f"targets: API p99 <= 1 s idle ({api['idle'][0]:.2f}), <= 3 s during ingest "
          f"({api['during ingest'][0]:.2f}); 0 errors "
          f"({sum(r[5] for r in rows)} in all)")


if __name__ == "__main__":
    main()
