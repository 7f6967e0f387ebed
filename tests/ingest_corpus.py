"""Small invented articles for the ingest tests, written for Dossier (no third-party text)."""

from __future__ import annotations

import io
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from dossier.registry import ArticleContext, Extractor, register_extractor
from dossier.store.facts import register_writer

TOWNS = ("Glenmoor", "Ashford Bay", "Kelvale", "Dunmarsh", "Port Ferrin", "Oakridge")


def article_text(index: int) -> str:
    """A short news story, different for every index (so every content hash differs)."""
    town = TOWNS[index % len(TOWNS)]
    return (
        f"{town.upper()}, Velland — The harbour authority of {town} said on Tuesday that "
        f"ferry route {index} would reopen next week after storm repairs.\n\n"
        f"\"We expect {index + 40} crossings in the first week,\" harbour master Ines Calder "
        f"told reporters at the quay.\n\n"
        f"The route carried {1000 + index * 7} passengers a day before the storm closed it."
    )


def write_text_corpus(folder: Path, count: int, start: int = 0) -> list[Path]:
    """``count`` plain-text articles with a date header, spread over two sub-folders."""
    paths = []
    for index in range(start, start + count):
        sub = folder / ("north" if index % 2 else "south")
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"story_{index:04d}.txt"
        path.write_text(
            f" date 2024-05-{1 + index % 28:02d} \nsource Velland Post\n\n{article_text(index)}\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def html_page(title: str, body: str, charset: str = "utf-8") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title></head>'
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{paragraphs}</article>"
        "<footer>© Velland Post</footer></body></html>"
    )


def warc_bytes(pages: list[tuple[str, str]], gzip: bool) -> bytes:
    """A WARC holding one request + one HTML response per (url, html), plus a JPEG response."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for url, page in pages:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        get = io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
        request = writer.create_warc_record(url, "request", payload=get)
        writer.write_record(request)
        writer.write_record(
            writer.create_warc_record(
                url, "response", payload=io.BytesIO(page.encode("utf-8")), http_headers=headers
            )
        )
    image_headers = StatusAndHeaders(
        "200 OK", [("Content-Type", "image/jpeg")], protocol="HTTP/1.1"
    )
    writer.write_record(
        writer.create_warc_record(
            "https://velland.example/photo.jpg", "response",
            payload=io.BytesIO(b"\xff\xd8\xff\xe0 not really a jpeg"), http_headers=image_headers,
        )
    )
    return buffer.getvalue()


@dataclass(frozen=True)
class ProbeFact:
    """A stand-in fact: one per sentence of the parsed Doc, with its char span."""

    start: int
    end: int


def probe_run(ctx: ArticleContext) -> list[ProbeFact]:
    return [ProbeFact(s.start_char, s.end_char) for s in ctx.doc.sents]


def probe_save(conn: sqlite3.Connection, article_id: str, facts: list[ProbeFact]) -> None:
    conn.execute("CREATE TABLE IF NOT EXISTS probe_facts (article_id TEXT, start INT, end INT)")
    conn.executemany(
        "INSERT INTO probe_facts VALUES (?, ?, ?)", [(article_id, f.start, f.end) for f in facts]
    )


PROBE = register_extractor(Extractor(name="probe", run=probe_run, assigns=(ProbeFact,)))
register_writer("probe")(probe_save)


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every row of the ingest tables (and the probe's facts), in a stable order."""
    conn = sqlite3.connect(db)
    try:
        tables = ["articles", "removed_blocks", "ingest_errors", "sources"]
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'probe_facts'").fetchone():
            tables.append("probe_facts")
        return {t: sorted(map(tuple, conn.execute(f"SELECT * FROM {t}"))) for t in tables}
    finally:
        conn.close()
