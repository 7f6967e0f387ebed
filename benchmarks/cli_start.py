"""CLI start-up: time to first output of the read commands, beside the interpreter's floor.

A read command (``--help``, ``articles``, ``stories``, ``show``, ``search``) needs no parser;
what it pays before its first line is Python, Typer and our own modules. Each command
runs as a fresh process, as a user runs it, against a store built once from
``examples/`` (ingested with every default extractor and corpus step, so it has stories).

Beside it, in the same rounds: ``python -c "print()"`` (the interpreter: nobody starts
faster) and a one-command Typer app (the CLI framework, with the Pydantic it parses
with). ``--compare DIR`` adds the same commands run by another checkout's ``.venv``
(e.g. main before a change), so a before/after pair shares one machine state. Rounds
are interleaved and each row keeps its median and its best; a neighbour's load burst
then hits all rows alike.

Reported per row: time to the first byte on stdout, wall time to exit, and the CPU
time (user + system) the process used, which a shared machine disturbs least.

    .venv/bin/python benchmarks/cli_start.py [--rounds 7] [--compare /work/main]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# What any Typer CLI pays to print one line: Typer, Click and the Pydantic it parses with.
FRAMEWORK_FLOOR = "import typer; app = typer.Typer(); app.command()(lambda: print('ok')); app()"


def run_once(argv: list[str]) -> tuple[float, float, float]:
    """(seconds to first stdout byte, seconds to exit, CPU seconds) of one fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    first = proc.stdout.read(1)
    first_at = time.perf_counter() - start
    proc.stdout.read()
    code = proc.wait()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if code != 0 or not first:
        raise SystemExit(f"{' '.join(argv)} failed (exit {code}, output {first!r})")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return first_at, wall, cpu


def build_store(db: Path, dossier: Path) -> tuple[str, str]:
    """Ingest examples/ into ``db``; the id of one article and a word to search for."""
    subprocess.run([str(dossier), "ingest", str(REPO / "examples"), "--db", str(db)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    import sqlite3

    with sqlite3.connect(db) as conn:
        (article_id,) = conn.execute("SELECT id FROM articles ORDER BY id LIMIT 1").fetchone()
    return article_id[:12], "strike"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--compare", type=Path, help="another checkout with its own .venv")
    args = parser.parse_args()

    python = Path(sys.executable)
    dossier = python.parent / "dossier"
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "examples.db"
        article_id, word = build_store(db, dossier)
        commands = {
            "--help": ["--help"],
            "articles": ["articles", "--db", str(db)],
            "stories": ["stories", "--db", str(db)],
            "show": ["show", article_id, "--db", str(db)],
            "search": ["search", word, "--db", str(db)],
        }
        systems: dict[str, list[str]] = {
            "python -c print() (interpreter floor)": [str(python), "-c", "print()"],
            "a one-command Typer app (framework floor)":
                [str(python), "-c", FRAMEWORK_FLOOR],
        }
        for name, argv in commands.items():
            systems[f"dossier {name}"] = [str(dossier), *argv]
        if args.compare:
            other = args.compare / ".venv" / "bin" / "dossier"
            for name, argv in commands.items():
                systems[f"dossier {name} ({args.compare})"] = [str(other), *argv]
        env_note = f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} at start"
        samples: dict[str, list[tuple[float, float, float]]] = {n: [] for n in systems}
        for argv in systems.values():  # warm the file cache once; not counted
            run_once(argv)
        for _ in range(args.rounds):
            for name, argv in systems.items():
                samples[name].append(run_once(argv))

    print(f"{args.rounds} interleaved rounds, a fresh process per run ({env_note}); "
          "store: examples/ ingested\n")
    print("| command | first output, median s | best s | exit, median s | CPU, median s |")
    print("|---|---:|---:|---:|---:|")
    for name, runs in samples.items():
        firsts, walls, cpus = zip(*runs, strict=True)
        print(f"| {name} | {statistics.median(firsts):.2f} | {min(firsts):.2f} "
              f"| {statistics.median(walls):.2f} | {statistics.median(cpus):.2f} |")


if __name__ == "__main__":
    main()
