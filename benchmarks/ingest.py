"""Ingest throughput on real pages: Dossier's whole ingest path beside bare spaCy and trafilatura.

The one-parse design puts a ceiling on speed: spaCy's ``nlp.pipe`` over the clean
texts. This harness runs, on the same ScrapingHub pages (../shared/eval), in one
process each time:

- bare spaCy ``nlp.pipe`` (the peer and the ceiling): parse the clean texts, nothing else;
- ``trafilatura.extract`` alone (the other peer): the HTML cleaning step everyone uses;
- ``dossier ingest`` with no extractors: read + detect encoding + clean + parse + store
  (one transaction per batch), with 1 and with 2 worker processes (the 2-worker row
  includes each worker loading the spaCy model, as a real run does);
- ``dossier ingest`` of one WARC.gz holding the same pages;
- ``dossier ingest`` with every default extractor (quotes, timex, places, actors,
  events, story features): the end-to-end per-article cost.

Every system first runs once on a few pages (imports, model loading and lazy
caches are one-off costs, kept out of every row); then the systems run in
interleaved rounds and each row keeps its fastest round, so a neighbour's load
burst on a shared machine hits all rows alike rather than one. Corpus steps
(stories, actor merging) are switched off: their own benchmarks measure them.
Prints pages/s, words/s and each row's time as a ratio to the spaCy parse.

    .venv/bin/python benchmarks/ingest.py [--limit 181] [--rounds 2]
"""

from __future__ import annotations

import argparse
import gzip
import io
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PAGES = REPO.parent / "shared" / "eval" / "scrapinghub-aeb" / "html"


def unpack(limit: int, folder: Path) -> list[Path]:
    """The benchmark's pages as .html files in a temporary folder (never in the repo)."""
    paths = []
    for source in sorted(PAGES.glob("*.html.gz"))[:limit]:
        target = folder / source.name.removesuffix(".gz")
        target.write_bytes(gzip.decompress(source.read_bytes()))
        paths.append(target)
    return paths


def pack_warc(paths: list[Path], target: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with target.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for path in paths:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://bench.example/{path.stem}", "response",
                payload=io.BytesIO(path.read_bytes()), http_headers=headers,
            ))


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def stored_words(db: Path) -> tuple[int, int]:
    """Articles and words of clean text a run stored: each row's words/s counts its own output."""
    with sqlite3.connect(db) as conn:
        texts = [row[0] for row in conn.execute("SELECT text FROM articles")]
    return len(texts), sum(len(t.split()) for t in texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=181, help="pages to use (max 181)")
    parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds; best kept")
    args = parser.parse_args()
    if not PAGES.is_dir():
        sys.exit(f"needs {PAGES} (../shared beside the repository)")

    import spacy
    import trafilatura

    import dossier.pipeline
    from dossier.config import Settings
    from dossier.pipeline import ingest

    dossier.pipeline.corpus_steps = list  # measured by the stories/actors benchmarks instead
    settings = Settings()
    # The peer is spaCy as shipped, without our paragraph_breaks component.
    bare = spacy.load(settings.spacy_model)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        paths = unpack(args.limit, folder)
        htmls = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
        texts = [trafilatura.extract(h) or "" for h in htmls]
        warc = Path(tmp) / "pages.warc.gz"
        pack_warc(paths, warc)
        warm = Path(tmp) / "warm"
        warm.mkdir()
        for path in paths[:3]:
            (warm / path.name).write_bytes(path.read_bytes())
        all_extractors = Settings(db_path=Path(tmp) / "warm.db")
        ingest([warm], all_extractors)  # imports, model and lexicon loading: one-off costs
        list(bare.pipe(texts[:3]))

        def dossier_run(label: str, source: Path, **kw: object) -> Callable[[], object]:
            def run() -> None:
                db = Path(tmp) / f"{label}.db"
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{db}{suffix}").unlink(missing_ok=True)
                ingest([source], Settings(db_path=db, **kw))
            return run

        systems: dict[str, tuple[Callable[[], object], Path | None]] = {
            "trafilatura.extract (HTML cleaning only)":
                (lambda: [trafilatura.extract(h) for h in htmls], None),
            "spaCy nlp.pipe, bare, on trafilatura's texts (ceiling)":
                (lambda: list(bare.pipe(texts, batch_size=settings.nlp_batch_size)), None),
            "dossier ingest, 1 worker, no extractors":
                (dossier_run("w1", folder, extractors=()), Path(tmp) / "w1.db"),
            "dossier ingest, 2 workers, no extractors":
                (dossier_run("w2", folder, extractors=(), workers=2), Path(tmp) / "w2.db"),
            "dossier ingest of one WARC.gz, 1 worker, no extractors":
                (dossier_run("warc", warc, extractors=()), Path(tmp) / "warc.db"),
            "dossier ingest, 1 worker, all default extractors":
                (dossier_run("full", folder), Path(tmp) / "full.db"),
        }
        best = {name: float("inf") for name in systems}
        for _ in range(args.rounds):
            for name, (run, _db) in systems.items():
                best[name] = min(best[name], timed(run))
        trafilatura_words = sum(len(t.split()) for t in texts)
        output = {
            name: stored_words(db) if db else (len(paths), trafilatura_words)
            for name, (_run, db) in systems.items()
        }

    ceiling = best["spaCy nlp.pipe, bare, on trafilatura's texts (ceiling)"]
    print(f"{len(paths)} ScrapingHub pages, {trafilatura_words:,} words in trafilatura's "
          f"texts; best of {args.rounds} interleaved rounds\n")
    print("| step | pages stored | words | seconds | pages/s | words/s | time vs spaCy parse |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, seconds in best.items():
        pages, words = output[name]
        print(f"| {name} | {pages} | {words:,} | {seconds:.1f} | {len(paths) / seconds:.1f} "
              f"| {words / seconds:,.0f} | {seconds / ceiling:.2f}× |")


if __name__ == "__main__":
    main()
