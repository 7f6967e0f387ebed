"""Ingest jobs started from the page: run in the background, polled for progress.

One worker thread runs the jobs one after another: SQLite has one writer at a time,
and an analyst's uploads are small. Each job ingests the files saved for it through
the same ``dossier.pipeline.ingest`` the CLI uses, so the page and the command can
never disagree about what an input becomes.
"""

from __future__ import annotations

import shutil
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from dossier.config import Settings
from dossier.models import IngestError
from dossier.store import connect
from dossier.store.articles import ids_after, last_rowid
from dossier.web.fetch import FetchRefused, fetch_to_file

MAX_JOBS_KEPT = 200  # finished jobs are forgotten oldest-first beyond this
FINISHED = ("done", "failed", "cancelled")


class QueueFull(RuntimeError):
    """More jobs are waiting than ``Settings.max_queued_jobs``: the desk says busy."""


class Cancelled(Exception):
    """Raised from the progress callback: the job was cancelled while running."""


@dataclass
class Job:
    id: str
    folder: Path
    files: list[str]
    urls: list[str] = field(default_factory=list)
    status: str = "queued"  # queued | running | done | failed | cancelled
    message: str = ""
    done: int = 0
    total: int = 0
    new_article_ids: list[str] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    cancel_requested: bool = False


class IngestJobs:
    """The server's job table and its single worker thread."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.jobs: dict[str, Job] = {}
        self.lock = threading.Lock()
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dossier-ingest")

    def submit(self, folder: Path, files: list[str], urls: list[str] | None = None) -> Job:
        """Queue a job; QueueFull when too many wait already (the worker is one thread)."""
        job = Job(id=uuid.uuid4().hex[:12], folder=folder, files=files, urls=urls or [])
        job.total = len(files) + len(job.urls)
        with self.lock:
            waiting = sum(j.status == "queued" for j in self.jobs.values())
            if waiting >= self.settings.max_queued_jobs:
                raise QueueFull(
                    f"{waiting} ingest jobs are already waiting; try again when they are done"
                )
            self.jobs[job.id] = job
            finished = [j for j in self.jobs.values() if j.status in FINISHED]
            for old in finished[: max(0, len(self.jobs) - MAX_JOBS_KEPT)]:
                del self.jobs[old.id]
        self.pool.submit(self._run, job)
        return job

    def get(self, job_id: str) -> Job | None:
        with self.lock:
            return self.jobs.get(job_id)

    def cancel(self, job_id: str) -> Job | None:
        """Cancel a job: a queued one never starts; a running one stops after the batch in
        flight is committed (what is committed stays: it is as good as any other run)."""
        with self.lock:
            job = self.jobs.get(job_id)
            if job is None:
                return None
            if job.status == "queued":
                job.status = "cancelled"
                job.message = "cancelled before it started"
            elif job.status == "running":
                job.cancel_requested = True
                job.message = "cancelling after the batch in flight"
            return job

    def shutdown(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)

    def _run(self, job: Job) -> None:
        from dossier.pipeline import ingest

        with self.lock:
            if job.status == "cancelled":
                shutil.rmtree(job.folder, ignore_errors=True)
                return
            job.status = "running"
        try:
            refused: list[dict[str, Any]] = []
            for i, url in enumerate(job.urls):
                job.message = f"fetching {url}"
                try:
                    path = fetch_to_file(url, job.folder / f"fetched-{i + 1}.html",
                                         self.settings.max_upload_bytes,
                                         self.settings.fetch_seconds)
                except (FetchRefused, httpx.HTTPError) as exc:  # one URL, not the job
                    refused.append({"source_path": url[:200], "locator": "",
                                    "reason": f"not fetched: {exc}"[:300]})
                    continue
                job.files.append(path.name)
                _check_cancel(job)
            job.message = "reading, cleaning and extracting"
            job.total = len(job.files)
            before = _last_rowid(self.settings)
            report = ingest([job.folder], self.settings, progress=_JobProgress(job))
            job.new_article_ids = _ids_after(self.settings, before)
            job.errors = refused + [
                _error_dict(e) for e in (*report.errors, *report.earlier_errors)
            ]
            job.done = job.total
            job.status = "done"
            job.message = (
                f"{report.new} new article(s), {report.already_present} already in the store, "
                f"{len(job.errors)} error(s)"
            )
        except Cancelled:
            job.status = "cancelled"
            job.message = "cancelled; the batches committed before stay in the store"
        except Exception as exc:  # the job reports its failure; the server keeps serving
            job.status = "failed"
            job.message = f"{type(exc).__name__}: {exc}"
        finally:
            shutil.rmtree(job.folder, ignore_errors=True)


class _JobProgress:
    """The runner reports like a tqdm bar (one ``update`` per finished file)."""

    def __init__(self, job: Job) -> None:
        self.job = job

    def update(self, n: int = 1) -> None:
        self.job.done = min(self.job.total, self.job.done + n)
        _check_cancel(self.job)

    def set_postfix_str(self, s: str = "", refresh: bool = True) -> None:
        self.job.message = s


def _check_cancel(job: Job) -> None:
    if job.cancel_requested:
        raise Cancelled


def _last_rowid(settings: Settings) -> int:
    conn = connect(settings.db_path, readonly=True)
    try:
        return last_rowid(conn)
    finally:
        conn.close()


def _ids_after(settings: Settings, rowid: int) -> list[str]:
    """Articles stored after ``rowid``: the job's new ones (jobs run one at a time)."""
    conn = connect(settings.db_path, readonly=True)
    try:
        return ids_after(conn, rowid)
    finally:
        conn.close()


def _error_dict(err: IngestError) -> dict[str, Any]:
    return {
        "source_path": Path(err.source_path).name,
        "locator": err.locator or "",
        "reason": err.reason,
    }
