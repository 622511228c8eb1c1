"""The query compilation both database backends share: text queries as lexemes of our analysed words."""

from modelsearch.query import Phrase, PlainText

from ..analysis import analyse_query

# A token no document holds: the query for text that has nothing to search for.
NOTHING = "\ue001"


class AnalysedQueryMixin:
    """For a query compiler: PlainText and Phrase queries as lexemes of our analysed words.

    A subclass gives `phrase_lexeme(tokens, prefix)`, its database's lexeme for a phrase of tokens; the
    lexemes combine with & and |, as modelsearch's own do.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A `fields=` restriction (the snippet admin passes its search_fields) would search the model's own
        # columns, which hold unanalysed text (and on SQLite, columns the FTS5 table does not have): search
        # all the indexed text instead.
        self.fields = None

    def is_analysed(self, query):
        return isinstance(query, (PlainText, Phrase))

    def analysed_lexemes(self, query):
        """Every word must match, or any for PlainText's "or"; a word matches when all its segments
        (phrases of tokens) do; for autocomplete the last segment's last token is a prefix."""
        terms = analyse_query(query.query_string)
        any_word = isinstance(query, PlainText) and query.operator.lower() == "or"
        combined = None
        for i, term in enumerate(terms):
            word = None
            for j, segment in enumerate(term.segments):
                prefix = self.LAST_TERM_IS_PREFIX and i == len(terms) - 1 and j == len(term.segments) - 1
                lexeme = self.phrase_lexeme(segment.tokens, prefix)
                word = lexeme if word is None else word & lexeme
            combined = word if combined is None else (combined | word if any_word else combined & word)
        return combined if combined is not None else self.phrase_lexeme([NOTHING], False)
