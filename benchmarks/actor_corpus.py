"""Real-news dev material for the actor benchmark: giveme5w1h-clusters and PolNeAR train.

Each article goes through Dossier's own cleaner, one spaCy parse (cached as a DocBin
under ``$DOSSIER_BENCH_CACHE`` or the system temp dir, never in the repository), the
actors extractor and the actors corpus step, into an in-memory store. PolNeAR train
is split in two halves by a stable hash of the file name: rules are chosen on
giveme5w1h-clusters plus the ``tune`` half and figures are reported on the
``report`` half (see README, "Actors").
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"
POLNEAR_TRAIN = EVAL / "polnear" / "train" / "text"
POLNEAR_META = EVAL / "polnear" / "metadata.tsv"


@dataclass(frozen=True)
class DevArticle:
    key: str
    text: str
    title: str | None
    outlet: str | None
    published: str | None


def polnear_half(name: str) -> str:
    """'tune' or 'report': a stable hash of the PolNeAR file name, the same on every run."""
    return "tune" if hashlib.sha1(name.encode()).digest()[0] % 2 == 0 else "report"


def giveme5w1h() -> list[DevArticle]:
    import giveme5w1h as g5

    return [DevArticle(f"g5:{r.key}", r.text, r.title, r.outlet, r.published)
            for r in g5.load()]


def polnear(half: str, limit: int | None = None) -> list[DevArticle]:
    meta: dict[str, dict[str, str]] = {}
    if POLNEAR_META.exists():
        lines = POLNEAR_META.read_text(encoding="utf-8").splitlines()
        head = lines[0].split("\t")
        for line in lines[1:]:
            row = dict(zip(head, line.split("\t"), strict=False))
            meta[row["filename"]] = row
    out = []
    for path in sorted(POLNEAR_TRAIN.glob("*.txt")):
        if polnear_half(path.stem) != half:
            continue
        row = meta.get(path.stem, {})
        out.append(DevArticle(f"pn:{path.stem}", path.read_text(encoding="utf-8"),
                              row.get("title"), row.get("publisher"),
                              row.get("publication_date")))
        if limit and len(out) >= limit:
            break
    return out


def _cache_dir() -> Path:
    root = Path(os.environ.get("DOSSIER_BENCH_CACHE", tempfile.gettempdir()))
    path = root / "dossier-actor-bench"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _parsed(texts: list[str], model: str):
    """Docs for the texts, parsed once and cached by content hash."""
    from spacy.tokens import DocBin

    from dossier import nlp

    digest = hashlib.sha1("\x00".join([model, *texts]).encode()).hexdigest()[:16]
    path = _cache_dir() / f"{digest}.spacy"
    vocab = nlp.load(model).vocab
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(vocab))
    docs = list(nlp.parse_many(texts, model))
    DocBin(store_user_data=True, docs=docs).to_disk(path)
    return docs


def build_store(articles: Iterable[DevArticle], settings=None) -> sqlite3.Connection:
    """An in-memory store holding the articles' actors, merged across articles."""
    from dataclasses import replace

    from dossier.clean import clean_article
    from dossier.config import Settings
    from dossier.extract import extract
    from dossier.models import RawArticle
    from dossier.store.articles import save_article
    from dossier.store.db import connect
    from dossier.stories.actor_merge import merge_actors

    settings = replace(settings or Settings(), extractors=("actors",))
    cleaned = []
    for a in articles:
        raw = RawArticle(source_path=a.key, content=a.text, is_html=False, locator=a.key,
                         title=a.title, outlet=a.outlet, published=a.published,
                         external_id=a.key)
        try:
            cleaned.append(clean_article(raw, settings))
        except ValueError:
            continue
    docs = _parsed([c.text for c in cleaned], settings.spacy_model)
    conn = connect(":memory:")
    ids = []
    for article, doc in zip(cleaned, docs, strict=True):
        if save_article(conn, article, extract(article, doc, settings)):
            ids.append(article.id)
    merge_actors(conn, ids, settings)
    return conn
