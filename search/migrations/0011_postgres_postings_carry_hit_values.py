"""PostgreSQL: each posting carries what a search needs of its document besides the word's positions: the
document's date, its length in tokens and its facet key, one number for the combination of its filter values.

With the postings of migration 0009 a search looked up every hit in the documents' index for these; at 100,000
documents, a query holding a word found in half of them spent half its time there. Now the hits' rows come from the
postings alone, and the facets are counted per key (a few hundred keys where there are tens of thousands of hits),
then told apart into values through the keys table.

A document's key is set by a row trigger on the documents table whatever writes it; a new combination of values
gets a new key. The statement triggers of migration 0009 are replaced by ones that also rewrite a document's
postings when its date, length or key changes without its words changing (a project moving to its next stage).
"""

import importlib

from django.db import migrations

# Landed, so frozen: what it says of the triggers that this migration does the same way is taken from it.
PREVIOUS = importlib.import_module("shegong.search.migrations.0009_postgres_postings")
DOC = "shegong_search_searchdocument"
POSTINGS = "shegong_search_postings"
KEYS = "shegong_search_postgres_facet_keys"
# The filter columns, in the order of search.engines.query.FILTER_FIELDS: a key's `key` is their values joined.
FILTERS = [
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
SEPARATOR = "chr(31)"


def _joined(row):
    return f" || {SEPARATOR} || ".join(f"COALESCE(CAST({row}.{column} AS text), '')" for column in FILTERS)


KEY_FUNCTION = f"""CREATE FUNCTION {DOC}_facet_key() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE joined text := {_joined("NEW")};
BEGIN
    SELECT id INTO NEW.facet_key FROM {KEYS} WHERE key = joined;
    IF NEW.facet_key IS NULL THEN
        INSERT INTO {KEYS} (key, {", ".join(FILTERS)}) VALUES (joined, {", ".join(f"NEW.{c}" for c in FILTERS)})
            ON CONFLICT (key) DO NOTHING;
        SELECT id INTO NEW.facet_key FROM {KEYS} WHERE key = joined;
    END IF;
    RETURN NEW;
END $$"""

CARRIED = "n.date, n.terms_length, n.facet_key"
NEW_POSTINGS = (
    f"SELECT u.lexeme, n.page_id, u.positions, {CARRIED} FROM {{rows}} n CROSS JOIN LATERAL unnest(n.terms_vector) u"
)
DROP_OLD = PREVIOUS.DROP_OLD
DIFFERENT = (
    "(n.terms_vector IS DISTINCT FROM o.terms_vector OR n.date IS DISTINCT FROM o.date "
    "OR n.terms_length IS DISTINCT FROM o.terms_length OR n.facet_key IS DISTINCT FROM o.facet_key)"
)
CHANGED = f"(SELECT n.* FROM new_rows n JOIN old_rows o USING (page_id) WHERE {DIFFERENT})"
CHANGED_OLD = f"(SELECT o.* FROM old_rows o JOIN new_rows n USING (page_id) WHERE {DIFFERENT})"

BODY = {
    "insert": f"INSERT INTO {POSTINGS} {NEW_POSTINGS.format(rows='new_rows')};",
    "update": f"{DROP_OLD.format(rows=CHANGED_OLD)}; INSERT INTO {POSTINGS} {NEW_POSTINGS.format(rows=CHANGED)};",
    "delete": f"IF NOT EXISTS (SELECT 1 FROM {DOC}) THEN DELETE FROM {POSTINGS}; "
    f"ELSE {DROP_OLD.format(rows='old_rows')}; END IF;",
    "truncate": f"TRUNCATE {POSTINGS};",
}
REFERENCING = PREVIOUS.REFERENCING


def _trigger(event):
    name = f"{POSTINGS}_{event}"
    return [
        f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN {BODY[event]} RETURN NULL; END $$",
        f"CREATE TRIGGER {name} AFTER {event.upper()} ON {DOC} {REFERENCING[event]} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()",
        f"ALTER TABLE {DOC} ENABLE ALWAYS TRIGGER {name}",
    ]


FORWARD = [
    f"LOCK TABLE {DOC} IN SHARE ROW EXCLUSIVE MODE",
    # 0009's postings, their triggers and the documents' facets index, as its own backward step drops them.
    *PREVIOUS.BACKWARD,
    f"CREATE TABLE {KEYS} (id serial PRIMARY KEY, key text NOT NULL UNIQUE, "
    + ", ".join(f"{column} {'integer' if column == 'year' else 'text NOT NULL'}" for column in FILTERS)
    + ")",
    f"ALTER TABLE {DOC} ADD COLUMN facet_key integer",
    KEY_FUNCTION,
    f"CREATE TRIGGER {DOC}_facet_key BEFORE INSERT OR UPDATE ON {DOC} FOR EACH ROW EXECUTE FUNCTION {DOC}_facet_key()",
    f"ALTER TABLE {DOC} ENABLE ALWAYS TRIGGER {DOC}_facet_key",
    f"UPDATE {DOC} SET facet_key = NULL",
    f"CREATE TABLE {POSTINGS} (term text NOT NULL, page_id integer NOT NULL, positions smallint[], date date, "
    "length integer, facet_key integer)",
    f"INSERT INTO {POSTINGS} {NEW_POSTINGS.format(rows=DOC)}",
    f"ALTER TABLE {POSTINGS} ADD PRIMARY KEY (term, page_id) INCLUDE (positions, date, length, facet_key)",
    *(statement for event in BODY for statement in _trigger(event)),
    # A listing without words (filters only) reads every document's key, date and filter values from here.
    f"CREATE INDEX {DOC}_listing ON {DOC} (page_id) INCLUDE (date, facet_key, {', '.join(FILTERS)})",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARD:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        statements = [
            *PREVIOUS.BACKWARD,  # the postings and their triggers go by the names 0009 gave them
            f"DROP INDEX IF EXISTS {DOC}_listing",
            f"DROP TRIGGER IF EXISTS {DOC}_facet_key ON {DOC}",
            f"DROP FUNCTION IF EXISTS {DOC}_facet_key()",
            f"ALTER TABLE {DOC} DROP COLUMN IF EXISTS facet_key",
            f"DROP TABLE IF EXISTS {KEYS}",
            *PREVIOUS.FORWARD,
        ]
        for statement in statements:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("shegong_search", "0010_newest_titles")]

    operations = [migrations.RunPython(forward, backward)]
