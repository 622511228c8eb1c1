"""The embedded engine's tables, named once here: the search documents, SQLite's FTS5 table over them, and SQLite's
facet schema (see migration 0005: a document's facet key is a combination of three parts' values).

The migrations that made these tables keep their own copies of the names and of the parts on purpose: a migration
must do tomorrow what it did the day it landed, so it never imports code that may change. tests/search/
test_facet_schema.py checks that the two agree.
"""

from ..models import SearchDocument

DOC_TABLE = SearchDocument._meta.db_table
FTS_TABLE = "shegong_search_fts"
# SQLite only: each document's date and facet key, the facet keys, and the values their parts stand for.
FACETS_TABLE = "shegong_search_facets"
KEYS_TABLE = "shegong_search_facet_keys"
VALUES_TABLE = "shegong_search_facet_values"
# Each part's filters (query.FILTER_FIELDS names): what the document is, its subject, the party behind it.
PARTS = {
    "document": ["type", "level", "status", "stage", "kind", "year"],
    "subject": ["category", "street"],
    "party": ["issuer", "department", "organization"],
}
