"""Page weight of the desk's main pages, on the sample corpus and on real news.

Builds two stores through the real ``dossier ingest`` — the sample corpus (examples/)
and the giveme5w1h news clusters (../shared/eval, 247 real articles, written to a
temporary JSONL file, never into the repository) — and prints the bytes of HTML each
main page sends: home, the largest story, a story nearest to 13 articles (the size the
desk issue measured), an article, an actor, a search. Evidence is fetched when a fact is
opened, so the evidence rows are not in these figures; the same bytes as before would be.

    python benchmarks/pages.py [--skip-real] [--db STORE ...]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

import giveme5w1h  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from dossier.config import Settings  # noqa: E402
from dossier.pipeline import ingest  # noqa: E402
from dossier.web import create_app  # noqa: E402

TARGET_STORY = 13  # articles: the story size the 676 kB page had


def weights(db: Path) -> list[tuple[str, str, int]]:
    """(page, what it shows, bytes) for the main pages of the store at ``db``."""
    client = TestClient(create_app(replace(Settings(), db_path=db)), base_url="http://localhost")
    stories = client.get("/api/stories", params={"limit": 500}).json()["items"]
    rows: list[tuple[str, str, int]] = []

    def weigh(label: str, path: str, what: str = "") -> None:
        response = client.get(path)
        response.raise_for_status()
        rows.append((label, what, len(response.content)))

    weigh("home", "/")
    if stories:
        largest = max(stories, key=lambda s: s["n_articles"])
        near = min(stories, key=lambda s: (abs(s["n_articles"] - TARGET_STORY),
                                           -s["n_articles"]))
        weigh("story (largest)", f"/stories/{largest['id']}", f"{largest['n_articles']} articles")
        weigh("story (nearest 13)", f"/stories/{near['id']}", f"{near['n_articles']} articles")
        weigh("brief (html)", f"/stories/{largest['id']}/brief", "largest story")
    article = client.get("/api/articles", params={"limit": 1}).json()["items"]
    if article:
        weigh("article", f"/articles/{article[0]['id']}")
    actors = client.get("/api/actors", params={"limit": 1}).json()["items"]
    if actors:
        weigh("actor (most mentioned)", f"/actors/{actors[0]['id']}")
    weigh("search", "/search?q=police")
    return rows


def build(folder: Path, name: str, inputs: list[Path]) -> Path:
    db = folder / f"{name}.db"
    ingest(inputs, Settings(db_path=db))
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--skip-real", action="store_true",
                        help="only the sample corpus (no ../shared needed)")
    parser.add_argument("--db", type=Path, action="append", default=[],
                        help="weigh these existing stores instead of building the two")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        stores = {str(db): db for db in args.db}
        if not stores:
            stores["examples/"] = build(folder, "examples", [REPO / "examples"])
        if not args.skip_real and not args.db:
            if not giveme5w1h.CLUSTERS.is_dir():
                sys.exit(f"needs {giveme5w1h.CLUSTERS} (../shared beside the repository)")
            jsonl = giveme5w1h.write_jsonl(giveme5w1h.load(), folder / "giveme5w1h.jsonl")
            stores["giveme5w1h (247 real)"] = build(folder, "giveme5w1h", [jsonl])
        print("| store | page | shows | kB |")
        print("|---|---|---|---|")
        for store, db in stores.items():
            for label, what, size in weights(db):
                print(f"| {store} | {label} | {what} | {size / 1000:.0f} |")


if __name__ == "__main__":
    main()
