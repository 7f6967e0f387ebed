"""Ingest CPU against the bare parse: what Dossier adds to spaCy's ``nlp.pipe``, in one harness.

The one-parse design makes the parse the floor of an ingest; everything else (reading,
cleaning, our sentence-break component, the extractors, storing) should cost a fraction
of it. On real news, in one process and in interleaved rounds:

- **bare spaCy** ``nlp.pipe`` (the model as shipped, the peer and the floor) over the
  very texts Dossier stored — the clean texts, so both parse the same characters;
- **dossier ingest, no extractors**: read + clean + parse + store;
- **dossier ingest, all default extractors** (actors, quotes, timex, places, events,
  story features): the whole per-article path;

and, once after the rounds, **each extractor's own share** (its ``run`` timed inside the
same ingest). Corpus steps (stories, actor merging) are off: ``benchmarks/scale.py`` and
their own benchmarks measure them. Figures are CPU seconds of this process and its
worker processes (``getrusage``: an ingest's forked worker counts once it has ended),
which a shared machine disturbs less than wall time; each row keeps its best round.

Parts: ``polnear-train`` (the first ``--limit`` articles; where the extractors were
profiled and made faster), ``polnear-dev`` (84 articles, never profiled on) and
``html`` (ScrapingHub pages, the HTML path: cleaning included, never profiled on).

    .venv/bin/python benchmarks/ingest_cost.py [--parts polnear-dev,html] [--limit 60] [--rounds 3]
"""

from __future__ import annotations

import argparse
import gzip
import resource
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"
FLOOR = "spaCy nlp.pipe, bare, on the same clean texts (floor)"
PARTS = {
    "polnear-train": EVAL / "polnear" / "train" / "text",
    "polnear-dev": EVAL / "polnear" / "dev" / "text",
    "html": EVAL / "scrapinghub-aeb" / "html",
}


def stage(part: str, limit: int, folder: Path) -> list[Path]:
    """The part's articles as files in a temporary folder (never in the repository)."""
    source = PARTS[part]
    paths = []
    if part == "html":
        for page in sorted(source.glob("*.html.gz"))[:limit]:
            target = folder / page.name.removesuffix(".gz")
            target.write_bytes(gzip.decompress(page.read_bytes()))
            paths.append(target)
    else:
        for text in sorted(source.glob("*.txt"))[:limit]:
            target = folder / text.name
            target.write_bytes(text.read_bytes())
            paths.append(target)
    return paths


def cpu_seconds() -> float:
    """CPU of this process and of its finished children: an ingest's worker is a child."""
    own, children = (resource.getrusage(who)
                     for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def cpu(fn: Callable[[], object]) -> float:
    start = cpu_seconds()
    fn()
    return cpu_seconds() - start


def fresh(db: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    return db


def stored_texts(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT text FROM articles ORDER BY rowid")]


def extractor_shares(folder: Path, db: Path, settings_for) -> dict[str, float]:
    """CPU seconds of each extractor's ``run`` over one ingest of the folder."""
    from dossier import registry
    from dossier.pipeline import ingest
    spent: dict[str, float] = defaultdict(float)
    originals = dict(registry.EXTRACTORS)

    def timed(extractor):
        def run(ctx):
            start = time.process_time()
            try:
                return extractor.run(ctx)
            finally:
                spent[extractor.name] += time.process_time() - start
        return replace(extractor, run=run)

    registry.EXTRACTORS.update({n: timed(e) for n, e in originals.items()})
    try:
        ingest([folder], settings_for(fresh(db)))
    finally:
        registry.EXTRACTORS.update(originals)
    return dict(spent)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parts", default="polnear-dev,html",
                        help=f"comma-separated, of: {', '.join(PARTS)}")
    parser.add_argument("--limit", type=int, default=60, help="articles per part")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds; best kept")
    args = parser.parse_args()
    parts = [p for p in args.parts.split(",") if p]
    for part in parts:
        if part not in PARTS:
            sys.exit(f"unknown part {part!r}; one of {', '.join(PARTS)}")
        if not PARTS[part].is_dir():
            sys.exit(f"needs {PARTS[part]} (../shared beside the repository)")

    import spacy

    import dossier.pipeline
    from dossier.config import Settings
    from dossier.pipeline import ingest, load_plugins

    load_plugins()  # every extractor module, imported up front (also on an older checkout)
    dossier.pipeline.corpus_steps = list  # corpus steps: measured by their own benchmarks
    base = Settings()
    bare = spacy.load(base.spacy_model)  # the peer: spaCy as shipped, no component of ours

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        staged = {}
        for part in parts:
            folder = root / part
            folder.mkdir()
            staged[part] = stage(part, args.limit, folder)
        warm = root / "warm"
        warm.mkdir()
        for part in parts:
            for path in staged[part][:2]:
                (warm / path.name).write_bytes(path.read_bytes())
        ingest([warm], Settings(db_path=root / "warm.db"))  # imports, model, lexicon caches
        list(bare.pipe(["A warm-up sentence."]))

        texts: dict[str, list[str]] = {}
        for part in parts:
            db = fresh(root / f"{part}-texts.db")
            ingest([root / part], Settings(db_path=db, extractors=()))
            texts[part] = stored_texts(db)

        def dossier_run(part: str, **kw: object) -> Callable[[], object]:
            db = root / f"{part}-run.db"
            return lambda: ingest([root / part], Settings(db_path=fresh(db), **kw))

        systems: dict[tuple[str, str], Callable[[], object]] = {}
        for part in parts:
            systems[part, FLOOR] = (
                lambda t=texts[part]: list(bare.pipe(t, batch_size=base.nlp_batch_size)))
            systems[part, "dossier ingest, no extractors"] = dossier_run(part, extractors=())
            systems[part, "dossier ingest, all default extractors"] = dossier_run(part)
        best = {key: float("inf") for key in systems}
        for _ in range(args.rounds):
            for key, run in systems.items():
                best[key] = min(best[key], cpu(run))
        print_rows(parts, texts, best, args.rounds)
        shares = {part: extractor_shares(root / part, root / f"{part}-shares.db",
                                         # in this process, where the timers count
                                         lambda db: Settings(db_path=db, article_time_limit_s=0,
                                                         article_cpu_limit_s=0,
                                                         article_memory_limit_mb=0))
                  for part in parts}
    print_shares(parts, shares, best)


def print_rows(parts: list[str], texts: dict[str, list[str]],
               best: dict[tuple[str, str], float], rounds: int) -> None:
    print(f"CPU seconds (process time), best of {rounds} interleaved rounds; "
          "corpus steps off\n")
    print("| part | articles | words | step | CPU s | × bare parse |")
    print("|---|---:|---:|---|---:|---:|")
    for part in parts:
        floor = best[part, FLOOR]
        words = sum(len(t.split()) for t in texts[part])
        for (p, name), seconds in best.items():
            if p == part:
                print(f"| {part} | {len(texts[part])} | {words:,} | {name} | {seconds:.2f} "
                      f"| {seconds / floor:.2f}× |")
    sys.stdout.flush()


def print_shares(parts: list[str], shares: dict[str, dict[str, float]],
                 best: dict[tuple[str, str], float]) -> None:
    print("\nEach extractor's own CPU (one more ingest, its `run` timed), × the bare parse:\n")
    names = sorted({n for s in shares.values() for n in s})
    print("| extractor | " + " | ".join(parts) + " |")
    print("|---|" + "---:|" * len(parts))
    for name in names:
        cells = [f"{shares[p].get(name, 0.0) / best[p, FLOOR]:.3f}×" for p in parts]
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
