"""The backend named in WAGTAILSEARCH_BACKENDS: Chinese analysis on SQLite, modelsearch's own elsewhere."""

from django.db import connection
from modelsearch.backends import database


def SearchBackend(params):  # noqa: N802 - the name modelsearch looks for
    if connection.vendor == "sqlite":
        from .sqlite_backend import ChineseSQLiteSearchBackend

        return ChineseSQLiteSearchBackend(params)
    return database.SearchBackend(params)
