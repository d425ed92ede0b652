"""Language packs: what sitreps reads in reports that are not in English.

A pack is an optional extra (`pip install 'sitreps[ru]'`, `'sitreps[uk]'`): its Python
dependencies, and its lexicon under `sitreps/data/lang/<code>/lexicon.yaml` (shipped always,
read only when the pack's dependencies are installed). `CyrillicExtractor` reads Russian and
Ukrainian; `LanguageDispatch` routes each article to the extractor of its language.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass


@dataclass(frozen=True)
class Pack:
    code: str
    name: str
    extra: str
    modules: tuple[str, ...]  # importable when the extra is installed

    def installed(self) -> bool:
        return all(importlib.util.find_spec(module) is not None for module in self.modules)

    def hint(self) -> str:
        return f"{self.name} articles are stored without mentions; install: pip install 'sitreps[{self.extra}]'"


PACKS: dict[str, Pack] = {
    "ru": Pack("ru", "Russian", "ru", ("natasha", "pymorphy3", "pymorphy3_dicts_ru", "razdel")),
    "uk": Pack("uk", "Ukrainian", "uk", ("pymorphy3", "pymorphy3_dicts_uk", "razdel")),
}
