"""SQLite: the filter values of each document in a narrow table of their own, kept by triggers.

Joining every FTS5 hit to SearchDocument read its wide rows (text, terms) and
cost more than the MATCH itself; this table holds only what a search reads.
PostgreSQL keeps wide text out of line already and needs none of this.
"""

from django.db import migrations

DOC = "shegong_search_searchdocument"
FACETS = "shegong_search_facets"
COLUMNS = "date, doc_type, level, issuer, status, category, department, organization, street, stage, kind, year"
NEW = ", ".join(f"new.{c.strip()}" for c in COLUMNS.split(","))

FORWARD = [
    f"CREATE TABLE {FACETS} (page_id INTEGER PRIMARY KEY, {COLUMNS})",
    f"INSERT INTO {FACETS} SELECT page_id, {COLUMNS} FROM {DOC}",
    f"CREATE TRIGGER {FACETS}_ai AFTER INSERT ON {DOC} BEGIN "
    f"INSERT INTO {FACETS} (page_id, {COLUMNS}) VALUES (new.page_id, {NEW}); END",
    f"CREATE TRIGGER {FACETS}_au AFTER UPDATE ON {DOC} BEGIN "
    f"DELETE FROM {FACETS} WHERE page_id = old.page_id; "
    f"INSERT INTO {FACETS} (page_id, {COLUMNS}) VALUES (new.page_id, {NEW}); END",
    f"CREATE TRIGGER {FACETS}_ad AFTER DELETE ON {DOC} BEGIN DELETE FROM {FACETS} WHERE page_id = old.page_id; END",
]
BACKWARD = [f"DROP TRIGGER IF EXISTS {FACETS}_{t}" for t in ("ai", "au", "ad")] + [f"DROP TABLE IF EXISTS {FACETS}"]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("shegong_search", "0002_fulltext_index")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
