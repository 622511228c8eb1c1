"""SQLite: each document's filter values as one small integer, its facet key.

A search reads one row per hit from the facets table; with the eleven values
in it, counting the facets meant grouping hits by all of them, which cost more
than finding the hits. Now the facets table holds only the date and the key;
the few distinct combinations of values are in the facet keys table, and the
counts are one GROUP BY over an integer. Filters become a set of keys.
"""

import importlib

from django.db import migrations

DOC = "shegong_search_searchdocument"
FACETS = "shegong_search_facets"
KEYS = "shegong_search_facet_keys"
VALUES = ["doc_type", "level", "issuer", "status", "category", "department", "organization", "street", "stage", "kind"]


def _key(row):
    """The combination as one text, to find its key: the values joined by the unit separator."""
    return " || char(31) || ".join([f"{row}.{column}" for column in VALUES] + [f"IFNULL({row}.year, '')"])


def _write(row):
    columns = ", ".join([*VALUES, "year"])
    values = ", ".join(f"{row}.{column}" for column in [*VALUES, "year"])
    return (
        f"INSERT OR IGNORE INTO {KEYS} (key, {columns}) VALUES ({_key(row)}, {values}); "
        f"INSERT INTO {FACETS} (page_id, date, facet_key) "
        f"VALUES ({row}.page_id, {row}.date, (SELECT id FROM {KEYS} WHERE key = {_key(row)}));"
    )


FORWARD = [
    f"DROP TRIGGER IF EXISTS {FACETS}_{t}" for t in ("ai", "au", "ad")
] + [
    f"DROP TABLE IF EXISTS {FACETS}",
    f"CREATE TABLE {KEYS} (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, "
    + ", ".join(f"{column} TEXT NOT NULL" for column in VALUES) + ", year INTEGER)",
    f"CREATE TABLE {FACETS} (page_id INTEGER PRIMARY KEY, date TEXT, facet_key INTEGER NOT NULL)",
    f"INSERT OR IGNORE INTO {KEYS} (key, {', '.join(VALUES)}, year) "
    f"SELECT {_key('d')}, {', '.join(f'd.{column}' for column in VALUES)}, d.year FROM {DOC} d",
    f"INSERT INTO {FACETS} (page_id, date, facet_key) "
    f"SELECT d.page_id, d.date, k.id FROM {DOC} d JOIN {KEYS} k ON k.key = {_key('d')}",
    f"CREATE TRIGGER {FACETS}_ai AFTER INSERT ON {DOC} BEGIN {_write('new')} END",
    f"CREATE TRIGGER {FACETS}_au AFTER UPDATE ON {DOC} BEGIN "
    f"DELETE FROM {FACETS} WHERE page_id = old.page_id; {_write('new')} END",
    f"CREATE TRIGGER {FACETS}_ad AFTER DELETE ON {DOC} BEGIN DELETE FROM {FACETS} WHERE page_id = old.page_id; END",
]


def backward_statements():
    previous = importlib.import_module("shegong.search.migrations.0003_sqlite_facet_table")
    return [f"DROP TRIGGER IF EXISTS {FACETS}_{t}" for t in ("ai", "au", "ad")] + [
        f"DROP TABLE IF EXISTS {FACETS}",
        f"DROP TABLE IF EXISTS {KEYS}",
        *previous.FORWARD,
    ]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in FORWARD:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in backward_statements():
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("shegong_search", "0004_postgres_document_length")]

    operations = [migrations.RunPython(forward, backward)]
