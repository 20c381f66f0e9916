"""Where the bundled data lives: beside the package when installed, the repository otherwise."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """Return the folder of bundled data `name` ("rules" or "corpora")."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bundled data folder {name!r} not found beside {_PACKAGE}")


def demo_draft() -> Path:
    """The bundled demo draft: an English model law that implements the Convention."""
    return data_dir("corpora") / "national" / "en_model_law.xml"
