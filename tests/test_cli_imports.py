"""Read commands start without the parser: an import-graph check, not a timing test.

`dossier articles`, `stories`, `show`, `search` and `--help` only read the store. Loading
spaCy (and the extractor chain behind it) or datasketch (scipy) cost every command ~3 s
before its first line; the start-up times themselves are measured by
``benchmarks/cli_start.py``. Each case runs the real ``dossier`` entry point in a fresh
interpreter and reads ``sys.modules`` when the commands are done.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

from dossier.models import Article
from dossier.store.articles import save_article
from dossier.store.db import connect, transaction

HEAVY = ("spacy", "thinc", "datasketch", "scipy", "trafilatura", "dossier.nlp",
         "dossier.pipeline", "dossier.extract.actors", "dossier.extract.timex")

# Runs each command through dossier.cli.main, as the console script does, then reports
# which of the heavy modules were imported along the way.
PROBE = """
import json, sys
import dossier.cli
heavy = json.loads(sys.argv[1])
for argv in json.loads(sys.argv[2]):
    sys.argv = ["dossier", *argv]
    try:
        dossier.cli.main()
    except SystemExit as done:
        if done.code not in (0, None):
            print(json.dumps({"failed": argv, "code": done.code}))
            raise SystemExit(1)
print(json.dumps({"loaded": [m for m in heavy if m in sys.modules]}))
"""


def loaded_by(commands: list[list[str]], heavy: tuple[str, ...] = HEAVY) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(heavy), json.dumps(commands)],
        capture_output=True, text=True, timeout=120,
    )
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert done.returncode == 0, (report, done.stderr[-2000:])
    return report["loaded"]


def one_article_store(tmp_path: Path) -> list[str]:
    """``--db`` arguments of a store holding one article, for the read commands."""
    db = tmp_path / "store.db"
    conn = connect(db)
    with transaction(conn):
        save_article(conn, Article(id="a1b2c3d4e5f60718", source_path="a.txt",
                                   title="Dockworkers strike", text="Dockworkers went on strike."),
                     {})
    conn.close()
    return ["--db", str(db)]


def test_help_loads_no_parser(tmp_path: Path) -> None:
    assert loaded_by([["--help"], ["search", "--help"]]) == []


def test_read_commands_load_no_parser_nor_datasketch(tmp_path: Path) -> None:
    store = one_article_store(tmp_path)
    commands = [["articles", *store], ["stories", *store], ["show", "a1b2c3", *store],
                ["search", "strike", *store],
                ["actors", *store], ["quotes", *store], ["events", *store],
                ["errors", *store]]
    assert loaded_by(commands) == []


# What the four commands issue 17 times never need: the Pydantic fact records and the fact
# writers, rapidfuzz behind the actor store, the Settings and the models (--help lists every
# command, so it loads their modules, but not the fact stores). Pydantic itself is loaded by
# Typer when it parses a command: the framework's floor.
FACT_MODULES = ("dossier.store.records", "dossier.store.facts", "dossier.store.actors",
                "rapidfuzz")
OTHER_COMMANDS = ("dossier.config", "dossier.models", "dossier.cli.ingest", "dossier.cli.events")


def test_each_command_is_found_in_the_module_the_cli_imports_for_it() -> None:
    """`dossier NAME` imports only COMMAND_MODULES[NAME]: the table must match the code."""
    from dossier.cli import COMMAND_MODULES, command_modules
    from dossier.cli.app import app

    for module in command_modules(["--help"]):
        importlib.import_module(f"dossier.cli.{module}")
    found = {(c.name or c.callback.__name__): c.callback.__module__.rsplit(".", 1)[1]
             for c in app.registered_commands}
    assert found == COMMAND_MODULES
    assert command_modules(["show", "x"]) == ["articles"]
    assert set(command_modules(["shw"])) == set(found.values()), "a typo: Typer suggests"


def test_articles_stories_show_search_load_no_fact_records_nor_rapidfuzz(tmp_path: Path) -> None:
    store = one_article_store(tmp_path)
    commands = [["articles", *store], ["stories", *store],
                ["show", "a1b2c3", *store], ["search", "strike", *store]]
    assert loaded_by(commands, FACT_MODULES + OTHER_COMMANDS) == []
    assert loaded_by([["--help"]], FACT_MODULES) == []


def test_the_probe_sees_a_command_that_loads_the_extractors() -> None:
    """The check can fail: `export --list` loads every feature module (its exports), and
    the probe reports the parser and datasketch it brought in."""
    loaded = loaded_by([["export", "--list"]])
    assert {"spacy", "datasketch", "dossier.extract.actors"} <= set(loaded)
