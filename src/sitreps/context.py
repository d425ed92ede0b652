"""What every CLI command shares: where the store lives, which extra registries to load, which
extractor and which configuration file.

Built once by the root command from global options and environment, then passed down
(Typer's ctx.obj); nothing here is module-level state.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs


def default_db_path() -> Path:
    """SITREPS_DB if set, else sitreps.duckdb in the user's data directory."""
    env = os.environ.get("SITREPS_DB")
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir("sitreps")) / "sitreps.duckdb"


def cache_dir() -> Path:
    """Where derived indexes (gazetteer index) are cached; SITREPS_CACHE overrides."""
    env = os.environ.get("SITREPS_CACHE")
    return Path(env) if env else Path(platformdirs.user_cache_dir("sitreps"))


@dataclass
class AppContext:
    db_path: Path = field(default_factory=default_db_path)
    actors_files: list[Path] = field(default_factory=list)
    extractor: str = "combined"  # sitreps.extract.event_step.ExtractorMode
    config: Path | None = None  # sitreps.toml given with --config / $SITREPS_CONFIG (sitreps.config)
    verbose: bool = False
