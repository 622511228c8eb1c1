"""Chinese text analysis shared by every engine, at index time and at query time.

Text is folded (NFKC: full-width to half-width, compatibility forms) and
lower-cased, then cut into tokens that contain only letters and digits:

- a run of CJK characters gives its overlapping bigrams (社区营造 → 社区 区营 营造),
  the scheme of Elasticsearch's ``cjk`` analyzer; a query word of two or
  more characters is matched as the phrase of its bigrams, so it finds
  exactly that string and no other;
- every distinct CJK character is also kept in a separate section after the
  bigrams, so a one-character query (站) still finds its documents;
- Latin letters and digits give one token per run (5A → 5a, 2023);
- document numbers (民发〔2021〕6号) and codes (GD-2023-017) give one whole
  token, then their parts, so both the whole and the parts are found.

Traditional characters fold to simplified ones (OpenCC's t2s) before any of
this, in documents and in queries alike, so 養老服務 finds 养老服务.

Titles and key terms (categories, tags, topics) also carry the pinyin of their
CJK runs, as overlapping pairs of toneless syllables (公益创投大赛 → gongyi
yichuang chuangtou touda dasai), in a section of their own: a query typed in
full pinyin (gongyichuangtou, gongyi chuangtou, yang lao fu wu) is cut into
syllables and matched as the phrase of their pairs, on every engine, whether
or not its words are in the lexicon (lexicon.py).

Fields weigh more by being repeated in the token stream; a private-use
character separates repeats and sections so no phrase matches across them.
The stream is plain space-separated text, so SQLite FTS5, PostgreSQL and
Elasticsearch (``whitespace`` analyzer) all see exactly the same tokens.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import opencc
from pypinyin import lazy_pinyin
from pypinyin.constants import PINYIN_DICT
from pypinyin.contrib.tone_convert import to_normal

BREAK = "\ue000"
# The token a repealed or amended policy's stream ends with (documents.py): in each tier of a search, the
# documents without it rank first (matching.py).
NOT_IN_FORCE_TOKEN = "shegongnotinforce"

CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_DOCNO = r"[〔\[【(]\s*(?P<year>\d{4})\s*[〕\]】)]\s*第?\s*(?P<num>\d{1,5})\s*号"
_CODE = r"(?P<code>[a-z]{1,8}(?:-[a-z0-9]{1,12})+)"
_TOKEN_RE = re.compile(rf"(?P<docno>{_DOCNO})|{_CODE}|(?P<cjk>[{CJK}]+)|(?P<alnum>[a-z0-9]+)")
_CJK_CHAR_RE = re.compile(f"[{CJK}]")
_CJK_RUN_RE = re.compile(f"[{CJK}]+")
_PINYIN_QUERY_RE = re.compile(r"[a-z' ]+")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ue000-\uf8ff]")
# Operators people type from other search engines are connectives, not words to find.
_OPERATOR_WORDS = {"AND", "OR", "NOT", "NEAR"}


def normalize(text: str) -> str:
    """Fold full-width forms and letter case; drop control characters."""
    return _CONTROL_RE.sub(" ", unicodedata.normalize("NFKC", text or "")).lower()


@lru_cache(maxsize=1)
def _to_simplified():
    return opencc.OpenCC("t2s")


def fold(text: str) -> str:
    """normalize(), with traditional characters as simplified ones: the form the index and queries share."""
    return _to_simplified().convert(normalize(text))


def _bigrams(run):
    return [run[i : i + 2] for i in range(len(run) - 1)]


def _docno_token(year, num):
    return f"{year}n{int(num)}"


def _code_parts(code):
    return code.replace("-", ""), [part for part in code.split("-") if part]


def main_tokens(text: str) -> list[str]:
    """The tokens of already-normalised text, in order, without single characters."""
    tokens = []
    for match in _TOKEN_RE.finditer(text):
        kind = match.lastgroup
        if match.group("docno"):
            tokens += [_docno_token(match["year"], match["num"]), match["year"], str(int(match["num"]))]
        elif match.group("code"):
            whole, parts = _code_parts(match["code"])
            tokens += [whole, *parts]
        elif kind == "cjk":
            run = match["cjk"]
            tokens += _bigrams(run)
        else:
            tokens.append(match["alnum"])
    return tokens


def chars(text: str) -> list[str]:
    return list(dict.fromkeys(_CJK_CHAR_RE.findall(text)))


_OWN_CODE_RE = re.compile(_CODE)


def code_prefix_token(parts) -> str:
    """The token a code's leading parts make (GD-2022 → gd2022): what a code prefix query looks for first."""
    return "".join(parts)


def _own_code_prefixes(text):
    """A field that is one code alone is the document's own code (a project's 项目编号): its prefixes of two
    parts or more are tokens too, so a prefix query ranks the documents it names above those that list it."""
    match = _OWN_CODE_RE.fullmatch(text.strip())
    if not match:
        return []
    parts = _code_parts(match["code"])[1]
    return [code_prefix_token(parts[:n]) for n in range(2, len(parts))]


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    """Every toneless pinyin syllable (ü written v, as pypinyin and pinyin keyboards write it)."""
    return frozenset(to_normal(reading) for readings in PINYIN_DICT.values() for reading in readings.split(","))


def _syllable_pairs(syllables):
    return ["".join(syllables[i : i + 2]) for i in range(len(syllables) - 1)]


def pinyin_tokens(text: str) -> list[str]:
    """The pinyin of each CJK run of already-folded text, as overlapping pairs of syllables."""
    return [pair for run in _CJK_RUN_RE.findall(text) for pair in _syllable_pairs(lazy_pinyin(run))]


def split_syllables(letters: str) -> list[str] | None:
    """Letters cut into the fewest pinyin syllables (xian is one syllable, xi'an two), or None if they are not pinyin."""
    known = _syllables()
    best = [None] * (len(letters) + 1)
    best[0] = []
    for end in range(1, len(letters) + 1):
        for start in range(max(0, end - 6), end):
            if best[start] is not None and letters[start:end] in known:
                if best[end] is None or len(best[start]) + 1 < len(best[end]):
                    best[end] = [*best[start], letters[start:end]]
    return best[-1]


def field_stream(text: str, weight: int = 1, pinyin: bool = False) -> str:
    """One field's tokens as a stream, repeated `weight` times; with `pinyin`, its syllable pairs too."""
    text = fold(text)
    sections = [main_tokens(text) + _own_code_prefixes(text), chars(text)]
    if pinyin:
        sections.append(pinyin_tokens(text))
    section = f" {BREAK} ".join(" ".join(tokens) for tokens in sections)
    return f" {BREAK} ".join([section] * weight)


def index_stream(fields) -> str:
    """The token stream of a document from (text, weight) or (text, weight, pinyin) tuples."""
    return f" {BREAK} ".join(field_stream(*field) for field in fields if field[0] and field[0].strip())


@dataclass
class Segment:
    """One piece of a query word: a phrase of tokens to find together, and the text to mark."""

    tokens: list[str]
    pattern: str
    kind: str = "cjk"  # or "docno", "code", "alnum"


@dataclass
class Term:
    """One query word (what the user separated by spaces); all its segments must match."""

    text: str
    segments: list[Segment] = field(default_factory=list)


def _segments(word, code_parts=False):
    segments = []
    for match in _TOKEN_RE.finditer(word):
        if match.group("docno"):
            year, num = match["year"], str(int(match["num"]))
            pattern = rf"[〔\[【(]\s*{year}\s*[〕\]】)]\s*第?\s*0*{num}\s*号"
            segments.append(Segment([_docno_token(year, num)], pattern, "docno"))
        elif match.group("code"):
            whole, parts = _code_parts(match["code"])
            pattern = r"-?".join(re.escape(part) for part in parts)
            segments.append(Segment(parts if code_parts else [whole], pattern, "code"))
        elif match.lastgroup == "cjk":
            run = match["cjk"]
            segments.append(Segment(_bigrams(run) or [run], re.escape(run)))
        else:
            segments.append(Segment([match["alnum"]], re.escape(match["alnum"]), "alnum"))
    return segments


def analyse_query(text: str, code_parts: bool = False) -> list[Term]:
    """The words of a query. Any search syntax is only punctuation here: it never reaches an engine.

    With `code_parts`, a code is the phrase of its parts, as they follow the whole code in a document's
    stream: then GD-2022 (a prefix) finds GD-2022-003 too."""
    words = [w for w in (text or "").split() if w not in _OPERATOR_WORDS]
    terms = []
    for word in words:
        term = Term(word, _segments(fold(word), code_parts))
        if term.segments and all(t.text != term.text for t in terms):
            terms.append(term)
    return terms


def pinyin_terms(text: str) -> list[Term]:
    """A query typed in full pinyin as terms of syllable pairs (gongyi chuangtou → gongyi, chuangtou), or [] when it
    is not all pinyin. A typed word of one syllable joins the word before it (yang lao fu wu is one word, 养老服务):
    alone it would be a single character, which nearly every document holds."""
    text = fold(text).strip()
    if not _PINYIN_QUERY_RE.fullmatch(text):
        return []
    words = []
    for typed in re.split(r"[' ]+", text):
        syllables = split_syllables(typed) if typed else []
        if syllables is None:
            return []
        if words and (len(syllables) == 1 or len(words[-1]) == 1):
            words[-1] += syllables
        elif syllables:
            words.append(syllables)
    if not words or len(words[-1]) < 2:
        return []
    return [Term(" ".join(syllables), [Segment(_syllable_pairs(syllables), "", "pinyin")]) for syllables in words]
