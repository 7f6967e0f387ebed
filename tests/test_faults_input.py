"""Fault suite, inputs: one bad input never stops or hangs a run; it becomes an error row.

Each test is one failure a fault probe found (issue 16, items 1-12): an article too long
to parse, file names that are not UTF-8, FIFOs, files that vanish mid-run, WARC records
without a target URI or a length, damaged .warc.gz files, gzip without an extension.
"""

from __future__ import annotations

import gzip
import json
import os
import threading
import zlib
from pathlib import Path

import pytest
from ingest_corpus import article_text, html_page, warc_bytes

from dossier import pipeline
from dossier.config import Settings
from dossier.ingest import read_source
from dossier.ingest.source import SourceFile
from dossier.models import IngestError, RawArticle
from dossier.pipeline import ingest, process_batch
from dossier.store.db import connect

LIMIT = 20 * 1024 * 1024
# An error reason says why in a sentence; it never carries the input itself.
MAX_REASON_CHARS = 300
FAST = ("actors",)  # one cheap extractor: these tests are about the run, not the facts


def settings_for(tmp_path: Path, **kw) -> Settings:
    return Settings(db_path=tmp_path / "d.db", extractors=FAST, **kw)


def read(path: Path, limit: int = LIMIT) -> list[RawArticle | IngestError]:
    return list(read_source(SourceFile(path, limit)))


def finishes(target, seconds: float = 30.0):
    """Run ``target`` in a thread; the test fails (instead of hanging) if it does not end."""
    box: dict = {}

    def run() -> None:
        try:
            box["value"] = target()
        except BaseException as exc:  # pragma: no cover - reported below
            box["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s"
    if "error" in box:
        raise box["error"]
    return box["value"]


def stored(db: Path, sql: str) -> list[tuple]:
    conn = connect(db, readonly=True)
    try:
        return [tuple(r) for r in conn.execute(sql)]
    finally:
        conn.close()


# ------------------------------------------------------------------ 1. over the parser limit


def test_article_over_the_parser_limit_is_refused_and_its_batch_is_stored(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    paragraph = "The committee met again on the harbour question and adjourned.\n\n"
    (folder / "a-dump.txt").write_text(paragraph * (1_000_001 // len(paragraph) + 1))
    (folder / "b-good.txt").write_text(article_text(1))
    report = ingest([folder], settings_for(tmp_path))
    assert report.new == 1
    [error] = report.errors
    assert error.source_path.endswith("a-dump.txt")
    assert error.reason.startswith("too long:") and "max_article_chars" in error.reason
    assert stored(tmp_path / "d.db", "SELECT count(*) FROM ingest_errors") == [(1,)]


def test_a_parser_failure_costs_its_own_article_not_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dossier import nlp

    real_pipe = nlp.parse_many

    def pipe(texts, *args, **kwargs):
        for text in texts:
            if "POISON" in text:
                raise RuntimeError("the parser broke")
        yield from real_pipe(texts, *args, **kwargs)

    real_parse = nlp.parse

    def parse(text, *args, **kwargs):
        if "POISON" in text:
            raise RuntimeError("the parser broke")
        return real_parse(text, *args, **kwargs)

    monkeypatch.setattr(nlp, "parse_many", pipe)
    monkeypatch.setattr(nlp, "parse", parse)
    raws = [
        RawArticle("good.txt", article_text(1), False),
        RawArticle("bad.txt", article_text(2) + " POISON", False),
    ]
    good, bad = process_batch(raws, settings_for(tmp_path))
    assert isinstance(good, pipeline.ProcessedArticle)
    assert isinstance(bad, IngestError) and bad.source_path == "bad.txt"
    assert bad.reason.startswith("internal error in parse: RuntimeError")


# ------------------------------------------------------------------ 2. non-UTF-8 file names


def test_file_name_that_is_not_utf8_is_stored_with_an_escaped_name(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"caf\xff.txt")
    (folder / name).write_text(article_text(3))
    (folder / "empty.txt").write_text("")
    report = ingest([folder], settings_for(tmp_path))
    assert report.new == 1
    [(path,)] = stored(tmp_path / "d.db", "SELECT source_path FROM articles")
    assert path.endswith("caf\\xff.txt")
    rerun = ingest([folder], settings_for(tmp_path))
    assert rerun.files_skipped == 2 and rerun.new == 0


# ------------------------------------------------------------------ 3. FIFOs and devices


def test_fifo_in_a_folder_is_an_error_row_and_never_blocks(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe")
    os.mkfifo(folder / "pipe.txt")
    (folder / "z.txt").write_text(article_text(4))
    report = finishes(lambda: ingest([folder], settings_for(tmp_path)))
    assert report.new == 1
    reasons = {Path(e.source_path).name: e.reason for e in report.errors}
    assert set(reasons) == {"pipe", "pipe.txt"}
    assert all("FIFO" in r for r in reasons.values())


def test_device_named_on_the_command_line_is_refused_unread(tmp_path: Path) -> None:
    [error] = finishes(lambda: read(Path("/dev/zero")))
    assert isinstance(error, IngestError) and "device" in error.reason


# ------------------------------------------------------------------ 4. files that vanish


def test_file_deleted_between_read_and_commit_keeps_its_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"{i}.txt").write_text(article_text(i + 5))
    real = pipeline.read_source

    def read_then_delete(source: SourceFile):
        yield from real(source)
        if source.path.name == "1.txt":
            source.path.unlink()

    monkeypatch.setattr(pipeline, "read_source", read_then_delete)
    report = ingest([folder], settings_for(tmp_path))
    assert report.new == 3
    [error] = report.errors
    assert error.source_path.endswith("1.txt") and error.reason.startswith("vanished")
    finished = stored(tmp_path / "d.db", "SELECT path FROM sources ORDER BY path")
    assert [Path(p).name for (p,) in finished] == ["0.txt", "2.txt"]


# ------------------------------------------------------------------ 5-8. WARC


def warc_record(http: bytes, *, target: str | None = "https://velland.example/a",
                length: bool = True) -> bytes:
    """One WARC response record written by hand, so headers can be left out."""
    lines = ["WARC/1.0", "WARC-Type: response", "WARC-Date: 2024-05-01T10:00:00Z",
             "WARC-Record-ID: <urn:uuid:12345678-1234-1234-1234-123456789abc>",
             "Content-Type: application/http; msgtype=response"]
    if target:
        lines.append(f"WARC-Target-URI: {target}")
    if length:
        lines.append(f"Content-Length: {len(http)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + http + b"\r\n\r\n"


def http_response(body: bytes, *extra: str) -> bytes:
    head = ["HTTP/1.1 200 OK", "Content-Type: text/html; charset=utf-8", *extra]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


PAGE = html_page("Harbour reopens", article_text(1)).encode()


def test_warc_record_without_target_uri_is_read_as_an_article(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(warc_record(http_response(PAGE), target=None))
    [raw] = read(path)
    assert isinstance(raw, RawArticle) and raw.url is None and "Harbour" in raw.content


def test_garbage_after_a_gzip_record_ends_the_file_quickly_keeping_the_record(
    tmp_path: Path,
) -> None:
    path = tmp_path / "crawl.warc.gz"
    good = warc_bytes([("https://velland.example/a", html_page("A", article_text(1)))], True)
    path.write_bytes(good + os.urandom(2 * 1024 * 1024))
    items = finishes(lambda: read(path), 30)
    articles = [i for i in items if isinstance(i, RawArticle)]
    [error] = [i for i in items if isinstance(i, IngestError)]
    assert len(articles) == 1
    assert "WARC" in error.reason and len(error.reason) <= MAX_REASON_CHARS


def test_garbage_line_in_a_plain_warc_is_not_stored_as_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(warc_record(http_response(PAGE)) + b"x" * (4 * 1024 * 1024) + b"\r\n")
    items = finishes(lambda: read(path), 30)
    errors = [i for i in items if isinstance(i, IngestError)]
    assert [i for i in items if isinstance(i, RawArticle)]
    assert errors and all(len(e.reason) <= MAX_REASON_CHARS for e in errors)


def test_warc_record_without_length_is_held_to_the_size_limit(tmp_path: Path) -> None:
    # 1 MB of page compressed into a few KB: gzip content-encoding, no Content-Length.
    body = gzip.compress(b"<html><body><p>" + b"a " * 500_000 + b"</p></body></html>")
    http = http_response(body, "Content-Encoding: gzip")
    path = tmp_path / "crawl.warc"
    path.write_bytes(warc_record(http, length=False))
    items = read(path, limit=200_000)
    assert not [i for i in items if isinstance(i, RawArticle)]
    assert any("too large" in i.reason for i in items if isinstance(i, IngestError))


def test_warc_gz_cut_inside_its_last_member_keeps_the_records_before(tmp_path: Path) -> None:
    pages = [(f"https://velland.example/{i}", html_page(f"T{i}", article_text(i))) for i in (1, 2)]
    whole = warc_bytes(pages, True)
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(whole[:-40])  # the JPEG record's member loses its end
    items = read(path)
    articles = [i for i in items if isinstance(i, RawArticle)]
    errors = [i for i in items if isinstance(i, IngestError)]
    assert [a.url for a in articles] == ["https://velland.example/1", "https://velland.example/2"]
    assert len(errors) == 1 and "cut off" in errors[0].reason


def test_warc_gz_cut_inside_an_html_record_keeps_the_one_before(tmp_path: Path) -> None:
    one = warc_bytes([("https://velland.example/1", html_page("T1", article_text(1)))], True)
    two = warc_bytes([("https://velland.example/2", html_page("T2", article_text(2)))], True)
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(one + two[: len(two) // 2])
    items = read(path)
    assert [i.url for i in items if isinstance(i, RawArticle)] == ["https://velland.example/1"]
    assert any(isinstance(i, IngestError) for i in items)


# ------------------------------------------------------------------ 9. gzip without extension


@pytest.mark.parametrize("kind", ["html", "jsonl", "text"])
def test_gzipped_input_without_an_extension_is_read_through_gzip(
    tmp_path: Path, kind: str
) -> None:
    content = {
        "html": html_page("Gzipped page", article_text(1)),
        "jsonl": json.dumps({"id": "g1", "title": "Gzip line", "text": article_text(1)}) + "\n",
        "text": "title Gzipped text\n\n" + article_text(1),
    }[kind]
    path = tmp_path / "download"
    path.write_bytes(gzip.compress(content.encode()))
    [raw] = read(path)
    assert isinstance(raw, RawArticle), raw
    assert "harbour" in raw.content.lower() or "Glenmoor" in raw.content


def test_gzip_bomb_without_extension_is_refused_at_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "download"
    path.write_bytes(gzip.compress(b"word " * 400_000))
    [error] = read(path, limit=100_000)
    assert isinstance(error, IngestError) and error.reason.startswith("too large")


def test_corrupt_compressed_reader_reason_is_capped() -> None:
    reason = SourceFile(Path("x"), 1).error("y" * 100_000).reason
    assert len(reason) <= MAX_REASON_CHARS


def test_truncated_gzip_jsonl_keeps_the_lines_before_the_cut(tmp_path: Path) -> None:
    lines = "".join(
        json.dumps({"id": f"l{i}", "text": article_text(i)}) + "\n" for i in range(40)
    ).encode()
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    data = compressor.compress(lines) + compressor.flush()
    path = tmp_path / "wire.jsonl.gz"
    path.write_bytes(data[: len(data) * 3 // 4])
    items = read(path)
    articles = [i for i in items if isinstance(i, RawArticle)]
    errors = [i for i in items if isinstance(i, IngestError)]
    assert 10 < len(articles) < 40
    assert "damaged gzip" in errors[-1].reason
    assert all("malformed JSON" in e.reason for e in errors[:-1]) and len(errors) <= 2




# ------------------------------------------------------------------ 12. repetitive text


@pytest.mark.slow
def test_work_on_a_repetitive_paste_grows_linearly_with_its_length(tmp_path: Path) -> None:
    """Four times the text may cost about four times the CPU, never sixteen (quadratic)."""
    import time

    settings = Settings(db_path=tmp_path / "d.db")  # every extractor: they were the culprits
    sentence = ("Police said protesters marched in Kelvale on Tuesday, and the minister "
                "said \"we will respond\", according to officials. ")
    process_batch([RawArticle("warm.txt", sentence * 3, False)], settings)

    def cpu(chars: int) -> float:
        text = (sentence * (chars // len(sentence) + 1))[:chars]
        start = time.process_time()
        [result] = process_batch([RawArticle("paste.txt", text, False)], settings)
        assert isinstance(result, pipeline.ProcessedArticle)
        return time.process_time() - start

    small, large = cpu(6_000), cpu(24_000)
    assert large < 8 * small, (small, large)
