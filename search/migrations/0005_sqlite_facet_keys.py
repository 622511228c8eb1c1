"""SQLite: each document's filter values as one small integer, its facet key, so facets count fast.

A search reads one row per hit from the facets table. With the eleven filter values in it, counting the
facets meant grouping the hits by all of them, which cost more than finding the hits. Now the facets
table holds the date and the facet key only, and the hits are counted with one GROUP BY over the key.

A key is a combination of three parts, each a combination of a few fields' values: what the document
is (type, level, status, stage, kind, year), its subject (category, street), the party that issued or
runs it (issuer, department, organization). Projects often have a combination of their own, so a
search's hits can have nearly as many keys as there are hits: the counts per key are summed per part,
a few hundred values each, before they are summed per field.
"""

import importlib

from django.db import migrations

DOC = "shegong_search_searchdocument"
FACETS = "shegong_search_facets"
KEYS = "shegong_search_facet_keys"
VALUES = "shegong_search_facet_values"
PARTS = {
    "document": ["doc_type", "level", "status", "stage", "kind", "year"],
    "subject": ["category", "street"],
    "party": ["issuer", "department", "organization"],
}


def _value_key(row, columns):
    return " || char(31) || ".join(f"IFNULL({row}.{column}, '')" for column in columns)


def _value_id(row, part):
    return f"(SELECT id FROM {VALUES} WHERE part = '{part}' AND key = {_value_key(row, PARTS[part])})"


def _key_id(row):
    return f"(SELECT id FROM {KEYS} WHERE {' AND '.join(f'{part} = {_value_id(row, part)}' for part in PARTS)})"


def _write(row, source=""):
    """The statements that file documents' values and dates: the new row in a trigger, or every row d of
    `source`."""

    def rows(expressions):
        return f"SELECT {', '.join(expressions)}{source}" if source else f"VALUES ({', '.join(expressions)})"

    values = [
        f"INSERT OR IGNORE INTO {VALUES} (part, key, {', '.join(columns)}) "
        + rows([f"'{part}'", _value_key(row, columns), *(f"{row}.{column}" for column in columns)])
        for part, columns in PARTS.items()
    ]
    key = f"INSERT OR IGNORE INTO {KEYS} ({', '.join(PARTS)}) " + rows([_value_id(row, part) for part in PARTS])
    facets = f"INSERT INTO {FACETS} (page_id, date, facet_key) " + rows([f"{row}.page_id", f"{row}.date", _key_id(row)])
    return [*values, key, facets]


def _trigger(name, event, statements):
    return f"CREATE TRIGGER {FACETS}_{name} AFTER {event} ON {DOC} BEGIN {' '.join(f'{s};' for s in statements)} END"


DROP = [f"DROP TRIGGER IF EXISTS {FACETS}_{t}" for t in ("ai", "au", "ad")] + [f"DROP TABLE IF EXISTS {FACETS}"]
FORWARD = [
    *DROP,
    f"CREATE TABLE {VALUES} (id INTEGER PRIMARY KEY, part TEXT NOT NULL, key TEXT NOT NULL, "
    + ", ".join(
        f"{column} {'INTEGER' if column == 'year' else 'TEXT'}" for columns in PARTS.values() for column in columns
    )
    + ", UNIQUE (part, key))",
    f"CREATE TABLE {KEYS} (id INTEGER PRIMARY KEY, {', '.join(f'{part} INTEGER NOT NULL' for part in PARTS)}, "
    f"UNIQUE ({', '.join(PARTS)}))",
    # For filters on the other parts; the unique index serves the first.
    *[f"CREATE INDEX {KEYS}_{part} ON {KEYS} ({part})" for part in list(PARTS)[1:]],
    f"CREATE TABLE {FACETS} (page_id INTEGER PRIMARY KEY, date TEXT, facet_key INTEGER NOT NULL)",
    *_write("d", f" FROM {DOC} d"),
    _trigger("ai", "INSERT", _write("new")),
    _trigger("au", "UPDATE", [f"DELETE FROM {FACETS} WHERE page_id = old.page_id", *_write("new")]),
    _trigger("ad", "DELETE", [f"DELETE FROM {FACETS} WHERE page_id = old.page_id"]),
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in FORWARD:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        previous = importlib.import_module("shegong.search.migrations.0003_sqlite_facet_table")
        for statement in [*DROP, f"DROP TABLE IF EXISTS {KEYS}", f"DROP TABLE IF EXISTS {VALUES}", *previous.FORWARD]:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("shegong_search", "0004_postgres_document_length")]

    operations = [migrations.RunPython(forward, backward)]
