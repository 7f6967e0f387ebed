"""Quotes, actors, events, timexes, places and stances for the desk, each with its evidence.

Every reader asks the feature's query module for rows (passing the filters that
function accepts), maps them onto the API models, then applies the remaining
filters itself, so a filter behaves the same whichever feature serves it.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar

from dossier.config import Settings
from dossier.lexicon.modality import STATED_MODALITIES
from dossier.store import actors as actors_store
from dossier.store import desk as desk_store
from dossier.store import events as events_store
from dossier.store import quotes as quotes_store
from dossier.store import stances as stances_store
from dossier.store import timeline as timeline_store
from dossier.store.records import EventRecord, QuoteRecord
from dossier.web.data.common import (
    first,
    in_range,
    matches,
    page,
    span,
)
from dossier.web.deps import Filters
from dossier.web.schemas import (
    ActorDetailOut,
    ActorOut,
    EventOut,
    EvidenceOut,
    HighlightOut,
    Page,
    PlaceOut,
    QuoteOut,
    StanceOut,
    TimelineItemOut,
)

if TYPE_CHECKING:
    from dossier.web.evidence import EvidenceResolver

T = TypeVar("T")
EVERY = 1_000_000  # "no limit" for feature queries that take one; the desk pages itself


class FactReads:
    conn: sqlite3.Connection
    settings: Settings
    resolver: EvidenceResolver
    min_event_confidence: float = 0.0  # Desk sets Settings.event_min_confidence
    show_unstated: bool = True  # Desk sets Settings.event_show_unstated

    # -- plumbing ---------------------------------------------------------------------

    def _facts(self, table: str, f: Filters | None = None,
               article_id: str | None = None) -> list[dict[str, Any]]:
        """A fact table's rows for one article, one story's articles, or the whole store."""
        if article_id is not None:
            ids: set[str] | None = {article_id}
        elif f is not None and f.story:
            ids = self.story_members(f.story)  # type: ignore[attr-defined]
        else:
            ids = None
        return desk_store.fact_rows(self.conn, table, ids)

    def _evidence(self, row: dict[str, Any], prefix: str = "") -> EvidenceOut | None:
        where = span(row, prefix) or span(row)
        article_id = first(row, "article_id")
        if where is None or not article_id:
            return None
        return self.resolver.evidence(article_id, *where)

    def _preload(self, rows: list[dict[str, Any]]) -> None:
        self.resolver.load(r.get("article_id") for r in rows)

    def _in_story(self, f: Filters, article_id: str) -> bool:
        return not f.story or article_id in self.story_members(f.story)  # type: ignore[attr-defined]

    def _keep(self, f: Filters, ev: EvidenceOut, date: str | None, *actors: str | None) -> bool:
        return (
            self._in_story(f, ev.article_id)
            and matches(ev.outlet, f.outlet)
            and in_range(date or ev.published, f.since, f.until)
            and (not f.actor or any(matches(a, f.actor) for a in actors if a)
                 or f.actor in actors)
        )

    # -- quotes -----------------------------------------------------------------------

    def _quote_rows(self, f: Filters, article_id: str | None) -> list[dict[str, Any]]:
        if article_id is not None:
            return quotes_store.list_quotes(self.conn, article_id=article_id, limit=EVERY)
        # a story's quotes only: the cost follows the story, not the store
        if f.actor and f.actor.isdigit():
            return quotes_store.list_quotes(self.conn, actor_id=int(f.actor), story=f.story,
                                            limit=EVERY)
        return quotes_store.list_quotes(self.conn, speaker=f.actor, story=f.story, limit=EVERY)

    def _story_cached(self, kind: str, f: Filters, compute: Callable[[], T],
                      paged: bool = False) -> T:
        """A story's fact list (or, ``paged``, one API page of it), kept per story version
        (``StoryReads._view``) when it is one story's under no actor filter (aliases are
        not part of a story's version); the confidence floor and the filters are part of
        the key."""
        if not f.story or f.actor:
            return compute()
        key = f if paged else replace(f, limit=0, offset=0)
        return self._view(kind, f.story, compute,  # type: ignore[attr-defined]
                          key, self.min_event_confidence, self.show_unstated)

    def quote_list(self, f: Filters, article_id: str | None = None) -> list[QuoteOut]:
        if article_id is None:
            return self._story_cached("quotes", f, lambda: self._quote_list(f, None))
        return self._quote_list(f, article_id)

    def _quote_list(self, f: Filters, article_id: str | None) -> list[QuoteOut]:
        try:
            rows = self._quote_rows(f, article_id)
        except LookupError:  # a story asked of a store that has no stories yet
            return []
        self._preload(rows)
        out = []
        for r in rows:
            ev = self._evidence(r, "content_")
            if ev is None or (article_id and ev.article_id != article_id):
                continue
            q = _quote_out(r, ev)
            # the speaker filter (names and aliases) was applied by the quotes query
            if self._keep(replace(f, actor=None), ev, q.date):
                out.append(q)
        # Undated sorts last, never first (an empty string would sort before every day).
        return sorted(out, key=lambda q: (q.date is None, q.date or "", q.evidence.article_id,
                                          q.evidence.start))

    def quotes(self, f: Filters) -> Page[QuoteOut]:
        return self._story_cached("quotes page", f, lambda: self._quotes_page(f), paged=True)

    def _quotes_page(self, f: Filters) -> Page[QuoteOut]:
        """One page, filtered, ordered and counted by the query: a page of the API costs
        its own rows whatever the size of the store (the same order as ``quote_list``)."""
        by_id = f.actor is not None and f.actor.isdigit()
        try:
            rows, total = quotes_store.quote_page(
                self.conn, speaker=None if by_id else f.actor,
                actor_id=int(f.actor) if by_id and f.actor else None, story=f.story,
                outlet=f.outlet, since=f.since, until=f.until, limit=f.limit, offset=f.offset)
        except LookupError:  # a story asked of a store that has no stories yet
            rows, total = [], 0
        self._preload(rows)
        items = [_quote_out(r, ev) for r in rows if (ev := self._evidence(r, "content_"))]
        return Page(items=items, total=total, limit=f.limit, offset=f.offset)

    def quote_highlights(self, article_id: str) -> list[HighlightOut]:
        out = []
        for q in self.quote_list(Filters(limit=1), article_id):
            detail = " · ".join(x for x in (q.cue, q.channel) if x) or None
            out.append(HighlightOut(kind="quote", start=q.evidence.start, end=q.evidence.end,
                                    label=f"Quote: {q.speaker or 'speaker unknown'}",
                                    detail=detail))
        return out

    # -- events and time --------------------------------------------------------------

    def _shown_events(self, f: Filters | None = None,
                      article_id: str | None = None) -> list[dict[str, Any]]:
        """Event rows at or above the desk's confidence threshold (and, unless the desk
        shows them, stated as fact)."""
        floor = self.min_event_confidence
        return [r for r in self._facts("events", f, article_id)
                if (r.get("confidence") or 0.0) >= floor
                and (self.show_unstated or r.get("modality") in STATED_MODALITIES)]

    def event_list(self, f: Filters, article_id: str | None = None) -> list[EventOut]:
        if article_id is None:
            return self._story_cached("events", f, lambda: self._event_list(f, None))
        return self._event_list(f, article_id)

    def _event_list(self, f: Filters, article_id: str | None) -> list[EventOut]:
        rows = self._shown_events(f, article_id)
        self._preload(rows)
        out = []
        for r in rows:
            ev = self._evidence(r)
            if ev is None or (article_id and ev.article_id != article_id):
                continue
            e = _event_out(r, ev)
            if matches(e.type, f.type) and self._keep(f, ev, e.date, e.source_actor,
                                                       e.target_actor):
                out.append(e)
        return sorted(out, key=lambda e: (not (e.date or e.evidence.published),
                                          e.date or e.evidence.published or "", e.evidence.start))

    def events(self, f: Filters) -> Page[EventOut]:
        return self._story_cached("events page", f, lambda: self._events_page(f), paged=True)

    def _events_page(self, f: Filters) -> Page[EventOut]:
        """One page, filtered, ordered and counted by the query: a page of the API costs
        its own rows whatever the size of the store (the same order as ``event_list``)."""
        try:
            rows, total = events_store.event_page(
                self.conn, type_=f.type, actor=f.actor, story=f.story, outlet=f.outlet,
                since=f.since, until=f.until, min_confidence=self.min_event_confidence,
                include_unasserted=self.show_unstated, limit=f.limit, offset=f.offset)
        except LookupError:  # a story asked of a store that has no stories yet
            rows, total = [], 0
        self._preload(rows)
        items = [_event_out(r, ev) for r in rows if (ev := self._evidence(r))]
        return Page(items=items, total=total, limit=f.limit, offset=f.offset)

    def event_highlights(self, article_id: str) -> list[HighlightOut]:
        out = []
        for r in self._shown_events(article_id=article_id):
            where = span(r, "trigger_") or span(r)
            if where:
                who = " → ".join(x for x in (r.get("source_actor"), r.get("target_actor")) if x)
                out.append(HighlightOut(kind="event", start=where[0], end=where[1],
                                        label=f"{r.get('type')}: {who or 'actors unknown'}",
                                        detail=" · ".join(str(x) for x in (
                                            r.get("mode"), r.get("date"), r.get("place"))
                                            if x) or None))
        return out

    def timex_highlights(self, article_id: str) -> list[HighlightOut]:
        out = []
        for r in self._facts("timexes", article_id=article_id):
            where = span(r)
            if where:
                out.append(HighlightOut(kind="timex", start=where[0], end=where[1],
                                        label=f"{r.get('type') or 'TIME'}: {r.get('value') or '?'}",
                                        detail=r.get("text")))
        return out

    def timeline(self, f: Filters) -> Page[TimelineItemOut]:
        return self._story_cached("timeline page", f, lambda: self._timeline_page(f), paged=True)

    def _timeline_page(self, f: Filters) -> Page[TimelineItemOut]:
        """Events and statements in the order they happened (undated: by publication).

        The events feature's timeline query merges reports of the same act and dates
        statements by their cue clause; repeated statements are folded here.
        """
        items = self._timeline_items(f)
        items = [t for t in items
                 if (not f.type or matches(t.type, f.type))
                 and in_range(t.date, f.since, f.until)
                 and (not f.outlet or any(matches(e.outlet, f.outlet) for e in t.evidence))
                 and (not f.actor or same_actor(f.actor, t.actor) or f.actor in t.label)]
        return page(items, f)

    def _timeline_items(self, f: Filters) -> list[TimelineItemOut]:
        return self._story_cached("timeline", f, lambda: self._timeline_rows(f))

    def _store_window(self, f: Filters) -> tuple[str, str] | None:
        """The publication days a whole-store list reads when no story is asked: the
        store's latest ``Settings.store_list_days`` unless since/until are given (then
        the list's own date filters apply to everything)."""
        if f.story or f.since or f.until:
            return None
        return timeline_store.latest_days(self.conn, self.settings.store_list_days)

    def _timeline_rows(self, f: Filters) -> list[TimelineItemOut]:
        # a story page reads its story's rows only: the cost follows the story, not the
        # store; the whole store's timeline reads its latest days (``_store_window``)
        try:
            rows = timeline_store.timeline(
                self.conn, story=f.story, with_statements=True,
                include_unasserted=self.show_unstated,
                min_confidence=self.min_event_confidence,
                statement_window=self.settings.statement_date_window,
                published=self._store_window(f))
        except LookupError:  # a story asked of a store that has no stories yet
            return []
        members = self.story_members(f.story) if f.story else None  # type: ignore[attr-defined]
        self.resolver.load(e["article_id"] for r in rows for e in r["evidence"])
        items: list[TimelineItemOut] = []
        said: dict[tuple[str | None, str, str], TimelineItemOut] = {}
        for r in rows:
            spans = [e for e in r["evidence"] if members is None or e["article_id"] in members]
            if not spans:
                continue
            evidence = [self.resolver.evidence(e["article_id"], e["start"], e["end"])
                        for e in spans]
            if r["kind"] == "event":
                label = _event_label(r["type"], r.get("mode"), r.get("source_actor"),
                                     r.get("target_actor"), r.get("modality"))
                kind = "event"
            else:
                # a syndicated copy repeats the statement: one item, every report as evidence
                key = (r.get("when"), _name_key(r.get("source_actor")), r.get("content") or "")
                if key in said:
                    said[key].evidence.extend(evidence)
                    continue
                label = _quote_label(r.get("source_actor"), r.get("content") or "")
                kind = "quote"
            items.append(TimelineItemOut(date=r.get("when"), date_basis=r.get("date_basis"),
                                         kind=kind, type=r.get("type"), label=label,
                                         actor=r.get("source_actor"), evidence=evidence,
                                         salience=r.get("salience") or 0.0,
                                         confidence=r.get("confidence")))
            if kind == "quote":
                said[key] = items[-1]
        return items

    # -- places -----------------------------------------------------------------------

    def place_list(self, f: Filters, article_id: str | None = None) -> list[PlaceOut]:
        if article_id is None:
            return self._story_cached("places", f, lambda: self._place_list(f, None))
        return self._place_list(f, article_id)

    def _place_list(self, f: Filters, article_id: str | None) -> list[PlaceOut]:
        rows = self._facts("places", f, article_id)
        self._preload(rows)
        grouped: dict[tuple[str, str | None], PlaceOut] = {}
        for r in rows:
            ev = self._evidence(r)
            if ev is None or (article_id and ev.article_id != article_id):
                continue
            if not self._in_story(f, ev.article_id) or not matches(ev.outlet, f.outlet):
                continue
            if not in_range(ev.published, f.since, f.until):
                continue
            name = first(r, "name", "text", default="?")
            key = (name, r.get("country"))
            place = grouped.setdefault(key, PlaceOut(
                name=name, country=r.get("country"), kind=first(r, "feature", "kind"),
                lat=r.get("lat"), lon=r.get("lon")))
            place.mentions += 1
            place.evidence.append(ev)
        return sorted(grouped.values(), key=lambda p: (-p.mentions, p.name))

    def places(self, f: Filters) -> Page[PlaceOut]:
        return self._story_cached("places page", f, lambda: self._places_page(f), paged=True)

    def _places_page(self, f: Filters) -> Page[PlaceOut]:
        """One page of places, grouped and paged by the query; each place carries its
        first ``Settings.api_evidence_per_item`` mentions as evidence (``mentions``
        counts them all): a country named in every article would otherwise carry the
        whole store in one item."""
        try:
            groups, total = events_store.place_page(
                self.conn, story=f.story, outlet=f.outlet, since=f.since, until=f.until,
                evidence=self.settings.api_evidence_per_item,
                limit=f.limit, offset=f.offset)
        except LookupError:  # a story asked of a store that has no stories yet
            groups, total = [], 0
        self._preload([e for g in groups for e in g["evidence"]])
        items = [PlaceOut(name=g["name"], country=g["country"], kind=g["kind"], lat=g["lat"],
                          lon=g["lon"], mentions=g["mentions"],
                          evidence=[self.resolver.evidence(e["article_id"], e["start"], e["end"])
                                    for e in g["evidence"]])
                 for g in groups]
        return Page(items=items, total=total, limit=f.limit, offset=f.offset)

    def place_highlights(self, article_id: str) -> list[HighlightOut]:
        out = []
        for r in self._facts("places", article_id=article_id):
            where = span(r)
            if where:
                label = ", ".join(str(x) for x in (r.get("name"), r.get("country")) if x)
                detail = first(r, "feature")
                if r.get("lat") is not None:
                    detail = f"{detail or ''} {r['lat']:.2f}, {r['lon']:.2f}".strip()
                out.append(HighlightOut(kind="place", start=where[0], end=where[1],
                                        label=f"Place: {label}", detail=detail))
        return out

    # -- actors -----------------------------------------------------------------------

    def actor_list(self, f: Filters) -> list[ActorOut]:
        out = [_actor_out(r) for r in actors_store.list_actors(self.conn, limit=EVERY)]
        if f.story:
            present = {str(i) for i in desk_store.actor_ids_in(
                self.conn, self.story_members(f.story))}  # type: ignore[attr-defined]
            out = [a for a in out if a.id in present]
        if f.actor:
            out = [a for a in out if matches(a.name, f.actor) or a.id == f.actor]
        return out

    def actors(self, f: Filters) -> Page[ActorOut]:
        """One page of actors; paged by the query when the whole store's are asked for."""
        if f.story or f.actor:
            return page(self.actor_list(f), f)
        rows = actors_store.list_actors(self.conn, limit=f.limit, offset=f.offset)
        return Page(items=[_actor_out(r) for r in rows],
                    total=actors_store.count_actors(self.conn), limit=f.limit, offset=f.offset)

    def actor(self, actor_id: str) -> ActorDetailOut | None:
        if not actor_id.isdigit():
            return None
        row = actors_store.actor_detail(self.conn, int(actor_id))
        if row is None:
            return None
        base = _actor_out(row)
        quotes = self.quote_list(Filters(limit=EVERY, actor=actor_id))
        mentions = desk_store.mention_rows(self.conn, actor_id=int(actor_id), limit=200)
        self._preload(mentions)
        evidence = sorted((ev for r in mentions if (ev := self._evidence(r)) is not None),
                          key=lambda ev: (ev.published or "", ev.article_id, ev.start))
        names = [base.name, *(row.get("aliases") or [])]
        events = [e for e in self.event_list(Filters(limit=EVERY))
                  if any(same_actor(n, e.source_actor) or same_actor(n, e.target_actor)
                         for n in names)]
        return ActorDetailOut(**base.model_dump(), quotes=quotes, events=events,
                              mention_evidence=evidence)

    def actor_highlights(self, article_id: str) -> list[HighlightOut]:
        out = []
        for r in desk_store.mention_rows(self.conn, article_id=article_id, limit=EVERY):
            name = r.get("name") or r.get("text") or "?"
            detail = " · ".join(str(x) for x in (r.get("kind"), r.get("mention_type"),
                                                 r.get("role")) if x)
            out.append(HighlightOut(kind="actor", start=r["start"], end=r["end"],
                                    label=f"Actor: {name}", detail=detail or None))
        return out

    # -- stances ----------------------------------------------------------------------

    def stance_list(self, f: Filters) -> list[StanceOut]:
        """Who backs or opposes whom: the stories feature's matrix for a story (names merged
        across articles), else the stance cues as stored, grouped by pair and polarity."""
        if f.story:
            out = self._stances_from(self.stance_matrix_of(f.story))  # type: ignore[attr-defined]
        else:
            out = self._stances_from_cues(f)
        if f.actor:
            out = [s for s in out if same_actor(f.actor, s.source) or same_actor(f.actor, s.target)]
        return sorted(out, key=lambda s: (-len(s.evidence), s.source, s.target))

    def _stances_from(self, matrix: dict[str, Any]) -> list[StanceOut]:
        cells = matrix.get("cells") or []
        self.resolver.load(e["article_id"] for c in cells for e in c.get("evidence", []))
        out = []
        for c in cells:
            evidence = [self.resolver.evidence(e["article_id"], e["start"], e["end"])
                        for e in c.get("evidence", [])]
            cues = list(dict.fromkeys(e.get("cue") for e in c.get("evidence", []) if e.get("cue")))
            out.append(StanceOut(source=c["source"], target=c["target"],
                                 polarity=int(c.get("polarity") or 0),
                                 label=", ".join(cues) or None, reports=len(evidence),
                                 evidence=evidence))
        return out

    def _stances_from_cues(self, f: Filters) -> list[StanceOut]:
        rows = self._facts("stance_cues", f)
        self._preload(rows)
        grouped: dict[tuple[str, str, int], StanceOut] = {}
        labels: dict[tuple[str, str, int], list[str]] = defaultdict(list)
        for r in rows:
            ev = self._evidence(r)
            if ev is not None and not self._in_story(f, ev.article_id):
                continue
            key = (str(r.get("source")), str(r.get("target")), int(r.get("polarity") or 0))
            st = grouped.setdefault(key, StanceOut(source=key[0], target=key[1],
                                                   polarity=key[2]))
            if ev is not None:
                st.evidence.append(ev)
            for cue in (r.get("cue"), *(r.get("cues") or [])):
                if cue and cue not in labels[key]:
                    labels[key].append(cue)
        for key, st in grouped.items():
            st.label = ", ".join(labels[key]) or None
            st.reports = len(st.evidence)
        return list(grouped.values())

    def stances(self, f: Filters) -> Page[StanceOut]:
        if not f.story and not f.actor:
            return self._store_stances_page(f)
        return self._story_cached("stances page", f, lambda: self._stances_page(f), paged=True)

    def _stances_page(self, f: Filters) -> Page[StanceOut]:
        return page(self.stance_list(f), f)

    def _store_stances_page(self, f: Filters) -> Page[StanceOut]:
        """The whole store's stances, grouped and paged by the query (most often stated
        first), each with its first ``Settings.api_evidence_per_item`` statements: those of
        the articles published in since..until, by default the latest days
        (``_store_window``)."""
        window = ((f.since or "", f.until or "\uffff") if f.since or f.until
                  else self._store_window(f))
        groups, total = stances_store.stance_page(
            self.conn, published=window, evidence=self.settings.api_evidence_per_item,
            limit=f.limit, offset=f.offset)
        self._preload([e for g in groups for e in g["evidence"]])
        items = [StanceOut(source=g["source"], target=g["target"], polarity=g["polarity"],
                           label=", ".join(g["cues"]) or None, reports=g["reports"],
                           evidence=[self.resolver.evidence(e["article_id"], e["start"],
                                                            e["end"]) for e in g["evidence"]])
                 for g in groups]
        return Page(items=items, total=total, limit=f.limit, offset=f.offset)


def _event_label(type_: str, mode: str | None, source: str | None, target: str | None,
                 modality: str | None) -> str:
    who = " → ".join(x for x in (source, target) if x) or "actors unknown"
    label = f"{type_}{f' ({mode})' if mode else ''}: {who}"
    return label + (f" [{modality}]" if modality and modality != "asserted" else "")


def _quote_label(speaker: str | None, content: str) -> str:
    short = content if len(content) < 140 else content[:137] + "…"
    return f"{speaker or 'Unknown speaker'}: “{short}”"


def _name_key(name: str | None) -> str:
    key = " ".join((name or "").casefold().replace("’", "'").split())
    return key[4:] if key.startswith("the ") else key


def same_actor(name: str, mention: str | None) -> bool:
    """An event names an actor by a surface form: "the Coast Dockworkers Union" is the union."""
    a, b = _name_key(name), _name_key(mention)
    return bool(a and b) and (a == b or (len(a) > 3 and f" {a} " in f" {b} "))


def _event_out(r: dict[str, Any], ev: EvidenceOut) -> EventOut:
    """The stored event's record (the one the export writes), as the API shows it."""
    return EventOut.of(EventRecord.of(r), ev)


def _quote_out(r: dict[str, Any], ev: EvidenceOut) -> QuoteOut:
    """The stored quote's record (the one the export writes), as the API shows it."""
    return QuoteOut.of(QuoteRecord.of(r), ev)


def _actor_out(r: dict[str, Any]) -> ActorOut:
    roles = []
    for role in r.get("roles") or []:
        label = role if isinstance(role, str) else ", ".join(
            str(x) for x in (role.get("title"), role.get("organisation") or role.get("country"))
            if x)
        if label and label not in roles:
            roles.append(label)
    return ActorOut(
        id=str(r["id"]),
        name=r.get("name") or "?",
        kind=r.get("kind"),
        country=r.get("country"),
        roles=roles,
        mentions=int(r.get("mentions") or 0),
    )
