"""The CLI a user runs: ingest (summary, exit code), then articles, show, search, errors, export."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from ingest_corpus import article_text, html_page, write_text_corpus
from typer.testing import CliRunner

import dossier.cli.articles  # noqa: F401 - registers its commands
import dossier.cli.export  # noqa: F401
import dossier.cli.ingest  # noqa: F401
from dossier.cli.app import app

runner = CliRunner()


@pytest.fixture(autouse=True)
def no_corpus_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    """Other features' corpus steps are theirs to test; these tests are about the CLI."""
    monkeypatch.setattr("dossier.pipeline.corpus_steps", list)


def cli(*args: str):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def store(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    write_text_corpus(corpus, 4)
    (corpus / "page.html").write_text(html_page("Bridge opens", article_text(9)), encoding="utf-8")
    db = tmp_path / "d.db"
    result = cli("ingest", corpus, "--db", db, "--extractors", "")
    assert result.exit_code == 0, result.output
    return db


def test_clean_ingest_exits_zero_and_says_what_it_built_and_where(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_text_corpus(corpus, 3)
    db = tmp_path / "d.db"
    result = cli("ingest", corpus, "--db", db, "--extractors", "")
    assert result.exit_code == 0, result.output
    assert "articles: 3 read this run (3 new, 0 already present) from 3 files" in result.stdout
    assert "outlets: 1 in the store" in result.stdout
    assert "errors: 0 this run" in result.stdout
    assert f"store: {db.resolve()} holds 3 articles" in result.stdout
    again = cli("ingest", corpus, "--db", db, "--extractors", "")
    assert again.exit_code == 0 and "3 files skipped" in again.stdout


def test_ingest_with_bad_input_exits_one_and_lists_each_error(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_text_corpus(corpus, 2)
    (corpus / "wire.jsonl").write_text('{"id": 1, "text": "x"}\n{oops\n', encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    db = tmp_path / "d.db"
    result = cli("ingest", corpus, "--db", db, "--extractors", "")
    assert result.exit_code == 1
    assert f"{corpus / 'wire.jsonl'} [line 2]: malformed JSON" in result.stdout
    assert f"{corpus / 'empty.txt'}: empty input" in result.stdout
    listed = cli("errors", "--db", db)
    assert "[line 2]: malformed JSON" in listed.stdout and "-- 2 errors" in listed.stdout
    rerun = cli("ingest", corpus, "--db", db, "--extractors", "")
    assert rerun.exit_code == 1, "same input, same verdict, even when its files are skipped"
    assert "2 recorded earlier for skipped files" in rerun.stdout


def test_articles_show_and_search_read_the_store(store: Path) -> None:
    listing = cli("articles", "--db", store)
    assert listing.exit_code == 0 and "-- 1-5 of 5" in listing.stdout
    assert cli("articles", "--db", store, "--outlet", "Velland Post").stdout.count("\n") == 5
    rows = json.loads(cli("articles", "--db", store, "--json", "--limit", "2").stdout)
    assert len(rows) == 2 and rows[0]["published"] >= rows[1]["published"]

    hits = json.loads(cli("search", "ferry route 9", "--db", store, "--json").stdout)
    assert len(hits) == 1
    shown = cli("show", hits[0]["id"][:10], "--db", store)
    assert shown.exit_code == 0
    assert "ferry route 9 would reopen" in shown.stdout and "removed blocks:" in shown.stdout
    assert cli("show", "zzzz", "--db", store).exit_code == 1


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_articles_in_every_format(store: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"articles.{fmt}"
    result = cli("export", "--what", "articles", "--format", fmt, "--out", out, "--db", store)
    assert result.exit_code == 0, result.output
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    else:
        rows = pq.read_table(out).to_pylist()
    assert len(rows) == 5
    assert {"id", "source_path", "url", "outlet", "title", "byline", "dateline", "published",
            "language", "text", "removed"} <= set(rows[0])


def test_reading_commands_refuse_a_missing_store(tmp_path: Path) -> None:
    result = cli("articles", "--db", tmp_path / "nope.db")
    assert result.exit_code == 2
    assert not (tmp_path / "nope.db").exists()


def test_seeds_ingest_with_the_digest_dated_from_its_header(seeds_dir: Path, tmp_path: Path):
    db = tmp_path / "seeds.db"
    result = cli("ingest", seeds_dir, "--db", db, "--extractors", "")
    assert result.exit_code == 0, result.output
    rows = json.loads(cli("articles", "--db", db, "--json").stdout)
    assert len(rows) == 2
    dated = [r for r in rows if r["source_path"].endswith("000_f9444bceebfe331f.txt")]
    assert dated[0]["published"].startswith("2023-07-28")
