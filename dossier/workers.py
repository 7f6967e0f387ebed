"""Per-article work in killable worker processes: bounded time and memory per article.

A signal cannot interrupt C code: a regular expression or the parser caught in a
super-linear case holds the interpreter and never returns to it, so no in-process timeout
can stop an article that hangs. Each worker is therefore a forked process that tells its
parent, before every stage, which article(s) it is on and when that stage began. The
parent kills a worker whose stage outlives ``article_time_limit_s`` of wall-clock time or
``article_cpu_limit_s`` of CPU (which a loaded machine does not stretch), or finds it dead
(past its memory limit, a crash in C code), turns the article into an error row naming the
stage and the reason, forks a fresh worker and hands it the rest of the batch, so nothing
good is lost. A stage that holds several articles at once (the batched parse) is not
blamed on any one of them: its articles are redone one per job, which finds the culprit.

Forked, not spawned: the child starts with the parent's loaded model and its state (a
test's patched function, a benchmark's timed extractor), as in-process work would.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import resource
import signal
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, Protocol

from dossier.config import Settings
from dossier.models import INTERNAL_ERROR, IngestError, RawArticle


class Watch(Protocol):
    """Told before each stage which articles (indices into the job's raws) it works on."""

    def __call__(self, stage: str, indices: Sequence[int]) -> None: ...


# ``work(raws, settings, watch)``: one result per raw, in order (pipeline.process_batch).
Work = Callable[[Sequence[RawArticle], Settings, Watch | None], list[Any]]


def _address_space_bytes() -> int:
    """This process's virtual size now (what ``RLIMIT_AS`` counts)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _bound_memory(budget_bytes: int) -> None:
    """Let the next stage grow the address space by at most ``budget_bytes``.

    Reset before every stage, so the bound is per article (what it may add), not per
    process (whose size grows with the model and the caches it warmed).
    """
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = _address_space_bytes() + budget_bytes
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _cpu_seconds(pid: int) -> float:
    """CPU (user + system) a process has used so far, as ``time.process_time`` counts it."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _die_with(parent: int) -> None:
    """Have the kernel kill this worker when its parent dies (Linux ``PR_SET_PDEATHSIG``).

    A parent killed with SIGKILL cannot stop its workers, and one caught in a hang
    would otherwise compute forever as an orphan.
    """
    pr_set_pdeathsig = 1  # prctl(2)'s option number, from linux/prctl.h
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
    if os.getppid() != parent:  # it died before the request took effect
        os._exit(1)


def _serve(conn: Connection, parent_end: Connection, work: Work, parent: int) -> None:
    """The worker's loop: a job in, stage reports and the results out, until told to stop."""
    _die_with(parent)
    # The fork copied the parent's end of the pipe too: closed, so that the parent's exit
    # reads as the end of the pipe here.
    parent_end.close()
    while True:
        try:
            job = conn.recv()
        except EOFError:  # the parent is gone (killed): nobody wants the results
            return
        if job is None:
            return
        job_id, raws, settings = job
        budget = settings.article_memory_limit_mb * 1024 * 1024

        def watch(
            stage: str, indices: Sequence[int], job_id: int = job_id, budget: int = budget
        ) -> None:
            if budget > 0:
                _bound_memory(budget)
            conn.send(("stage", job_id, list(indices), stage, time.monotonic(),
                       time.process_time()))

        conn.send(("done", job_id, work(raws, settings, watch)))


@dataclass
class _Job:
    """Some of one batch's raws (a batch is split when a worker dies on it)."""

    batch: _BatchResult
    positions: list[int]  # where each raw's result goes in the batch

    @property
    def raws(self) -> list[RawArticle]:
        return [self.batch.raws[p] for p in self.positions]


@dataclass
class _BatchResult:
    raws: list[RawArticle]
    results: dict[int, Any] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return len(self.results) == len(self.raws)


@dataclass
class _Worker:
    process: Any  # multiprocessing.Process (fork context)
    conn: Connection
    job: _Job | None = None
    job_id: int = 0
    stage: str = "start"
    indices: list[int] = field(default_factory=list)
    started: float = 0.0  # time.monotonic() when the stage began (one clock for all)
    cpu_started: float = 0.0  # the worker's CPU seconds then


class Supervisor:
    """``count`` forked workers; ``submit(raws)`` returns ``result()``, as a pool future does.

    Results come back in submission order of the caller's choosing; jobs run in the
    order submitted (a batch split after a kill goes first, so commits are not held up).
    """

    def __init__(self, work: Work, settings: Settings, count: int) -> None:
        self._work = work
        self._settings = settings
        self._context = multiprocessing.get_context("fork")
        self._workers = [self._fork() for _ in range(max(1, count))]
        self._queue: deque[_Job] = deque()
        self._next_id = 0

    def _fork(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=_serve, args=(child, parent, self._work, os.getpid()), daemon=True
        )
        process.start()
        child.close()
        return _Worker(process, parent)

    def submit(self, raws: Sequence[RawArticle]) -> Callable[[], list[Any]]:
        batch = _BatchResult(list(raws))
        self._queue.append(_Job(batch, list(range(len(batch.raws)))))
        self._dispatch()

        def result() -> list[Any]:
            while not batch.complete:
                self._step()
            return [batch.results[i] for i in range(len(batch.raws))]

        return result

    def close(self) -> None:
        """Stop every worker: asked first, killed if it does not end at once."""
        for worker in self._workers:
            if worker.job is None:
                with contextlib.suppress(OSError):
                    worker.conn.send(None)
        for worker in self._workers:
            worker.process.join(timeout=2 if worker.job is None else 0)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()

    # ------------------------------------------------------------ the loop

    def _dispatch(self) -> None:
        for worker in self._workers:
            if worker.job is None and self._queue:
                job = self._queue.popleft()
                self._next_id += 1
                worker.job, worker.job_id = job, self._next_id
                worker.stage, worker.indices, worker.started = "start", [], time.monotonic()
                worker.cpu_started = _cpu_seconds(worker.process.pid)
                worker.conn.send((worker.job_id, job.raws, self._settings))

    def _step(self) -> None:
        """Read what the workers said; stop the one whose stage overran; hand out jobs."""
        busy = [w for w in self._workers if w.job is not None]
        left = [self._left(w) for w in busy]
        timeout = min((t for t in left if t is not None), default=None)
        for conn in wait([w.conn for w in busy], None if timeout is None else max(0.0, timeout)):
            worker = next(w for w in busy if w.conn is conn)
            self._hear(worker)
        for worker in busy:
            if worker.job is None or worker.conn.poll():  # it may have just finished
                continue
            overrun = self._overrun(worker)
            if overrun:
                self._stop(worker, overrun)
        self._dispatch()

    def _used(self, worker: _Worker) -> tuple[float, float]:
        """Wall-clock and CPU seconds the worker's current stage has taken so far."""
        try:
            cpu = _cpu_seconds(worker.process.pid) - worker.cpu_started
        except OSError:  # gone: the next read of its pipe says so
            cpu = 0.0
        return time.monotonic() - worker.started, cpu

    def _left(self, worker: _Worker) -> float | None:
        """Seconds until the stage could overrun a limit; None without limits.

        A worker computes on one core, so it cannot use up its CPU allowance faster than
        the wall clock runs: the CPU left is also the soonest it can be past it.
        """
        wall, cpu = self._used(worker)
        limits = [limit - used for limit, used in (
            (self._settings.article_time_limit_s, wall),
            (self._settings.article_cpu_limit_s, cpu),
        ) if limit > 0]
        return min(limits, default=None)

    def _overrun(self, worker: _Worker) -> str | None:
        """Why the stage must stop now, or None."""
        wall, cpu = self._used(worker)
        wall_limit = self._settings.article_time_limit_s
        cpu_limit = self._settings.article_cpu_limit_s
        if 0 < wall_limit < wall:
            return f"{worker.stage} took longer than {wall_limit:g} s (article_time_limit_s)"
        if 0 < cpu_limit < cpu:
            return (f"{worker.stage} used more than {cpu_limit:g} s of CPU "
                    "(article_cpu_limit_s)")
        return None

    def _hear(self, worker: _Worker) -> None:
        try:
            message = worker.conn.recv()
        except (EOFError, OSError):
            worker.process.join(timeout=5)
            code = worker.process.exitcode
            if code is not None and code > 0:  # Python itself failed in it: our bug
                self._stop(worker, f"the worker process failed in {worker.stage} "
                                   f"(exit code {code})", internal=True)
                return
            self._stop(worker, f"the worker process died in {worker.stage} (killed by signal "
                               f"{-(code or 0)}): past article_memory_limit_mb "
                               f"{self._settings.article_memory_limit_mb} or a crash in C code")
            return
        kind, job_id = message[0], message[1]
        if job_id != worker.job_id or worker.job is None:
            return
        if kind == "stage":
            _, _, indices, worker.stage, worker.started, worker.cpu_started = message
            worker.indices = indices
            return
        job = worker.job
        for position, result in zip(job.positions, message[2], strict=True):
            job.batch.results[position] = result
        worker.job = None

    def _stop(self, worker: _Worker, reason: str, internal: bool = False) -> None:
        """Kill the worker, record its article as refused, requeue the rest on a fresh one.

        ``internal``: the worker failed in our code, not on the input; named so, the file
        stays unfinished and a rerun retries it (as the pipeline's own guards do).
        """
        job, worker.job = worker.job, None
        assert job is not None
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join()
        worker.conn.close()
        self._workers[self._workers.index(worker)] = self._fork()
        culprits = worker.indices if worker.indices else list(range(len(job.positions)))
        if len(culprits) == 1:
            [index] = culprits
            raw = job.batch.raws[job.positions[index]]
            prefix = INTERNAL_ERROR if internal else "stopped"
            job.batch.results[job.positions[index]] = IngestError(
                raw.source_path, f"{prefix}: {reason}", raw.locator
            )
            rest = [p for i, p in enumerate(job.positions) if i != index]
            if rest:
                self._queue.appendleft(_Job(job.batch, rest))
            return
        # Several articles shared the stage (the batched parse): redo each on its own.
        for position in reversed(job.positions):
            self._queue.appendleft(_Job(job.batch, [position]))
