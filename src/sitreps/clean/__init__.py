"""Clean: raw documents to Articles. One module per job; `document.clean_document` composes them.

unicode_repair -> headline (title) -> dateline (published) -> boilerplate -> glue -> language,
identity (article id).
"""

from sitreps.clean.document import CleanError, clean_document
from sitreps.clean.identity import article_id

__all__ = ["CleanError", "article_id", "clean_document"]
