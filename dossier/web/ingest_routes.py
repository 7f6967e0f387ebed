"""Ingest from the browser: upload files or paste text, then follow the job.

Uploads are size-checked before the body is parsed (Content-Length) and while the body
is received, before the form parser spools it: a client cannot fill the disk by lying
about the length or by sending it chunked.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse
from starlette.datastructures import UploadFile
from starlette.types import Message

from dossier.config import Settings
from dossier.web.data import Desk, DeskDep
from dossier.web.deps import SettingsDep
from dossier.web.fetch import FetchRefused, check_url
from dossier.web.jobs import Job, QueueFull
from dossier.web.render import render
from dossier.web.schemas import (
    IngestErrorOut,
    IngestInputOut,
    IngestJobOut,
    IngestOutcomeOut,
)

router = APIRouter()

UNSAFE_NAME_CHARS = re.compile(r"[^A-Za-z0-9._-]+")
MAX_FILES = 200
CHUNK = 1 << 16
# Multipart boundaries and part headers around the files: allowed on top of the limit.
FORM_OVERHEAD = 64 * 1024

UPLOAD_BODY = {
    "requestBody": {
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                        "text": {"type": "string", "description": "pasted article text"},
                        "title": {"type": "string"},
                        "outlet": {"type": "string"},
                        "date": {"type": "string", "description": "publication date, ISO"},
                        "url": {"type": "string", "description": "needs --allow-fetch"},
                    },
                }
            }
        }
    }
}


def safe_name(name: str | None, fallback: str) -> str:
    """A plain file name (no folders, no odd characters) that keeps its extension."""
    base = Path(name or "").name
    base = UNSAFE_NAME_CHARS.sub("_", base).strip("._")[:100]
    return base or fallback


def one_line(value: str | None) -> str:
    """Header values go on one line of the pasted file: no line breaks smuggled in."""
    return " ".join((value or "").split())


class BadPastedDate(HTTPException):
    """The pasted article's date does not parse: refused whole, the form given back filled.

    Accepting it would store an undated article (an "(untitled story)" with no time) while
    the analyst believes it dated; refusing says so while the text is still in the form.
    """

    def __init__(self, value: str, pasted: dict[str, str]) -> None:
        super().__init__(400, f'the published date "{value}" is not a date: give the day, month '
                         "and year (2025-03-04 or 4 March 2025), not in the future, or leave it "
                         "empty. Nothing was ingested.")
        self.pasted = pasted


def pasted_date(value: str, pasted: dict[str, str]) -> str:
    """The pasted date as ISO, read by the cleaner's own date reader (or BadPastedDate).

    The ISO form goes into the header: the text reader takes only ISO header dates.
    """
    from dossier.clean.metadata import normalize_date  # the cleaner's imports: only when pasted

    stated = normalize_date(value)
    if stated is None:
        raise BadPastedDate(value, pasted)
    return stated


class _BodyTooLarge(Exception):
    """The request body passed the upload limit while it was being received."""


def _limit_body(request: Request, limit: int) -> None:
    """Count the body as it arrives and stop it past ``limit``, before it is spooled.

    ``request.form()`` writes file parts to a temporary file as they arrive; checking
    sizes afterwards let a 1 GiB chunked upload write 1 GiB to disk before its 413.
    """
    receive = request._receive
    seen = 0

    async def counted() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise _BodyTooLarge
        return message

    request._receive = counted


async def save_submission(
    request: Request, settings: Settings
) -> tuple[Path, list[str], list[str]]:
    """Save uploaded files and pasted text into a fresh folder: (folder, file names, urls)."""
    limit = settings.max_upload_bytes
    body_limit = limit + FORM_OVERHEAD
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > body_limit:
        raise HTTPException(413, f"upload larger than {limit} bytes")
    _limit_body(request, body_limit)
    try:
        form = await request.form(max_files=MAX_FILES)
    except _BodyTooLarge as exc:
        raise HTTPException(413, f"upload larger than {limit} bytes") from exc
    pasted = {k: str(form.get(k) or "") for k in ("text", "title", "outlet", "date")}
    date = one_line(pasted["date"])
    if pasted["text"].strip() and date:
        date = pasted_date(date, pasted)  # before anything is saved
    folder = Path(tempfile.mkdtemp(prefix="dossier-upload-"))
    names: list[str] = []
    used = 0
    try:
        for i, item in enumerate(form.getlist("files")):
            if not isinstance(item, UploadFile) or not item.filename:
                continue
            name = safe_name(item.filename, f"upload-{i + 1}.txt")
            while name in names:
                name = f"{i + 1}-{name}"
            with (folder / name).open("wb") as out:
                while chunk := await item.read(CHUNK):
                    used += len(chunk)
                    if used > limit:
                        raise HTTPException(413, f"upload larger than {limit} bytes")
                    out.write(chunk)
            names.append(name)
        text = pasted["text"].strip()
        if text:
            header = [f" date {date} "] if date else []
            header += [f"title {one_line(pasted['title'])}"] if pasted["title"] else []
            header += [f"source {one_line(pasted['outlet'])}"] if pasted["outlet"] else []
            body = "\n".join(header + ([""] if header else []) + [text]) + "\n"
            used += len(body.encode("utf-8"))
            if used > limit:
                raise HTTPException(413, f"upload larger than {limit} bytes")
            (folder / "pasted.txt").write_text(body, encoding="utf-8")
            names.append("pasted.txt")
        urls = [str(u) for u in form.getlist("url") if str(u).strip()]
        if urls and not settings.allow_fetch:
            raise HTTPException(
                403, "fetching URLs on the server is off; start it with --allow-fetch"
            )
        try:
            urls = [check_url(u) for u in urls]
        except FetchRefused as exc:
            raise HTTPException(400, str(exc)) from exc
        if not names and not urls:
            raise HTTPException(400, "nothing to ingest: choose files or paste text")
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return folder, names, urls


def job_out(job: Job, desk: Desk | None) -> IngestJobOut:
    """The job as the page and the API show it: each input with the articles it became."""
    ids = [o.article_id for i in job.inputs for o in i.outcomes if o.article_id]
    stored = {a.id: a for a in desk.articles_by_ids(ids)} if desk is not None and ids else {}
    inputs = [
        IngestInputOut(name=i.name, state=i.state, outcomes=[
            IngestOutcomeOut(kind=o.kind, locator=o.locator, article_id=o.article_id,
                             article=stored.get(o.article_id or ""), reason=o.reason)
            for o in i.outcomes
        ])
        for i in job.inputs
    ]
    new_ids = job.new_article_ids
    step_errors = [IngestErrorOut(source_path=e.source_path, locator=e.locator, reason=e.reason)
                   for e in job.errors]
    return IngestJobOut(
        id=job.id,
        status=job.status,
        message=job.message,
        files=job.files,
        done=job.done,
        total=job.total,
        inputs=inputs,
        new_article_ids=new_ids,
        articles=[stored[i] for i in new_ids if i in stored],
        errors=[IngestErrorOut(source_path=i.name, locator=o.locator, reason=o.reason)
                for i in job.inputs for o in i.outcomes if o.kind == "refused"] + step_errors,
        step_errors=step_errors,
    )


@router.post(
    "/api/ingest",
    response_model=IngestJobOut,
    status_code=202,
    tags=["ingest"],
    openapi_extra=UPLOAD_BODY,
    summary="Start ingesting uploaded files or pasted text",
)
async def api_ingest(request: Request, settings: SettingsDep):
    folder, names, urls = await save_submission(request, settings)
    return job_out(_submit(request, folder, names, urls), None)


def _submit(request: Request, folder: Path, names: list[str], urls: list[str]) -> Job:
    try:
        return request.app.state.jobs.submit(folder, names, urls)
    except QueueFull as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise HTTPException(503, str(exc), headers={"Retry-After": "30"}) from exc


@router.post("/api/ingest/jobs/{job_id}/cancel", response_model=IngestJobOut, tags=["ingest"])
def api_cancel(job_id: str, request: Request):
    """Cancel a queued job, or stop a running one after the batch in flight is committed."""
    job = request.app.state.jobs.cancel(job_id)
    if job is None:
        raise HTTPException(404, "job not found")
    return job_out(job, None)


@router.get("/api/ingest/jobs/{job_id}", response_model=IngestJobOut, tags=["ingest"])
def api_job(job_id: str, request: Request, desk: DeskDep):
    """Poll a job: progress while it runs; the new articles and the errors once done."""
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise HTTPException(404, "job not found")
    return job_out(job, desk)


@router.get("/ingest", include_in_schema=False)
def ingest_page(request: Request, settings: SettingsDep):
    return render(request, "ingest.html", nav="Ingest", allow_fetch=settings.allow_fetch,
                  max_upload_mb=round(settings.max_upload_bytes / 2**20, 1))


@router.post("/ingest", include_in_schema=False)
async def ingest_form(request: Request, settings: SettingsDep):
    try:
        folder, names, urls = await save_submission(request, settings)
    except BadPastedDate as exc:
        return render(request, "ingest.html", status_code=exc.status_code, nav="Ingest",
                      message=exc.detail, date_error=exc.detail, pasted=exc.pasted,
                      allow_fetch=settings.allow_fetch,
                      max_upload_mb=round(settings.max_upload_bytes / 2**20, 1))
    except HTTPException as exc:
        return render(request, "ingest.html", status_code=exc.status_code, nav="Ingest",
                      message=exc.detail, allow_fetch=settings.allow_fetch,
                      max_upload_mb=round(settings.max_upload_bytes / 2**20, 1))
    try:
        job = _submit(request, folder, names, urls)
    except HTTPException as exc:
        return render(request, "ingest.html", status_code=exc.status_code, nav="Ingest",
                      message=exc.detail, allow_fetch=settings.allow_fetch,
                      max_upload_mb=round(settings.max_upload_bytes / 2**20, 1))
    return RedirectResponse(f"/ingest/jobs/{job.id}", status_code=303)


@router.get("/ingest/jobs/{job_id}", include_in_schema=False)
def job_page(job_id: str, request: Request, desk: DeskDep):
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise HTTPException(404, "job not found")
    return render(request, "job.html", nav="Ingest", job=job_out(job, desk))

