"""Fault suite, the store and the command line: exit codes, read-only opening, damage.

Issue 16, items 10 and 11 and "the store": a run names refusals however the path is
spelled; "inputs refused" (1) and "Dossier failed" (3) are different exit codes; read
commands open the store read-only; full disk, a damaged or read-only store end in one
message; ``dossier check`` finds a damaged search index and rebuilds it; nothing an
article holds can drive the terminal.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from ingest_corpus import article_text, write_text_corpus

from dossier import cli
from dossier.config import Settings
from dossier.ingest.text import split_header
from dossier.pipeline import ingest
from dossier.store.db import connect

EXTRACTORS = ("--extractors", "")


@pytest.fixture(autouse=True)
def no_corpus_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    """Corpus steps are other features'; these tests are about runs and the store."""
    monkeypatch.setattr("dossier.pipeline.corpus_steps", list)


def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture, *args) -> tuple:
    """``dossier ARGS`` through the real entry point: (exit code, stdout, stderr)."""
    monkeypatch.setattr(sys, "argv", ["dossier", *map(str, args)])
    try:
        cli.main()
        code = 0
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    write_text_corpus(folder, 3)
    (folder / "empty.txt").write_text("")
    (folder / "blank.txt").write_text("  \n")
    return folder


# ------------------------------------------------------------------ 10. exit codes, spelling


def test_refused_inputs_exit_1_and_a_damaged_store_exits_3(
    tmp_path: Path, corpus: Path, monkeypatch, capsys
) -> None:
    code, out, _ = run(monkeypatch, capsys, "ingest", corpus, "--db", tmp_path / "d.db",
                       *EXTRACTORS)
    assert code == 1 and "errors: 2 this run" in out
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all " * 200)
    code, out, err = run(monkeypatch, capsys, "ingest", corpus, "--db", junk, *EXTRACTORS)
    assert code == 3
    assert "Traceback" not in err and err.count("\n") == 1
    assert err.startswith("dossier failed: ") and "not a Dossier store" in err


def test_rerun_under_another_path_spelling_still_counts_the_refusals(
    tmp_path: Path, corpus: Path, monkeypatch, capsys
) -> None:
    db = tmp_path / "d.db"
    assert run(monkeypatch, capsys, "ingest", corpus.resolve(), "--db", db, *EXTRACTORS)[0] == 1
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(monkeypatch, capsys, "ingest", "./corpus/", "--db", db, *EXTRACTORS)
    assert code == 1
    assert "2 recorded earlier for skipped files" in out
    assert "empty.txt" in out and "blank.txt" in out


def test_rerun_report_fails_when_skipped_files_had_refusals(tmp_path: Path, corpus: Path,
                                                            monkeypatch) -> None:
    settings = Settings(db_path=tmp_path / "d.db", extractors=())
    first = ingest([corpus], settings)
    monkeypatch.chdir(corpus)
    again = ingest(["."], settings)
    assert again.files_skipped == 5 and again.new == 0
    assert again.failed and len(again.earlier_errors) == len(first.errors) == 2


# ------------------------------------------------------------------ the store


def test_read_commands_open_the_store_read_only(tmp_path: Path, corpus: Path) -> None:
    from dossier.cli.app import open_store

    settings = Settings(db_path=tmp_path / "d.db", extractors=())
    ingest([corpus], settings)
    conn = open_store(settings.db_path)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("DELETE FROM articles")
    conn.close()


def test_a_full_disk_ends_in_one_message_and_exit_3(
    tmp_path: Path, corpus: Path, monkeypatch, capsys
) -> None:
    tiny = connect(tmp_path / "tiny.db")
    tiny.execute("PRAGMA max_page_count = 40")  # a store whose disk fills after 40 pages
    with pytest.raises(sqlite3.OperationalError) as full:
        for i in range(400):
            tiny.execute("INSERT INTO ingest_errors (source_path, reason) VALUES (?, ?)",
                         (f"f{i}", "x" * 500))
    tiny.close()

    def ingest_on_a_full_disk(*args, **kwargs):
        raise full.value

    monkeypatch.setattr("dossier.cli.ingest.ingest", ingest_on_a_full_disk)
    code, _, err = run(monkeypatch, capsys, "ingest", corpus, "--db", tmp_path / "d.db")
    assert code == 3 and "Traceback" not in err
    assert "is full" in err and "rerun" in err


def test_a_damaged_store_file_ends_read_commands_in_one_message(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"SQLite format 3\x00" + b"\xff" * 8000)
    for command in ("articles", "search", "errors"):
        args = [command, "harbour"] if command == "search" else [command]
        code, _, err = run(monkeypatch, capsys, *args, "--db", junk)
        assert code == 3, (command, err)
        assert err.startswith("dossier failed: ") and "Traceback" not in err


def damage_search_index(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("UPDATE articles_fts_data SET block = substr(block, 1, 20) WHERE id > 10")
    conn.commit()
    conn.close()


def test_check_finds_a_damaged_search_index_and_rebuilds_it(
    tmp_path: Path, corpus: Path, monkeypatch, capsys
) -> None:
    db = tmp_path / "d.db"
    ingest([corpus], Settings(db_path=db, extractors=()))
    code, out, _ = run(monkeypatch, capsys, "check", "--db", db)
    assert code == 0 and "search index: ok" in out and "integrity: ok" in out
    damage_search_index(db)
    code, out, _ = run(monkeypatch, capsys, "check", "--db", db)
    assert code == 3 and "search index: damaged" in out
    code, out, _ = run(monkeypatch, capsys, "check", "--db", db, "--rebuild-fts")
    assert code == 0 and "rebuilt" in out and "search index: ok" in out
    code, out, _ = run(monkeypatch, capsys, "search", "harbour", "--db", db)
    assert code == 0 and "-- 0 hits" not in out


# ------------------------------------------------------------------ 11. terminal hygiene


def test_terminal_escapes_in_an_article_are_shown_not_obeyed(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    hostile = "\x1b]0;owned\x07\x1b[2J" + article_text(1) + "\u202e reversed \x9b31m"
    (folder / "a.txt").write_text("title Evil\x1b[31m title\n\n" + hostile)
    db = tmp_path / "d.db"
    ingest([folder], Settings(db_path=db, extractors=()))
    conn = connect(db, readonly=True)
    [(article_id, text)] = conn.execute("SELECT id, text FROM articles").fetchall()
    conn.close()
    assert "\x1b" in text  # stored unchanged: spans point into it
    for args in (["show", article_id], ["articles"], ["show", article_id, "--json"]):
        code, out, _ = run(monkeypatch, capsys, *args, "--db", db)
        assert code == 0
        assert not any(c in out for c in "\x1b\x07\u202e\x9b"), args
    code, out, _ = run(monkeypatch, capsys, "show", article_id, "--db", db)
    assert "\\x1b]0;owned\\x07" in out and "\\u202e" in out


def test_a_bidi_control_before_a_header_line_does_not_hide_it() -> None:
    header, body = split_header("\u202edate 2024-05-01\n\u2067title Ferries return\u2069\n\n"
                                + article_text(1))
    assert header == {"date": "2024-05-01", "title": "Ferries return"}
    assert body == article_text(1)
