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
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from dossier.config import Settings
from dossier.models import IngestError, Outcome
from dossier.web.fetch import FetchRefused, fetch_to_file

MAX_JOBS_KEPT = 200  # finished jobs are forgotten oldest-first beyond this
FINISHED = ("done", "failed", "cancelled")


class QueueFull(RuntimeError):
    """More jobs are waiting than ``Settings.max_queued_jobs``: the desk says busy."""


class Cancelled(Exception):
    """Raised from the progress callback: the job was cancelled while running."""


@dataclass
class JobInput:
    """One thing the analyst handed in (a file, the pasted text, a URL) and what it became.

    ``outcomes`` are the pipeline's own verdicts for the records read from it
    (``dossier.pipeline.Outcome``): one for a text or HTML file, one per record for a
    JSONL, feed or WARC file.
    """

    name: str
    state: str = "waiting"  # waiting | working | done | cancelled
    url: str = ""  # set for a URL the server fetches: the file exists once it is fetched
    outcomes: list[Outcome] = field(default_factory=list)


@dataclass
class Job:
    id: str
    folder: Path
    inputs: list[JobInput]
    status: str = "queued"  # queued | running | done | failed | cancelled
    message: str = ""
    # Errors that belong to no input: a corpus step (stories, actors) that broke on the batch.
    errors: list[IngestError] = field(default_factory=list)
    cancel_requested: bool = False

    @property
    def files(self) -> list[str]:
        return [i.name for i in self.inputs]

    @property
    def total(self) -> int:
        return len(self.inputs)

    @property
    def done(self) -> int:
        """Inputs finished: each one's articles are committed before the next starts."""
        return sum(i.state == "done" for i in self.inputs)

    @property
    def new_article_ids(self) -> list[str]:
        return [o.article_id for i in self.inputs for o in i.outcomes
                if o.kind == "new" and o.article_id]


class IngestJobs:
    """The server's job table and its single worker thread."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.jobs: dict[str, Job] = {}
        self.lock = threading.Lock()
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dossier-ingest")

    def submit(self, folder: Path, files: list[str], urls: list[str] | None = None) -> Job:
        """Queue a job; QueueFull when too many wait already (the worker is one thread)."""
        inputs = [JobInput(name) for name in files]
        inputs += [JobInput(url[:200], url=url) for url in urls or []]
        job = Job(id=uuid.uuid4().hex[:12], folder=folder, inputs=inputs)
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
        with self.lock:
            if job.status == "cancelled":
                shutil.rmtree(job.folder, ignore_errors=True)
                return
            job.status = "running"
        try:
            for n, item in enumerate(job.inputs, start=1):
                _check_cancel(job)
                item.state = "working"
                self._ingest_one(job, item, f"{n} of {job.total}")
                item.state = "done"
            job.status = "done"
            job.message = _summary(job)
        except Cancelled:
            job.status = "cancelled"
            job.message = ("cancelled: the inputs marked done are stored, and so is any batch "
                           "of the one in flight committed before the cancel")
        except Exception as exc:  # the job reports its failure; the server keeps serving
            job.status = "failed"
            job.message = f"{type(exc).__name__}: {exc}"
        finally:
            for item in job.inputs:
                if item.state != "done":
                    item.state = "cancelled" if job.status == "cancelled" else "waiting"
            shutil.rmtree(job.folder, ignore_errors=True)

    def _ingest_one(self, job: Job, item: JobInput, position: str) -> None:
        """Ingest one input on its own, so its outcome is committed and shown as it ends.

        One ``ingest`` call per input costs a corpus-step run each (incremental, on that
        input's new ids) and buys progress the analyst can follow file by file.
        """
        from dossier.pipeline import ingest

        if item.url:
            job.message = f"{position}: fetching {item.url}"
            try:
                path = fetch_to_file(item.url, job.folder / f"fetched-{position.split()[0]}.html",
                                     self.settings.max_upload_bytes, self.settings.fetch_seconds)
            except (FetchRefused, httpx.HTTPError) as exc:  # one URL, not the job
                item.outcomes = [Outcome(item.url[:200], "", "refused",
                                         reason=f"not fetched: {exc}"[:300])]
                return
        else:
            path = job.folder / item.name
        job.message = f"{position}: {item.name}: reading, cleaning, parsing, extracting"
        report = ingest([path], self.settings, progress=_JobProgress(job, position, item))
        item.outcomes = report.outcomes or [Outcome(
            str(path), "", "refused", reason="no article in it: the reader found no record")]
        refused = {(o.source_path, o.locator, o.reason) for o in report.outcomes}
        job.errors += [e for e in report.errors
                       if (e.source_path, e.locator, e.reason) not in refused]


def _summary(job: Job) -> str:
    kinds = Counter(o.kind for i in job.inputs for o in i.outcomes)
    text = (f"{kinds['new']} new article(s), {kinds['duplicate']} already in the store, "
            f"{kinds['refused']} refused")
    return text + (f", {len(job.errors)} other error(s)" if job.errors else "")


class _JobProgress:
    """The runner reports like a tqdm bar: a postfix after each committed batch."""

    def __init__(self, job: Job, position: str, item: JobInput) -> None:
        self.job, self.position, self.item = job, position, item

    def update(self, n: int = 1) -> object:
        """Called after each committed batch: ``n`` files it finished. The job's one input
        finished (n > 0) is let through, so its outcomes are reported before the job stops;
        a cancel mid-input stops after the batch just committed."""
        if n == 0:
            _check_cancel(self.job)
        return None

    def set_postfix_str(self, s: str = "", refresh: bool = True) -> object:
        self.job.message = f"{self.position}: {self.item.name}: {s}"
        return None


def _check_cancel(job: Job) -> None:
    if job.cancel_requested:
        raise Cancelled
