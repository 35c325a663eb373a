"""What the package imports is what it declares, and what it declares is pinned."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    """The normalised distribution name of a requirement line (``RapidFuzz==3`` -> ``rapidfuzz``)."""
    return re.sub(r"[-_.]+", "-", re.split(r"[<>=!~;\[ ]", requirement.strip(), maxsplit=1)[0]).lower()


def declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return {_name(r) for r in project["dependencies"]}


def pinned(path: Path) -> set[str]:
    lines = path.read_text().splitlines()
    return {_name(line) for line in lines if line.strip() and not line.startswith(("#", "-r"))}


def imported_distributions() -> dict[str, set[str]]:
    """Distribution -> source files of src/diffdata that import it (third-party imports only)."""
    owners = packages_distributions()
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / "src" / "diffdata").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            else:
                continue
            for module in modules:
                top = module.split(".")[0]
                if top in sys.stdlib_module_names or top == "diffdata":
                    continue
                for dist in owners.get(top, [top]):
                    found.setdefault(_name(dist), set()).add(path.name)
    return found


def test_every_imported_distribution_is_declared() -> None:
    missing = {d: files for d, files in imported_distributions().items() if d not in declared()}
    assert not missing, f"imported but not in pyproject's dependencies: {missing}"


def test_every_declared_dependency_is_pinned_in_requirements_txt() -> None:
    assert declared() <= pinned(ROOT / "requirements.txt")


def test_one_http_client() -> None:
    """requests (with urllib3 under it) is the HTTP client; httpx is pinned only because semanticscholar, whose
    transport the project does not use, requires it."""
    from importlib.metadata import requires

    imported = imported_distributions()
    assert {"requests", "urllib3"} <= imported.keys() and {"requests", "urllib3"} <= pinned(ROOT / "requirements.txt")
    assert "httpx" not in imported and "httpx" not in declared()
    assert "httpx" in {_name(r) for r in requires("semanticscholar") or []}
    http_users = {f for d in ("requests", "urllib3") for f in imported[d]}
    assert http_users == {"net.py"}, "only net.py talks HTTP; the rest goes through net.bounded_request"


def test_no_module_shadows_the_standard_library() -> None:
    """A module named like a standard one (the old ``diffdata/io.py``) is a trap for relative imports and tools."""
    modules = {p.stem for p in (ROOT / "src" / "diffdata").rglob("*.py")} - {"__init__", "__main__"}
    assert not modules & set(sys.stdlib_module_names)
