"""Strict YAML reading that remembers where every key came from.

Rule files are edited by hand; a typo must fail with the file, the line and the key path,
never be silently ignored. ruamel.yaml keeps line marks and refuses duplicate keys.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lawcheck.errors import InputError


def load_yaml(path: Path) -> Any:
    """Parse one YAML file; syntax errors and duplicate keys become InputError with a line."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError

    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = " ".join(str(error.problem or error.context or "invalid YAML").split())
        raise InputError(problem, source=str(path), line=mark.line + 1 if mark else None) from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read: {error.__class__.__name__}", source=str(path)) from None


def line_of(root: Any, path: tuple[str | int, ...]) -> int | None:
    """1-based line of the node at `path` (keys and indexes) under `root`, as near as known."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    node, line = root, None
    for step in path:
        if isinstance(node, CommentedMap) and step in node:
            line = node.lc.key(step)[0] + 1
        elif isinstance(node, CommentedSeq) and isinstance(step, int) and step < len(node):
            line = node.lc.item(step)[0] + 1
        else:
            break
        node = node[step]
    if line is None and hasattr(root, "lc"):
        line = root.lc.line + 1
    return line


def key_path(path: tuple[str | int, ...]) -> str:
    """`elements[2].limit.max` style path for messages."""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text or "(top level)"
