"""Engines: where the per-article work (clean → NLP → extract → resolve) runs.

* `local` (default): `sitreps.pipeline.run_ingest`, one process, no extra dependency.
* `ray`: `sitreps.engine.ray_engine.run_ingest_ray`, a Ray Data job over a local or remote
  cluster (`pip install 'sitreps[ray]'`); imported only when asked for.

Both run the same per-article step (`article_worker.ArticleWorker`, or the same functions in
the local engine) and load the store through `sitreps.pipeline.BatchLoader`, so both store
the same articles, mentions, events and episodes.
"""


class EngineError(RuntimeError):
    """An engine cannot run (missing extra, unreachable cluster); the message is one line."""
