"""Errors the command line reports as one line instead of a traceback.

Kept free of imports so that `sitreps.cli` can catch them without loading what raises them.
"""

from __future__ import annotations


class DataFileError(ValueError):
    """A data file (a lexicon, an actor registry) that cannot be used: the message is one line
    naming the file, its line where known, and why."""
