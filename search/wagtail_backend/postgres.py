"""Wagtail's own search on PostgreSQL (see backend.py): modelsearch's tsvector backend with our analysis.

modelsearch runs every text through PostgreSQL's parser (to_tsvector, to_tsquery), which finds no Chinese
words. Here the index's tsvectors hold our analysed tokens verbatim, with modelsearch's field weights, and
a word is a tsquery phrase of its tokens ('社区' <-> '区营':*), cast rather than parsed, so no query text
reaches PostgreSQL as syntax. modelsearch's ranking (ts_rank with the weights, title_norm) is kept.
"""

from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db.models import Value
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    ObjectIndexer,
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.utils import get_content_type_pk

from ..analysis import field_stream
from ..engines.embedded_postgres import tsquery_phrase
from ..indexing.index import tsvector_literal
from .analysed import AnalysedQueryMixin


class AnalysedObjectIndexer(ObjectIndexer):
    def as_vector(self, texts, for_autocomplete=False):
        streams = [(field_stream(text), weight) for text, weight in texts if text.strip()]
        return Cast(Value(tsvector_literal(*streams)), SearchVectorField())


class AnalysedPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        # modelsearch's own add_items builds its vectors with a fixed ObjectIndexer; this writes the same
        # rows (an upsert on content type and id, title_norm reset for _refresh_title_norms) with ours.
        if not model.get_search_fields():
            return
        content_type_id = get_content_type_pk(model)
        entries = []
        for obj in objs:
            indexer = AnalysedObjectIndexer(obj, self.backend)
            entries.append(
                IndexEntry(
                    content_type_id=content_type_id,
                    object_id=indexer.id,
                    title_norm=1.0,
                    title=indexer.title,
                    autocomplete=indexer.autocomplete,
                    body=indexer.body,
                    title_text=indexer.title_text,
                    body_text=indexer.body_text,
                )
            )
        if not entries:
            return
        self.entries.using(self.write_connection.alias).bulk_create(
            entries,
            update_conflicts=True,
            unique_fields=["content_type", "object_id"],
            update_fields=["title", "autocomplete", "body", "title_text", "body_text", "title_norm"],
        )
        self._refresh_title_norms()


class PhraseLexeme(Lexeme):
    """A phrase of our tokens as tsquery text, combined by modelsearch's & and | like its own lexemes."""

    def __init__(self, tokens, prefix=False):
        super().__init__(tsquery_phrase(tokens, prefix))

    def as_sql(self, compiler, connection):
        return "%s", [self.value]


class TsQuery(SearchQuery):
    """tsquery text we wrote ourselves, cast rather than given to to_tsquery, which would parse it."""

    template = "CAST(%(expressions)s AS tsquery)"


class AnalysedPostgresQueryMixin(AnalysedQueryMixin):
    def phrase_lexeme(self, tokens, prefix):
        return PhraseLexeme(tokens, prefix)

    def build_tsquery_content(self, query, config=None, invert=False):
        if not self.is_analysed(query):
            return super().build_tsquery_content(query, config, invert)
        return TsQuery(self.analysed_lexemes(query), invert=invert)


class AnalysedSearchQueryCompiler(AnalysedPostgresQueryMixin, PostgresSearchQueryCompiler):
    pass


class AnalysedAutocompleteQueryCompiler(AnalysedPostgresQueryMixin, PostgresAutocompleteQueryCompiler):
    pass


class ChinesePostgresSearchBackend(PostgresSearchBackend):
    index_class = AnalysedPostgresIndex
    query_compiler_class = AnalysedSearchQueryCompiler
    autocomplete_query_compiler_class = AnalysedAutocompleteQueryCompiler
