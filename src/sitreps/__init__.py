"""sitreps: raw war reporting in, a traceable ACLED-style event database out."""

__version__ = "0.1.0"
