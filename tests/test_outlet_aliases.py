"""Outlet names across the store: a domain-glued name takes the name other articles spell out."""

from __future__ import annotations

from dossier.config import Settings
from dossier.store import db
from dossier.stories.outlet_names import glued_key, resolve_glued_outlets


def store_with(tmp_path, outlets: list[str]):
    conn = db.connect(tmp_path / "t.db")
    for i, outlet in enumerate(outlets):
        conn.execute(
            "INSERT INTO articles (id, source_path, outlet, text) VALUES (?, ?, ?, ?)",
            (f"a{i}", f"f{i}.txt", outlet, "Text."),
        )
    conn.commit()
    return conn


def outlets_of(conn) -> list[str]:
    return [row[0] for row in conn.execute("SELECT outlet FROM articles ORDER BY id")]


def test_glued_domain_name_takes_the_spelled_out_name(tmp_path):
    conn = store_with(tmp_path, ["The Valley Courier", "Valleycourier", "Coastal Times"])
    resolve_glued_outlets(conn, ["a1"], Settings())
    assert outlets_of(conn) == ["The Valley Courier", "The Valley Courier", "Coastal Times"]


def test_names_with_other_letters_are_left_alone(tmp_path):
    conn = store_with(tmp_path, ["Valley Courier Post", "Valleycourier", "Reuters"])
    resolve_glued_outlets(conn, ["a1"], Settings())
    assert outlets_of(conn) == ["Valley Courier Post", "Valleycourier", "Reuters"]


def test_glued_key_ignores_case_spaces_and_a_leading_the():
    assert glued_key("The Valley Courier") == glued_key("Valleycourier") == "valleycourier"
