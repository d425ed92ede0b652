"""The store's schema as numbered migration steps.

Each step runs once, in order, inside one transaction together with the bump of
`schema_version`, so a store opened by a newer sitreps is upgraded in place and a crash half-way
through an upgrade leaves the old schema intact. Never edit a released step: append a new one.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "articles, mentions, events, episodes",
        (
            """CREATE TABLE articles (
                id VARCHAR PRIMARY KEY,
                source VARCHAR NOT NULL,
                outlet VARCHAR,
                title VARCHAR,
                published_start VARCHAR,
                language VARCHAR,
                ingested_at TIMESTAMP NOT NULL,
                doc JSON NOT NULL
            )""",
            """CREATE TABLE mentions (
                id VARCHAR PRIMARY KEY,
                article_id VARCHAR NOT NULL,
                event_id VARCHAR,
                episode_id VARCHAR,
                event_type VARCHAR NOT NULL,
                date_start VARCHAR,
                doc JSON NOT NULL
            )""",
            """CREATE TABLE events (
                id VARCHAR PRIMARY KEY,
                episode_id VARCHAR,
                event_type VARCHAR NOT NULL,
                sub_event_type VARCHAR,
                date_start VARCHAR,
                date_end VARCHAR,
                country_code VARCHAR,
                admin1_code VARCHAR,
                location_name VARCHAR,
                lat DOUBLE,
                lon DOUBLE,
                sources INTEGER NOT NULL,
                independent_sources INTEGER NOT NULL,
                fatalities_best INTEGER,
                actor1_id VARCHAR,
                actor1_name VARCHAR,
                actor2_id VARCHAR,
                actor2_name VARCHAR,
                doc JSON NOT NULL
            )""",
            "CREATE TABLE episodes (id VARCHAR PRIMARY KEY, doc JSON NOT NULL)",
        ),
    ),
    Migration(
        2,
        "filter columns (all actor names, admin1 name, search text) and indexes",
        (
            # Lower-cased, newline-joined text so that actor / place / q filters are one LIKE each.
            "ALTER TABLE events ADD COLUMN actor_names VARCHAR",
            "ALTER TABLE events ADD COLUMN admin1_name VARCHAR",
            "ALTER TABLE events ADD COLUMN place_text VARCHAR",
            "ALTER TABLE events ADD COLUMN search_text VARCHAR",
            "CREATE INDEX mentions_article ON mentions (article_id)",
            "CREATE INDEX mentions_event ON mentions (event_id)",
            "CREATE INDEX events_date ON events (date_start, id)",
            "CREATE INDEX events_type ON events (event_type, sub_event_type)",
            "CREATE INDEX events_country ON events (country_code, admin1_code)",
            "CREATE INDEX articles_published ON articles (published_start)",
        ),
    ),
    Migration(
        3,
        "mentions keep the extractor's own record, so re-fusion starts from what was read",
        (
            # Fusion writes event ids and cross-article dates into `doc`; fusing again from those
            # would let an old inference feed the next one (incremental != batch). `extracted`
            # is the mention as the extractor produced it and is the only input fusion sees.
            "ALTER TABLE mentions ADD COLUMN extracted JSON",
            "UPDATE mentions SET extracted = doc WHERE extracted IS NULL",
        ),
    ),
    Migration(
        4,
        "mentions carry their fusion block, so a batch re-fuses only the blocks it touches",
        (
            # "family|country|admin1"; NULL for rows stored before this step (filled on next fusion)
            "ALTER TABLE mentions ADD COLUMN block VARCHAR",
            "CREATE INDEX mentions_block ON mentions (block)",
        ),
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version of an open store; 0 for an empty file."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()
    if not exists or not exists[0]:
        return 0
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def migrate(con: duckdb.DuckDBPyConnection, migrations: tuple[Migration, ...] = MIGRATIONS) -> int:
    """Apply the steps newer than the store's version, all in one transaction; return the new version."""
    version = current_version(con)
    pending = [m for m in migrations if m.version > version]
    if not pending:
        return version
    con.begin()
    try:
        con.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
            "description VARCHAR, applied_at TIMESTAMP DEFAULT current_timestamp)"
        )
        for step in pending:
            for statement in step.statements:
                con.execute(statement)
            con.execute(
                "INSERT INTO schema_version (version, description) VALUES (?, ?)",
                [step.version, step.description],
            )
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return pending[-1].version
