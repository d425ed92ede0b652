"""The shape the code keeps: short functions in the extraction packages, nothing loaded at import."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import sitreps

PACKAGE = Path(sitreps.__file__).parent
# the packages whose functions are read as steps of one job each (ARCHITECTURE.md)
SHORT_FUNCTION_PACKAGES = ("extract", "places", "resolve", "fuse", "store")
MAX_FUNCTION_LINES = 80


def _long_functions(source: str, max_lines: int) -> list[tuple[str, int]]:
    tree = ast.parse(source)
    return [
        (node.name, node.end_lineno - node.lineno + 1)
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > max_lines
    ]


def test_no_function_in_the_extraction_packages_is_longer_than_80_lines() -> None:
    found = {
        f"{path.relative_to(PACKAGE)}:{name}": lines
        for package in SHORT_FUNCTION_PACKAGES
        for path in sorted((PACKAGE / package).rglob("*.py"))
        for name, lines in _long_functions(path.read_text(encoding="utf-8"), MAX_FUNCTION_LINES)
    }
    assert found == {}


def test_the_length_check_sees_a_long_function() -> None:
    body = "".join(f"    x{i} = {i}\n" for i in range(MAX_FUNCTION_LINES))
    assert _long_functions(f"def long():\n{body}", MAX_FUNCTION_LINES) == [("long", MAX_FUNCTION_LINES + 1)]
    assert _long_functions("def short():\n    return 1\n", MAX_FUNCTION_LINES) == []


# Imports every module of the package (optional extras that are not installed are skipped),
# then lists the module-level caches that hold something: a cache filled at import means data
# was loaded by importing, which every process (and `sitreps --help`) would then pay for.
_IMPORT_ALL = r"""
import functools, importlib, json, pkgutil, sys
import sitreps
filled, skipped = [], []
for info in pkgutil.walk_packages(sitreps.__path__, "sitreps."):
    try:
        module = importlib.import_module(info.name)
    except ImportError as exc:
        skipped.append(f"{info.name}: {exc}")
        continue
for name, module in list(sys.modules.items()):
    if not name.startswith("sitreps"):
        continue
    for attribute, value in vars(module).items():
        if isinstance(value, functools._lru_cache_wrapper) and value.__module__ == name:
            if value.cache_info().currsize:
                filled.append(f"{name}.{attribute}")
print(json.dumps({"filled": filled, "skipped": skipped, "modules": sum(n.startswith("sitreps") for n in sys.modules)}))
"""


def _import_everything(extra: str = "") -> dict:
    out = subprocess.run(
        [sys.executable, "-c", _IMPORT_ALL.replace("import sitreps\n", "import sitreps\n" + extra, 1)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_importing_every_module_loads_no_data() -> None:
    report = _import_everything()
    assert report["skipped"] == []
    assert report["modules"] == len(list(PACKAGE.rglob("*.py")))
    assert report["filled"] == []


def test_the_import_check_sees_data_loaded_at_import() -> None:
    report = _import_everything("from sitreps.extract.triggers import load_lexicon\nload_lexicon()\n")
    assert "sitreps.extract.triggers.load_lexicon" in report["filled"]
