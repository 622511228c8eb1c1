"""PostgreSQL: a postings table, one row per word of each document with the word's positions in it, kept by the
database from the documents' tsvectors.

A search read the tsvector (about 4.5 kB) of every document holding one of its words to learn which phrases it
holds and how often; its time grew with those documents' size. The postings hold only what a search needs: the
positions of its own words, in the order of an index on (term, page_id) that carries them, so a search reads a
few bytes per document holding a word and never the documents' rows (embedded_postgres.py).

Statement triggers on the documents table keep the postings equal to the tsvectors whatever writes them (the
indexing code, a bulk load, a cascade from a deleted page); ENABLE ALWAYS keeps them firing in replica sessions
too (the search benchmark writes in one). A row whose tsvector did not change keeps its postings. When the
documents table is emptied (a rebuild), every posting goes in one statement, stray ones too.

A search also reads each hit's facet values, date and length: an index on the documents that carries them lets it
read them without the documents' rows (4–5 kB each with their tsvector).
"""

from django.db import migrations

DOC = "shegong_search_searchdocument"
POSTINGS = "shegong_search_postings"
HIT_COLUMNS = [
    "date",
    "terms_length",
    "doc_type",
    "level",
    "issuer",
    "status",
    "category",
    "department",
    "organization",
    "street",
    "stage",
    "kind",
    "year",
]

NEW_POSTINGS = "SELECT u.lexeme, n.page_id, u.positions FROM {rows} n CROSS JOIN LATERAL unnest(n.terms_vector) u"
# The postings of the old rows, found through the table's key by their own words.
DROP_OLD = (
    f"DELETE FROM {POSTINGS} p USING {{rows}} o CROSS JOIN LATERAL unnest(o.terms_vector) u "
    "WHERE p.term = u.lexeme AND p.page_id = o.page_id"
)
CHANGED = (
    "(SELECT n.* FROM new_rows n JOIN old_rows o USING (page_id) WHERE n.terms_vector IS DISTINCT FROM o.terms_vector)"
)
CHANGED_OLD = (
    "(SELECT o.* FROM old_rows o JOIN new_rows n USING (page_id) WHERE n.terms_vector IS DISTINCT FROM o.terms_vector)"
)

BODY = {
    "insert": f"INSERT INTO {POSTINGS} {NEW_POSTINGS.format(rows='new_rows')};",
    "update": f"{DROP_OLD.format(rows=CHANGED_OLD)}; INSERT INTO {POSTINGS} {NEW_POSTINGS.format(rows=CHANGED)};",
    "delete": f"IF NOT EXISTS (SELECT 1 FROM {DOC}) THEN DELETE FROM {POSTINGS}; "
    f"ELSE {DROP_OLD.format(rows='old_rows')}; END IF;",
    "truncate": f"TRUNCATE {POSTINGS};",
}
REFERENCING = {
    "insert": "REFERENCING NEW TABLE AS new_rows",
    "update": "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
    "delete": "REFERENCING OLD TABLE AS old_rows",
    "truncate": "",
}


def _trigger(event):
    name = f"{POSTINGS}_{event}"
    return [
        f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN {BODY[event]} RETURN NULL; END $$",
        f"CREATE TRIGGER {name} AFTER {event.upper()} ON {DOC} {REFERENCING[event]} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()",
        f"ALTER TABLE {DOC} ENABLE ALWAYS TRIGGER {name}",
    ]


FORWARD = [
    # No document is written while the postings are filled and until the triggers keep them.
    f"LOCK TABLE {DOC} IN SHARE ROW EXCLUSIVE MODE",
    f"CREATE TABLE {POSTINGS} (term text NOT NULL, page_id integer NOT NULL, positions smallint[])",
    f"INSERT INTO {POSTINGS} {NEW_POSTINGS.format(rows=DOC)}",
    # The positions ride in the index, so a search reads the postings without their table.
    f"ALTER TABLE {POSTINGS} ADD PRIMARY KEY (term, page_id) INCLUDE (positions)",
    *(statement for event in BODY for statement in _trigger(event)),
    # What a search reads of each hit: its facet values, date and length, from the index alone.
    f"CREATE INDEX {DOC}_facets ON {DOC} (page_id) INCLUDE ({', '.join(HIT_COLUMNS)})",
]
BACKWARD = [
    *(f"DROP TRIGGER IF EXISTS {POSTINGS}_{event} ON {DOC}" for event in BODY),
    *(f"DROP FUNCTION IF EXISTS {POSTINGS}_{event}()" for event in BODY),
    f"DROP TABLE IF EXISTS {POSTINGS}",
    f"DROP INDEX IF EXISTS {DOC}_facets",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("shegong_search", "0008_postgres_inline_vectors_and_totals")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
