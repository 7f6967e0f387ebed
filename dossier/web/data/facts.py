"""Quotes, actors, events, timexes, places and stances for the desk, each with its evidence.

Every reader asks the feature's query module for rows (passing the filters that
function accepts), maps them onto the API models, then applies the remaining
filters itself, so a filter behaves the same whichever feature serves it.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from dossier.web.data.common import (
    call,
    first,
    in_range,
    matches,
    page,
    rows_of,
    span,
    store_module,
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
    import sqlite3

    from dossier.web.evidence import EvidenceResolver

# Where each kind of fact is served: (query module in dossier/store, function names tried).
SOURCES: dict[str, tuple[str, tuple[str, ...]]] = {
    "quotes": ("quotes", ("list_quotes", "quotes")),
    "actors": ("actors", ("list_actors", "actors")),
    "actor": ("actors", ("get_actor", "actor")),
    "mentions": ("actors", ("list_mentions", "mentions", "actor_mentions")),
    "events": ("events", ("list_events", "events")),
    "timexes": ("events", ("list_timexes", "timexes")),
    "places": ("events", ("list_places", "places")),
    "stances": ("stories", ("list_stances", "stances", "stance")),
}


class FactReads:
    conn: sqlite3.Connection
    resolver: EvidenceResolver

    # -- plumbing ---------------------------------------------------------------------

    def _rows(self, what: str, **filters: Any) -> list[dict[str, Any]]:
        module_name, names = SOURCES[what]
        module = store_module(module_name)
        for name in names:
            fn = getattr(module, name, None) if module else None
            if fn is not None:
                return rows_of(call(fn, self.conn, **filters))
        return []

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

    def quote_list(self, f: Filters, article_id: str | None = None) -> list[QuoteOut]:
        rows = self._rows("quotes", article_id=article_id, story=f.story, speaker=f.actor)
        self._preload(rows)
        out = []
        for r in rows:
            ev = self._evidence(r, "content_")
            if ev is None or (article_id and ev.article_id != article_id):
                continue
            q = QuoteOut(
                speaker=first(r, "speaker", "speaker_name"),
                speaker_actor_id=_str(first(r, "speaker_actor_id", "actor_id")),
                on_behalf_of=first(r, "on_behalf_of", "organisation", "organization"),
                cue=first(r, "cue", "cue_verb"),
                content=first(r, "content", "text", default=ev.text),
                channel=first(r, "channel"),
                date=first(r, "date", "published", default=ev.published),
                evidence=ev,
            )
            if self._keep(f, ev, q.date, q.speaker, q.speaker_actor_id, q.on_behalf_of):
                out.append(q)
        return sorted(out, key=lambda q: (q.date or "", q.evidence.article_id, q.evidence.start))

    def quotes(self, f: Filters) -> Page[QuoteOut]:
        return page(self.quote_list(f), f)

    def quote_highlights(self, article_id: str) -> list[HighlightOut]:
        out = []
        for q in self.quote_list(Filters(limit=1), article_id):
            detail = " · ".join(x for x in (q.cue, q.channel) if x) or None
            out.append(HighlightOut(kind="quote", start=q.evidence.start, end=q.evidence.end,
                                    label=f"Quote: {q.speaker or 'speaker unknown'}",
                                    detail=detail))
        return out

    # -- events and time --------------------------------------------------------------

    def event_list(self, f: Filters, article_id: str | None = None) -> list[EventOut]:
        rows = self._rows("events", article_id=article_id, story=f.story, type=f.type,
                          event_type=f.type, actor=f.actor)
        self._preload(rows)
        out = []
        for r in rows:
            ev = self._evidence(r)
            if ev is None or (article_id and ev.article_id != article_id):
                continue
            e = EventOut(
                type=r.get("type") or "EVENT",
                mode=r.get("mode"),
                modality=r.get("modality"),
                in_quote=bool(r.get("in_quote")),
                source_actor=r.get("source_actor"),
                target_actor=r.get("target_actor"),
                place=r.get("place"),
                country=r.get("country"),
                lat=r.get("lat"),
                lon=r.get("lon"),
                date=r.get("date"),
                confidence=r.get("confidence"),
                evidence=ev,
            )
            if matches(e.type, f.type) and self._keep(f, ev, e.date, e.source_actor,
                                                       e.target_actor):
                out.append(e)
        return sorted(out, key=lambda e: (e.date or e.evidence.published or "", e.evidence.start))

    def events(self, f: Filters) -> Page[EventOut]:
        return page(self.event_list(f), f)

    def event_highlights(self, article_id: str) -> list[HighlightOut]:
        out = []
        for r in self._rows("events", article_id=article_id):
            if r.get("article_id") != article_id:
                continue
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
        for r in self._rows("timexes", article_id=article_id):
            where = span(r)
            if r.get("article_id") == article_id and where:
                out.append(HighlightOut(kind="timex", start=where[0], end=where[1],
                                        label=f"{r.get('type') or 'TIME'}: {r.get('value') or '?'}",
                                        detail=r.get("text")))
        return out

    def timeline(self, f: Filters) -> Page[TimelineItemOut]:
        """Events and quotes, ordered by when they happened (undated ones by publication)."""
        items = []
        for e in self.event_list(f):
            who = " → ".join(x for x in (e.source_actor, e.target_actor) if x)
            label = f"{e.type}{' (' + e.mode + ')' if e.mode else ''}: {who or 'actors unknown'}"
            if e.modality and e.modality != "asserted":
                label += f" [{e.modality}]"
            items.append(TimelineItemOut(date=e.date or e.evidence.published, kind="event",
                                         label=label, actor=e.source_actor, evidence=e.evidence))
        for q in self.quote_list(f):
            content = q.content if len(q.content) < 140 else q.content[:137] + "…"
            items.append(TimelineItemOut(date=q.date, kind="quote", actor=q.speaker,
                                         label=f"{q.speaker or 'Unknown speaker'}: “{content}”",
                                         evidence=q.evidence))
        items.sort(key=lambda t: ((t.date or "9999")[:10], t.kind != "event",
                                  t.evidence.published or "", t.evidence.start))
        return page(items, f)

    # -- places -----------------------------------------------------------------------

    def place_list(self, f: Filters, article_id: str | None = None) -> list[PlaceOut]:
        rows = self._rows("places", article_id=article_id, story=f.story)
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
        return page(self.place_list(f), f)

    def place_highlights(self, article_id: str) -> list[HighlightOut]:
        out = []
        for r in self._rows("places", article_id=article_id):
            where = span(r)
            if r.get("article_id") == article_id and where:
                label = ", ".join(str(x) for x in (r.get("name"), r.get("country")) if x)
                detail = first(r, "feature")
                if r.get("lat") is not None:
                    detail = f"{detail or ''} {r['lat']:.2f}, {r['lon']:.2f}".strip()
                out.append(HighlightOut(kind="place", start=where[0], end=where[1],
                                        label=f"Place: {label}", detail=detail))
        return out

    # -- actors -----------------------------------------------------------------------

    def actor_list(self, f: Filters) -> list[ActorOut]:
        rows = self._rows("actors", story=f.story)
        out = [_actor_out(r) for r in rows]
        if f.actor:
            out = [a for a in out if matches(a.name, f.actor) or a.id == f.actor]
        return sorted(out, key=lambda a: (-a.mentions, a.name))

    def actors(self, f: Filters) -> Page[ActorOut]:
        return page(self.actor_list(f), f)

    def actor(self, actor_id: str) -> ActorDetailOut | None:
        rows = self._rows("actor", actor_id=actor_id, key=actor_id, id=actor_id)
        row = rows[0] if rows else next(
            (r for r in self._rows("actors") if str(first(r, "id", "key")) == actor_id), None)
        if row is None:
            return None
        base = _actor_out(row)
        by_actor = Filters(limit=1, actor=base.name)
        quotes = [q for q in self.quote_list(Filters(limit=1))
                  if q.speaker_actor_id == base.id or matches(q.speaker, base.name)]
        mentions = self._rows("mentions", actor_id=base.id, key=base.id)
        self._preload(mentions)
        evidence = [ev for r in mentions
                    if str(first(r, "actor_id", "key", default=base.id)) == base.id
                    and (ev := self._evidence(r)) is not None]
        return ActorDetailOut(**base.model_dump(), quotes=quotes,
                              events=self.event_list(by_actor), mention_evidence=evidence[:200])

    def actor_highlights(self, article_id: str) -> list[HighlightOut]:
        out = []
        for r in self._rows("mentions", article_id=article_id):
            where = span(r)
            if r.get("article_id") == article_id and where:
                name = first(r, "name", "actor_name", "canonical", "text", default="?")
                out.append(HighlightOut(kind="actor", start=where[0], end=where[1],
                                        label=f"Actor: {name}",
                                        detail=first(r, "kind", "actor_kind")))
        return out

    # -- stances ----------------------------------------------------------------------

    def stance_list(self, f: Filters) -> list[StanceOut]:
        rows = self._rows("stances", story=f.story, story_id=f.story)
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
        out = [s for s in grouped.values()
               if not f.actor or f.actor.casefold() in (s.source.casefold(), s.target.casefold())]
        return sorted(out, key=lambda s: (s.source, s.target))

    def stances(self, f: Filters) -> Page[StanceOut]:
        return page(self.stance_list(f), f)


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def _actor_out(r: dict[str, Any]) -> ActorOut:
    roles = r.get("roles") or []
    if isinstance(roles, str):
        roles = [roles]
    return ActorOut(
        id=str(first(r, "id", "key", "actor_id")),
        name=first(r, "name", "canonical", "canonical_name", default="?"),
        kind=first(r, "kind", "type", "label"),
        country=first(r, "country"),
        roles=[x if isinstance(x, str) else str(first(x, "role", "title", default=x))
               for x in roles],
        mentions=int(first(r, "mentions", "n_mentions", "mention_count", default=0)),
    )
