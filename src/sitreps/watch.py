"""`sitreps watch DIR`: ingest the files that appear (or change) in a folder, batch by batch.

The folder is polled with stat (no platform file-event API, no new dependency). A new or
changed file is read once its size and modification time have stayed the same for the
settle interval (data/watch.yaml), so a file still being written is never read half-done.
Each poll's settled files are one batch: one ingest run (the same reading, cleaning, caps
and store transactions as `sitreps ingest`) and one summary line on stdout.

What was ingested is remembered beside the store, in `<store>.watch.json`: per file its
size, modification time and SHA-256. A restart reads only files that are new or whose
content changed (a file touched but unchanged is not re-read). The store's own dedup (an
article is keyed by its text) would make a re-read add nothing anyway; the state spares the
re-reading. A batch interrupted by Ctrl-C is abandoned: the state is written only after a
batch, so its files are read again on the next start, and what it had committed is then a
duplicate, not a second copy.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import typer
import yaml

from sitreps.commands import InputFormat  # at module level: Typer reads the option's annotation here
from sitreps.ingest import limits

if TYPE_CHECKING:
    from sitreps.pipeline import IngestReport

STATE_SUFFIX = ".watch.json"
_STATE_VERSION = 1
_HASH_CHUNK = 1 << 20


@dataclass(frozen=True)
class WatchSettings:
    poll_interval_seconds: float
    settle_seconds: float
    max_files_per_batch: int


def load_watch_settings(path: Path | None = None) -> WatchSettings:
    """Settings from a YAML file (default: the packaged data/watch.yaml); ValueError naming a bad value."""
    text = path.read_text(encoding="utf-8") if path else (files("sitreps") / "data" / "watch.yaml").read_text("utf-8")
    raw: dict[str, Any] = yaml.safe_load(text) or {}
    where = path or "data/watch.yaml"
    for key in ("poll_interval_seconds", "settle_seconds"):
        if not isinstance(raw.get(key), int | float) or raw[key] < 0:
            raise ValueError(f"{where}: {key} must be a number of seconds >= 0")
    if not isinstance(raw.get("max_files_per_batch"), int) or raw["max_files_per_batch"] < 1:
        raise ValueError(f"{where}: max_files_per_batch must be a whole number >= 1")
    return WatchSettings(
        float(raw["poll_interval_seconds"]), float(raw["settle_seconds"]), int(raw["max_files_per_batch"])
    )


@dataclass(frozen=True)
class FileStamp:
    """What stat says about a file: when either changes, the file may have changed."""

    size: int
    mtime_ns: int


@dataclass(frozen=True)
class IngestedFile:
    stamp: FileStamp
    sha256: str


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def state_path(db_path: Path) -> Path:
    """Where `watch` remembers what it ingested into the store at `db_path`."""
    return db_path.with_name(db_path.name + STATE_SUFFIX)


@dataclass
class WatchState:
    """The files of one folder already ingested into one store, keyed by path relative to the folder."""

    path: Path
    folder: Path
    ingested: dict[str, IngestedFile] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path, folder: Path, warn: Callable[[str], None]) -> WatchState:
        """The saved state, or an empty one (a broken file is named in one warning and replaced)."""
        state = cls(path, folder)
        if not path.exists():
            return state
        try:
            saved = json.loads(path.read_text(encoding="utf-8"))
            entries = saved["folders"].get(str(folder), {}) if saved.get("version") == _STATE_VERSION else {}
            state.ingested = {
                name: IngestedFile(FileStamp(int(e["size"]), int(e["mtime_ns"])), str(e["sha256"]))
                for name, e in entries.items()
            }
        except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
            warn(f"{path}: unreadable watch state ({type(exc).__name__}); every file in the folder is read again")
        return state

    def save(self) -> None:
        """Write the state atomically (a temporary file renamed over the old one), keeping other folders'."""
        try:
            saved = json.loads(self.path.read_text(encoding="utf-8")) if self.path.exists() else {}
        except (OSError, ValueError):
            saved = {}
        folders = saved.get("folders") if isinstance(saved, dict) and saved.get("version") == _STATE_VERSION else None
        folders = folders if isinstance(folders, dict) else {}
        folders[str(self.folder)] = {
            name: {"size": f.stamp.size, "mtime_ns": f.stamp.mtime_ns, "sha256": f.sha256}
            for name, f in sorted(self.ingested.items())
        }
        partial = self.path.with_name(self.path.name + ".partial")
        partial.write_text(json.dumps({"version": _STATE_VERSION, "folders": folders}, indent=1), encoding="utf-8")
        os.replace(partial, self.path)


@dataclass
class _Sighting:
    stamp: FileStamp
    since: float  # clock time when this stamp was first seen


class FolderWatcher:
    """Which files of a folder are new or changed and have settled, one poll at a time."""

    def __init__(
        self,
        folder: Path,
        state: WatchState,
        settle_seconds: float,
        recursive: bool = False,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.folder = folder
        self.state = state
        self.settle_seconds = settle_seconds
        self.recursive = recursive
        self._clock = clock
        self._sightings: dict[str, _Sighting] = {}

    @property
    def pending(self) -> int:
        """Files seen new or changed that have not settled yet."""
        return len(self._sightings)

    def poll(self) -> list[Path]:
        """Files that are new or changed and whose stamp has not moved for the settle interval."""
        from sitreps.ingest.paths import files_under

        now = self._clock()
        present: set[str] = set()
        ready: list[Path] = []
        for path in files_under(self.folder, self.recursive):
            name = path.relative_to(self.folder).as_posix()
            try:
                info = path.stat()
            except OSError:
                continue  # gone between listing and stat: the next poll says what became of it
            present.add(name)
            stamp = FileStamp(info.st_size, info.st_mtime_ns)
            known = self.state.ingested.get(name)
            if known is not None and known.stamp == stamp:
                self._sightings.pop(name, None)
                continue
            seen = self._sightings.get(name)
            if seen is None or seen.stamp != stamp:
                self._sightings[name] = _Sighting(stamp, now)
            elif now - seen.since >= self.settle_seconds:
                ready.append(path)
        for name in set(self._sightings) - present:
            del self._sightings[name]
        for name in set(self.state.ingested) - present:
            del self.state.ingested[name]  # deleted from the folder: a file of that name later is new
        return ready

    def split_by_content(self, paths: Iterable[Path]) -> tuple[list[Path], dict[str, IngestedFile]]:
        """The paths whose content differs from what was ingested, and the stamps to record for all.

        A file touched (or rewritten with the same bytes) has a new stamp but the same hash:
        it is recorded, not read again.
        """
        changed: list[Path] = []
        recorded: dict[str, IngestedFile] = {}
        for path in paths:
            name = path.relative_to(self.folder).as_posix()
            try:
                stamp = self._sightings[name].stamp
                digest = file_sha256(path)
            except (KeyError, OSError):
                continue
            self._sightings.pop(name, None)
            recorded[name] = IngestedFile(stamp, digest)
            known = self.state.ingested.get(name)
            if known is None or known.sha256 != digest:
                changed.append(path)
        return changed, recorded


@dataclass
class WatchTotals:
    batches: int = 0
    files: int = 0
    new: int = 0
    duplicate: int = 0
    mentions: int = 0
    rejected: int = 0

    def add(self, files_read: int, report: IngestReport) -> None:
        self.batches += 1
        self.files += files_read
        self.new += report.new
        self.duplicate += report.duplicate
        self.mentions += report.mentions
        self.rejected += len(report.rejected)


def batch_line(number: int, files_read: int, report: IngestReport) -> str:
    return (
        f"batch {number}: {files_read} files, {report.new} new articles ({report.duplicate} duplicate), "
        f"{report.mentions} mentions, {len(report.rejected)} rejected"
    )


def summary_line(totals: WatchTotals, interrupted: bool) -> str:
    how = "interrupted" if interrupted else "done"
    return (
        f"watch {how}: {totals.batches} batches, {totals.files} files, {totals.new} new articles "
        f"({totals.duplicate} duplicate), {totals.mentions} mentions, {totals.rejected} rejected"
    )


def _say(text: str) -> None:
    print(text, flush=True)


def _warn(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _print_problems(report: IngestReport) -> None:
    for note in report.notes:
        _warn(f"{note.source}: note: {note.reason}")
    for rejection in report.rejected:
        # Item and line reasons already start with "FILE#N:" / "FILE:LINE:"; say it once.
        located = rejection.reason.startswith(f"{rejection.source}: ")
        _warn(rejection.reason if located else f"{rejection.source}: {rejection.reason}")


def register(app: typer.Typer) -> None:
    @app.command()
    def watch(
        ctx: typer.Context,
        folder: Path = typer.Argument(
            ..., metavar="DIR", exists=True, file_okay=False, help="Folder to watch for new and changed files."
        ),
        recursive: bool = typer.Option(False, "--recursive", "-r", help="Watch sub-folders too."),
        fmt: InputFormat = typer.Option(InputFormat.auto, "--format", help="Input format (auto: by content)."),
        interval: Optional[float] = typer.Option(  # noqa: UP045 - Typer needs Optional on 3.11
            None, "--interval", min=0.05, help="Seconds between looks at the folder (default: data/watch.yaml)."
        ),
        settle: Optional[float] = typer.Option(  # noqa: UP045
            None,
            "--settle",
            min=0.0,
            help="Seconds a file's size and time must stay the same before it is read (default: data/watch.yaml).",
        ),
        once: bool = typer.Option(False, "--once", help="Ingest what the folder holds (once settled), then exit."),
        max_bytes: int = typer.Option(
            limits.DEFAULT_MAX_BYTES, "--max-bytes", min=1, envvar=limits.ENV_MAX_BYTES, help="See ingest."
        ),
        max_article_bytes: int = typer.Option(
            limits.DEFAULT_MAX_ARTICLE_BYTES,
            "--max-article-bytes",
            min=1,
            envvar=limits.ENV_MAX_ARTICLE_BYTES,
            help="See ingest.",
        ),
        max_line_bytes: int = typer.Option(
            limits.DEFAULT_MAX_LINE_BYTES,
            "--max-line-bytes",
            min=1,
            envvar=limits.ENV_MAX_LINE_BYTES,
            help="See ingest.",
        ),
        max_files: Optional[int] = typer.Option(  # noqa: UP045
            None, "--max-files", min=1, help="Files per batch at most (default: data/watch.yaml); the rest wait."
        ),
        batch_size: int = typer.Option(50, "--batch-size", min=1, help="Articles per store transaction."),
    ) -> None:
        """Ingest files as they appear in a folder (new or changed ones), until Ctrl-C.

        A file is read once its size and time have not changed for --settle seconds, so one
        still being written waits. Each batch prints one line: files, new articles, mentions,
        rejections (each rejection on stderr, as ingest gives it). What was ingested is
        remembered in STORE.watch.json, so a restart reads only new or changed files.
        Ctrl-C abandons the batch in flight (it is read again next time), prints a summary
        and exits 130. With --once: one pass, exit 1 if anything was rejected, else 0.

        Examples:
          sitreps watch incoming/
          sitreps --db feeds.duckdb watch downloads/ --recursive --interval 5
          sitreps watch inbox/ --once
        """
        from sitreps.commands import _loading_notice, _writer
        from sitreps.pipeline import load_default_extractor, load_known_name, run_ingest

        try:
            settings = load_watch_settings()
        except ValueError as exc:
            _warn(f"error: {exc}")
            raise typer.Exit(2) from exc
        interval_seconds = settings.poll_interval_seconds if interval is None else interval
        settle_seconds = settings.settle_seconds if settle is None else settle
        files_per_batch = min(max_files or settings.max_files_per_batch, limits.DEFAULT_MAX_FILES)
        app_ctx = ctx.obj
        folder = folder.resolve()
        # A state that outlived its store would hide files from the new one: start afresh.
        saved_state = state_path(app_ctx.db_path)
        if not app_ctx.db_path.exists() and saved_state.exists():
            saved_state.unlink()
        state = WatchState.load(saved_state, folder, _warn)
        watcher = FolderWatcher(folder, state, settle_seconds, recursive)
        totals = WatchTotals()
        options = {
            "fmt": fmt.value,
            "max_bytes": max_bytes,
            "max_article_bytes": max_article_bytes,
            "max_line_bytes": max_line_bytes,
            "batch_size": batch_size,
        }
        try:
            with _loading_notice(lambda text: _warn(text + "…")):
                extractor, known_name = load_default_extractor(app_ctx), load_known_name()
            if extractor is None:
                _warn("note: no extractor installed yet, articles are stored without mentions")
            _warn(f"watching {folder} (every {interval_seconds:g} s; a file is read after {settle_seconds:g} s still)")
            while True:
                ready = watcher.poll()[:files_per_batch]
                if ready:
                    changed, recorded = watcher.split_by_content(ready)
                    report = None
                    if changed:
                        with _writer(app_ctx) as store:
                            report = run_ingest(
                                store,
                                [str(p) for p in changed],
                                extractor=extractor,
                                known_name=known_name,
                                max_files=files_per_batch,
                                **options,
                            )
                    # Recorded before the batch is announced: a batch said done is never read again.
                    state.ingested.update(recorded)
                    state.save()
                    if report is not None:
                        totals.add(len(changed), report)
                        _say(batch_line(totals.batches, len(changed), report))
                        _print_problems(report)
                elif once and not watcher.pending:
                    break
                time.sleep(interval_seconds)
        except KeyboardInterrupt as exc:
            _say(summary_line(totals, interrupted=True))
            raise typer.Exit(130) from exc
        _say(summary_line(totals, interrupted=False))
        if totals.rejected:
            raise typer.Exit(1)
