"""How the web server opens the store: a short-lived connection per request, never a held one.

DuckDB allows one read-write process or many read-only ones, and inside one process a file is
open either read-only or read-write, not both. So:

* every read request opens `Store(path, read_only=True)` and closes it when the response is
  built; between requests the server holds nothing, and `sitreps ingest` in another process
  can take the write lock. While it holds it, a read waits up to `lock_timeout` seconds and is
  then answered 503 with Retry-After.
* `POST /api/ingest` opens the store read-write inside this process. A readers-writer gate makes
  it wait for in-flight reads to close and holds new reads back until it is done, because a
  read-only connection cannot coexist with the read-write one in the same process.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sitreps.store import Store, StoreLockedError


class ReadWriteGate:
    """Many readers or one writer; a waiting writer holds back new readers so it is not starved."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0

    def _wait(self, ready: Callable[[], bool], deadline: float, what: str) -> None:
        while not ready():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise StoreLockedError(f"store busy: timed out waiting to {what}")
            self._condition.wait(remaining)

    @contextmanager
    def reading(self, timeout: float) -> Iterator[None]:
        deadline = time.monotonic() + timeout
        with self._condition:
            self._wait(lambda: not self._writing and not self._writers_waiting, deadline, "read")
            self._readers += 1
        try:
            yield
        finally:
            with self._condition:
                self._readers -= 1
                self._condition.notify_all()

    @contextmanager
    def writing(self, timeout: float) -> Iterator[None]:
        deadline = time.monotonic() + timeout
        with self._condition:
            self._writers_waiting += 1
            try:
                self._wait(lambda: not self._writing and self._readers == 0, deadline, "write")
            finally:
                self._writers_waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._condition:
                self._writing = False
                self._condition.notify_all()


class StoreAccess:
    """Opens the store for one request: read-only and shared, or read-write and exclusive."""

    def __init__(self, path: Path, lock_timeout: float = 3.0) -> None:
        self.path = path
        self.lock_timeout = lock_timeout
        self._gate = ReadWriteGate()

    def ensure_exists(self) -> None:
        """Create (and migrate) an empty store, so a fresh server answers with empty lists."""
        if not self.path.exists():
            with self._gate.writing(self.lock_timeout):
                Store(self.path, lock_timeout=self.lock_timeout).close()

    @contextmanager
    def read(self) -> Iterator[Store]:
        with self._gate.reading(self.lock_timeout):
            store = Store(self.path, read_only=True, lock_timeout=self.lock_timeout)
            try:
                yield store
            finally:
                store.close()

    @contextmanager
    def write(self, timeout: float) -> Iterator[Store]:
        with self._gate.writing(timeout):
            store = Store(self.path, lock_timeout=timeout)
            try:
                yield store
            finally:
                store.close()
