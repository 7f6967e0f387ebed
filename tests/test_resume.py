"""Kill and resume: a SIGKILLed `dossier ingest` keeps what it committed; a rerun finishes."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from ingest_corpus import article_text, write_text_corpus

TEXT_FILES = 120
JSONL_FILES, JSONL_LINES = 3, 20
COMMAND = [sys.executable, "-c", "from dossier.cli import main; main()", "ingest"]


def build_corpus(folder: Path) -> set[tuple[str, str]]:
    """Many small files plus a few multi-article JSONL files (so a kill lands mid-file)."""
    expected = {(str(p), "") for p in write_text_corpus(folder, TEXT_FILES)}
    for f in range(JSONL_FILES):
        path = folder / f"wire_{f}.jsonl"
        lines = [
            json.dumps({"id": f"w{f}-{n}", "text": article_text(1000 + f * 100 + n)})
            for n in range(JSONL_LINES)
        ]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        expected |= {(str(path), f"line {n + 1}") for n in range(JSONL_LINES)}
    return expected


def stored_count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0  # schema not there yet, or locked for a moment


def run(corpus: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [*COMMAND, str(corpus), "--db", str(db), "--extractors", "", "--commit-every", "5"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: the kill reaches its workers too
    )


@pytest.mark.slow  # kills and reruns a subprocess ingest of 180 articles
def test_killed_ingest_resumes_with_every_article_exactly_once(tmp_path: Path) -> None:
    corpus, db = tmp_path / "corpus", tmp_path / "resume.db"
    expected = build_corpus(corpus)

    victim = run(corpus, db)
    deadline = time.monotonic() + 240
    while stored_count(db) < 20 and victim.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    # The whole group, as an operator's kill of the job does: a worker that outlived its
    # parent would hold the pipes open and the wait below would never end.
    os.killpg(victim.pid, signal.SIGKILL)
    victim.communicate(timeout=120)
    at_kill = stored_count(db)
    assert victim.returncode == -signal.SIGKILL, "ingest ended before it could be killed"
    assert 0 < at_kill < len(expected)

    survivor = run(corpus, db)
    out, err = survivor.communicate(timeout=600)
    assert "files skipped" in out, err[-2000:]

    conn = sqlite3.connect(db)
    located = {(p, loc) for p, loc in conn.execute("SELECT source_path, locator FROM articles")}
    assert located == expected
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == len(expected)
    assert conn.execute("SELECT count(DISTINCT text) FROM articles").fetchone()[0] == len(expected)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    assert conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == len(expected)
    per_source = dict(conn.execute("SELECT path, articles FROM sources"))
    assert len(per_source) == TEXT_FILES + JSONL_FILES
    assert per_source[str((corpus / "wire_1.jsonl").resolve())] == JSONL_LINES
    input_errors = conn.execute(
        "SELECT count(*) FROM ingest_errors WHERE source_path LIKE ?", (f"{corpus}%",)
    ).fetchone()[0]
    assert input_errors == 0
