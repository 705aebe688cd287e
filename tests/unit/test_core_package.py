"""The core package `careers` runs without Rasa: the NLU components and the actions share it."""

import ast
from pathlib import Path

CAREERS = Path(__file__).resolve().parents[2] / "careers"
# Rasa and its server stack, and the project's packages that build on the core.
FORBIDDEN = {
    "rasa",
    "rasa_sdk",
    "sanic",
    "tensorflow",
    "actions",
    "components",
    "channels",
    "stores",
    "patches",
    "rasa_server",
    "harness",
}


def imported_top_level_names(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0]


def test_careers_imports_no_rasa_and_no_package_built_on_it():
    modules = sorted(CAREERS.rglob("*.py"))
    assert len(modules) >= 14
    for path in modules:
        for name in imported_top_level_names(path):
            assert name not in FORBIDDEN, f"{path.relative_to(CAREERS.parent)} imports {name}"
