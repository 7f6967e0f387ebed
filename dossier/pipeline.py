"""The per-article function (clean → one NLP pass → extractors) and the runners that map it.

``process_batch`` is a pure function of raw articles and settings: the local runner
maps it over a process pool, the Ray runner over a cluster. Writing to the store
happens only in the calling process.
"""

from __future__ import annotations

import sqlite3
import stat
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from dossier import nlp
from dossier.config import Settings
from dossier.extract import ExtractorFailed, extract, extractors_for
from dossier.ingest import iter_files, read_source
from dossier.ingest.source import SourceFile, cap_reason, printable_path
from dossier.models import INTERNAL_ERROR, Article, IngestError, Outcome, RawArticle
from dossier.registry import CORPUS_STEPS, CorpusStep
from dossier.store import articles as store
from dossier.store.db import begin, connect, savepoint, transaction
from dossier.workers import Supervisor, Watch

if TYPE_CHECKING:
    from spacy.tokens import Doc



@dataclass
class ProcessedArticle:
    """A clean article plus every extractor's records, ready to be stored."""

    article: Article
    facts: dict[str, list[Any]] = field(default_factory=dict)


def load_plugins() -> None:
    """Import the feature modules so their extractors, corpus steps and exports register."""
    from dossier.extract import load_extractors
    from dossier.stories import actor_merge, cluster, dedup, outlet_names, views  # noqa: F401

    load_extractors()


def corpus_steps() -> list[CorpusStep]:
    """The registered corpus steps, in their order (run after each batch lands)."""
    load_plugins()
    return sorted(CORPUS_STEPS.values(), key=lambda s: s.order)


def _internal_error(raw: RawArticle | Article, stage: str, exc: Exception) -> IngestError:
    """A bug, not bad input: named so, and the file stays unfinished so a rerun retries it.

    Running out of memory is the input's doing (a worker's ``article_memory_limit_mb``),
    so it is a refusal like any other, not a bug to retry.
    """
    if isinstance(exc, MemoryError):
        return IngestError(
            raw.source_path,
            f"stopped: {stage} ran out of memory (article_memory_limit_mb)",
            raw.locator,
        )
    return IngestError(
        raw.source_path,
        cap_reason(f"{INTERNAL_ERROR} in {stage}: {type(exc).__name__}: {exc}"),
        raw.locator,
    )


def _too_long(article: Article, settings: Settings) -> IngestError | None:
    """Refuse a clean text longer than one parse may take, with the reason.

    Refused rather than parsed in chunks: a text of a million characters is about 150,000
    words, many times the longest news feature; it is a dump, a book or a crawl glued into
    one field, and facts spanning it would cite an "article" no reader treats as one.
    The reason tells the user to split it (one JSONL record per article).
    """
    limit = settings.max_article_chars
    if len(article.text) <= limit:
        return None
    return IngestError(
        article.source_path,
        f"too long: {len(article.text)} characters of clean text > max_article_chars {limit} "
        "(a dump, not one article: split it into one record per article)",
        article.locator,
    )


def _parse_guarded(
    articles: list[Article], settings: Settings, watch: Callable[[list[Article]], None]
) -> list[Doc | IngestError]:
    """One parse per article, batched; a failure costs its own article, never the batch.

    ``nlp.pipe`` over the batch is where spaCy's speed is, but one exception ends the
    whole generator: then each article is parsed alone under its own guard.
    """
    texts = [a.text for a in articles]
    watch(articles)
    try:
        return list(nlp.parse_many(texts, settings.spacy_model, settings.nlp_batch_size))
    except Exception:  # some article broke the batch: find which, keep the rest
        pass
    docs: list[Doc | IngestError] = []
    for article in articles:
        watch([article])
        try:
            docs.append(nlp.parse(article.text, settings.spacy_model))
        except Exception as exc:
            docs.append(_internal_error(article, "parse", exc))
    return docs


def process_batch(
    raws: Sequence[RawArticle], settings: Settings, watch: Watch | None = None
) -> list[ProcessedArticle | IngestError]:
    """Clean, parse (one ``nlp.pipe`` over the batch) and extract; never raises per article.

    Returns one result per raw article, in order: the stored article with its facts,
    or the IngestError that says why it was refused (or which stage broke on it).
    Every stage runs under a guard naming the input and the stage; ``watch`` is told
    before each stage which raws it works on (a worker's supervisor bounds its time).
    """
    from dossier.clean import clean_article

    tell: Watch = watch or (lambda stage, indices: None)
    cleaned: list[Article | IngestError] = []
    for index, raw in enumerate(raws):
        tell("clean", [index])
        try:
            article: Article | IngestError = clean_article(raw, settings)
        except ValueError as exc:  # the cleaner's way of refusing an input
            article = IngestError(raw.source_path, cap_reason(str(exc)), raw.locator)
        except Exception as exc:  # one bad article must not sink its batch
            article = _internal_error(raw, "clean", exc)
        if isinstance(article, Article):
            article = _too_long(article, settings) or article
        cleaned.append(article)
    articles = [a for a in cleaned if isinstance(a, Article)]
    index_of = {id(c): i for i, c in enumerate(cleaned)}
    docs = _parse_guarded(
        articles, settings, lambda some: tell("parse", [index_of[id(a)] for a in some])
    )
    done: dict[int, ProcessedArticle | IngestError] = {}
    for article, doc in zip(articles, docs, strict=True):
        if isinstance(doc, IngestError):
            done[id(article)] = doc
            continue
        tell("extract", [index_of[id(article)]])
        try:
            facts = extract(article, doc, settings)
        except ExtractorFailed as failed:
            cause = failed.__cause__ if isinstance(failed.__cause__, Exception) else failed
            done[id(article)] = _internal_error(article, f"extractor {failed.name}", cause)
            continue
        done[id(article)] = ProcessedArticle(article, facts)
    return [done[id(c)] if isinstance(c, Article) else c for c in cleaned]


# ---------------------------------------------------------------- runners


class Progress(Protocol):
    """What the runner reports to (a tqdm bar fits): one ``update`` per file finished."""

    def update(self, n: int = 1) -> object: ...

    def set_postfix_str(self, s: str = "", refresh: bool = True) -> object: ...


@dataclass
class IngestReport:
    """What one run built, for the CLI summary and the exit code."""

    db_path: str
    new: int = 0
    already_present: int = 0
    files_read: int = 0
    files_skipped: int = 0  # finished in an earlier run, unchanged since
    files_ignored: list[str] = field(default_factory=list)  # not an article format (in folders)
    errors: list[IngestError] = field(default_factory=list)
    # Errors recorded by an earlier run for the files skipped now: same input, same verdict.
    earlier_errors: list[IngestError] = field(default_factory=list)
    outlets: Counter[str] = field(default_factory=Counter)
    # One per record read this run, in commit order (files skipped as finished have none).
    outcomes: list[Outcome] = field(default_factory=list)

    def refuse(self, error: IngestError) -> None:
        self.errors.append(error)
        self.outcomes.append(
            Outcome(error.source_path, error.locator, "refused", reason=error.reason)
        )

    @property
    def failed(self) -> bool:
        return bool(self.errors or self.earlier_errors)


@dataclass
class _FileState:
    """Bookkeeping for one input file while its articles are in flight."""

    source: SourceFile
    key: str  # resolved path: the sources table key
    size: int
    mtime: float
    sha256: str | None = None  # taken right after reading; None: the file vanished meanwhile
    articles: int = 0
    errors: int = 0
    internal_errors: int = 0


@dataclass
class _Batch:
    raws: list[RawArticle] = field(default_factory=list)
    owners: list[_FileState] = field(default_factory=list)  # owners[i] read raws[i]
    reader_errors: list[tuple[_FileState | None, IngestError]] = field(default_factory=list)
    finished: list[_FileState] = field(default_factory=list)  # files whose last item is here


def _file_state(source: SourceFile) -> _FileState | None:
    """Bookkeeping for a regular file; None for what is never marked finished.

    Missing files, FIFOs and devices get their error row from the reader; a FIFO must
    never be hashed (opening it would block), so it gets no state at all.
    """
    try:
        st = source.path.stat()
        key = printable_path(source.path.resolve())
    except OSError:
        return None  # the reader reports why; nothing to mark finished
    if not stat.S_ISREG(st.st_mode):
        return None
    return _FileState(source, key, st.st_size, st.st_mtime)


def _hash(source: SourceFile) -> str | None:
    try:
        return source.sha256()
    except OSError:
        return None


def _already_done(conn: sqlite3.Connection, state: _FileState) -> dict[str, Any] | None:
    """The finished row, if size, mtime *and* content hash match it: the file is skipped."""
    row = store.source_finished(conn, state.key)
    if (
        row
        and row["size"] == state.size
        and row["mtime"] == state.mtime
        and row["sha256"] == _hash(state.source)
    ):
        return row
    return None


def _batches(
    paths: Iterable[str | Path],
    settings: Settings,
    conn: sqlite3.Connection,
    report: IngestReport,
    progress: Progress | None,
) -> Iterator[_Batch]:
    """Raw articles in batches of ``commit_every``, each carrying the files it finishes."""
    batch = _Batch()
    for path in iter_files(paths, on_ignored=lambda p: report.files_ignored.append(str(p))):
        source = SourceFile(path, settings.max_file_bytes)
        state = _file_state(source)
        finished = _already_done(conn, state) if state is not None else None
        if finished is not None:
            report.files_skipped += 1
            # Errors are stored under the path as spelled when they were found (``./a``,
            # ``a``, an absolute path): look them up under that spelling.
            report.earlier_errors.extend(
                IngestError(e["source_path"], e["reason"], e["locator"])
                for e in store.errors_for_source(conn, finished["display"] or source.display)
            )
            if progress is not None:
                progress.update(1)
            continue
        for item in read_source(source):
            if isinstance(item, IngestError):
                batch.reader_errors.append((state, item))
                continue
            batch.raws.append(item)
            batch.owners.append(state or _FileState(source, "", 0, 0.0))
            if len(batch.raws) >= settings.commit_every:
                yield batch
                batch = _Batch()
        report.files_read += 1
        if state is not None:
            state.sha256 = _hash(source)
            if state.sha256 is None:
                batch.reader_errors.append((state, source.error(
                    "vanished while being read: what was read is kept; not marked finished"
                )))
        batch.finished.append(state or _FileState(source, "", 0, 0.0))
    if batch.raws or batch.reader_errors or batch.finished:
        yield batch


def _commit(
    conn: sqlite3.Connection,
    batch: _Batch,
    results: list[ProcessedArticle | IngestError],
    settings: Settings,
    report: IngestReport,
) -> None:
    """One transaction: the batch's articles, facts, errors, finished files, corpus steps.

    Corpus steps run inside it too, so a kill can never leave stored articles that
    the corpus steps have not seen (a rerun would skip them as already present).
    """
    new_ids: list[str] = []
    with transaction(conn):
        begin(conn)  # so the savepoints below nest inside one batch transaction
        for owner, result in zip(batch.owners, results, strict=True):
            if isinstance(result, ProcessedArticle):
                article = result.article
                try:
                    with savepoint(conn):
                        is_new = store.save_article(conn, article, result.facts)
                except Exception as exc:  # a broken fact writer loses its article, not the batch
                    result = _internal_error(article, "store", exc)
            if isinstance(result, IngestError):
                owner.errors += 1
                owner.internal_errors += result.reason.startswith(INTERNAL_ERROR)
                report.refuse(result)
                store.save_error(conn, result)
                continue
            owner.articles += 1
            report.outlets[article.outlet or "(unknown)"] += 1
            if is_new:
                new_ids.append(article.id)
            else:
                report.already_present += 1
            report.outcomes.append(Outcome(
                article.source_path, article.locator, "new" if is_new else "duplicate",
                article.id,
            ))
        for owner, error in batch.reader_errors:
            if owner is not None:
                owner.errors += 1
                owner.internal_errors += error.reason.startswith(INTERNAL_ERROR)
            report.refuse(error)
            store.save_error(conn, error)
        for state in batch.finished:
            if state.key and state.sha256 and not state.internal_errors:
                store.mark_source_finished(
                    conn, state.key, state.source.display, state.size, state.mtime,
                    state.sha256, state.articles, state.errors,
                )
        for step in corpus_steps():
            try:
                with savepoint(conn):
                    step.run(conn, new_ids, settings)
            except Exception as exc:
                error = IngestError(
                    f"(corpus step {step.name})",
                    f"{INTERNAL_ERROR}: {type(exc).__name__}: {exc}",
                    f"{len(new_ids)} new articles",
                )
                report.errors.append(error)
                store.save_error(conn, error)
    report.new += len(new_ids)


def _warm(settings: Settings) -> None:
    """One tiny article through the whole path here, before any worker is forked.

    Imports, the model and every lazily filled cache then come with each fork, so a
    worker (and one forked again after a kill) spends its time limit on its article,
    never on start-up.
    """
    text = 'Mayor Anna Reyes of Paris said on Monday: "The bridge will reopen in May."'
    process_batch([RawArticle("(warm-up)", text, False)], settings)


def _mapper(
    settings: Settings, stack: ExitStack
) -> Callable[[list[RawArticle]], Callable[[], list[ProcessedArticle | IngestError]]]:
    """``submit(raws) -> result()``: in-process, on a process pool, or on Ray."""
    if settings.runner == "ray":
        import ray

        if not ray.is_initialized():
            ray.init(num_cpus=settings.workers, include_dashboard=False, log_to_driver=False)
            stack.callback(ray.shutdown)
        remote = ray.remote(process_batch)
        settings_ref = ray.put(settings)

        def submit_ray(raws: list[RawArticle]) -> Callable[[], list]:
            ref = remote.remote(raws, settings_ref)
            return lambda: ray.get(ref)

        return submit_ray
    bounded = (settings.article_time_limit_s, settings.article_cpu_limit_s,
               settings.article_memory_limit_mb)
    if settings.workers > 1 or any(limit > 0 for limit in bounded):
        _warm(settings)
        supervisor = Supervisor(process_batch, settings, settings.workers)
        stack.callback(supervisor.close)
        return supervisor.submit

    def submit_here(raws: list[RawArticle]) -> Callable[[], list]:
        results = process_batch(raws, settings)
        return lambda: results

    return submit_here


def ingest(
    paths: Iterable[str | Path], settings: Settings, progress: Progress | None = None
) -> IngestReport:
    """Read → clean/parse/extract (mapped over workers) → store, one transaction per batch.

    Batches are committed in reading order, at most ``workers + 1`` in flight, so
    memory stays bounded and a file is marked finished only once every batch
    holding its articles is committed: a kill at any point loses at most the
    uncommitted batches, and a rerun skips finished files and re-reads the rest
    (``INSERT OR IGNORE`` absorbs what a partial file had already stored).
    """
    extractors_for(settings.extractors)  # an unmet ``requires`` is refused before any reading
    report = IngestReport(db_path=str(settings.db_path))
    conn = connect(settings.db_path)
    pending: deque[tuple[_Batch, Callable[[], list]]] = deque()

    def commit_oldest() -> None:
        batch, result = pending.popleft()
        _commit(conn, batch, result(), settings, report)
        if progress is not None:
            progress.update(len(batch.finished))
            progress.set_postfix_str(f"{report.new} new, {len(report.errors)} errors")

    try:
        with ExitStack() as stack:
            submit = _mapper(settings, stack)
            for batch in _batches(paths, settings, conn, report, progress):
                pending.append((batch, submit(batch.raws) if batch.raws else lambda: []))
                while len(pending) > settings.workers:
                    commit_oldest()
            while pending:
                commit_oldest()
    finally:
        conn.close()
    return report
