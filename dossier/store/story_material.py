"""Load what the digest, corroboration and stance views read about one story.

One place for the SQL over the story's articles, copies, digest units, time
expressions, events and quotes; tables another feature owns (timexes, events,
quotes) are used when they exist and skipped when they do not.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import MutableMapping
from dataclasses import dataclass, field

from dossier.extract.speakers import display_name
from dossier.extract.timex import BOUND_MODS
from dossier.lexicon.grammar import BODY_PRONOUNS
from dossier.store.db import has_table

ISO_DAY = re.compile(r"^\d{4}-\d\d-\d\d")


@dataclass
class Source:
    """An article of the story, with how it is named and whose copy it is."""

    id: str
    outlet: str | None
    title: str | None
    published: str | None
    ingested_at: str | None
    text: str
    ingest_seq: int  # the article's rowid: rises with every article stored
    original_id: str  # itself unless a syndicated copy
    source_path: str | None = None  # the file (or file#record) it was read from

    @property
    def label(self) -> str:
        """The outlet; an article with none is named by its own title, else by the file it
        came from, with its date: never guessed, never a bare placeholder."""
        if self.outlet:
            return self.outlet
        day = (self.published or "")[:10]
        name = self.title or _file_name(self.source_path) or f"article {self.id[:12]}"
        return f"{name} ({day})" if day else name

    @property
    def day(self) -> str | None:
        return self.published[:10] if self.published else None


def _file_name(path: str | None) -> str | None:
    """The last part of a source path ("in/2016/npr-0612.txt#3" → "npr-0612.txt#3")."""
    if not path:
        return None
    return path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or None


@dataclass
class Unit:
    """A digest unit of one article (see dossier.extract.story_features.StoryUnit)."""

    article_id: str
    seq: int
    start: int
    end: int
    truncated: bool
    is_quote: bool
    terms: list[str]
    numbers: list[list] = field(default_factory=list)
    negated: list[list] = field(default_factory=list)
    acts: list[list] = field(default_factory=list)  # [act, patient, doer, side, denied]
    event_day: str | None = None  # when what it reports happened (timex / event date)
    # when the act it reports happened: its days minus the day a speaker spoke ("On
    # Thursday he tweeted ..."), which dates a statement, not the act a conflict compares
    act_day: str | None = None
    speaker: str | None = None  # speaker of a quote in it, resolved by the quotes extractor


@dataclass
class Material:
    story_id: str
    title: str | None
    sources: dict[str, Source]
    units: list[Unit]
    # What the views derive once per loaded story and share (its paraphrase groups): a
    # loaded story serves its digest, corroboration and stances from one load.
    memo: dict = field(default_factory=dict, repr=False, compare=False)
    # What they derive per unit of an article (whether it stands alone), keyed by article
    # and unit: the caller may pass one kept across stories and story versions (the
    # desk's ``ArticleMemo``), since a stored article never changes.
    units_memo: MutableMapping = field(default_factory=dict, repr=False, compare=False)

    def text(self, unit: Unit) -> str:
        return self.sources[unit.article_id].text[unit.start : unit.end]


def story_ids_of(conn: sqlite3.Connection, story_id: str) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT article_id FROM story_articles WHERE story_id = ?", (story_id,))]


def load(conn: sqlite3.Connection, story_id: str, speech_window: int,
         units_memo: MutableMapping | None = None) -> Material | None:
    """A story's sources and sentence units with their days and speakers; None when there
    is no such story. ``speech_window``: ``Settings.speech_date_window``; ``units_memo``:
    per-unit verdicts kept by the caller (see ``Material.units_memo``), which also keeps
    each article's units: everything a unit carries is read from its own article (its
    days from its own events and time expressions, its speaker from its own quotes), so a
    story's next version reads only its new articles' units."""
    story = conn.execute("SELECT id, title FROM stories WHERE id = ?", (story_id,)).fetchone()
    if story is None:
        return None
    sources = {}
    for row in conn.execute(
        "SELECT a.id, a.outlet, a.title, a.published, a.ingested_at, a.text, a.rowid,"
        " c.original_id, a.source_path"
        " FROM story_articles s JOIN articles a ON a.id = s.article_id"
        " LEFT JOIN article_copies c ON c.article_id = a.id WHERE s.story_id = ?"
        " ORDER BY a.published IS NULL, a.published, a.rowid", (story_id,)):
        sources[row[0]] = Source(*row[:7], original_id=row[7] or row[0], source_path=row[8])
    memo: MutableMapping = {} if units_memo is None else units_memo
    kept = {a: memo.get(("units", a, speech_window)) for a in sources}
    missing = sorted(a for a, units in kept.items() if units is None)
    for article_id, units in article_units(conn, missing, speech_window).items():
        kept[article_id] = memo[("units", article_id, speech_window)] = units
    units = [u for a in sorted(sources) for u in kept[a] or []]
    return Material(story[0], story[1], sources, units, units_memo=memo)


def _chunks(ids: list[str]) -> list[list[str]]:
    return [ids[n : n + 500] for n in range(0, len(ids), 500)]


def article_units(conn: sqlite3.Connection, article_ids: list[str],
                  speech_window: int) -> dict[str, list[Unit]]:
    """Each article's digest units in order, with their days and speakers."""
    units = []
    for chunk in _chunks(article_ids):
        units += [
            Unit(r[0], r[1], r[2], r[3], bool(r[4]), bool(r[5]), json.loads(r[6]),
                 json.loads(r[7]), json.loads(r[8]), json.loads(r[9]))
            for r in conn.execute(
                "SELECT u.article_id, u.seq, u.start, u.end, u.truncated, u.is_quote, u.terms,"
                " u.numbers, u.negated, u.acts FROM story_sentences u"
                f" WHERE u.article_id IN ({','.join('?' * len(chunk))})"
                " ORDER BY u.article_id, u.seq", chunk)
        ]
    _event_days(conn, article_ids, units, speech_window)
    _speakers(conn, article_ids, units)
    out: dict[str, list[Unit]] = {a: [] for a in article_ids}
    for unit in units:
        out[unit.article_id].append(unit)
    return out


def _inside(units_by_article: dict[str, list[Unit]], article_id: str, pos: int) -> Unit | None:
    for unit in units_by_article.get(article_id, []):
        if unit.start <= pos < unit.end:
            return unit
    return None


def _by_article(units: list[Unit]) -> dict[str, list[Unit]]:
    out: dict[str, list[Unit]] = {}
    for unit in units:
        out.setdefault(unit.article_id, []).append(unit)
    return out


def _cue_spans(conn: sqlite3.Connection,
               article_ids: list[str]) -> dict[str, list[tuple[int, ...]]]:
    """Per article, each quote's (cue start, cue end, content start, content end): what
    tells a time expression dating the speaking from one dating what was said."""
    if not has_table(conn, "quotes"):
        return {}
    out: dict[str, list[tuple[int, ...]]] = {}
    for chunk in _chunks(article_ids):
        for row in conn.execute(
            "SELECT q.article_id, q.cue_start, q.cue_end, q.content_start, q.content_end"
            f" FROM quotes q WHERE q.article_id IN ({','.join('?' * len(chunk))})"
            " AND q.cue_start IS NOT NULL", chunk):
            out.setdefault(row[0], []).append(tuple(row[1:]))
    return out


def _event_days(conn: sqlite3.Connection, article_ids: list[str], units: list[Unit],
                speech_window: int) -> None:
    """The earliest day a unit's events or its time expressions name.

    Both count, and the earliest wins: a report says when it was said as well as
    when it happened ("collapsed early on Thursday, ... said on Friday"), and the
    event extractor may date the act by the speech ("Friday"). Only whole days count,
    so a side remark dated by a year ("elected in 2021") never moves a sentence.
    """
    grouped = _by_article(units)
    found: dict[str, dict[tuple[str, int], list[str]]] = {"events": {}, "timexes": {}}
    spoken: dict[tuple[str, int], set[str]] = {}  # days of "said on Friday"-type timexes
    cues = _cue_spans(conn, article_ids)
    for table, column in (("events", "date"), ("timexes", "value")):
        if not has_table(conn, table):
            continue
        mod = "t.mod" if table == "timexes" else "NULL"
        for chunk in _chunks(article_ids):
            for article_id, value, start, bound in conn.execute(
                f"SELECT t.article_id, t.{column}, t.start, {mod} FROM {table} t"
                f" WHERE t.article_id IN ({','.join('?' * len(chunk))})", chunk):
                # "since 2015", "by Friday": a bound, not the day anything happened
                if not value or not ISO_DAY.match(value) or bound in BOUND_MODS:
                    continue
                unit = _inside(grouped, article_id, start)
                if unit is None:
                    continue
                key = (unit.article_id, unit.seq)
                found[table].setdefault(key, []).append(value[:10])
                if table == "timexes" and _dates_speech(cues.get(article_id, []), start,
                                                         speech_window):
                    spoken.setdefault(key, set()).add(value[:10])
    for unit in units:
        key = (unit.article_id, unit.seq)
        days = found["events"].get(key, []) + found["timexes"].get(key, [])
        unit.event_day = min(days) if days else None
        acted = [d for d in found["timexes"].get(key, []) if d not in spoken.get(key, set())]
        acted += [d for d in found["events"].get(key, []) if d not in spoken.get(key, set())]
        unit.act_day = min(acted) if acted else None


def _dates_speech(cues: list[tuple[int, ...]], start: int, window: int) -> bool:
    """A time expression beside a speech cue (within ``window`` chars) and outside what
    was said dates the speaking."""
    return any(not (c_start <= start < c_end) and cue_start - window <= start
               <= cue_end + window for cue_start, cue_end, c_start, c_end in cues)


def _speakers(conn: sqlite3.Connection, article_ids: list[str], units: list[Unit]) -> None:
    """The speaker of the quote a unit consists of, by the name the actor extractor
    resolved it to ("he" in '"Nobody is losing a job ...," he said' is Samuel Ndegwa).

    Only when the quote's content covers most of the unit: a quote that merely starts
    or ends in a sentence about something else does not make its speaker that
    sentence's. A pronoun that stayed unresolved names no one (``display_name``).
    """
    if not has_table(conn, "quotes"):
        return
    resolved = has_table(conn, "article_actors")
    name = "aa.name" if resolved else "NULL"
    join = (" LEFT JOIN article_actors aa ON aa.article_id = q.article_id"
            " AND aa.actor_key = q.speaker_key") if resolved else ""
    grouped = _by_article(units)
    for chunk in _chunks(article_ids):
        for article_id, surface, actor, start, end in conn.execute(
            f"SELECT q.article_id, q.speaker, {name}, q.content_start, q.content_end"
            " FROM quotes q" + join +
            f" WHERE q.article_id IN ({','.join('?' * len(chunk))})"
            " AND q.speaker IS NOT NULL", chunk):
            speaker = display_name(surface, actor)
            if speaker is None or surface.casefold() in BODY_PRONOUNS:
                continue
            for unit in grouped.get(article_id, []):
                covered = min(end, unit.end) - max(start, unit.start)
                if covered * 2 >= unit.end - unit.start and unit.speaker is None:
                    unit.speaker = speaker
