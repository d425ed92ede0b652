"""Package attributes imported on first use.

`sitreps --help` imports every command module, and a package's `__init__` runs before any
module inside it: a package that imported its heavy parts up front (DuckDB, FastAPI, pydantic,
the cleaning stack) made every command, even `--version`, pay for all of them. A package lists
its public names here instead; `from sitreps.store import Store` still works, and imports
`sitreps.store.database` only then.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from importlib import import_module
from typing import Any


def lazy_exports(
    package: str, exports: Mapping[str, Sequence[str]]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """A package's module-level `__getattr__` and `__dir__` for `exports` (module -> names in it)."""
    where = {name: module for module, names in exports.items() for name in names}
    namespace = import_module(package).__dict__

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(module), name)
        namespace[name] = value  # looked up once: later accesses are plain attribute reads
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *where})

    return __getattr__, __dir__
