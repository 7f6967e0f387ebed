"""Fault suite, bounded work: an article that hangs or bloats is stopped, never the run.

Issue 16, "bounded work per input": each stage of each article runs in a killable worker
process under a wall-clock limit (``article_time_limit_s``), a CPU limit
(``article_cpu_limit_s``) and a memory limit (``article_memory_limit_mb``). An article
that overruns becomes an error row naming the input, the stage and the reason; every
other article of its batch is stored.
"""

from __future__ import annotations

import os
import re
import signal
import time
from pathlib import Path

import pytest
from ingest_corpus import article_text
from test_faults_input import finishes

from dossier import clean, nlp
from dossier.config import Settings
from dossier.models import RawArticle
from dossier.pipeline import ingest, process_batch
from dossier.store.db import connect

# How long one of these ingests may take before the test calls it hung (a loaded machine).
HANG_BOUND = 90.0

FAST = ("actors",)  # one cheap extractor: these tests are about the run, not the facts
MARK = "STALL"  # written into the one bad article of each test
LIMIT_S = 3.0


def settings_for(tmp_path: Path, **kw) -> Settings:
    bounds = {"article_time_limit_s": LIMIT_S, **kw}
    return Settings(db_path=tmp_path / "d.db", extractors=FAST, **bounds)


def corpus(tmp_path: Path, count: int = 4, bad: int = 1) -> Path:
    """``count`` articles, one file each; the ``bad``-th carries the mark."""
    folder = tmp_path / "in"
    folder.mkdir()
    for index in range(count):
        text = article_text(index) + (f" {MARK}" if index == bad else "")
        (folder / f"story_{index}.txt").write_text(text)
    return folder


def warm(settings: Settings) -> None:
    """Fill this process's caches with the good articles first: a worker forked from it
    spends its time limit on the article, never on loading a lexicon."""
    process_batch([RawArticle(f"{i}.txt", article_text(i), False) for i in range(4)], settings)




def stored_sources(db: Path) -> list[str]:
    conn = connect(db, readonly=True)
    try:
        return sorted(Path(r[0]).name for r in conn.execute("SELECT source_path FROM articles"))
    finally:
        conn.close()


def error_rows(db: Path) -> list[tuple[str, str]]:
    conn = connect(db, readonly=True)
    try:
        return [(Path(r[0]).name, r[1])
                for r in conn.execute("SELECT source_path, reason FROM ingest_errors")]
    finally:
        conn.close()


def catastrophic_regex() -> None:
    """A backtracking regular expression: it runs in C and no signal can interrupt it."""
    re.match(r"(a+)+$", "a" * 64 + "!")


def test_an_article_that_hangs_in_cleaning_is_stopped_and_the_rest_is_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = settings_for(tmp_path)
    warm(settings)
    real = clean.clean_article

    def stalls(raw, settings):
        if MARK in raw.content:
            time.sleep(600)
        return real(raw, settings)

    monkeypatch.setattr(clean, "clean_article", stalls)
    report = finishes(lambda: ingest([corpus(tmp_path)], settings), seconds=HANG_BOUND)
    assert report.new == 3
    [error] = report.errors
    assert error.source_path.endswith("story_1.txt")
    assert error.reason == "stopped: clean took longer than 3 s (article_time_limit_s)"
    assert stored_sources(tmp_path / "d.db") == ["story_0.txt", "story_2.txt", "story_3.txt"]
    assert error_rows(tmp_path / "d.db") == [("story_1.txt", error.reason)]

    again = finishes(lambda: ingest([tmp_path / "in"], settings), seconds=30)
    assert again.new == 0 and again.files_skipped == 4, "a rerun must not hang on it again"
    assert [e.reason for e in again.earlier_errors] == [error.reason]


@pytest.mark.slow
def test_an_article_caught_in_a_c_level_regex_in_the_parse_costs_only_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The batched parse holds several articles: it is redone one by one to find the culprit."""
    # The CPU bound stops it: the regex computes. The wall clock is left loose, so a
    # loaded machine cannot make a good article look hung.
    settings = settings_for(tmp_path, article_time_limit_s=120.0, article_cpu_limit_s=LIMIT_S)
    warm(settings)
    real_many, real_one = nlp.parse_many, nlp.parse

    def parse_many(texts, *args, **kwargs):
        texts = list(texts)
        if any(MARK in t for t in texts):
            catastrophic_regex()
        yield from real_many(texts, *args, **kwargs)

    def parse(text, *args, **kwargs):
        if MARK in text:
            catastrophic_regex()
        return real_one(text, *args, **kwargs)

    monkeypatch.setattr(nlp, "parse_many", parse_many)
    monkeypatch.setattr(nlp, "parse", parse)
    report = finishes(lambda: ingest([corpus(tmp_path, bad=2)], settings), seconds=HANG_BOUND)
    assert report.new == 3
    [error] = report.errors
    assert error.source_path.endswith("story_2.txt")
    assert error.reason == "stopped: parse used more than 3 s of CPU (article_cpu_limit_s)"
    assert stored_sources(tmp_path / "d.db") == ["story_0.txt", "story_1.txt", "story_3.txt"]


def test_an_article_past_the_memory_limit_is_refused_and_the_rest_is_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = settings_for(tmp_path, article_memory_limit_mb=256)
    warm(settings)
    real = clean.clean_article

    def bloats(raw, settings):
        if MARK in raw.content:
            bytearray(1024 * 1024 * 1024)  # 1 GiB for one article
        return real(raw, settings)

    monkeypatch.setattr(clean, "clean_article", bloats)
    report = finishes(lambda: ingest([corpus(tmp_path, bad=0)], settings), seconds=HANG_BOUND)
    assert report.new == 3
    [error] = report.errors
    assert error.source_path.endswith("story_0.txt")
    assert error.reason == "stopped: clean ran out of memory (article_memory_limit_mb)"
    assert stored_sources(tmp_path / "d.db") == ["story_1.txt", "story_2.txt", "story_3.txt"]


def test_a_worker_killed_by_a_crash_costs_only_its_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash in C code (or the kernel's OOM killer) ends the worker; the run goes on."""
    settings = settings_for(tmp_path, workers=2)
    warm(settings)
    real = clean.clean_article

    def crashes(raw, settings):
        if MARK in raw.content:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(raw, settings)

    monkeypatch.setattr(clean, "clean_article", crashes)
    report = finishes(lambda: ingest([corpus(tmp_path, count=6, bad=3)], settings),
                      seconds=HANG_BOUND)
    assert report.new == 5
    [error] = report.errors
    assert error.source_path.endswith("story_3.txt")
    assert error.reason.startswith("stopped: the worker process died in clean (killed by "
                                   "signal 9)")
    assert len(stored_sources(tmp_path / "d.db")) == 5


# A run whose one article hangs in cleaning; the worker's pid is printed once it is stuck.
HANGING_RUN = """
import sys, time
from pathlib import Path
from dossier import clean
from dossier.config import Settings
from dossier.pipeline import ingest

real = clean.clean_article

def hang(raw, settings):
    if "STALL" not in raw.content:
        return real(raw, settings)
    print("stuck", flush=True)
    while True:
        pass

clean.clean_article = hang
ingest([Path(sys.argv[1])], Settings(db_path=Path(sys.argv[2]), extractors=()))
"""


@pytest.mark.slow
def test_a_hung_worker_dies_with_its_killed_parent(tmp_path: Path) -> None:
    """SIGKILL on `dossier ingest` leaves no orphan computing forever on the hung article."""
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text(article_text(0) + f" {MARK}")
    run = subprocess.Popen([sys.executable, "-c", HANGING_RUN, str(tmp_path / "a.txt"),
                            str(tmp_path / "d.db")], stdout=subprocess.PIPE, text=True)
    try:
        assert run.stdout is not None and run.stdout.readline().strip() == "stuck"
        children = Path(f"/proc/{run.pid}/task/{run.pid}/children").read_text().split()
        [worker] = [int(pid) for pid in children]
    finally:
        run.kill()
        run.wait()
    deadline = time.monotonic() + 10
    while Path(f"/proc/{worker}").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    status = Path(f"/proc/{worker}/status")
    gone = not status.exists() or "zombie" in status.read_text()
    if not gone:
        os.kill(worker, signal.SIGKILL)  # not left computing after a failed run
    assert gone, "the worker outlived its parent"


def test_a_worker_that_fails_in_our_code_is_an_internal_error_retried_by_a_rerun(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker that exits by itself (a bug, not the input) leaves its file unfinished."""
    settings = settings_for(tmp_path)
    warm(settings)
    real = clean.clean_article

    def exits(raw, settings):
        if MARK in raw.content:
            os._exit(2)
        return real(raw, settings)

    monkeypatch.setattr(clean, "clean_article", exits)
    report = finishes(lambda: ingest([corpus(tmp_path, bad=2)], settings), seconds=HANG_BOUND)
    assert report.new == 3
    [error] = report.errors
    assert error.source_path.endswith("story_2.txt")
    assert error.reason == "internal error: the worker process failed in clean (exit code 2)"
    monkeypatch.setattr(clean, "clean_article", real)  # the bug fixed: a rerun retries it
    again = finishes(lambda: ingest([tmp_path / "in"], settings), seconds=HANG_BOUND)
    assert again.new == 1 and again.files_skipped == 3
