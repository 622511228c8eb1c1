"""Wagtail's own search on SQLite (see backend.py): modelsearch's FTS5 backend with our analysis.

The text modelsearch stores in its FTS5 table is replaced by our analysed token streams, and a word is
an FTS5 phrase of its tokens ("社区 区营"*), so no query text reaches FTS5 as syntax.
"""

from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.utils import get_content_type_pk

from ..analysis import field_stream
from .analysed import AnalysedQueryMixin


class AnalysedSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        super().add_items(model, objs)
        entries = self.entries.filter(
            content_type_id=get_content_type_pk(model), object_id__in=[str(o.pk) for o in objs]
        )
        for entry in entries.only("pk", "title", "body", "autocomplete"):
            self.entries.filter(pk=entry.pk).update(
                title=field_stream(entry.title),
                body=field_stream(entry.body or ""),
                autocomplete=field_stream(entry.autocomplete or ""),
            )


class AnalysedSQLiteQueryMixin(AnalysedQueryMixin):
    def phrase_lexeme(self, tokens, prefix):
        return Lexeme(" ".join(tokens), prefix=prefix)

    def build_search_query_content(self, query, config=None):
        if not self.is_analysed(query):
            return super().build_search_query_content(query, config)
        return SearchQueryExpression(self.analysed_lexemes(query), config=config)


class AnalysedSearchQueryCompiler(AnalysedSQLiteQueryMixin, SQLiteSearchQueryCompiler):
    pass


class AnalysedAutocompleteQueryCompiler(AnalysedSQLiteQueryMixin, SQLiteAutocompleteQueryCompiler):
    pass


class ChineseSQLiteSearchBackend(SQLiteSearchBackend):
    index_class = AnalysedSQLiteIndex
    query_compiler_class = AnalysedSearchQueryCompiler
    autocomplete_query_compiler_class = AnalysedAutocompleteQueryCompiler
