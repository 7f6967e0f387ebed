"""Story clustering on two labelled streams: Dossier's stream vs TF-IDF baselines.

Priberam's news-stream data is not reachable here (eval README), so two labelled
streams stand in, each run through Dossier's real ingest (clean, one parse,
extractors, store, then the dedup and stories corpus steps) as one temporary JSONL
file per publication day, in stream order, exactly as a daily reader would run it:

- giveme5w1h-clusters: 247 articles, ~20 outlets, 2013–2018, gold story =
  ``newsCluster.Event`` (a sparse stream: 45 stories over five years). Split by a
  stable hash of the gold story into a *tuning* part and a *reporting* part; every
  setting (Dossier's and the baselines' thresholds) is chosen on the tuning part and
  reported on the other, with the whole set beside.
- PolNeAR train, 2016-06-01 .. 2016-06-14: 48 election articles of seven US outlets
  with story labels we wrote (``polnear_stories.tsv``): a dense stream where every
  article shares "Trump" and "Clinton". Never tuned on; reported at the settings
  chosen on the giveme5w1h tuning part.

Beside Dossier, in the same harness and on the same texts (title + text): TF-IDF
(sklearn) single-pass threshold clustering over the same stream (vocabulary fitted on
the part it clusters, a small advantage over a true stream), TF-IDF + agglomerative
average-link (a batch method that sees everything at once), and the bounds (all
singletons, one story). Each part is clustered as its own stream (Dossier re-runs only
its stories corpus step on the stored features). Scores: pairwise P/R/F1 over article
pairs (the Priberam / Miranda et al. 2018 metric) and B-cubed. Then throughput and
memory by quartile of the giveme5w1h daily batches as the store grows.

    .venv/bin/python benchmarks/cluster.py [--db-dir DIR] [--no-sweep]

``--db-dir`` keeps the ingested stores there and reuses them on the next run.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import combinations
from pathlib import Path

import giveme5w1h
import polnear_stream
from giveme5w1h import Record

# ------------------------------------------------------------------ metrics


def pairwise(pred: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> tuple[float, ...]:
    """P/R/F1 over unordered article pairs put together (pred) vs truly together (gold)."""
    tp = fp = fn = 0
    for a, b in combinations(sorted(gold), 2):
        same_pred, same_gold = pred[a] == pred[b], gold[a] == gold[b]
        tp += same_pred and same_gold
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    return _prf(tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0)


def bcubed(pred: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> tuple[float, ...]:
    """B-cubed: per article, the share of its predicted story that is its gold story
    (precision) and of its gold story that it was put with (recall), averaged."""
    pred_members: dict[Hashable, set[str]] = defaultdict(set)
    gold_members: dict[Hashable, set[str]] = defaultdict(set)
    for key in gold:
        pred_members[pred[key]].add(key)
        gold_members[gold[key]].add(key)
    p = r = 0.0
    for key in gold:
        both = len(pred_members[pred[key]] & gold_members[gold[key]])
        p += both / len(pred_members[pred[key]])
        r += both / len(gold_members[gold[key]])
    return _prf(p / len(gold), r / len(gold))


def _prf(p: float, r: float) -> tuple[float, float, float]:
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# ------------------------------------------------------------------ baselines


def tfidf_matrix(records: Sequence[Record]):
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1)
    return vectorizer.fit_transform(f"{r.title}\n{r.text}" for r in records)


def agglomerative(records: Sequence[Record], distance: float) -> dict[str, int]:
    from sklearn.cluster import AgglomerativeClustering

    matrix = tfidf_matrix(records).toarray()
    labels = AgglomerativeClustering(n_clusters=None, distance_threshold=distance,
                                     metric="cosine", linkage="average").fit_predict(matrix)
    return {r.key: int(label) for r, label in zip(records, labels, strict=True)}


def single_pass(records: Sequence[Record], threshold: float) -> dict[str, int]:
    """Stream order: an article joins the most similar centroid above ``threshold``.

    The vocabulary is fitted on the whole set (a small advantage over a true
    stream, where idf grows with it as Dossier's does).
    """
    import numpy as np

    matrix = tfidf_matrix(records)
    centroids: list[np.ndarray] = []
    labels: dict[str, int] = {}
    for i, record in enumerate(records):
        vec = matrix[i].toarray().ravel()
        best, best_sim = -1, threshold
        for c, centroid in enumerate(centroids):
            norm = np.linalg.norm(centroid)
            sim = float(vec @ centroid / norm) if norm else 0.0
            if sim >= best_sim:
                best, best_sim = c, sim
        if best < 0:
            centroids.append(vec.copy())
            best = len(centroids) - 1
        else:
            centroids[best] += vec
        labels[record.key] = best
    return labels


def best_of(run: Callable[[float], dict[str, int]], grid: Sequence[float],
            gold: Mapping[str, str]) -> float:
    """The grid value whose clustering has the best pairwise F1 (ties: B-cubed F1)."""
    scored = []
    for value in grid:
        pred = run(value)
        scored.append(((pairwise(pred, gold)[2], bcubed(pred, gold)[2]), value))
    return max(scored, key=lambda s: s[0])[1]


# ------------------------------------------------------------------ Dossier


@dataclass
class BatchStats:
    day: str
    articles: int  # in this batch
    seconds: float  # whole ingest call
    corpus_seconds: float  # all corpus steps (outlet names, dedup, stories, actors)
    story_seconds: float  # the stories clustering step alone
    rss_mb: float
    peak_mb: float
    stored: int  # articles in the store after the batch


def _memory_mb() -> tuple[float, float]:
    """(current, peak) resident set size of this process, from /proc."""
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in {"VmRSS", "VmHWM"}:
            fields[name] = int(value.split()[0]) / 1024
    return fields.get("VmRSS", 0.0), fields.get("VmHWM", 0.0)


_CLOCKS: list[Counter[str]] = []


def _time_corpus_steps(clock: Counter[str]) -> None:
    """Wrap each registered corpus step so its seconds add up in ``clock``."""
    from dossier import registry
    from dossier.pipeline import load_plugins

    load_plugins()
    if _CLOCKS:
        return
    _CLOCKS.append(clock)
    for name, step in list(registry.CORPUS_STEPS.items()):
        def timed(conn, ids, settings, _run=step.run, _name=name):
            start = time.perf_counter()
            try:
                return _run(conn, ids, settings)
            finally:
                clock[_name] += time.perf_counter() - start
        registry.CORPUS_STEPS[name] = replace(step, run=timed)


def run_dossier(days: list[list[Record]], folder: Path, settings) -> list[BatchStats]:
    """Ingest each day as its own JSONL file, through ``dossier.pipeline.ingest``."""
    import sqlite3

    from dossier.pipeline import ingest

    _time_corpus_steps(Counter())
    clock = _CLOCKS[0]  # the steps are wrapped once per process
    stats = []
    for i, day in enumerate(days):
        path = giveme5w1h.write_jsonl(day, folder / f"day{i:03d}.jsonl")
        before = dict(clock)
        start = time.perf_counter()
        ingest([path], settings)
        seconds = time.perf_counter() - start
        rss, peak = _memory_mb()
        with sqlite3.connect(settings.db_path) as conn:
            stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        stats.append(BatchStats(
            day[0].published[:10], len(day), seconds,
            sum(clock.values()) - sum(before.values()),
            clock["stories"] - before.get("stories", 0.0), rss, peak, stored))
        print(f"  day {i + 1}/{len(days)} {stats[-1].day}: {len(day)} articles "
              f"{seconds:.1f}s, RSS {rss:.0f} MB", file=sys.stderr)
    return stats


def stored_stories(conn, records: Sequence[Record]) -> dict[str, str]:
    """Each record's story; an article the ingest refused is a story of its own."""
    ids = giveme5w1h.stored_ids(conn, records)
    story = dict(conn.execute("SELECT article_id, story_id FROM story_articles").fetchall())
    return {r.key: story.get(ids[r.key] or "", "alone:" + r.key) for r in records}


def recluster(conn, days: list[list[Record]], settings) -> dict[str, str]:
    """Re-run only the stories corpus step (same stored features, same daily batches)
    under other settings, inside a transaction that is rolled back afterwards."""
    from dossier.stories.cluster import assign_stories

    ids = giveme5w1h.stored_ids(conn, [r for d in days for r in d])
    conn.execute("BEGIN")
    try:
        for table in ("story_digest_asked", "story_articles", "stories", "story_term_df",
                      "story_keys"):
            conn.execute(f"DELETE FROM {table}")
        for day in days:
            new = list(dict.fromkeys(ids[r.key] for r in day if ids[r.key]))
            assign_stories(conn, new, settings)
        return stored_stories(conn, [r for d in days for r in d])
    finally:
        conn.rollback()


# ------------------------------------------------------------------ report

THRESHOLD_GRID = (0.10, 0.15, 0.20, 0.25, 0.30, 0.35)
# (story_window_days, story_half_life_days); NO_DECAY switches the fading off.
NO_DECAY = 1e9
TIME_GRID = ((7, 3.0), (30, 30.0), (90, 90.0), (365, 365.0), (365, NO_DECAY))
AGGLO_GRID = (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
# The reopen threshold matters only for stories past the window; at 365 d the tuning parts
# have none (their longest gap is 207 d), so it is chosen with the window shortened to
# REOPEN_PROBE days, no fading, at the chosen join threshold: there dormant stories abound.
REOPEN_GRID = (0.15, 0.2, 0.25, 0.35, 0.5)
REOPEN_PROBE = 30
STREAM_GRID = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)


def split_of(event: str) -> str:
    """"tune" or "report", by a stable hash of the gold story: a whole story is on one
    side, and the sides never change between runs or machines."""
    import hashlib

    return ("tune", "report")[hashlib.sha1(event.encode()).digest()[0] % 2]


def _limits(threshold: float | None, limits: tuple[int, float]) -> str:
    window, half_life = limits
    fade = "no fading" if half_life >= NO_DECAY else f"half-life {half_life:g} d"
    head = f"threshold {threshold}, " if threshold is not None else ""
    return f"{head}window {window} d, {fade}"


def _row(name: str, pred: Mapping[str, Hashable], gold: Mapping[str, str]) -> str:
    pp, pr, pf = pairwise(pred, gold)
    bp, br, bf = bcubed(pred, gold)
    n = len(set(pred.values()))
    return (f"| {name} | {n} | {pp:.3f} | {pr:.3f} | {pf:.3f} | {bp:.3f} | {br:.3f} "
            f"| {bf:.3f} |")


def _quartiles(stats: list[BatchStats]) -> list[str]:
    lines = ["| daily batches | articles | store after | ingest articles/s "
             "| corpus steps ms/article | stories step ms/article | RSS MB | peak RSS MB |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    n = len(stats)
    for q in range(4):
        part = stats[q * n // 4 : (q + 1) * n // 4]
        if not part:
            continue
        arts = sum(s.articles for s in part)
        secs = sum(s.seconds for s in part)
        lines.append(
            f"| Q{q + 1}: {part[0].day} … {part[-1].day} ({len(part)} days) | {arts} "
            f"| {part[-1].stored} | {arts / secs:.2f} "
            f"| {1000 * sum(s.corpus_seconds for s in part) / arts:.1f} "
            f"| {1000 * sum(s.story_seconds for s in part) / arts:.1f} "
            f"| {part[-1].rss_mb:.0f} | {part[-1].peak_mb:.0f} |")
    return lines


def ingest_stream(name: str, days: list[list[Record]], db_dir: Path | None,
                  tmp: Path) -> tuple[Path, list[BatchStats], float]:
    """Ingest the stream day by day into ``name``.db (reused from ``db_dir`` if there)."""
    from dossier.config import Settings

    folder = db_dir or tmp
    db = folder / f"{name}.db"
    if db_dir is not None and db.exists():
        return db, [], 0.0
    start = time.perf_counter()
    (tmp / name).mkdir(exist_ok=True)
    stats = run_dossier(days, tmp / name, Settings(db_path=db))
    return db, stats, time.perf_counter() - start


def subset(days: list[list[Record]], keep: set[str]) -> list[list[Record]]:
    return [d for d in ([r for r in day if r.key in keep] for day in days) if d]


PARTS = {
    "g-report": "giveme5w1h reporting part (held out from every choice)",
    "p-report": "PolNeAR 2016-06-01 .. 06-14, our labels (held out from every choice)",
    "g-tune": "giveme5w1h tuning part (settings chosen here)",
    "p-tune": "PolNeAR 2016-07-15 .. 07-28, our labels (settings chosen here)",
    "g-whole": "giveme5w1h, whole set",
}
TUNING = ("g-tune", "p-tune")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db-dir", type=Path, default=None,
                        help="keep the ingested stores here and reuse them")
    parser.add_argument("--no-sweep", action="store_true",
                        help="skip the Dossier settings sweep on the tuning parts")
    args = parser.parse_args()
    if not giveme5w1h.CLUSTERS.is_dir():
        sys.exit(f"needs {giveme5w1h.CLUSTERS} (../shared beside the repository)")

    import sqlite3

    from dossier import nlp
    from dossier.config import Settings
    from dossier.store.db import migrate

    g_days = giveme5w1h.by_day(giveme5w1h.load())
    streams = {"giveme5w1h": g_days,
               "polnear-tune": giveme5w1h.by_day(polnear_stream.load("tune")),
               "polnear-report": giveme5w1h.by_day(polnear_stream.load("report"))}
    nlp.load()  # a one-off cost, kept out of the per-batch rows
    defaults = Settings()

    with tempfile.TemporaryDirectory() as tmp:
        conns, stats, total = {}, [], 0.0
        for name, days in streams.items():
            db, batch_stats, seconds = ingest_stream(name, days, args.db_dir, Path(tmp))
            if name == "giveme5w1h":
                stats, total = batch_stats, seconds
            conns[name] = sqlite3.connect(db, isolation_level=None)
            conns[name].row_factory = sqlite3.Row
            migrate(conns[name])  # a reused store made before a schema change
        records = [r for d in g_days for r in d]
        half = {r.key: split_of(r.event) for r in records}
        # part → (stream, its days restricted to the part, the part's records)
        parts = {f"g-{h}": ("giveme5w1h", subset(g_days, {k for k, v in half.items() if v == h}))
                 for h in ("tune", "report")}
        parts["g-whole"] = ("giveme5w1h", g_days)
        parts["p-tune"] = ("polnear-tune", streams["polnear-tune"])
        parts["p-report"] = ("polnear-report", streams["polnear-report"])
        gold = {p: {r.key: r.event for d in days for r in d} for p, (_, days) in parts.items()}
        texts = {p: [r for d in days for r in d] for p, (_, days) in parts.items()}

        def cluster(part: str, settings: Settings) -> dict[str, str]:
            stream, days = parts[part]
            return recluster(conns[stream], days, settings)

        def settings_for(threshold: float, limits: tuple[int, float],
                         reopen: float | None = None) -> Settings:
            return replace(defaults, story_threshold=threshold, story_window_days=limits[0],
                           story_half_life_days=limits[1],
                           story_reopen_threshold=(defaults.story_reopen_threshold
                                                   if reopen is None else reopen))

        def tuned(scores: Callable[[str], dict[str, Hashable]]) -> tuple[float, float]:
            """Mean pairwise F1 over the two tuning parts (ties: mean B³ F1)."""
            preds = {p: scores(p) for p in TUNING}
            return (sum(pairwise(preds[p], gold[p])[2] for p in TUNING) / len(TUNING),
                    sum(bcubed(preds[p], gold[p])[2] for p in TUNING) / len(TUNING))

        sweep: dict[tuple[float, tuple[int, float]], tuple[float, float]] = {}
        if not args.no_sweep:
            for limits in TIME_GRID:
                for threshold in THRESHOLD_GRID:
                    sweep[(threshold, limits)] = tuned(
                        lambda p, t=threshold, ll=limits: cluster(p, settings_for(t, ll)))
        chosen = max(sweep, key=sweep.get) if sweep else None
        reopen: dict[float, tuple[float, float]] = {}
        if chosen:
            for value in REOPEN_GRID:
                probe = replace(settings_for(chosen[0], (REOPEN_PROBE, NO_DECAY)),
                                story_reopen_threshold=value)
                reopen[value] = tuned(lambda p, s=probe: cluster(p, s))
        stream_thr = max(STREAM_GRID, key=lambda t: tuned(lambda p: single_pass(texts[p], t)))
        agglo_dist = max(AGGLO_GRID, key=lambda t: tuned(lambda p: agglomerative(texts[p], t)))
        refused = sum(1 for v in cluster("g-whole", defaults).values() if v.startswith("alone:"))
        copies = conns["giveme5w1h"].execute("SELECT count(*) FROM article_copies").fetchone()[0]

        print(f"giveme5w1h: {len(records)} articles, {len(set(gold['g-whole'].values()))} gold "
              f"stories, {len(g_days)} daily batches, split by a hash of the gold story; "
              f"{refused} refused by the ingest (stories of their own), {copies} copies. "
              "PolNeAR: two two-week slices with our labels, each its own stream.")
        if chosen:
            # ties go to the stricter threshold: a wrong reopening is worse than a split
            best_reopen = max(reopen, key=lambda v: (reopen[v], v))
            chosen = (*chosen, best_reopen)
            print(f"Chosen on the two tuning parts (best mean pairwise F1): Dossier "
                  f"{_limits(*chosen[:2])}, reopen threshold {best_reopen} (probe: window "
                  f"{REOPEN_PROBE} d, no fading: " + ", ".join(
                      f"{v} → {f:.3f}" for v, (f, _) in reopen.items())
                  + f"); TF-IDF single-pass threshold {stream_thr}; "
                  f"agglomerative distance {agglo_dist}\n")
        configured = (defaults.story_threshold,
                      (defaults.story_window_days, defaults.story_half_life_days),
                      defaults.story_reopen_threshold)
        for part, title in PARTS.items():
            truth = gold[part]
            print(f"**{title}**: {len(truth)} articles, {len(set(truth.values()))} stories\n")
            print("| system | stories | pairwise P | pairwise R | pairwise F1 | B³ P | B³ R "
                  "| B³ F1 |")
            print("|---|---:|---:|---:|---:|---:|---:|---:|")
            print(_row(f"Dossier, configured ({_limits(*configured[:2])}, reopen "
                       f"{configured[2]})",
                       cluster(part, defaults), truth))
            if chosen and chosen != configured:
                print(_row(f"Dossier, chosen on tuning parts ({_limits(*chosen[:2])}, reopen "
                           f"{chosen[2]})",
                           cluster(part, settings_for(*chosen)), truth))
            print(_row(f"TF-IDF single-pass stream, threshold {stream_thr} (chosen on tuning "
                       "parts)", single_pass(texts[part], stream_thr), truth))
            oracle = best_of(lambda t, rs=texts[part]: single_pass(rs, t), STREAM_GRID, truth)
            if oracle != stream_thr:
                print(_row(f"TF-IDF single-pass stream, threshold {oracle} (best on this part: "
                           "oracle)", single_pass(texts[part], oracle), truth))
            print(_row(f"TF-IDF + agglomerative, average link, distance {agglo_dist} (batch, "
                       "sees all)", agglomerative(texts[part], agglo_dist), truth))
            print(_row("all singletons", {k: k for k in truth}, truth))
            print(_row("one cluster", {k: 0 for k in truth}, truth))
            print()
        for conn in conns.values():
            conn.close()

    print("Published: Miranda et al. 2018 report on Priberam's multilingual news-stream "
          "data, a different dataset not reachable here; the eval README gives no figure "
          "for giveme5w1h, so none is quoted beside these rows.")
    if sweep:
        print("\nDossier sweep, mean over the two tuning parts (pairwise F1 / B³ F1), stories "
              "step re-run on stored features:\n")
        print("| window, half-life | " + " | ".join(f"threshold {t}" for t in THRESHOLD_GRID)
              + " |")
        print("|---|" + "---:|" * len(THRESHOLD_GRID))
        for limits in TIME_GRID:
            cells = [f"{sweep[(t, limits)][0]:.3f} / {sweep[(t, limits)][1]:.3f}"
                     for t in THRESHOLD_GRID]
            print(f"| {_limits(None, limits)} | " + " | ".join(cells) + " |")
    if stats:
        print(f"\nStream: {len(records)} articles in {total:.0f} s "
              f"({len(records) / total:.2f} articles/s end to end, all extractors, 1 process)\n")
        print("\n".join(_quartiles(stats)))


if __name__ == "__main__":
    main()
