"""Bad input becomes an error row (path, locator, reason) and the rest of the batch is ingested."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from ingest_corpus import article_text, html_page

from dossier.config import Settings
from dossier.ingest import read_source
from dossier.ingest.source import SourceFile
from dossier.models import IngestError, RawArticle
from dossier.pipeline import ingest

LIMIT = 20 * 1024 * 1024


def errors_of(path: Path, limit: int = LIMIT) -> list[IngestError]:
    items = list(read_source(SourceFile(path, limit)))
    return [i for i in items if isinstance(i, IngestError)]


def only_error(path: Path, limit: int = LIMIT) -> IngestError:
    items = list(read_source(SourceFile(path, limit)))
    assert len(items) == 1 and isinstance(items[0], IngestError), items
    return items[0]


def test_empty_and_blank_files_are_refused(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.html").write_bytes(b" \n\t\n")
    (tmp_path / "header_only.txt").write_text(" date 2024-05-01 \n\n", encoding="utf-8")
    assert "empty" in only_error(tmp_path / "empty.txt").reason
    assert "empty" in only_error(tmp_path / "blank.html").reason
    assert "no article text" in only_error(tmp_path / "header_only.txt").reason


def test_binary_file_with_a_text_extension_is_refused(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    (tmp_path / "photo.txt").write_bytes(png)
    error = only_error(tmp_path / "photo.txt")
    assert error.reason.startswith("binary content")
    (tmp_path / "controls.txt").write_bytes(bytes(range(1, 32)) * 50)
    assert only_error(tmp_path / "controls.txt").reason.startswith("binary content")


def test_fifty_megabyte_file_is_refused_without_being_read(tmp_path: Path) -> None:
    big = tmp_path / "dump.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: instant to create, 50 MB to stat
    error = only_error(big, limit=LIMIT)
    assert error.reason.startswith("too large: 52428800 bytes")


def test_oversized_jsonl_line_is_refused_and_the_next_line_still_read(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    huge = json.dumps({"id": "big", "text": "x" * 5000})
    fine = json.dumps({"id": "ok", "text": article_text(1)})
    path.write_text(huge + "\n" + fine + "\n", encoding="utf-8")
    items = list(read_source(SourceFile(path, 4096)))
    assert isinstance(items[0], IngestError) and items[0].locator == "line 1"
    assert "too large" in items[0].reason
    assert isinstance(items[1], RawArticle) and items[1].external_id == "ok"


def test_mixed_utf8_and_cp1252_is_refused_not_garbled(tmp_path: Path) -> None:
    path = tmp_path / "glued.txt"
    path.write_bytes(
        "KELVALE — Prices in € rose “sharply”.\n".encode()
        + "Le café a fermé — selon l’agence.\n".encode("cp1252")
    )
    error = only_error(path)
    assert error.reason.startswith("mixed encodings")
    assert "offset" in error.reason


def test_truncated_html_is_refused(tmp_path: Path) -> None:
    page = html_page("Cut", article_text(1) + "\n\n" + article_text(2))
    (tmp_path / "mid_tag.html").write_text(page[: page.index("</p>") + 2], encoding="utf-8")
    (tmp_path / "unclosed.html").write_text(page[: page.index("<footer>")], encoding="utf-8")
    assert only_error(tmp_path / "mid_tag.html").reason.startswith("truncated HTML: ends inside")
    assert "never closed" in only_error(tmp_path / "unclosed.html").reason


def test_malformed_jsonl_lines_are_named_and_good_lines_kept(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    lines = [
        json.dumps({"id": "a", "text": article_text(1)}),
        '{"id": "b", "text": "unterminated',
        "[1, 2, 3]",
        json.dumps({"id": "c", "title": "no body"}),
        json.dumps({"id": "d", "text": article_text(4)}),
    ]
    path.write_bytes("\n".join(lines).encode() + b"\n" + b'{"id": "e", "text": "caf\xe9"}\n')
    items = list(read_source(SourceFile(path, LIMIT)))
    good = [i.external_id for i in items if isinstance(i, RawArticle)]
    bad = {i.locator: i.reason for i in items if isinstance(i, IngestError)}
    assert good == ["a", "d"]
    assert set(bad) == {"line 2", "line 3", "line 4", "line 6"}
    assert bad["line 2"].startswith("malformed JSON")
    assert bad["line 3"] == "not a JSON object but list"
    assert "no 'text' or 'html'" in bad["line 4"]
    assert bad["line 6"].startswith("not UTF-8")


def test_duplicate_jsonl_id_names_the_first_line(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text(
        "\n".join(json.dumps({"id": "same", "text": article_text(i)}) for i in range(3)),
        encoding="utf-8",
    )
    errors = errors_of(path)
    assert [(e.locator, e.reason) for e in errors] == [
        ("line 2", "duplicate id 'same' (first on line 1)"),
        ("line 3", "duplicate id 'same' (first on line 1)"),
    ]


def test_unreadable_paths_are_refused(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    assert only_error(tmp_path / "gone.txt").reason.startswith("unreadable")
    (tmp_path / "folder.txt").mkdir()
    assert only_error(tmp_path / "folder.txt").reason == "unreadable: a directory"
    assert only_error(tmp_path / "missing.jsonl").reason.startswith("unreadable")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_file_without_read_permission_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(article_text(1), encoding="utf-8")
    path.chmod(0)
    assert only_error(path).reason.startswith("unreadable")


def test_garbage_warc_and_feed_are_refused(tmp_path: Path) -> None:
    (tmp_path / "crawl.warc.gz").write_bytes(b"\x1f\x8b\x08\x00 broken gzip stream" * 10)
    (tmp_path / "feed.rss").write_text("<rss><channel><title>x</title>", encoding="utf-8")
    assert "WARC" in only_error(tmp_path / "crawl.warc.gz").reason
    assert "feed" in only_error(tmp_path / "feed.rss").reason


@pytest.mark.slow  # ingests a folder of good and bad files through the whole pipeline
def test_batch_with_bad_files_stores_the_good_ones_and_every_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("dossier.pipeline.corpus_steps", list)  # other features' steps: not here
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a_good.txt").write_text(article_text(1), encoding="utf-8")
    (corpus / "b_empty.txt").write_bytes(b"")
    (corpus / "c_binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (corpus / "d_wire.jsonl").write_text(
        json.dumps({"id": "w1", "text": article_text(2)}) + "\nnot json\n", encoding="utf-8"
    )
    (corpus / "e_good.html").write_text(html_page("E", article_text(3)), encoding="utf-8")
    (corpus / "f_gone.txt").symlink_to(corpus / "nowhere")
    db = tmp_path / "d.db"
    report = ingest([corpus], Settings(db_path=db, extractors=(), commit_every=2))
    assert report.failed
    assert report.new == 3
    conn = sqlite3.connect(db)
    stored = {Path(p).name for (p,) in conn.execute("SELECT source_path FROM articles")}
    errors = {
        (Path(p).name, loc)
        for p, loc in conn.execute("SELECT source_path, locator FROM ingest_errors")
    }
    assert stored == {"a_good.txt", "d_wire.jsonl", "e_good.html"}
    assert errors == {
        ("b_empty.txt", ""), ("c_binary.txt", ""), ("d_wire.jsonl", "line 2"), ("f_gone.txt", ""),
    }
    assert {(e.source_path, e.locator) for e in report.errors} == {
        (str(corpus / n), loc) for n, loc in errors
    }
