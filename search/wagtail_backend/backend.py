"""The backend named in WAGTAILSEARCH_BACKENDS: Wagtail's own search (Page.objects.search, the admin's
page/snippet/document search, the API's ?search=, the page chooser) with the same Chinese analysis as the
site search, on SQLite (sqlite.py) and PostgreSQL (postgres.py); modelsearch's own elsewhere.

Each keeps modelsearch's backend for its database and changes two things: the index holds our analysed
token streams, and text queries are compiled from analyse_query, so 养老 finds 养老 and no query text
reaches the database as search syntax. What both share is in analysed.py.
"""

from django.db import connection
from modelsearch.backends import database


def SearchBackend(params):  # noqa: N802 - the name modelsearch looks for
    # The modules import modelsearch's models for their own database only, so each is loaded only there.
    if connection.vendor == "sqlite":
        from .sqlite import ChineseSQLiteSearchBackend

        return ChineseSQLiteSearchBackend(params)
    if connection.vendor == "postgresql":
        from .postgres import ChinesePostgresSearchBackend

        return ChinesePostgresSearchBackend(params)
    return database.SearchBackend(params)
