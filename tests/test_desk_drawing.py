"""The story page's pictures: the actor graph and the map stay readable as stories grow.

Built from facts we write, so the checks are about drawing, not extraction.
"""

from __future__ import annotations

from itertools import combinations

from dossier.web.geo import map_view
from dossier.web.graph import build_graph, label_box
from dossier.web.schemas import EventOut, EvidenceOut, PlaceOut, StanceOut

EVIDENCE = EvidenceOut(article_id="a", start=0, end=1, text="x", sentence="x",
                       sentence_start=0, href="/articles/a?hl=0-1#hl")


def event(source: str, target: str) -> EventOut:
    return EventOut(type="ACCUSE", source_actor=source, target_actor=target, evidence=EVIDENCE)


def place(name: str, kind: str, country: str, lat: float, lon: float, mentions: int) -> PlaceOut:
    return PlaceOut(name=name, kind=kind, country=country, lat=lat, lon=lon, mentions=mentions)


def test_unconnected_groups_of_actors_get_room_of_their_own() -> None:
    chain = [event(f"Minister {i}", f"Minister {i + 1}") for i in range(5)]
    triangle = [event("Mayor", "Council"), event("Council", "Governor"),
                event("Governor", "Mayor")]
    graph = build_graph(chain + triangle, [])
    assert len(graph.nodes) == 9
    for a, b in combinations(graph.nodes, 2):
        assert (a.x - b.x) ** 2 + (a.y - b.y) ** 2 > (a.r + b.r) ** 2, (a.name, b.name)
    assert all(0 <= n.x <= graph.width and 0 <= n.y <= graph.height for n in graph.nodes)


def test_a_pair_linked_to_no_one_else_is_a_line_of_text_not_two_floating_dots() -> None:
    chain = [event(f"Minister {i}", f"Minister {i + 1}") for i in range(3)]
    pairs = [event("Union", "Port Board"), event("Police", "Protesters")]
    stance = StanceOut(source="Bishops", target="Ceasefire plan", polarity=1, label="backs",
                       evidence=[EVIDENCE])
    graph = build_graph(chain + pairs, [stance])
    assert {n.name for n in graph.nodes} == {f"Minister {i}" for i in range(4)}
    assert {(p.source, p.label, p.target) for p in graph.pairs} == {
        ("Union", "ACCUSE", "Port Board"), ("Police", "ACCUSE", "Protesters"),
        ("Bishops", "backs", "Ceasefire plan")}
    only_pairs = build_graph(pairs, [])
    assert only_pairs.nodes == [] and len(only_pairs.pairs) == 2


def test_a_hubs_many_partners_are_spread_apart() -> None:
    star = [event("Interior Ministry", f"Protest group {i}") for i in range(9)]
    graph = build_graph(star, [])
    for a, b in combinations(graph.nodes, 2):
        assert ((a.x - b.x) ** 2 + (a.y - b.y) ** 2) ** 0.5 >= a.r + b.r + 8, (a.name, b.name)


def test_actor_names_are_never_drawn_over_each_other() -> None:
    star = [event("Government of the Republic", f"Regional governor number {i}")
            for i in range(12)]
    graph = build_graph(star, [])
    boxes = [label_box(n) for n in graph.nodes if n.label_y is not None]
    assert len(boxes) >= len(graph.nodes) // 2, "most actors are named"
    assert all(b[0] >= 0 and b[2] <= graph.width for b in boxes), "names stay in the picture"
    for a, b in combinations(boxes, 2):
        assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])
    for box in boxes:  # and no name covers a node
        for n in graph.nodes:
            assert not (box[0] < n.x + n.r and n.x - n.r < box[2]
                        and box[1] < n.y + n.r and n.y - n.r < box[3]), n.name


def test_named_countries_are_shaded_and_cities_pinned() -> None:
    places = [place("Kenya", "country", "KE", -0.5, 36.9, 9),
              place("Mombasa", "city", "KE", -4.05, 39.66, 5),
              place("Kampala", "city", "UG", 0.31, 32.58, 2)]
    view = map_view(places)
    assert view.highlighted == {"KEN": 0, "UGA": 2}  # Uganda's click shows Kampala
    assert [places[p.place].name for p in view.pins] == ["Mombasa", "Kampala"]


def test_a_name_with_no_free_side_is_left_to_the_list() -> None:
    places = [place(name, "city", "KE", -4.05, 39.66, 5 - i)
              for i, name in enumerate(["Mombasa", "Kilindini", "Makupa"])]
    labels = [p.label for p in map_view(places).pins]
    assert labels == ["start", "end", None]  # right of the pin, then left, then no room


def test_one_stray_mention_does_not_zoom_the_map_out_to_the_world() -> None:
    places = [place("Kenya", "country", "KE", -0.5, 36.9, 9),
              place("Mombasa", "city", "KE", -4.05, 39.66, 12),
              place("Nairobi", "city", "KE", -1.29, 36.82, 8),
              place("Lima", "city", "PE", -12.05, -77.04, 1)]
    view = map_view(places)
    x, y, width, height = (float(v) for v in view.view_box.split())
    assert width < 60, "fitted to East Africa, not stretched to Peru"
    assert [places[p.place].name for p in view.pins] == ["Mombasa", "Nairobi"]
    assert view.outside == 1
    names = {c.iso_a3 for c in view.countries}
    assert "KEN" in names and "PER" not in names, "only the outlines the view shows are sent"


def test_a_story_without_located_places_shows_the_whole_world() -> None:
    view = map_view([PlaceOut(name="Somewhere", mentions=3)])
    assert view.view_box == "0.00 0.00 360.00 180.00" and view.outside == 0
    assert len(view.countries) > 150


def test_stance_pairs_left_out_of_the_matrix_are_listed_not_sent_to_the_api() -> None:
    from dossier.web.pages import MATRIX_SIDE, stance_matrix
    from dossier.web.schemas import StanceOut

    stances = [StanceOut(source=f"Party {i}", target=f"Minister {i}", polarity=1 - 2 * (i % 2),
                         evidence=[EVIDENCE]) for i in range(MATRIX_SIDE + 5)]
    matrix = stance_matrix(stances)
    shown = set(matrix.cells)
    listed = {(s, t) for s, t, _ in matrix.rest}
    assert matrix.hidden == len(listed) == 5
    assert shown | listed == {(s.source, s.target) for s in stances} and not shown & listed
