"""The facet schema the SQLite engine reads (search/engines/tables.py) is the one migration 0005 made. The migration
keeps its own frozen copy, so a change to one without a new migration for the other fails here."""

import importlib

from shegong.search.engines import tables
from shegong.search.engines.query import COLUMN

MIGRATION = importlib.import_module("shegong.search.migrations.0005_sqlite_facet_keys")


def test_the_engine_reads_the_tables_the_migration_made():
    assert (tables.DOC_TABLE, tables.FACETS_TABLE, tables.KEYS_TABLE, tables.VALUES_TABLE) == (
        MIGRATION.DOC,
        MIGRATION.FACETS,
        MIGRATION.KEYS,
        MIGRATION.VALUES,
    )


def test_the_engine_groups_the_filters_into_the_parts_the_migration_keys():
    assert {part: [COLUMN[name] for name in names] for part, names in tables.PARTS.items()} == MIGRATION.PARTS
