"""Wagtail's own search (Page.objects.search, the admin's page/snippet/document search, the API's ?search=)
with the same Chinese analysis as the site search.

modelsearch's SQLite backend is kept; the text it stores in its FTS5 table
and the queries it sends are replaced by our analysed token streams, so 养老
finds 养老 and no query text reaches FTS5 as syntax. On other databases the
stock modelsearch backend is used unchanged (see backend.py): this module
imports modelsearch's SQLite models, which exist only on SQLite.
"""

from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from .analysis import analyse_query, field_stream

# A token no document holds: the query for text that has nothing to search for.
NOTHING = "\ue001"


class AnalysedSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        super().add_items(model, objs)
        entries = self.entries.filter(content_type_id=get_content_type_pk(model), object_id__in=[str(o.pk) for o in objs])
        for entry in entries.only("pk", "title", "body", "autocomplete"):
            self.entries.filter(pk=entry.pk).update(
                title=field_stream(entry.title),
                body=field_stream(entry.body or ""),
                autocomplete=field_stream(entry.autocomplete or ""),
            )


class AnalysedQueryMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The FTS5 table has only title/body/autocomplete columns, so a `fields=` restriction (the
        # snippet admin passes its search_fields) would name columns that do not exist: search all text.
        self.fields = None

    def build_search_query_content(self, query, config=None):
        if not isinstance(query, (PlainText, Phrase)):
            return super().build_search_query_content(query, config)
        terms = analyse_query(query.query_string)
        operator = getattr(query, "operator", "and").upper()
        lexemes = None
        for i, term in enumerate(terms):
            prefix = self.LAST_TERM_IS_PREFIX and i == len(terms) - 1
            term_lexeme = None
            for j, segment in enumerate(term.segments):
                lexeme = Lexeme(" ".join(segment.tokens), prefix=prefix and j == len(term.segments) - 1)
                term_lexeme = lexeme if term_lexeme is None else term_lexeme & lexeme
            if lexemes is None:
                lexemes = term_lexeme
            else:
                lexemes = lexemes | term_lexeme if operator == "OR" and isinstance(query, PlainText) else lexemes & term_lexeme
        return SearchQueryExpression(lexemes if lexemes is not None else Lexeme(NOTHING), config=config)


class AnalysedSearchQueryCompiler(AnalysedQueryMixin, SQLiteSearchQueryCompiler):
    pass


class AnalysedAutocompleteQueryCompiler(AnalysedQueryMixin, SQLiteAutocompleteQueryCompiler):
    pass


class ChineseSQLiteSearchBackend(SQLiteSearchBackend):
    index_class = AnalysedSQLiteIndex
    query_compiler_class = AnalysedSearchQueryCompiler
    autocomplete_query_compiler_class = AnalysedAutocompleteQueryCompiler

