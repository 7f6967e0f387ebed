"""Acceptance on the two seeds: the timeline lists every act issue 4 names, dated and placed.

The seeds are read from ../shared at test time (skipped when absent). The raw
text minus the ` date ...` header goes through the extractors, the store and the
timeline query, as an ingest would, so captions the cleaner may drop still count.
"""

from __future__ import annotations

import pytest

from dossier.config import Settings
from dossier.extract import extract
from dossier.models import Article
from dossier.store.db import connect
from dossier.store.facts import save_facts
from dossier.store.timeline import timeline

pytestmark = pytest.mark.shared

SEEDS = {"000_f9444bceebfe331f.txt": "2023-07-28", "004_b9dabca082e516ec.txt": None}


@pytest.fixture(scope="module")
def rows(seeds_dir, nlp, tmp_path_factory):
    conn = connect(tmp_path_factory.mktemp("seeds") / "seeds.db")
    settings = Settings()
    for name, published in SEEDS.items():
        text = (seeds_dir / name).read_text(encoding="utf-8")
        if text.lstrip().startswith("date "):
            text = text.split("\n", 1)[1]
        article = Article(id=name[:3], source_path=name, text=text, published=published)
        conn.execute("INSERT INTO articles (id, source_path, text, published) VALUES (?,?,?,?)",
                     (article.id, name, text, published))
        save_facts(conn, article.id, extract(article, nlp(text), settings))
    conn.commit()
    return timeline(conn, with_statements=False, include_unasserted=True,
                    statement_window=Settings().statement_date_window)


def find(rows, type_: str, source: str | None = None, target: str | None = None,
         mode: str | None = None) -> list[dict]:
    def has(value: str | None, part: str | None) -> bool:
        return part is None or (value is not None and part.lower() in value.lower())

    return [r for r in rows if r["type"] == type_ and has(r["source_actor"], source)
            and has(r["target_actor"], target) and (mode is None or r["mode"] == mode)]


def test_guard_confined_bazoum_on_wednesday_in_niamey(rows):
    found = find(rows, "COERCE", "guard", "Bazoum", "detain")
    assert found and all(r["when"] == "2023-07-26" for r in found)
    assert any(r["place"] == "Niamey" and r["country"] == "NE" for r in found)


def test_fds_suspended_institutions_closed_borders_imposed_curfew_on_wednesday(rows):
    for mode, target in (("ban", "institutions"), ("restrict", "borders"), ("curfew", "curfew")):
        found = [r for r in find(rows, "COERCE", None, target, mode) if r["when"] == "2023-07-26"]
        assert found, f"{mode} {target}"
        assert any("security forces" in (r["source_actor"] or "").lower()
                   or "guard" in (r["source_actor"] or "").lower() for r in found)


def test_army_command_subscribed_to_the_declaration(rows):
    assert find(rows, "SUPPORT", "command", "declaration")


def test_crowd_rallied_for_the_coup_leaders_in_niamey(rows):
    found = find(rows, "PROTEST", "people")
    assert any(r["place"] == "Niamey" for r in found)


def test_supporters_attacked_the_party_headquarters_in_niamey(rows):
    found = [r for r in find(rows, "ASSAULT", "supporters")
             if any(w in (r["target_actor"] or "") for w in ("headquarters", "Party"))]
    assert any(r["place"] == "Niamey" and r["country"] == "NE" for r in found)


def test_blinken_eu_and_un_demanded_release_from_the_captors_on_thursday(rows):
    for who in ("Blinken", "European Union", "United Nations"):
        found = [r for r in find(rows, "REQUEST", who) if r["when"] == "2023-07-27"]
        assert found, who
        assert any("guard" in (r["target_actor"] or "").lower() for r in found), who


def test_guterres_condemned_the_takeover(rows):
    assert find(rows, "ACCUSE", "Guterres")


def test_talon_was_expected_for_mediation(rows):
    assert find(rows, "CONSULT", "Talon")


def test_party_activity_was_suspended(rows):
    assert find(rows, "COERCE", None, "party activity", "ban")


def test_france_landed_a_plane_at_niamey(rows):
    assert any(r["place"] == "Niamey" for r in rows if r["source_actor"] == "France")


def test_timeline_orders_by_when_it_happened_not_when_reported(rows):
    # The detention (Wednesday) is reported after the Thursday demands in seed 000.
    whens = [r["when"] for r in rows if r["when"]]
    assert whens == sorted(whens)
    first_detention = next(i for i, r in enumerate(rows) if r["mode"] == "detain")
    first_demand = next(i for i, r in enumerate(rows) if r["type"] == "REQUEST"
                        and r["when"] == "2023-07-27")
    assert first_detention < first_demand
