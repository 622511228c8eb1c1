"""PostgreSQL: each document's length in tokens beside its tsvector, for BM25 ranking like FTS5's bm25.

The tsvector keeps neither the breaks nor more than 255 positions of a token, so the length is counted
from the stream itself (space-separated tokens, breaks included); index.py keeps it up to date. Every
search reads the number of documents and their mean length: the index answers that without the table.
"""

from django.db import migrations

DOC = "shegong_search_searchdocument"

FORWARD = [
    f"ALTER TABLE {DOC} ADD COLUMN terms_length integer NOT NULL DEFAULT 0",
    f"UPDATE {DOC} SET terms_length = COALESCE(array_length(regexp_split_to_array(btrim(terms), ' +'), 1), 0) "
    "WHERE btrim(terms) <> ''",
    f"CREATE INDEX {DOC}_terms_length ON {DOC} (terms_length)",
]
BACKWARD = [f"ALTER TABLE {DOC} DROP COLUMN IF EXISTS terms_length"]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("shegong_search", "0003_sqlite_facet_table")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
