"""Each reader turns its format into RawArticles with what the format says about them."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from ingest_corpus import article_text, html_page, warc_bytes

from dossier.ingest import format_of, iter_files, read_paths, read_source
from dossier.ingest.decode import decode
from dossier.ingest.source import SourceFile
from dossier.ingest.text import split_header
from dossier.models import IngestError, RawArticle

LIMIT = 20 * 1024 * 1024


def read(path: Path) -> list[RawArticle | IngestError]:
    return list(read_source(SourceFile(path, LIMIT)))


def only_articles(items: list) -> list[RawArticle]:
    errors = [i for i in items if isinstance(i, IngestError)]
    assert not errors, errors
    return items


def test_date_header_line_becomes_publication_date_and_leaves_the_text(tmp_path: Path) -> None:
    path = tmp_path / "digest.txt"
    path.write_text(" date 2023-07-28 \n\nHeadline here\n\nFirst paragraph.\n", encoding="utf-8")
    [raw] = only_articles(read(path))
    assert raw.published == "2023-07-28"
    assert raw.header == {"date": "2023-07-28"}
    assert raw.content.startswith("Headline here")
    assert "date" not in raw.content
    assert raw.is_html is False


def test_title_and_source_header_lines_fill_title_and_outlet(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "title Ferries return to Glenmoor\nsource Velland Post\nurl https://velland.example/a\n"
        "\n" + article_text(1),
        encoding="utf-8",
    )
    [raw] = only_articles(read(path))
    assert raw.title == "Ferries return to Glenmoor"
    assert raw.outlet == "Velland Post"
    assert raw.url == "https://velland.example/a"
    assert raw.content == article_text(1)


def test_headline_that_starts_with_a_header_word_is_not_a_header() -> None:
    header, body = split_header("Title fight ends in a draw\n\nThe bout went twelve rounds.")
    assert header == {}
    assert body.startswith("Title fight")
    header, body = split_header("date night in Kelvale draws crowds\n\nText.")
    assert header == {}


def test_text_without_header_is_kept_whole(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text(article_text(2), encoding="utf-8")
    [raw] = only_articles(read(path))
    assert raw.content == article_text(2)
    assert raw.published is None


def test_cp1252_text_is_detected_not_assumed(tmp_path: Path) -> None:
    text = (
        "KELVALE, Velland — The café owners’ association said prices would rise by 5 € "
        "next month, a decision the mayor called “regrettable but necessary”. " * 4
    )
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1252"))
    [raw] = only_articles(read(path))
    assert "café owners’ association" in raw.content
    assert "“regrettable but necessary”" in raw.content


def test_utf16_with_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(article_text(3).encode("utf-16"))
    [raw] = only_articles(read(path))
    assert raw.content == article_text(3)
    assert raw.encoding == "utf-16"


def test_html_meta_charset_decides_the_encoding(tmp_path: Path) -> None:
    body = "Négociations à Zürich: “progress”, said the envoy."
    page = html_page("Zürich talks", body, "windows-1252")
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("cp1252"))
    [raw] = only_articles(read(path))
    assert raw.is_html
    assert "Négociations à Zürich: “progress”" in raw.content
    assert raw.encoding == "cp1252"


WRONG_DECLARATION_BODY = "Négociations à Zürich: “progress”, said the envoy as the café closed."


def test_utf8_page_declaring_latin1_is_read_as_utf8_not_mojibake(tmp_path: Path) -> None:
    page = html_page("Zürich talks", WRONG_DECLARATION_BODY, "iso-8859-1")
    path = tmp_path / "saved_as_utf8.html"
    path.write_bytes(page.encode("utf-8"))
    [raw] = only_articles(read(path))
    assert WRONG_DECLARATION_BODY in raw.content
    assert raw.encoding == "utf-8"


def test_cp1252_page_declaring_utf8_is_detected_as_western(tmp_path: Path) -> None:
    page = html_page("Zürich talks", WRONG_DECLARATION_BODY, "utf-8")
    path = tmp_path / "legacy.html"
    path.write_bytes(page.encode("cp1252"))
    [raw] = only_articles(read(path))
    assert WRONG_DECLARATION_BODY in raw.content  # not "ŕ Zürich" (cp1250 ties on short text)


def test_latin1_french_text_keeps_its_accents(tmp_path: Path) -> None:
    text = "Le café a fermé à Zürich, selon l'agence, et la grève continue."
    path = tmp_path / "depeche.txt"
    path.write_bytes(text.encode("latin-1"))
    [raw] = only_articles(read(path))
    assert raw.content == text


def test_central_european_cp1250_is_still_told_apart_from_western(tmp_path: Path) -> None:
    text = "Rząd w Warszawie ogłosił, że żołnierze zostaną wycofani z granicy do środy."
    path = tmp_path / "depesza.txt"
    path.write_bytes(text.encode("cp1250"))
    [raw] = only_articles(read(path))
    assert raw.content == text


def test_jsonl_fields_map_onto_the_article_and_lines_are_located(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    records = [
        {"id": "vp-1", "url": "https://velland.example/1", "title": "One", "text": article_text(1),
         "published": "2024-05-02T08:00:00Z", "outlet": "Velland Post"},
        {"id": "vp-2", "title": "Two", "html": html_page("Two", article_text(2)),
         "source": "Kelvale Wire", "author": "Ines Calder"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n\n", encoding="utf-8")
    first, second = only_articles(read(path))
    assert (first.external_id, first.title) == ("vp-1", "One")
    assert first.url == "https://velland.example/1"
    assert first.published == "2024-05-02T08:00:00Z" and first.outlet == "Velland Post"
    assert first.locator == "line 1" and not first.is_html
    assert second.is_html and second.outlet == "Kelvale Wire" and second.byline == "Ines Calder"
    assert second.locator == "line 2"


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Velland Post — Coast</title><link>https://velland.example</link>
<item><title>Ferries return</title><link>https://velland.example/ferries</link>
<pubDate>Tue, 07 May 2024 09:30:00 +0200</pubDate>
<description>Short teaser only.</description>
<content:encoded><![CDATA[<p>GLENMOOR — Ferries returned on Tuesday.</p>
<p>Crowds cheered.</p>]]></content:encoded>
</item>
<item><title>Storm warning</title><link>https://velland.example/storm</link>
<description>KELVALE — A storm warning was issued for the coast.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Kelvale Wire</title><id>urn:kw</id>
<updated>2024-05-08T10:00:00Z</updated>
<entry><title>Bridge opens</title><id>urn:kw:1</id><link href="https://kelvale.example/bridge"/>
<updated>2024-05-08T10:00:00Z</updated><author><name>Ines Calder</name></author>
<content type="html">&lt;p&gt;DUNMARSH — The new bridge opened on Wednesday.&lt;/p&gt;
</content></entry>
</feed>"""


def test_rss_items_become_articles_with_full_content_before_summary(tmp_path: Path) -> None:
    path = tmp_path / "coast.rss"
    path.write_text(RSS, encoding="utf-8")
    first, second = only_articles(read(path))
    assert "Ferries returned on Tuesday" in first.content and "teaser" not in first.content
    assert first.is_html and first.outlet == "Velland Post — Coast"
    assert first.published == "2024-05-07T07:30:00Z"  # normalised to UTC
    assert first.url == "https://velland.example/ferries" and first.locator == "item 1"
    assert "storm warning" in second.content and second.locator == "item 2"


def test_atom_entries_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "wire.atom"
    path.write_text(ATOM, encoding="utf-8")
    [entry] = only_articles(read(path))
    assert "new bridge opened" in entry.content and entry.is_html
    assert (entry.title, entry.byline) == ("Bridge opens", "Ines Calder")
    assert entry.outlet == "Kelvale Wire"
    assert entry.published == "2024-05-08T10:00:00Z"


@pytest.mark.parametrize("compressed", [False, True])
def test_warc_html_responses_become_articles_and_other_records_are_skipped(
    tmp_path: Path, compressed: bool
) -> None:
    pages = [
        ("https://velland.example/a", html_page("A", article_text(1))),
        ("https://velland.example/b", html_page("B", article_text(2))),
    ]
    path = tmp_path / ("crawl.warc.gz" if compressed else "crawl.warc")
    path.write_bytes(warc_bytes(pages, gzip=compressed))
    items = only_articles(read(path))
    assert [r.url for r in items] == ["https://velland.example/a", "https://velland.example/b"]
    assert all(r.is_html and r.locator.startswith("offset ") for r in items)
    assert "ferry route 2" in items[1].content


def test_folders_are_walked_recursively_in_sorted_order_skipping_non_articles(
    tmp_path: Path,
) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    for rel in ("b/2.txt", "a/deep/1.txt", "a/0.html", "z.txt", ".git/x.txt", ".hidden.txt"):
        (tmp_path / rel).write_text(article_text(len(rel)), encoding="utf-8")
    (tmp_path / "answers.json").write_text("{}", encoding="utf-8")
    ignored: list[Path] = []
    found = [p.relative_to(tmp_path).as_posix() for p in iter_files([tmp_path], ignored.append)]
    assert found == ["z.txt", "a/0.html", "a/deep/1.txt", "b/2.txt"]
    assert {p.name for p in ignored} == {"answers.json", ".hidden.txt"}


def test_format_is_sniffed_when_the_extension_says_nothing(tmp_path: Path) -> None:
    cases = {
        "page": html_page("T", "Body"),
        "feed": RSS,
        "lines": json.dumps({"text": "x"}) + "\n",
        "note": article_text(1),
    }
    for name, body in cases.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
    (tmp_path / "crawl").write_bytes(warc_bytes([("https://v.example", html_page("T", "B"))], True))
    assert [format_of(tmp_path / n) for n in ("page", "feed", "lines", "note", "crawl")] == [
        "html", "feed", "jsonl", "text", "warc",
    ]


def test_every_format_streams_in_one_pass_even_a_whole_file_gzip_warc(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(article_text(1), encoding="utf-8")
    (tmp_path / "b.rss").write_text(RSS, encoding="utf-8")
    with gzip.open(tmp_path / "c.warc.gz", "wb") as handle:
        handle.write(warc_bytes([("https://v.example/c", html_page("C", article_text(3)))], False))
    items = list(read_paths([tmp_path], LIMIT))
    assert [type(i).__name__ for i in items] == ["RawArticle"] * 4
    assert [Path(i.source_path).name for i in items] == ["a.txt", "b.rss", "b.rss", "c.warc.gz"]


def test_seed_files_read_with_the_digest_date_header(seeds_dir: Path) -> None:
    items = {Path(i.source_path).name: i for i in read_paths([seeds_dir], LIMIT)}
    digest = items["000_f9444bceebfe331f.txt"]
    assert digest.published == "2023-07-28"
    assert digest.content.startswith("Niger military chief backs coup leaders")
    scraped = items["004_b9dabca082e516ec.txt"]
    assert scraped.content.startswith("NIAMEY, Niger —") and scraped.header == {}


def test_utf8_is_preferred_over_a_statistical_guess() -> None:
    decoded = decode("Ferries to Zürich resume — «soon».".encode())
    assert (decoded.encoding, decoded.how) == ("utf-8", "utf-8")
