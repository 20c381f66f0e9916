"""The layering of docs/architecture.md holds: no import goes to a higher stage or sideways
to another unit of the same stage, and no modules import each other in a cycle.

Every import counts, also those inside functions and under TYPE_CHECKING: a lazy import is
still a dependency."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "lawcheck"
ARCHITECTURE = ROOT / "docs" / "architecture.md"


def stages() -> dict[str, int]:
    """Top-level unit (`lawcheck` for the package itself, else `engine`, `draft`, ...) -> stage,
    read from the ```stages block of docs/architecture.md."""
    block = re.search(r"```stages\n(.*?)```", ARCHITECTURE.read_text(encoding="utf-8"), re.S)
    assert block, "docs/architecture.md has no ```stages block"
    ranks = {}
    for line in block.group(1).splitlines():
        number, _name, *units = line.split()
        ranks.update(dict.fromkeys(units, int(number)))
    return ranks


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def unit_of(module: str) -> str:
    """`lawcheck.engine.align` -> `engine`; `lawcheck` -> `lawcheck`."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def imported(module: str) -> Iterator[str]:
    """The lawcheck modules `module` imports: "from lawcheck.x import y" is lawcheck.x.y when
    y is a module, else lawcheck.x."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            submodules = [f"{node.module}.{alias.name}" for alias in node.names]
            names = [name if name in MODULES else node.module for name in submodules]
        else:
            continue
        yield from (name for name in names if name in MODULES and name != module)


GRAPH = {module: sorted(set(imported(module))) for module in MODULES}


def test_every_unit_has_a_stage() -> None:
    ranks = stages()
    missing = sorted({unit_of(module) for module in MODULES} - ranks.keys())
    assert not missing, f"add these to the stages of docs/architecture.md: {missing}"


def test_imports_go_down_the_stages() -> None:
    ranks = stages()
    wrong = [f"{module} -> {target}" for module, targets in GRAPH.items() for target in targets
             if unit_of(module) != unit_of(target) and ranks[unit_of(target)] >= ranks[unit_of(module)]]
    assert not wrong, "imports up or sideways between stages:\n" + "\n".join(wrong)


def _cycle_from(start: str, graph: dict[str, list[str]]) -> list[str] | None:
    """A path start -> ... -> start, if there is one (depth-first)."""
    stack, seen = [(start, [start])], set()
    while stack:
        module, path = stack.pop()
        for target in graph[module]:
            if target == start:
                return [*path, start]
            if target not in seen:
                seen.add(target)
                stack.append((target, [*path, target]))
    return None


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_import_cycle(module: str) -> None:
    cycle = _cycle_from(module, GRAPH)
    assert cycle is None, " -> ".join(cycle or [])


def test_the_walk_sees_imports_and_cycles() -> None:
    """The checks above can fail: imports are found, and a cycle is reported as one."""
    assert "lawcheck.engine.align" in GRAPH["lawcheck.engine.evaluate"]
    assert "lawcheck.report.docx" in GRAPH["lawcheck.cli.check"]  # imported inside a function
    assert _cycle_from("a", {"a": ["b"], "b": ["c", "a"], "c": []}) == ["a", "b", "a"]
    assert _cycle_from("a", {"a": ["b"], "b": ["c"], "c": []}) is None
