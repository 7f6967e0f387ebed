"""Speed as the store grows: ingest, corpus steps, store size and server time at 1k / 5k / 20k.

The real texts are the PolNeAR articles (train + dev, 924 US political news articles,
2015-2016, with titles, outlets and dates from ``metadata.tsv``) and the 247
Giveme5W1H articles (2013-2018, ~20 outlets), read from ``../shared/eval`` — 1,171
distinct texts with their real outlets and dates, so they form real stories: many
of one to five articles, a few of a hundred and more (the election campaign).

How bigger stores are built without parsing 20,000 texts on two shared cores:

1. The distinct texts are ingested once by ``dossier ingest`` with every default
   extractor and corpus step: the store ``benchmarks/serve.py`` builds (PolNeAR train +
   dev and the first 147 Giveme5W1H articles, 1,070 articles), kept as ``base.db``.
   Ingest CPU per article is measured apart, on ``--sample`` PolNeAR texts: Dossier's
   per-article path (``pipeline.process_batch``: clean, one parse, every default
   extractor) beside a bare ``nlp.pipe`` of the same clean texts, in one process, in
   interleaved rounds.
2. A store of N articles holds "generations" of the base: generation 0 is the real
   articles, in the order they were ingested; generation g is a copy of every dated
   article with a new id, its source path suffixed ``#g``, and every date (publication,
   timex values and anchors, event and role dates) moved ``g × 8`` years later. Eight
   years is past the corpus's own span (2013-2018) plus the story window (one year), so
   a generation never joins another's stories or copy groups: each repeats the real mix
   of small and large stories, as a newsroom's archive grows by years of news, not by
   ever larger stories. The texts still name their original years, and the actors are
   the same people in every generation (actor merging sees known names, not fresh ones).
3. Each batch of ``--commit-every`` articles gets the per-article rows an ingest writes
   (articles, removed blocks, warnings, actors and mentions, quotes, timexes, places,
   events, story features, units and stance cues), copied from the base with the new
   id, and then every registered corpus step (outlet names, dedup, stories, actor
   merging) runs on it in one transaction, as ``dossier ingest`` commits; each step is
   timed on its own (process CPU). A size's corpus-step figures are the marginal cost
   over its last ``--window`` articles: what one more article costs at that size.

Stores are cached as ``store-<N>.db`` under ``--cache`` (each size extends a copy of the
one below). Then, per size, a fresh server process (the FastAPI app through its test
client, no network) times home, a 5-article story page, the largest story page, the
largest story's digest and contradictions, the story timeline and the main API list
endpoints: each the median of ``--repeat`` requests after one warm request (the first
request, which fills the per-story view cache, is reported too, as "cold").

Prints one table per figure group, a growth fit per figure (``y = a · N^b`` by least
squares on log-log; b ≈ 0 is flat, 1 is linear) and the fitted value at 1,000,000
articles, stated as a projection, not a measurement.

    nice .venv/bin/python benchmarks/scale.py [--sizes 1000,5000,20000]
        [--cache /work/cache-17]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve import EVAL, polnear_records, write_jsonl  # noqa: E402
from serve import build_store as build_serve_store  # noqa: E402

YEARS_PER_GENERATION = 8
# The probe of the corpus steps is one more generation, past every store's (see probe_steps).
PROBE_GENERATION = 500
TWIN = 1000
DEFAULT_CACHE = Path("/work/cache-17") if Path("/work").is_dir() else \
    Path(tempfile.gettempdir()) / "dossier-scale"
ISO_YEAR = re.compile(r"^(\d{4})(?=$|-)")


# ------------------------------------------------------------------ step 1: parse once


def base_store(cache: Path, workers: int) -> Path:
    """The distinct real texts ingested once by ``dossier ingest`` with every default
    extractor (the store benchmarks/serve.py builds: PolNeAR train + dev and the first
    147 Giveme5W1H articles); later stores copy its per-article rows."""
    base = cache / "base.db"
    if not base.exists():
        with tempfile.TemporaryDirectory() as tmp:
            build_serve_store(base, Path(tmp), workers)
    from dossier.store.db import connect

    connect(base).close()  # migrations of a store built by an older Dossier
    return base


def ingest_cost(cache: Path, sample: int, rounds: int) -> dict[str, float]:
    """CPU per article of Dossier's per-article path (clean, one parse, every default
    extractor: ``pipeline.process_batch``) beside a bare ``nlp.pipe`` of the same clean
    texts, in this process, in interleaved rounds (the fastest round of each kept)."""
    target = cache / f"ingest-cost-{sample}.json"
    if target.exists():
        return json.loads(target.read_text())
    from dossier import nlp
    from dossier.config import Settings
    from dossier.ingest import read_source
    from dossier.ingest.source import SourceFile
    from dossier.pipeline import ProcessedArticle, load_plugins, process_batch

    load_plugins()
    settings = Settings()
    records = polnear_records()
    step = max(1, len(records) // sample)
    jsonl = write_jsonl(records[::step][:sample], cache / "ingest-sample.jsonl")
    raws = [r for r in read_source(SourceFile(jsonl, settings.max_file_bytes))
            if hasattr(r, "content")]
    warm = [p for p in process_batch(raws[:4], settings) if isinstance(p, ProcessedArticle)]
    texts = [p.article.text for p in process_batch(raws, settings)
             if isinstance(p, ProcessedArticle)]
    del warm
    best = {"ingest": math.inf, "parse": math.inf}
    for _ in range(rounds):
        start = time.process_time()
        for i in range(0, len(raws), settings.nlp_batch_size):
            process_batch(raws[i : i + settings.nlp_batch_size], settings)
        best["ingest"] = min(best["ingest"], time.process_time() - start)
        start = time.process_time()
        for _ in nlp.parse_many(texts, settings.spacy_model, settings.nlp_batch_size):
            pass
        best["parse"] = min(best["parse"], time.process_time() - start)
    cost = {"articles": len(raws), "ingest_cpu_ms": 1000 * best["ingest"] / len(raws),
            "parse_cpu_ms": 1000 * best["parse"] / len(texts)}
    target.write_text(json.dumps(cost))
    return cost


# ------------------------------------------------------------------ step 2: generations

# Tables an ingest writes per article (save_article and the fact writers): copied with
# the new id. Everything else (stories, copies, signatures, canonical actors, term
# counts) is what the corpus steps make, and they make it again for the copies.
PER_ARTICLE = ("articles", "removed_blocks", "clean_warnings", "article_actors",
               "actor_mentions", "actor_roles", "quotes", "timexes", "places", "events",
               "story_features", "story_sentences", "stance_cues")
DATES = {("articles", "published"), ("timexes", "value"), ("timexes", "anchored_on"),
         ("events", "date"), ("actor_roles", "date")}
NOT_COPIED = {("article_actors", "actor_id")}  # set by actor merging


def shift_year(value: Any, years: int) -> Any:
    """An ISO date or time (or bare year) ``years`` later; other values unchanged."""
    if not isinstance(value, str) or not years:
        return value
    m = ISO_YEAR.match(value)
    if not m or not 1900 <= int(m.group(1)) <= 2100:
        return value
    shifted = f"{int(m.group(1)) + years:04d}{value[4:]}"
    if shifted[4:10] == "-02-29":  # a leap day moved into a common year (2100)
        year = int(shifted[:4])
        if not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
            shifted = shifted[:8] + "28" + shifted[10:]
    return shifted


def new_id(article_id: str, g: int) -> str:
    if g == 0:
        return article_id
    return hashlib.sha256(f"{article_id}#{g}".encode()).hexdigest()[:16]


def years_of(g: int) -> int:
    """Years generation ``g`` is moved on; generation ``TWIN + g`` is a second copy of
    generation ``g`` (same dates, other ids: a syndicated copy of its articles)."""
    return (g % TWIN) * YEARS_PER_GENERATION


def _copy_sql(conn: sqlite3.Connection, table: str, g: int) -> str:
    cols = [(r[1], r[5]) for r in conn.execute(f"PRAGMA src.table_info({table})")]
    names, exprs = [], []
    for name, pk in cols:
        if pk == 1 and name == "id" and table != "articles":
            continue  # an integer row id: the copy gets its own
        names.append(name)
        key = (table, name)
        if key in NOT_COPIED:
            exprs.append("NULL")
        elif (table == "articles" and name == "id") or name == "article_id":
            exprs.append(f"gen_id({name}, {g})")
        elif key in DATES:
            exprs.append(f"shift({name}, {years_of(g)})")
        elif table == "articles" and name in ("source_path", "locator") and g:
            exprs.append(f"{name} || '#{g}'")
        else:
            exprs.append(name)
    where = "id" if table == "articles" else "article_id"
    return (f"INSERT INTO main.{table} ({', '.join(names)}) SELECT {', '.join(exprs)}"
            f" FROM src.{table} WHERE {where} IN (SELECT id FROM temp.batch)")


def stream(order: list[tuple[str, bool]], start: int, count: int) -> list[tuple[str, int]]:
    """(base article id, generation) of articles ``start .. start+count`` of the sequence:
    the base articles in ingest order, then generation 1, 2 ... of the dated ones."""
    dated = [a for a, has_date in order if has_date]
    out = []
    for j in range(start, start + count):
        if j < len(order):
            out.append((order[j][0], 0))
        else:
            k = j - len(order)
            out.append((dated[k % len(dated)], 1 + k // len(dated)))
    return out


# ------------------------------------------------------------------ step 3: store


def extend_store(db: Path, base: Path, have: int, want: int, commit_every: int,
                 window: int) -> dict[str, float]:
    """Add articles ``have .. want`` of the sequence as ingest commits them; CPU ms per
    article of each step over the last ``window`` articles ("store" is the row copy,
    not an ingest's)."""
    def items(order: list[tuple[str, bool]]) -> list[tuple[str, int]]:
        return stream(order, have, want - have)

    return add_articles(db, base, items, commit_every, window)


def add_articles(db: Path, base: Path, items_of, commit_every: int,
                 window: int) -> dict[str, float]:
    """Add the (base id, generation) articles ``items_of(order)`` gives, ``commit_every``
    a transaction with every corpus step, as ``dossier ingest`` commits; CPU ms per
    article of each step over the last ``window`` of them."""
    from dossier.config import Settings
    from dossier.pipeline import corpus_steps
    from dossier.store.db import begin, connect, savepoint, transaction

    settings = Settings(db_path=db)
    steps = corpus_steps()
    conn = connect(db)
    conn.create_function("shift", 2, shift_year, deterministic=True)
    conn.create_function("gen_id", 2, new_id, deterministic=True)
    conn.execute("ATTACH DATABASE ? AS src", (f"file:{base}?mode=ro",))
    order = [(r[0], r[1] is not None) for r in conn.execute(
        "SELECT id, published FROM src.articles ORDER BY rowid")]
    wanted = items_of(order)
    sql: dict[tuple[str, int], str] = {}
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS batch (id TEXT PRIMARY KEY)")
    spent: dict[str, float] = defaultdict(float)
    measured = 0
    for start in range(0, len(wanted), commit_every):
        items = wanted[start : start + commit_every]
        timed = start >= len(wanted) - window
        with transaction(conn):
            begin(conn)
            t0 = time.process_time()
            new_ids = []
            for g in sorted({g for _, g in items}):
                conn.execute("DELETE FROM temp.batch")
                conn.executemany("INSERT INTO temp.batch VALUES (?)",
                                 [(a,) for a, gg in items if gg == g])
                for table in PER_ARTICLE:
                    if (table, g) not in sql:
                        sql[(table, g)] = _copy_sql(conn, table, g)
                    conn.execute(sql[(table, g)])
                new_ids += [new_id(a, g) for a, gg in items if gg == g]
            if timed:
                spent["store (row copy)"] += time.process_time() - t0
            for step in steps:
                t0 = time.process_time()
                with savepoint(conn):
                    step.run(conn, new_ids, settings)
                if timed:
                    spent[step.name] += time.process_time() - t0
        if timed:
            measured += len(items)
        if (start // commit_every) % 50 == 0:
            print(f"  {db.name}: {start + len(items)}/{len(wanted)}", file=sys.stderr,
                  flush=True)
    conn.close()
    return {name: 1000 * s / max(measured, 1) for name, s in spent.items()}


def probe_steps(cache: Path, size: int, base: Path, probe: int, commit_every: int,
                window: int) -> dict[str, float]:
    """What the corpus steps cost per article on a store of ``size`` articles, measured on
    the *same* articles at every size: a copy of the store gets one more generation
    (``PROBE_GENERATION``, past every store's) of the first ``probe`` dated base
    articles, committed as an ingest commits, timed over the last ``window`` of them.

    Why not the store's own last articles: which real articles fall in a store's last
    500 depends on its size (the campaign's busiest months, or a quiet year), and a
    quiet or busy stretch of news costs less or more to cluster whatever the store
    holds; the probe's articles, and the stories they form among themselves, are the
    same at every size, so what differs is only what the store holds."""
    db = cache / f"store-{size}.db"
    copy = cache / f"probe-{size}.db"
    _checkpoint(db)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    shutil.copy(db, copy)
    try:
        return add_articles(
            copy, base,
            lambda order: [(a, PROBE_GENERATION) for a, dated in order if dated][:probe],
            commit_every, window)
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{copy}{suffix}").unlink(missing_ok=True)


def build(cache: Path, sizes: list[int], base: Path, commit_every: int,
          window: int) -> dict[int, dict[str, Any]]:
    """The store of each size (cached), and its build figures."""
    built: dict[int, dict[str, Any]] = {}
    previous: tuple[int, Path] | None = None
    for size in sorted(sizes):
        db = cache / f"store-{size}.db"
        meta = cache / f"store-{size}.json"
        if db.exists() and meta.exists():
            built[size] = json.loads(meta.read_text())
        else:
            partial = db.with_suffix(".building")
            for suffix in ("", "-wal", "-shm"):
                Path(f"{partial}{suffix}").unlink(missing_ok=True)
            have = 0
            if previous is not None:
                _checkpoint(previous[1])
                shutil.copy(previous[1], partial)
                have = previous[0]
            print(f"building {db} ({have} → {size} articles) ...", file=sys.stderr, flush=True)
            steps = extend_store(partial, base, have, size, commit_every, window)
            _checkpoint(partial)
            partial.rename(db)
            built[size] = {"steps_ms": steps,
                           "build_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                           / 1024}
            meta.write_text(json.dumps(built[size]))
        built[size]["db_mb"] = db.stat().st_size / 2**20
        previous = (size, db)
    return built


def _checkpoint(db: Path) -> None:
    from dossier.store.db import connect

    conn = connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


# ------------------------------------------------------------------ step 4: server time


def touch_story(db: Path, base: Path, story_id: str) -> None:
    """What an ingest that touches a story does to it: one more article joins it (a
    syndicated copy of one of its members, ``TWIN + g``: same text and dates, its own
    id), committed with every corpus step."""
    from dossier.store.db import connect

    conn = connect(db, readonly=True)
    member = conn.execute("SELECT article_id FROM story_articles WHERE story_id = ?"
                          " ORDER BY article_id LIMIT 1", (story_id,)).fetchone()[0]
    conn.close()
    src = sqlite3.connect(f"file:{base}?mode=ro", uri=True)
    ids = [r[0] for r in src.execute("SELECT id FROM articles")]
    src.close()
    found = next((a, g) for g in range(TWIN) for a in ids if new_id(a, g) == member)
    add_articles(db, base, lambda order: [(found[0], TWIN + found[1])], 1, 1)


def timed_get(client: Any, path: str) -> tuple[Any, float, float]:
    """(response, wall seconds, CPU seconds of this process). The server runs in this
    process (the test client), so its CPU time is the request's own work: on a shared
    machine under load the wall time is that work plus the wait for a core."""
    wall, cpu = time.perf_counter(), time.process_time()
    response = client.get(path)
    return response, time.perf_counter() - wall, time.process_time() - cpu


def serve_times(db: Path, repeat: int, base: Path | None = None) -> dict[str, Any]:
    """Run in a fresh process: time each request of the desk on the store at ``db``;
    with ``base``, then add an article to the largest story (``touch_story``, writing
    ``db``: give it a copy) and time that story's page once more, its first view after
    the change."""
    from fastapi.testclient import TestClient

    from dossier.config import Settings
    from dossier.store.db import connect
    from dossier.web.app import create_app

    conn = connect(db, readonly=True)
    stories = [tuple(r) for r in conn.execute(
        "SELECT id, n_articles FROM stories ORDER BY n_articles DESC, id")]
    conn.close()
    largest = stories[0][0]
    small = min(stories, key=lambda s: (abs(s[1] - 5), s[0]))[0]
    client = TestClient(create_app(Settings(db_path=db)), base_url="http://localhost")
    targets = {
        "home": "/",
        "story page (5 articles)": f"/stories/{small}",
        "story page (largest)": f"/stories/{largest}",
        "digest (largest)": f"/api/stories/{largest}/digest",
        "contradictions (largest)": f"/api/stories/{largest}/contradictions",
        "timeline (largest)": f"/api/timeline?story={largest}",
        "timeline (store)": "/api/timeline",
        "/api/articles": "/api/articles",
        "/api/stories": "/api/stories",
        "/api/search": "/api/search?q=election",
        "/api/events": "/api/events",
        "/api/quotes": "/api/quotes",
        "/api/places": "/api/places",
        "/api/actors": "/api/actors",
        "/api/stances": "/api/stances",
        "/api/events?story=": f"/api/events?story={largest}",
        "/api/quotes?story=": f"/api/quotes?story={largest}",
    }
    out: dict[str, Any] = {"largest_articles": stories[0][1], "stories": len(stories)}
    for name, path in targets.items():
        response, cold, cold_cpu = timed_get(client, path)
        if response.status_code != 200:
            out[name] = {"error": response.status_code}
            continue
        samples = [timed_get(client, path)[1:] for _ in range(repeat)]
        out[name] = {"cold_ms": 1000 * cold, "cold_cpu_ms": 1000 * cold_cpu,
                     "ms": 1000 * statistics.median(s[0] for s in samples),
                     "cpu_ms": 1000 * statistics.median(s[1] for s in samples),
                     "kb": len(response.content) / 1024}
    if base is not None:
        touch_story(db, base, largest)
        for name, path in (("digest (largest), after a change",
                            f"/api/stories/{largest}/digest"),
                           ("story page (largest), after a change", f"/stories/{largest}")):
            response, cold, cold_cpu = timed_get(client, path)
            out[name] = {"cold_ms": 1000 * cold, "cold_cpu_ms": 1000 * cold_cpu,
                         "kb": len(response.content) / 1024}
        out["largest_articles_after"] = len(client.get(f"/api/stories/{largest}").json()
                                            .get("article_ids") or [])
    out["server_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


# ------------------------------------------------------------------ report


def fit(sizes: list[int], values: list[float]) -> tuple[float, float] | None:
    """``(b, y at 1M)`` of ``y = a · N^b`` fitted on log-log; None without two positive points."""
    pts = [(math.log(n), math.log(v)) for n, v in zip(sizes, values, strict=True) if v > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    b = sum((x - mx) * (y - my) for x, y in pts) / sxx if sxx else 0.0
    a = my - b * mx
    return b, math.exp(a + b * math.log(1_000_000))


def table(title: str, unit: str, sizes: list[int], rows: dict[str, list[float | None]]) -> None:
    print(f"\n{title}\n")
    head = " | ".join(f"{n:,}" for n in sizes)
    print(f"| {unit} | {head} | growth b | projected at 1M |")
    print("|---|" + "---:|" * len(sizes) + "---:|---:|")
    for name, values in rows.items():
        cells = " | ".join("—" if v is None else f"{v:,.1f}" for v in values)
        got = fit([n for n, v in zip(sizes, values, strict=True) if v is not None],
                  [v for v in values if v is not None])
        growth = f"{got[0]:.2f} | {got[1]:,.0f}" if got else "— | —"
        print(f"| {name} | {cells} | {growth} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--commit-every", type=int, default=20)
    parser.add_argument("--window", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--workers", type=int, default=2, help="ingest workers (base store)")
    parser.add_argument("--sample", type=int, default=40,
                        help="PolNeAR texts of the ingest-vs-parse CPU measurement")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--probe", type=int, default=1000,
                        help="articles of the corpus-step probe (the last --window timed)")
    parser.add_argument("--probe-rounds", type=int, default=2,
                        help="probe rounds per size, interleaved across sizes (fastest kept)")
    parser.add_argument("--parts", default="probe,serve",
                        help="what to measure besides the build: probe, serve")
    parser.add_argument("--serve-times", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--base", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    if args.serve_times:
        print(json.dumps(serve_times(args.serve_times, args.repeat, args.base)))
        return
    if not (EVAL / "polnear").is_dir():
        raise SystemExit(f"needs ../shared/eval beside the repository ({EVAL})")
    sizes = sorted(int(s) for s in args.sizes.split(","))
    parts = set(args.parts.split(","))
    args.cache.mkdir(parents=True, exist_ok=True)
    base = base_store(args.cache, args.workers)
    built = build(args.cache, sizes, base, args.commit_every, args.window)
    if args.build_only:
        return
    cost = ingest_cost(args.cache, args.sample, args.rounds)
    probed: dict[int, dict[str, float]] = {}
    if "probe" in parts:
        for _ in range(args.probe_rounds):  # rounds interleaved: the machine's load moves
            for size in sizes:
                got = probe_steps(args.cache, size, base, args.probe, args.commit_every,
                                  args.window)
                probed[size] = {k: min(v, probed.get(size, {}).get(k, math.inf))
                                for k, v in got.items()}
    served = {}
    if "serve" in parts:
        for size in sizes:
            copy = args.cache / f"serve-{size}.db"
            _checkpoint(args.cache / f"store-{size}.db")
            shutil.copy(args.cache / f"store-{size}.db", copy)
            try:
                child = subprocess.run([sys.executable, __file__, "--serve-times", str(copy),
                                        "--repeat", str(args.repeat), "--base", str(base)],
                                       capture_output=True, text=True, check=True)
            finally:
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{copy}{suffix}").unlink(missing_ok=True)
            served[size] = json.loads(child.stdout.strip().splitlines()[-1])
    report(sizes, built, cost, probed, served, args)


def report(sizes: list[int], built: dict[int, dict[str, Any]], cost: dict[str, float],
           probed: dict[int, dict[str, float]], served: dict[int, dict[str, Any]],
           args: argparse.Namespace) -> None:
    print(f"corpus: the {built[sizes[0]].get('base', 1070)} real articles of the serve store "
          f"(PolNeAR train+dev, Giveme5W1H); larger stores add generations of them "
          f"{YEARS_PER_GENERATION} years apart")
    print(f"ingest CPU per article ({cost['articles']} PolNeAR texts, every default extractor): "
          f"{cost['ingest_cpu_ms']:.1f} ms; bare spaCy nlp.pipe of the same clean texts: "
          f"{cost['parse_cpu_ms']:.1f} ms; "
          f"ratio {cost['ingest_cpu_ms'] / cost['parse_cpu_ms']:.2f}")
    step_names = list(dict.fromkeys(k for s in sizes for k in built[s]["steps_ms"]))
    table("Store and corpus steps as built (CPU ms per article, marginal over the last "
          f"{args.window} articles of each size: other articles at each size)", "step", sizes,
          {name: [built[s]["steps_ms"].get(name) for s in sizes] for name in step_names})
    if probed:
        table(f"Corpus steps, probe (CPU ms per article: the same {args.window} articles, the "
              f"last of {args.probe} added to a copy of each store; fastest of "
              f"{args.probe_rounds} interleaved rounds)", "step", sizes,
              {name: [probed[s].get(name) for s in sizes] for name in step_names})
    table("Size", "figure", sizes, {
        "DB size (MB)": [built[s]["db_mb"] for s in sizes],
        "builder RSS (MB)": [built[s].get("build_rss_mb") for s in sizes],
        **({"server RSS (MB)": [served[s]["server_rss_mb"] for s in sizes]} if served else {})})
    if not served:
        return
    names = [k for k, v in served[sizes[0]].items() if isinstance(v, dict)]
    for key, title in (("cpu_ms", "Server CPU time (ms, median of warm requests)"),
                       ("cold_cpu_ms", "Server CPU time, first request (ms: the first view "
                                       "after a restart, or after the change for the 'after a "
                                       "change' rows)"),
                       ("ms", "Server wall time (ms, median of warm requests)"),
                       ("cold_ms", "Server wall time, first request (ms)"),
                       ("kb", "Response size (KB)")):
        rows = {name: [served[s].get(name, {}).get(key) for s in sizes] for name in names}
        table(title, "request", sizes, {k: v for k, v in rows.items()
                                        if any(x is not None for x in v)})
    print("\nstories / articles in the largest story: " + ", ".join(
        f"{s:,}: {served[s]['stories']:,} / {served[s]['largest_articles']}" for s in sizes))
    print("growth b: exponent of y = a·N^b fitted over the sizes; 'projected at 1M' is that "
          "fit evaluated at 1,000,000 articles — a projection, not a measurement.")


if __name__ == "__main__":
    main()
