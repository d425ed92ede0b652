"""Input caps: how much one run, one file, one JSONL line and one article may hold.

Each cap is a keyword of `read_paths` / `run_ingest`, a `sitreps ingest` option and an
environment variable (the option wins), so a feed operator can tighten them without code.
A capped input is a Rejection with a one-line reason naming the knob; a run over the file
cap stops before reading anything (`TooManyFilesError`).
"""

from __future__ import annotations

# One file (or stdin) read into memory. Checked on the size before reading.
DEFAULT_MAX_BYTES = 20_000_000
# One article's text, UTF-8 bytes, after HTML extraction. spaCy refuses texts over
# `nlp.max_length` (1,000,000 characters) with an exception, so the default keeps every
# accepted article parseable; a real report is 2-50 kB.
DEFAULT_MAX_ARTICLE_BYTES = 1_000_000
# One JSON Lines record, UTF-8 bytes (a record may carry a whole HTML page).
DEFAULT_MAX_LINE_BYTES = 5_000_000
# Files one run may read (folders expanded). Above it, split the run: each batch commits on
# its own, so many small runs cost nothing extra.
DEFAULT_MAX_FILES = 100_000

ENV_MAX_BYTES = "SITREPS_MAX_BYTES"
ENV_MAX_ARTICLE_BYTES = "SITREPS_MAX_ARTICLE_BYTES"
ENV_MAX_LINE_BYTES = "SITREPS_MAX_LINE_BYTES"
ENV_MAX_FILES = "SITREPS_MAX_FILES"


class TooManyFilesError(ValueError):
    """A run names more files than `max_files`; the message is the one-line reason."""


def article_too_large(size: int, limit: int) -> str:
    return f"article too large ({size} bytes of text > limit of {limit}; see --max-article-bytes)"


def line_too_long(where: str, size: int, limit: int) -> str:
    return f"{where}: JSONL line too long ({size} bytes > limit of {limit}; see --max-line-bytes)"


def too_many_files(count: int, limit: int) -> str:
    return (
        f"too many files: this run names at least {count}, the limit is {limit} "
        "(split the run, or raise --max-files / SITREPS_MAX_FILES)"
    )
