"""The full-text index beside SearchDocument: FTS5 on SQLite, a tsvector column on PostgreSQL."""

from django.db import migrations

DOC = "shegong_search_searchdocument"
FTS = "shegong_search_fts"

SQLITE_FORWARD = [
    # External content: the terms are stored once, in SearchDocument.
    f"CREATE VIRTUAL TABLE {FTS} USING fts5(terms, content='{DOC}', content_rowid='page_id', "
    "tokenize='unicode61 remove_diacritics 0')",
    f"CREATE TRIGGER {FTS}_ai AFTER INSERT ON {DOC} BEGIN "
    f"INSERT INTO {FTS}(rowid, terms) VALUES (new.page_id, new.terms); END",
    f"CREATE TRIGGER {FTS}_ad AFTER DELETE ON {DOC} BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, terms) VALUES ('delete', old.page_id, old.terms); END",
    f"CREATE TRIGGER {FTS}_au AFTER UPDATE OF terms ON {DOC} BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, terms) VALUES ('delete', old.page_id, old.terms); "
    f"INSERT INTO {FTS}(rowid, terms) VALUES (new.page_id, new.terms); END",
]
SQLITE_BACKWARD = [f"DROP TRIGGER IF EXISTS {FTS}_{t}" for t in ("ai", "ad", "au")] + [f"DROP TABLE IF EXISTS {FTS}"]

POSTGRES_FORWARD = [
    f"ALTER TABLE {DOC} ADD COLUMN terms_vector tsvector",
    f"CREATE INDEX {DOC}_terms_vector ON {DOC} USING gin (terms_vector)",
]
POSTGRES_BACKWARD = [f"ALTER TABLE {DOC} DROP COLUMN IF EXISTS terms_vector"]


def run(statements):
    def operation(apps, schema_editor):
        vendor_statements = statements.get(schema_editor.connection.vendor, [])
        for statement in vendor_statements:
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("shegong_search", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
