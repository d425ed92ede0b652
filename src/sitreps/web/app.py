"""The web face of the store: a JSON API under /api and an offline map page at /.

Thin over `sitreps.store` (reads) and `sitreps.pipeline` (POST /api/ingest): no query logic
lives here. `create_app(WebSettings(...))` builds the app; `sitreps serve` runs it with uvicorn.
"""

from __future__ import annotations

import asyncio
import hmac
import io
import logging
import math
import secrets
import threading
import time
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from starlette.requests import ClientDisconnect

from sitreps import __version__
from sitreps.model import SCHEMA_VERSION, Article, Episode, EventType, Mention, Span
from sitreps.store import AmbiguousIdError, EventFilter, Store, StoreError, StoreLockedError
from sitreps.web.guard import RequestGuard
from sitreps.web.schemas import (
    ArticleDetail,
    ArticleSpan,
    EpisodeDetail,
    ErrorBody,
    EventDetail,
    EventPage,
    EvidenceContext,
    Health,
    IngestRejection,
    IngestResult,
    MentionDetail,
    Stats,
)
from sitreps.web.store_access import StoreAccess

log = logging.getLogger("sitreps.web")

STATIC_DIR = Path(__file__).parent / "static"
DEFAULT_MAX_INGEST_BYTES = 5_000_000
# A request body that sends nothing for this long is cut (slow-upload attacks hold a connection open).
DEFAULT_BODY_TIMEOUT = 30.0
# Writes waiting behind the one running; more are refused with 503 so they cannot pile up.
DEFAULT_MAX_QUEUED_WRITES = 16
# Where index.html receives the per-server CSRF token (see guard.py).
CSRF_PLACEHOLDER = "{{csrf_token}}"
MAX_PAGE = 5000
# Characters of article text shown either side of an evidence span: about one sentence of
# wire copy (median sentence ~130 characters in the reports we tested on).
CONTEXT_CHARS = 160
# The page loads only its own files: no inline script can run even if escaping failed somewhere.
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
INGEST_FORMATS = {
    "text/plain": "txt",
    "text/html": "html",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/x-jsonlines": "jsonl",
    "application/jsonlines": "jsonl",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
}


@dataclass(frozen=True)
class WebSettings:
    db_path: Path
    token: str | None = None
    max_ingest_bytes: int = DEFAULT_MAX_INGEST_BYTES
    lock_timeout: float = 3.0
    # An ingest may wait this long for another process's write lock (or another POST's).
    ingest_lock_timeout: float = 30.0
    actors_files: tuple[Path, ...] = field(default_factory=tuple)
    # Where reads' snapshot copy of the store goes (see store_access); None: the system temp dir.
    snapshot_dir: Path | None = None
    # Host names accepted besides the bound address (and localhost on loopback); see guard.py.
    allowed_hosts: tuple[str, ...] = ()
    body_timeout: float = DEFAULT_BODY_TIMEOUT
    max_queued_writes: int = DEFAULT_MAX_QUEUED_WRITES


class IngestPipeline:
    """The CLI's ingest pipeline, with its extractor loaded once, on the first POST /api/ingest."""

    def __init__(self, settings: WebSettings) -> None:
        self._settings = settings
        self._lock = threading.Lock()
        self._loaded: tuple[Any, Any] | None = None

    def _parts(self) -> tuple[Any, Any]:
        from sitreps.context import AppContext
        from sitreps.pipeline import load_default_extractor, load_known_name

        with self._lock:
            if self._loaded is None:
                ctx = AppContext(db_path=self._settings.db_path, actors_files=list(self._settings.actors_files))
                self._loaded = (load_default_extractor(ctx), load_known_name())
            return self._loaded

    def run(self, access: StoreAccess, body: bytes, fmt: str) -> IngestResult:
        from sitreps.pipeline import run_ingest

        extractor, known_name = self._parts()
        with access.write(self._settings.ingest_lock_timeout) as store:
            report = run_ingest(
                store,
                ["-"],
                fmt=fmt,
                stdin=io.BytesIO(body),
                max_bytes=self._settings.max_ingest_bytes,
                extractor=extractor,
                known_name=known_name,
            )
        return IngestResult(
            read=report.read,
            new=report.new,
            duplicate=report.duplicate,
            rejected=[IngestRejection(source=r.source, reason=r.reason) for r in report.rejected],
            mentions=report.mentions,
            events=report.events,
            episodes=report.episodes,
        )


class WriteQueue:
    """Writes run one at a time on a thread of their own, so writers waiting their turn hold no
    thread of the pool that serves reads. At most `max_queued` wait behind the running one
    (counted from the moment their body starts to arrive); more are refused with 503 and a
    Retry-After estimated from how long recent writes took."""

    def __init__(self, max_queued: int) -> None:
        self.max_queued = max_queued
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sitreps-write")
        self._pending = 0  # running + waiting; changed only on the event loop's thread
        self._mean_seconds = 1.0  # moving average of one write's duration

    @asynccontextmanager
    async def place(self) -> AsyncIterator[None]:
        """Hold a place in the queue for one write request, or raise 503 if the queue is full."""
        if self._pending > self.max_queued:
            retry_after = max(1, math.ceil(self._pending * self._mean_seconds))
            raise HTTPException(
                503,
                f"{self._pending} writes are already queued (sitreps serve --write-queue); retry later",
                {"Retry-After": str(retry_after)},
            )
        self._pending += 1
        try:
            yield
        finally:
            self._pending -= 1

    async def run(self, work: Any, *args: Any) -> Any:
        """`work(*args)` on the write thread, after the writes queued before it."""

        def timed() -> Any:
            started = time.monotonic()
            try:
                return work(*args)
            finally:
                self._mean_seconds = 0.8 * self._mean_seconds + 0.2 * (time.monotonic() - started)

        return await asyncio.get_running_loop().run_in_executor(self._executor, timed)

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


# -- request plumbing ---------------------------------------------------------------------------

_bearer = HTTPBearer(auto_error=False, description="Required when the server was started with --token")


def require_token(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> None:
    expected = request.app.state.settings.token
    if expected is None:
        return
    given = credentials.credentials if credentials else ""
    if not hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
        raise HTTPException(
            401,
            "missing or wrong bearer token (send Authorization: Bearer <token>)",
            {"WWW-Authenticate": "Bearer"},
        )


def read_store(request: Request) -> Iterator[Store]:
    """A read-only store (a cursor on the server's snapshot) for one request; see store_access."""
    with request.app.state.access.read() as store:
        yield store


# scope="function": the cursor closes when the handler returns, before the response is sent.
StoreDep = Annotated[Store, Depends(read_store, scope="function")]


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    """'west,south,east,north' in degrees -> a tuple; ValueError with a one-line reason."""
    parts = text.split(",")
    if len(parts) != 4:
        raise ValueError("bbox must be four comma-separated numbers: west,south,east,north")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise ValueError("bbox must be four comma-separated numbers: west,south,east,north") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180):
        raise ValueError("bbox longitudes must be within -180..180")
    if not (-90 <= south <= north <= 90):
        raise ValueError("bbox latitudes must be within -90..90 with south <= north")
    return west, south, east, north


def event_filter(
    since: Annotated[date | None, Query(description="events ending on or after this day (YYYY-MM-DD)")] = None,
    until: Annotated[date | None, Query(description="events starting on or before this day")] = None,
    type: Annotated[EventType | None, Query(description="ACLED event type")] = None,
    sub_type: Annotated[str | None, Query(description="ACLED sub-event type")] = None,
    actor: Annotated[str | None, Query(description="substring of any actor's name")] = None,
    country: Annotated[str | None, Query(pattern="^[A-Za-z]{2}$", description="ISO 3166 alpha-2")] = None,
    admin1: Annotated[str | None, Query(description="GeoNames admin1 code or region name")] = None,
    place: Annotated[str | None, Query(description="substring of the place name or toponym")] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees")] = None,
    min_sources: Annotated[int | None, Query(ge=0, description="at least this many distinct outlets")] = None,
    q: Annotated[str | None, Query(description="substring of evidence text, place or actor names")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> EventFilter:
    if since and until and since > until:
        raise HTTPException(422, "since must not be after until")
    try:
        box = parse_bbox(bbox) if bbox is not None else None
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None
    return EventFilter(
        since=since.isoformat() if since else None,
        until=until.isoformat() if until else None,
        type=type,
        sub_type=sub_type,
        actor=actor,
        country=country.upper() if country else None,
        admin1=admin1,
        place=place,
        bbox=box,
        min_sources=min_sources,
        q=q,
        limit=limit,
        offset=offset,
    )


def evidence_context(text: str, span: Span, width: int = CONTEXT_CHARS) -> EvidenceContext:
    """The span with up to `width` characters either side, cut at a word boundary."""
    start, end = span.start, span.end
    if not (0 <= start <= end <= len(text)) or text[start:end] != span.text:
        # Offsets that do not match the text would highlight the wrong words: show the span alone.
        found = text.find(span.text) if span.text else -1
        if found < 0:
            return EvidenceContext(start=span.start, end=span.end, text=span.text, before="", after="")
        start, end = found, found + len(span.text)
    before = text[max(0, start - width) : start]
    if start > width and " " in before:
        before = "…" + before[before.index(" ") + 1 :]
    after = text[end : end + width]
    if end + width < len(text) and " " in after:
        after = after[: after.rindex(" ")] + "…"
    return EvidenceContext(start=start, end=end, text=text[start:end], before=before, after=after)


def mention_detail(mention: Mention, article: Article | None) -> MentionDetail:
    contexts = [evidence_context(article.text, s) for s in mention.evidence] if article else []
    return MentionDetail(
        **mention.model_dump(),
        outlet=article.outlet if article else None,
        article_title=article.title if article else None,
        article_source=article.source if article else None,
        article_url=article.url if article else None,
        article_published=article.published.start if article and article.published else None,
        contexts=contexts,
    )


def _format_for(content_type: str | None) -> str:
    """The ingest format a Content-Type names ("auto" when none is sent); 415 for any other type,
    so a browser form (urlencoded, multipart) is never read as a report."""
    media = (content_type or "").split(";")[0].strip().lower()
    if not media:
        return "auto"
    if media not in INGEST_FORMATS:
        accepted = ", ".join(INGEST_FORMATS)
        raise HTTPException(415, f"unsupported Content-Type {media!r}; send one of {accepted}")
    return INGEST_FORMATS[media]


async def _read_capped(request: Request, cap: int, timeout: float) -> bytes:
    """The request body, at most `cap` bytes (413), cut if `timeout` seconds pass with no data (408);
    a client that goes away mid-upload is logged in one line and answered 400 (into the void)."""
    too_large = HTTPException(
        413, f"request body larger than the limit of {cap} bytes (sitreps serve --max-ingest-bytes)"
    )
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > cap:
        raise too_large
    where = f"{request.method} {request.url.path} from {request.client.host if request.client else 'unknown'}"
    body = bytearray()
    chunks = request.stream()
    try:
        while True:
            try:
                async with asyncio.timeout(timeout):
                    chunk = await anext(chunks)
            except StopAsyncIteration:
                break
            body.extend(chunk)
            if len(body) > cap:
                raise too_large
    except TimeoutError:
        log.warning("sitreps: %s sent no data for %g s after %d bytes; upload cut (408)", where, timeout, len(body))
        raise HTTPException(
            408,
            f"request body stalled: no data for {timeout:g} s (sitreps serve --body-timeout)",
            {"Connection": "close"},
        ) from None
    except ClientDisconnect:
        log.warning("sitreps: %s disconnected after sending %d bytes; nothing stored", where, len(body))
        raise HTTPException(400, "client disconnected during the upload") from None
    finally:
        await chunks.aclose()
    return bytes(body)


# -- routes -------------------------------------------------------------------------------------

ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "bearer token required"},
    421: {"model": ErrorBody, "description": "the Host header does not name this server (see --allow-host)"},
    503: {"model": ErrorBody, "description": "store locked by an ingest, or too many writes queued; retry"},
}
api = APIRouter(prefix="/api", dependencies=[Depends(require_token)], responses=ERRORS)


@api.get("/health", response_model=Health)
def health() -> Health:
    return Health(version=__version__, schema_version=SCHEMA_VERSION)


@api.get("/events", response_model=EventPage, responses={422: {"description": "bad filter"}})
def list_events(store: StoreDep, f: Annotated[EventFilter, Depends(event_filter)]) -> EventPage:
    """Events matching every given filter, sorted by date, one page at a time."""
    assert f.limit is not None
    return EventPage(total=store.count_events(f), limit=f.limit, offset=f.offset, events=store.events(f))


def _not_found(kind: str, id: str) -> HTTPException:
    return HTTPException(404, f"no {kind} with id {id!r}")


@api.get("/events/{event_id}", response_model=EventDetail, responses={404: {"model": ErrorBody}})
def get_event(event_id: str, store: StoreDep) -> EventDetail:
    """One event with its mentions, their evidence in context, the fatality estimates and contradictions."""
    event = store.event(event_id)
    if event is None:
        raise _not_found("event", event_id)
    articles: dict[str, Article | None] = {}
    details = []
    for mention in store.mentions(event_id=event.id):
        if mention.article_id not in articles:
            articles[mention.article_id] = store.article(mention.article_id)
        details.append(mention_detail(mention, articles[mention.article_id]))
    return EventDetail(**event.model_dump(), mentions=details)


@api.get("/episodes", response_model=list[Episode])
def list_episodes(store: StoreDep) -> list[Episode]:
    return store.episodes()


@api.get("/episodes/{episode_id}", response_model=EpisodeDetail, responses={404: {"model": ErrorBody}})
def get_episode(episode_id: str, store: StoreDep) -> EpisodeDetail:
    episode = store.episode(episode_id)
    if episode is None:
        raise _not_found("episode", episode_id)
    events = [e for e in (store.event(i) for i in episode.event_ids) if e is not None]
    return EpisodeDetail(**episode.model_dump(), events=events)


@api.get("/articles/{article_id}", response_model=ArticleDetail, responses={404: {"model": ErrorBody}})
def get_article(article_id: str, store: StoreDep) -> ArticleDetail:
    """The cleaned text, the boilerplate removed from it, and every evidence span read from it."""
    article = store.article(article_id)
    if article is None:
        raise _not_found("article", article_id)
    spans = [
        ArticleSpan(**s.model_dump(), mention_id=m.id, event_id=m.event_id, event_type=m.event_type)
        for m in store.mentions(article_id=article.id)
        for s in m.evidence
    ]
    spans.sort(key=lambda s: (s.start, s.end))
    return ArticleDetail(**article.model_dump(), spans=spans)


@api.get("/stats", response_model=Stats)
def stats(store: StoreDep) -> Stats:
    """Counts of everything, and events by day, by type and by actor."""
    return Stats(**store.stats())


@api.post(
    "/ingest",
    response_model=IngestResult,
    responses={
        403: {"model": ErrorBody, "description": "cross-site write, or no X-CSRF-Token (see the README)"},
        408: {"model": ErrorBody, "description": "body stalled (sitreps serve --body-timeout)"},
        413: {"model": ErrorBody, "description": "body too large"},
        415: {"model": ErrorBody, "description": "Content-Type is not one of the ingest formats"},
        422: {"model": ErrorBody},
    },
)
async def ingest(
    request: Request,
    format: Annotated[
        Literal["auto", "txt", "html", "jsonl"] | None,
        Query(description="input format; default from Content-Type (text/plain, text/html, application/x-ndjson)"),
    ] = None,
) -> IngestResult:
    """Run the ingest pipeline (as `sitreps ingest -`) on the request body: one report, or JSONL.

    Writes need the page's X-CSRF-Token header, or the bearer token of a server started with
    --token; they run one at a time, and a full queue answers 503 with Retry-After."""
    settings: WebSettings = request.app.state.settings
    content_format = _format_for(request.headers.get("content-type"))
    queue: WriteQueue = request.app.state.write_queue
    async with queue.place():
        body = await _read_capped(request, settings.max_ingest_bytes, settings.body_timeout)
        if not body.strip():
            raise HTTPException(422, "empty body: send a report as text/plain or reports as JSONL")
        pipeline: IngestPipeline = request.app.state.ingest_pipeline
        return await queue.run(pipeline.run, request.app.state.access, body, format or content_format)


# -- app ----------------------------------------------------------------------------------------


def _error(status: int, detail: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status, headers=headers)


def create_app(settings: WebSettings) -> FastAPI:
    """The FastAPI app over the store at `settings.db_path` (created empty if missing)."""
    access = StoreAccess(settings.db_path, settings.lock_timeout, snapshot_dir=settings.snapshot_dir)
    write_queue = WriteQueue(settings.max_queued_writes)
    csrf_token = secrets.token_urlsafe(32)
    index_html = (STATIC_DIR / "index.html").read_text(encoding="utf-8").replace(CSRF_PLACEHOLDER, csrf_token)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        write_queue.close()
        access.close()  # the snapshot copy is deleted with the server

    app = FastAPI(
        lifespan=lifespan,
        title="sitreps",
        version=__version__,
        description="Events, episodes and articles from war reporting, with the evidence for each "
        "(export format sitreps/1). Start here: GET /api/events?since=YYYY-MM-DD.",
        # The interactive docs pages load their JS from a CDN; this server works offline.
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.access = access
    app.state.write_queue = write_queue
    app.state.ingest_pipeline = IngestPipeline(settings)
    app.state.access.ensure_exists()

    @app.exception_handler(StoreLockedError)
    def _locked(request: Request, exc: StoreLockedError) -> JSONResponse:
        return _error(503, f"{exc}; retry shortly", {"Retry-After": "2"})

    @app.exception_handler(AmbiguousIdError)
    def _ambiguous(request: Request, exc: AmbiguousIdError) -> JSONResponse:
        return _error(409, str(exc))

    @app.exception_handler(StoreError)
    def _store_error(request: Request, exc: StoreError) -> JSONResponse:
        return _error(503, str(exc))

    @app.exception_handler(RequestValidationError)
    def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        # One readable line per problem, e.g. "query.limit: Input should be less than or equal to 5000".
        problems = ["{}: {}".format(".".join(str(p) for p in e["loc"]), e["msg"]) for e in exc.errors()]
        return _error(422, "; ".join(problems))

    @app.exception_handler(Exception)
    def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        return _error(500, f"internal error: {type(exc).__name__}")

    app.include_router(api)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        if not request.url.path.startswith("/api"):
            response.headers.setdefault("Content-Security-Policy", PAGE_CSP)
        return response

    @app.get("/", include_in_schema=False)
    def index() -> HTMLResponse:
        # no-store: a cached page would carry the token of a previous server run.
        return HTMLResponse(index_html, headers={"Cache-Control": "no-store"})

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    # Outermost, so a refused request reaches no route, no body parsing and no store.
    app.add_middleware(
        RequestGuard,
        csrf_token=csrf_token,
        bearer_required=settings.token is not None,
        allowed_hosts=frozenset(name.lower() for name in settings.allowed_hosts),
    )
    return app
