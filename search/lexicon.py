"""The words search knows: editors' synonyms, the names the documents are filed under, and common words of
the domain. A query typed without spaces is cut into these words; pinyin is read back into them; a word
found nowhere is compared with them for a correction.

Built from the database once and kept for a few minutes (a synonym saved in the admin clears it at once).
"""

import difflib
import re
import time
from dataclasses import dataclass

import rjieba
from pypinyin import lazy_pinyin

from .analysis import CJK, fold

TTL_SECONDS = 300
LONGEST_WORD = 16
# Words that the content uses all the time, so that a run like 年项目 or 老年人助餐 is cut where the words are.
COMMON_WORDS = """
项目 服务 心理健康 社区 街道 乡镇 村 社会 工作 机制 计划 管理 办法 通知 公告 公示 政策 法规 意见 方案 条例 细则 年度 中心 站点
养老 儿童 老年 青少年 妇女 家庭 残疾 康复 救助 帮扶 关爱 志愿 心理 健康 禁毒 戒毒 矫正 治理 营造 党建 文明 实践
五社联动 三社联动 红黑榜 公益创投 立项 评估 结果 资金 拨付 预算 购买 人才 培养 优才 托养 居家 助餐 喘息 困境 留守 农村 城市
""".split()
# How people phrase a question (怎么申请项目, 哪里可以办理低保): typed around what they look for, held by nearly every
# text or by none, so they are never pieces a document must hold.
FUNCTION_WORDS = set(
    """
怎么 怎样 怎么样 如何 什么 哪里 哪儿 哪些 哪个 在哪 在哪里 为什么 是否 可以 能否 能不能 可不可以 请问 我想 我要 想要
有没有 是不是 一下 相关 关于 有关 的 了 吗 呢 吧 啊 是 和 与 及 或 在 有 我 你 他 她 要 去 找 查 查询 搜索
""".split()
)
_CJK_RUN = re.compile(f"[{CJK}]+")
# The names titles quote: “时间银行”, 《社会救助暂行办法》.
_QUOTED = re.compile(f"[“「《]([{CJK}]{{2,{LONGEST_WORD}}})[”」》]")
_LATIN_QUERY = re.compile(r"[a-z' ]+")


@dataclass
class Lexicon:
    words: set[str]
    synonyms: dict[str, list[str]]  # word -> the other words of its groups
    pinyin: dict[str, str]  # pinyin without tones or spaces -> word

    def segment(self, run: str) -> list[str]:
        """A run of CJK characters cut into known words, longest first from the left; what no word covers is
        cut by a general Chinese dictionary (jieba's, through rjieba): 申报指南 → 申报 指南, never the pairs
        across a word's edge (报指) that no document holds."""
        pieces, loose, i = [], "", 0
        while i < len(run):
            word = next(
                (run[i : i + n] for n in range(min(LONGEST_WORD, len(run) - i), 1, -1) if run[i : i + n] in self.words),
                None,
            )
            if word is None:
                loose += run[i]
                i += 1
                continue
            pieces += _words(loose)
            loose = ""
            pieces.append(word)
            i += len(word)
        return pieces + _words(loose)

    def unknown_spans(self, cut: list[str]) -> list[str]:
        """The stretches of a segment()ed run that no known word covers, each joined back into one string."""
        spans, span = [], ""
        for piece in cut:
            if piece in self.words:
                spans, span = spans + [span] if span else spans, ""
            else:
                span += piece
        return [s for s in [*spans, span] if s]

    def from_pinyin(self, text: str) -> str | None:
        """Latin letters read as the pinyin of known words (yanglao, yang lao → 养老), or None."""
        if not _LATIN_QUERY.fullmatch(text):
            return None
        letters = re.sub(r"[' ]", "", text)
        if len(letters) < 4:
            return None
        # best[i]: the fewest words spelling letters[:i]
        best = [None] * (len(letters) + 1)
        best[0] = []
        for end in range(1, len(letters) + 1):
            for start in range(max(0, end - 6 * LONGEST_WORD), end):
                word = self.pinyin.get(letters[start:end])
                if word and best[start] is not None and (best[end] is None or len(best[start]) + 1 < len(best[end])):
                    best[end] = [*best[start], word]
        return " ".join(best[-1]) if best[-1] else None

    def near(self, word: str, cutoff: float = 0.5) -> str | None:
        """The known word closest to a word found nowhere (时间银航 → 时间银行), if one is close: one character
        changed, added or dropped, the same first character preferred."""
        if word in self.words:
            return None
        candidates = [w for w in self.words if abs(len(w) - len(word)) <= 1 and len(w) >= 2]
        scored = [(difflib.SequenceMatcher(None, word, w).ratio(), w[0] == word[0], w) for w in candidates]
        scored = [item for item in scored if item[0] >= cutoff]
        return max(scored)[2] if scored else None


def _words(run):
    """The dictionary's words for a stretch; characters it leaves one by one stay together as typed, so 老养
    is looked for as 老养, not as a 老 and a 养 anywhere in a page."""
    words, single = [], False
    for word in rjieba.cut(run, hmm=False) if run else []:
        if len(word) == 1 and single:
            words[-1] += word
        else:
            words.append(word)
            single = len(word) == 1
    return words


def _build():
    from .models import SearchDocument, Synonym

    synonyms: dict[str, list[str]] = {}
    for group in Synonym.objects.all():
        words = [fold(w) for w in group.words()]
        for word in words:
            synonyms.setdefault(word, [])
            synonyms[word] += [other for other in words if other != word and other not in synonyms[word]]
    names = set()
    for column in ("street", "organization", "category", "department", "issuer"):
        names.update(SearchDocument.objects.exclude(**{column: ""}).values_list(column, flat=True).distinct())
    for title in SearchDocument.objects.values_list("title", flat=True).iterator():
        names.update(_QUOTED.findall(title))
    words = {w for w in (fold(w) for w in [*COMMON_WORDS, *synonyms, *names]) if _CJK_RUN.fullmatch(w) and len(w) >= 2}
    pinyin = {}
    for word in sorted(words, key=len):  # the shorter word keeps a spelling two words share
        pinyin.setdefault("".join(lazy_pinyin(word)), word)
    return Lexicon(words, synonyms, pinyin)


_cache = {"at": -TTL_SECONDS, "lexicon": None}


def lexicon() -> Lexicon:
    now = time.monotonic()
    if _cache["lexicon"] is None or now - _cache["at"] > TTL_SECONDS:
        _cache.update(at=now, lexicon=_build())
    return _cache["lexicon"]


def forget(*args, **kwargs):
    """Rebuild on next use: a synonym changed, or the index was rebuilt."""
    _cache["lexicon"] = None
