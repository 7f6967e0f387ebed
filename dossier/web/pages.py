"""Server-rendered pages: home, story, article, actor, lists, and the API reference."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from dossier.lexicon.plover import PLOVER_TYPES
from dossier.web.clutter import place_removed
from dossier.web.data import Desk, DeskDep
from dossier.web.data.articles import BadSearch
from dossier.web.deps import Filters, FiltersDep, iso_date
from dossier.web.geo import map_view
from dossier.web.graph import build_graph
from dossier.web.highlight import segments
from dossier.web.render import render
from dossier.web.schemas import EvidenceOut, QuoteOut, StanceOut, StoryOut, TimelineItemOut

router = APIRouter(include_in_schema=False)
HIGHLIGHT_KINDS = [("quote", "quotes"), ("event", "events"), ("timex", "dates and times"),
                   ("place", "places"), ("actor", "actors")]
EVERYTHING = 10_000  # a story page shows all of a story's facts, not one API page
MATRIX_SIDE = 10


@dataclass
class StanceCell:
    css: str
    symbol: str
    verb: str
    evidence: list[EvidenceOut] = field(default_factory=list)


@dataclass
class StanceMatrix:
    sources: list[str]
    targets: list[str]
    cells: dict[tuple[str, str], StanceCell]
    hidden: int = 0  # pairs left out to keep the matrix readable
    # those pairs, busiest first, listed under the matrix: every stance stays on the page
    rest: list[tuple[str, str, StanceCell]] = field(default_factory=list)


def stance_matrix(stances: list[StanceOut]) -> StanceMatrix:
    """Rows act on columns; a pair with both support and opposition shows as mixed."""
    cells: dict[tuple[str, str], StanceCell] = {}
    for st in stances:
        key = (st.source, st.target)
        cell = cells.get(key)
        css = "pos" if st.polarity > 0 else ("neg" if st.polarity < 0 else "mix")
        if css == "mix":
            cells[key] = StanceCell("mix", "±", "both backs and opposes", list(st.evidence))
        elif cell is None:
            cells[key] = StanceCell(css, "+" if css == "pos" else "−",
                                    "backs" if css == "pos" else "opposes", list(st.evidence))
        else:
            if cell.css != css:
                cell.css, cell.symbol, cell.verb = "mix", "±", "both backs and opposes"
            cell.evidence.extend(st.evidence)
    def weight(name: str, side: int) -> int:
        return sum(len(c.evidence) or 1 for k, c in cells.items() if k[side] == name)

    # the busiest actors on each side; the API has every pair
    sources = sorted({s for s, _ in cells}, key=lambda s: (-weight(s, 0), s))[:MATRIX_SIDE]
    targets = sorted({t for _, t in cells}, key=lambda t: (-weight(t, 1), t))[:MATRIX_SIDE]
    kept = {k: c for k, c in cells.items() if k[0] in sources and k[1] in targets}
    sources = [s for s in sources if any(k[0] == s for k in kept)]
    targets = [t for t in targets if any(k[1] == t for k in kept)]
    rest = sorted(((k[0], k[1], c) for k, c in cells.items() if k not in kept),
                  key=lambda r: (-len(r[2].evidence), r[0], r[1]))
    return StanceMatrix(sources, targets, kept, hidden=len(cells) - len(kept), rest=rest)


def quotes_by_speaker(quotes: list[QuoteOut]) -> list[tuple[str, str | None, list[QuoteOut]]]:
    groups: dict[str, tuple[str, str | None, list[QuoteOut]]] = {}
    for q in quotes:
        name = q.speaker or "Speaker unknown"
        if q.on_behalf_of and q.on_behalf_of != name:
            name = f"{name} ({q.on_behalf_of})"
        groups.setdefault(name, (name, q.speaker_actor_id, []))[2].append(q)
    return sorted(groups.values(), key=lambda g: (-len(g[2]), g[0]))


def split_timeline(items: list[TimelineItemOut],
                   shown: int) -> dict[str, list[TimelineItemOut]]:
    """Asserted events and statements the text dates go first, the ``shown`` most salient
    (``Settings.timeline_shown``); the rest fold away.

    A story of a dozen articles yields hundreds of items; the analyst reads the acts
    first, and every item stays one click away.
    """
    main = [t for t in items
            if (t.kind == "event" and not t.label.endswith("]")) or t.date_basis == "text"]
    if len(main) > shown:
        ranked = sorted(main, key=lambda t: (-t.salience, t.date_basis != "text"))
        keep = {id(t) for t in ranked[:shown]}
        main = [t for t in main if id(t) in keep]
    shown = {id(t) for t in main}
    return {"timeline": items, "timeline_main": main,
            "timeline_rest": [t for t in items if id(t) not in shown]}


@router.get("/")
def home(request: Request, desk: DeskDep):
    stories = desk.stories(Filters(limit=50))
    return render(
        request, "home.html", nav="Stories", stories=stories,
        articles=desk.articles(Filters(limit=8)),
        counts={**desk.counts(), "stories": stories.total},
        max_size=max([s.n_articles for s in stories.items] + [1]),
    )


@router.get("/articles")
def articles_page(request: Request, f: FiltersDep,
                  desk: DeskDep):
    keep = {k: v for k, v in (("outlet", f.outlet), ("story", f.story)) if v}
    return render(request, "articles.html", nav="Articles", heading="Articles",
                  articles=desk.articles(f), base=f"/articles?{urlencode(keep)}&")


@dataclass(frozen=True)
class ConfidenceChoice:
    """The confidence filter's state: the floor asked for (None: the desk's own)."""

    asked: float | None
    floor: float  # Settings.event_min_confidence: below it, an event is marked unsure
    levels: tuple[float, ...]

    @property
    def value(self) -> str:
        return "" if self.asked is None else f"{self.asked:.2f}"

    @property
    def applied(self) -> float:
        return self.floor if self.asked is None else self.asked

    def options(self) -> list[tuple[str, str]]:
        """(value, label) for the select: the default first, then the other floors."""
        out = [("", f"≥ {self.floor:.2f} (the desk's default)")]
        asked = set() if self.asked is None else {self.asked}
        for level in sorted(set(self.levels) | asked - {self.floor}):
            label = "all, unsure ones marked" if level == 0 else (
                f"≥ {level:.2f}, surer" if level > self.floor else f"≥ {level:.2f}")
            out.append((f"{level:.2f}", label))
        return out


def confidence_choice(desk: Desk, asked: float | None) -> ConfidenceChoice:
    return ConfidenceChoice(asked, desk.settings.event_min_confidence,
                            desk.settings.desk_confidence_levels)


Confidence = Annotated[float | None, Query(ge=0, le=1, description="events' floor")]


@router.get("/search")
def search_page(request: Request, f: FiltersDep, desk: DeskDep,
                q: Annotated[str, Query(max_length=200)] = "",
                confidence: Confidence = None):
    conf = confidence_choice(desk, confidence)
    if f.type or confidence is not None:  # articles reporting such an event, that sure
        f = replace(f, type=f.type and f.type.strip().upper(), min_confidence=conf.applied)
    keep = {k: v for k, v in (("q", q), ("outlet", f.outlet), ("since", f.since),
                              ("until", f.until), ("actor", f.actor), ("type", f.type),
                              ("confidence", conf.value)) if v}
    empty = desk.articles(Filters(limit=0))
    shown = {"search_filters": f, "confidence": conf, "event_types": PLOVER_TYPES,
             "base": f"/search?{urlencode(keep)}&"}
    try:
        results = desk.search(q, f) if q.strip() else empty
    except BadSearch as exc:  # said on the page, with the 400 an API client would get
        return render(request, "articles.html", heading="Search", q=q, articles=empty,
                      message=str(exc), status_code=400, **shown)
    return render(request, "articles.html", heading="Search", q=q, articles=results, **shown)


@router.get("/articles/{article_id}")
def article_page(request: Request, article_id: str, desk: DeskDep,
                 hl: Annotated[str | None, Query(max_length=40)] = None):
    article = desk.article(article_id)
    if article is None:
        raise HTTPException(404, "article not found")
    focus = None
    if hl and "-" in hl:
        a, _, b = hl.partition("-")
        if a.isdigit() and b.isdigit():
            focus = (int(a), int(b))
    facts = [{**h.model_dump(), "text": article.text[h.start:h.end]} for h in article.highlights]
    kind_counts: dict[str, int] = {}
    for h in article.highlights:
        kind_counts[h.kind] = kind_counts.get(h.kind, 0) + 1
    reasons = Counter(r.reason for r in article.removed)
    return render(request, "article.html", nav="Articles", article=article, facts=facts,
                  segments=segments(article.text, article.highlights, focus,
                                    place_removed(article.text, article.removed)),
                  focus=focus, kinds=HIGHLIGHT_KINDS, kind_counts=kind_counts,
                  removed_reasons=reasons.most_common())


ISO_DAY = r"^(\d{4}-\d{2}-\d{2})?$"


@dataclass(frozen=True)
class StoryFilters:
    """What the analyst narrowed the story page's facts to (the digest stays whole)."""

    outlet: str = ""
    actor: str = ""
    type: str = ""
    after: str = ""
    before: str = ""
    confidence: str = ""  # the events' floor asked for ("": the desk's setting)

    @property
    def active(self) -> bool:
        return any((self.outlet, self.actor, self.type, self.after, self.before,
                    self.confidence))

    def facts(self, story_id: str) -> Filters:
        return Filters(limit=EVERYTHING, story=story_id, outlet=self.outlet or None,
                       actor=self.actor or None, type=self.type or None,
                       since=self.after or None, until=self.before or None)


@router.get("/stories/{story_id}")
def story_page(request: Request, story_id: str, desk: DeskDep,
               since: Annotated[str | None, Query(max_length=32)] = None,
               outlet: Annotated[str, Query(max_length=200)] = "",
               actor: Annotated[str, Query(max_length=200)] = "",
               type: Annotated[str, Query(max_length=40)] = "",
               after: Annotated[str, Query(pattern=ISO_DAY)] = "",
               before: Annotated[str, Query(pattern=ISO_DAY)] = "",
               confidence: Confidence = None):
    story = desk.story(story_id)
    if story is None:
        raise HTTPException(404, "story not found")
    conf = confidence_choice(desk, confidence)
    desk.min_event_confidence = conf.applied  # every event view below: timeline, graph
    # "all" shows every event: the unsure ones and those not stated as fact, marked
    desk.show_unstated = desk.show_unstated or conf.applied == 0
    chosen = StoryFilters(outlet.strip(), actor.strip(), type.strip().upper(), after, before,
                          conf.value)
    since = iso_date(since, "since")
    # The page is kept per story version (with its query and the host it links to): a
    # story changes only when an ingest touches it, and a 200-article story's page is
    # megabytes of HTML to render.
    body = desk.cached_view(
        "page", story_id,
        lambda: _story_page(request, desk, story, since, chosen, conf).body,
        request.url.query, request.headers.get("host", ""))
    return HTMLResponse(body)


def _story_page(request: Request, desk: Desk, story: StoryOut, since: str | None,
                chosen: StoryFilters, conf: ConfidenceChoice) -> Response:
    story_id = story.id
    f = chosen.facts(story_id)
    digest = desk.digest(story_id, since)
    quotes = desk.quote_list(f)
    events = desk.event_list(f)
    stances = desk.stance_list(f)
    places = desk.place_list(f)
    event_types = sorted({e.type for e in desk.event_list(Filters(limit=EVERYTHING,
                                                                  story=story_id))})
    return render(
        request, "story.html", nav="Stories", story=story, since=since, digest=digest,
        chosen=chosen, event_types=event_types, confidence=conf,
        n_new=sum(s.is_new for s in digest.sentences) if digest else 0,
        **split_timeline(desk.timeline(f).items, desk.settings.timeline_shown),
        speakers=quotes_by_speaker(quotes),
        quote_count=len(quotes), matrix=stance_matrix(stances), places=places,
        contradictions=desk.contradictions(story_id) or [],
        map=map_view(places), graph=build_graph(events, stances),
        articles=desk.articles(Filters(limit=EVERYTHING, story=story_id)).items,
    )


@router.get("/actors")
def actors_page(request: Request, f: FiltersDep, desk: DeskDep,
                name: Annotated[str | None, Query(max_length=200)] = None):
    if name:  # the actor graph links by name: go to that actor when it is known
        match = desk.actor_list(Filters(actor=name))
        if match:
            return RedirectResponse(f"/actors/{match[0].id}", status_code=303)
    return render(request, "actors.html", nav="Actors", actors=desk.actors(f))


@router.get("/actors/{actor_id}")
def actor_page(request: Request, actor_id: str, desk: DeskDep):
    actor = desk.actor(actor_id)
    if actor is None:
        raise HTTPException(404, "actor not found")
    return render(request, "actor.html", nav="Actors", actor=actor)


@router.get("/errors")
def errors_page(request: Request, f: FiltersDep,
                desk: DeskDep):
    return render(request, "errors.html", nav="Errors", errors=desk.errors(f))


@router.get("/api-reference")
def api_reference(request: Request):
    endpoints = []
    for path, methods in request.app.openapi()["paths"].items():
        for method, op in methods.items():
            params = [p["name"] for p in op.get("parameters", []) if p.get("in") == "query"]
            endpoints.append({"method": method.upper(), "path": path,
                              "summary": op.get("summary", ""), "params": params})
    return render(request, "api_reference.html", nav="API", endpoints=endpoints)

