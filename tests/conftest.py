"""Fixtures shared by the whole suite: where ../shared is, and the one loaded spaCy pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the clone; CI has it, a newcomer's clone may not."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip(f"needs ../shared beside the repository ({SHARED} not found)")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    return shared_dir / "seeds"


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def nlp():
    """The packaged English pipeline, loaded once for the whole session."""
    from dossier import nlp as dossier_nlp

    return dossier_nlp.load()
