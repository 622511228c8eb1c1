"""The facet schemas the engine reads are the ones the migrations made: SQLite's (search/engines/tables.py) by
migration 0005, PostgreSQL's facet keys (search/engines/embedded_postgres.py) by migration 0011. A migration keeps
its own frozen copy, so a change to one without a new migration for the other fails here."""

import importlib

from shegong.search.engines import embedded_postgres, tables
from shegong.search.engines.query import COLUMN, FILTER_FIELDS

MIGRATION = importlib.import_module("shegong.search.migrations.0005_sqlite_facet_keys")
POSTGRES_KEYS = importlib.import_module("shegong.search.migrations.0011_postgres_postings_carry_hit_values")


def test_the_engine_reads_the_tables_the_migration_made():
    assert (tables.DOC_TABLE, tables.FACETS_TABLE, tables.KEYS_TABLE, tables.VALUES_TABLE) == (
        MIGRATION.DOC,
        MIGRATION.FACETS,
        MIGRATION.KEYS,
        MIGRATION.VALUES,
    )


def test_the_engine_groups_the_filters_into_the_parts_the_migration_keys():
    assert {part: [COLUMN[name] for name in names] for part, names in tables.PARTS.items()} == MIGRATION.PARTS


def test_postgres_facet_keys_hold_the_filter_values_in_the_order_the_engine_reads_them():
    assert (embedded_postgres.FACET_KEYS_TABLE, embedded_postgres.POSTINGS_TABLE) == (
        POSTGRES_KEYS.KEYS,
        POSTGRES_KEYS.POSTINGS,
    )
    assert POSTGRES_KEYS.FILTERS == [COLUMN[name] for name in FILTER_FIELDS]
    assert POSTGRES_KEYS.SEPARATOR == f"chr({ord(embedded_postgres.KEY_SEPARATOR)})"
