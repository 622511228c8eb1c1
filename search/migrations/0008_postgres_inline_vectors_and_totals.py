"""PostgreSQL: the tsvectors kept inside the table's rows, and the number of documents and of their tokens kept
up to date by the database, so a search reads neither from every row.

A document's tsvector (4–5 kB in a typical one) was moved out to the TOAST table, so each of the few reads a
search makes of it per hit fetched and joined its chunks again; inline (storage MAIN, and rows compressed or
moved out only past 8160 bytes) it is read in place. Only vectors too long for a page still go out.

BM25 needs N and the mean length avgdl: counted per search they cost a scan of every row. The totals table
holds them, changed by statement triggers on the documents table whatever writes it (the indexing code, a
bulk load, a cascade from a deleted page); ENABLE ALWAYS keeps them firing in replica sessions too (the
search benchmark writes in one).
"""

from django.db import migrations

DOC = "shegong_search_searchdocument"
TOTALS = "shegong_search_totals"

CHANGE = {
    "insert": "documents = documents + (SELECT COUNT(*) FROM new_rows), "
    "tokens = tokens + (SELECT COALESCE(SUM(terms_length), 0) FROM new_rows)",
    "update": "tokens = tokens + (SELECT COALESCE(SUM(terms_length), 0) FROM new_rows) "
    "- (SELECT COALESCE(SUM(terms_length), 0) FROM old_rows)",
    "delete": "documents = documents - (SELECT COUNT(*) FROM old_rows), "
    "tokens = tokens - (SELECT COALESCE(SUM(terms_length), 0) FROM old_rows)",
    "truncate": "documents = 0, tokens = 0",
}
REFERENCING = {
    "insert": "REFERENCING NEW TABLE AS new_rows",
    "update": "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
    "delete": "REFERENCING OLD TABLE AS old_rows",
    "truncate": "",
}


def _trigger(event):
    name = f"{TOTALS}_{event}"
    # A statement that changed no row leaves the totals row alone, so it takes no lock on it.
    changed = (
        "TRUE" if event == "truncate" else f"EXISTS (SELECT 1 FROM {'old_rows' if event == 'delete' else 'new_rows'})"
    )
    return [
        f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"IF {changed} THEN UPDATE {TOTALS} SET {CHANGE[event]}; END IF; RETURN NULL; END $$",
        f"CREATE TRIGGER {name} AFTER {event.upper()} ON {DOC} {REFERENCING[event]} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()",
        f"ALTER TABLE {DOC} ENABLE ALWAYS TRIGGER {name}",
    ]


FORWARD = [
    f"ALTER TABLE {DOC} SET (toast_tuple_target = 8160)",
    f"ALTER TABLE {DOC} ALTER COLUMN terms_vector SET STORAGE MAIN",
    # Concatenating the empty vector makes a new value, which is stored under the new rules.
    f"UPDATE {DOC} SET terms_vector = terms_vector || CAST('' AS tsvector) WHERE terms_vector IS NOT NULL",
    f"CREATE TABLE {TOTALS} (id integer PRIMARY KEY CHECK (id = 1), documents bigint NOT NULL, tokens bigint NOT NULL)",
    f"INSERT INTO {TOTALS} SELECT 1, COUNT(*), COALESCE(SUM(terms_length), 0) FROM {DOC}",
    *(statement for event in CHANGE for statement in _trigger(event)),
]
BACKWARD = [
    *(f"DROP TRIGGER IF EXISTS {TOTALS}_{event} ON {DOC}" for event in CHANGE),
    *(f"DROP FUNCTION IF EXISTS {TOTALS}_{event}()" for event in CHANGE),
    f"DROP TABLE IF EXISTS {TOTALS}",
    f"ALTER TABLE {DOC} ALTER COLUMN terms_vector SET STORAGE EXTENDED",
    f"ALTER TABLE {DOC} RESET (toast_tuple_target)",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("shegong_search", "0007_domain_synonyms")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
