"""Corpus step: merge each new article's actors into canonical actors across the corpus.

Incremental: only article actors without an ``actor_id`` are looked at. Rules, in order:
a known alias ("EU" = "European Union", "U.S." = "United States"); the same full name;
the same surname with a compatible first name and no conflicting country. A bare
surname joins only when exactly one compatible person has it; two different people
with one surname (Joe Biden, Hunter Biden) never merge. Unnamed nominals ("the army")
merge only when their country is known, and role-only mentions never do.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from dossier.config import Settings
from dossier.extract.actor_names import name_words, same_person_name, surname_of
from dossier.extract.countries import country_name
from dossier.lexicon.actors import (
    canonical_alias,
    is_known_organisation,
    is_person_shaped,
    known_aliases,
    normalize_name,
)
from dossier.registry import CorpusStep, register_corpus_step
from dossier.store import canonical_actors as store


def _alias_actor(conn: sqlite3.Connection, alias: str) -> int | None:
    """The one body (not a person: "Ford" the firm is not Harrison Ford) with this alias."""
    ids = store.bodies_with_alias(conn, alias)
    return ids[0] if len(ids) == 1 else None


def _dominant(conn: sqlite3.Connection, ids: list[int], ratio: float) -> int | None:
    """The one candidate, or the one with ``ratio`` times the articles of the next."""
    if len(ids) <= 1:
        return ids[0] if ids else None
    ranked = sorted(((store.article_count(conn, i), i) for i in ids), reverse=True)
    return ranked[0][1] if ranked[0][0] >= ratio * max(ranked[1][0], 1) else None


def _lone_name_target(conn: sqlite3.Connection, word: str, ratio: float) -> int | None:
    """The full-name person a lone word names: the one (or dominant) full-name person whose
    surname or first name it is ("Trump", "Hillary", "Kim"). Both compete: a headline's
    one-off "Stop Hillary" must not outweigh Hillary Clinton's hundreds of articles."""
    full = [r["id"] for r in store.people_with_surname(conn, word) if " " in r["merge_key"]]
    full += store.people_with_key_prefix(conn, f"person:{word} ")
    return _dominant(conn, list(dict.fromkeys(full)), ratio)


def _person_actor(conn: sqlite3.Connection, words: list[str], country: str | None,
                  ratio: float) -> int | None:
    """The canonical person a name joins: the same full name; else the one compatible
    full name (or the dominant one) with that surname; a lone word, see above."""
    if not words:
        return None  # an actor named "." has no name to match
    key = "person:" + " ".join(words)
    if len(words) == 1:
        found = _lone_name_target(conn, words[0], ratio)
        return found if found is not None else store.actor_with_key(conn, key, "person")
    # A country blocks two full names (a role's country is evidence).
    people = [r for r in store.people_with_surname(conn, surname_of(words))
              if not (r["country"] and country and r["country"] != country)]
    exact = [r["id"] for r in people if r["merge_key"] == key]
    if exact:
        return exact[0]
    full = [(r["id"], r["merge_key"].removeprefix("person:").split()) for r in people]
    found = _dominant(conn, [i for i, w in full if len(w) > 1 and same_person_name(words, w)],
                      ratio)
    if found is None and len(words) > 2:
        # "Vermonter Bernie Sanders", "Bernie Sanders Suffered": a word glued on a name
        # the corpus already knows whole.
        for part in (words[1:], words[:-1]):
            found = store.actor_with_key(conn, "person:" + " ".join(part), "person")
            if found is not None:
                break
    return found


def _absorb_lone_names(conn: sqlite3.Connection, people: set[int], ratio: float) -> set[int]:
    """A lone-word person stored before the full name it belongs to ("Trump" from an
    earlier batch) moves to that person once there is one; returns the actors grown."""
    grown = set()
    words = set()
    for actor_id in people:
        merge_key = store.merge_key_of(conn, actor_id)
        key = merge_key.removeprefix("person:").split() if merge_key else []
        if len(key) > 1:
            words |= {surname_of(key), key[0]}
    for word in sorted(words):
        lone = store.actor_with_key(conn, f"person:{word}", "person")
        target = _lone_name_target(conn, word, ratio) if lone is not None else None
        if lone is None or target is None or target == lone:
            continue
        store.fold_actor(conn, lone, target)
        grown.add(target)
    return grown


def _fold_people_named_as_bodies(conn: sqlite3.Connection, bodies: set[int],
                                 ratio: float) -> set[int]:
    """Organisations that are people: the small model tags a bare "Trump" or "Carly
    Fiorina" ORG in articles that give it no person's cue. A name shaped like a person's
    (no word of an organisation's: "Trump Tower" stays a building) moves to the person the
    corpus knows by it (a lone word: the dominant person, see _lone_name_target) when the
    corpus writes it for that person in more articles than it is an organisation: a vote of
    articles ("Ford" stays a firm where the firm is written more). Returns the people grown."""
    grown = set()
    for body in sorted(bodies):
        row = store.actor_row(conn, body)
        if row is None or row["kind"] != "organisation":
            continue
        name = row["name"]
        if canonical_alias(name) or is_known_organisation(name) or not is_person_shaped(name):
            continue
        words = name_words(name)
        if len(words) == 1:
            target = _lone_name_target(conn, words[0], ratio)
        else:
            target = store.actor_with_key(conn, "person:" + " ".join(words), "person")
        if target is not None and (store.articles_writing(conn, target, name)
                                   > store.article_count(conn, body)):
            store.fold_actor(conn, body, target)
            store.set_kind(conn, target, "person")
            grown.add(target)
    return grown


def _fold_lone_names_of_bodies(conn: sqlite3.Connection, people: set[int]) -> set[int]:
    """Lone-word people that are bodies: the small model tags "Politico", "SpaceX" or
    "Equifax" PERSON where a verb follows ("Equifax admitted ..."). A one-word person that
    joined no full name moves to the one body the corpus knows by that name when more
    articles write it for the body than for the person (the vote of
    _fold_people_named_as_bodies, the other way round). Returns the people left."""
    left = set(people)
    for actor_id in sorted(people):
        row = store.actor_row(conn, actor_id)
        if row is None or row["kind"] != "person" or " " in row["merge_key"]:
            continue
        bodies = store.bodies_with_alias(conn, normalize_name(row["name"]))
        if len(bodies) == 1 and (store.article_count(conn, bodies[0])
                                 > store.article_count(conn, actor_id)):
            body = store.actor_row(conn, bodies[0])
            store.fold_actor(conn, actor_id, body["id"])
            store.set_kind(conn, body["id"], body["kind"])
            left.discard(actor_id)
    return left


def _merge_key(row: sqlite3.Row) -> tuple[str, str] | None:
    """(merge key, display name) for an article actor, or None when it must not merge."""
    key: str = row["actor_key"]
    kind, _, rest = key.partition(":")
    if key.startswith("person:role:"):
        return None
    if kind == "person":
        words = name_words(row["name"])
        return (f"person:{' '.join(words)}", row["name"]) if words else None
    if kind == "country":
        return key, country_name(row["country"]) or row["name"]
    if kind == "org":
        name = canonical_alias(row["name"]) or row["name"]
        return f"org:{normalize_name(name)}", name
    if json.loads(row["aliases"]):  # a named group ("Nigeriens")
        return key, row["name"]
    return (key, row["name"]) if row["country"] else None


def merge_actors(conn: sqlite3.Connection, article_ids: Sequence[str], settings: Settings) -> None:
    """Give every new article actor a canonical ``actor_id`` (creating actors as needed)."""
    if not article_ids:
        return
    store.fill_surname_keys(conn)
    rows = store.unmerged_article_actors(conn, article_ids)
    # Two-word names first, then longer ones (so a glued "Vermonter Bernie Sanders" finds
    # "Bernie Sanders"), lone surnames last (so "Bazoum" finds "Mohamed Bazoum").
    width = {r["actor_key"]: len(r["name"].split()) for r in rows}
    rows = sorted(rows, key=lambda r: {2: 0, 1: 2}.get(width[r["actor_key"]], 1))
    people: set[int] = set()
    bodies: set[int] = set()
    for row in rows:
        found = _merge_key(row)
        if found is None:
            continue
        merge_key, display = found
        aliases = {normalize_name(a) for a in json.loads(row["aliases"])} | {
            normalize_name(display)
        }
        if row["kind"] == "person":
            actor_id = _person_actor(conn, merge_key.removeprefix("person:").split(),
                                     row["country"], settings.actor_dominance)
        else:
            actor_id = next(
                (i for a in sorted(aliases)
                 if (i := _alias_actor(conn, normalize_name(canonical_alias(a) or a)))),
                None,
            )
            if actor_id is None:
                actor_id = store.actor_with_key(conn, merge_key)
        if actor_id is None:
            actor_id = store.create_actor(conn, display, row["kind"], row["country"], merge_key)
        else:
            store.improve_actor(conn, actor_id, display, merge_key, row["country"])
        aliases |= {normalize_name(canonical_alias(a) or a) for a in aliases}
        aliases |= known_aliases(display)  # "eu" for European Union even if unwritten
        store.add_aliases(conn, actor_id, aliases)
        store.assign_article_actor(conn, row["article_id"], row["actor_key"], actor_id)
        (people if row["kind"] == "person" else bodies).add(actor_id)
    people |= _absorb_lone_names(conn, people, settings.actor_dominance)
    people |= _fold_people_named_as_bodies(conn, bodies, settings.actor_dominance)
    people = _fold_lone_names_of_bodies(conn, people)
    _rename(conn, people)


def _holds_shorter_name(name: str, names: list[str]) -> bool:
    """Is another full name of the same person this one with words glued before or after
    it ("Sheriff Joe Arpaio" holds "Joe Arpaio", "Bernie Sanders Suffered" holds "Bernie
    Sanders")? The glued form never names the person, however many articles write it."""
    words = name_words(name)
    for other in names:
        part = name_words(other)
        if 1 < len(part) < len(words) and (words[:len(part)] == part
                                           or words[-len(part):] == part):
            return True
    return False


def _rename(conn: sqlite3.Connection, actor_ids: set[int]) -> None:
    """A person's display name: the full name most of its articles write (not the longest,
    which is where a glued word or a middle name hides), and never one that is another of
    its names with words glued on; on a tie, the one its key spells."""
    for actor_id in actor_ids:
        merge_key = store.merge_key_of(conn, actor_id)
        if merge_key is None:
            continue  # a lone name absorbed into its full name
        key = merge_key.removeprefix("person:").split()
        names = store.article_names(conn, actor_id)
        full = [n for n in names if len(name_words(n)) > 1] or names
        full = [n for n in full if not _holds_shorter_name(n, full)] or full
        if full:
            best = max(dict.fromkeys(full),
                       key=lambda n: (full.count(n), name_words(n) == key, -len(n)))
            store.rename_actor(conn, actor_id, best)


register_corpus_step(CorpusStep(name="actors", run=merge_actors, order=10))
