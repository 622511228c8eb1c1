"""How much two applications' texts say the same thing.

Text is read the way search reads it (shegong.search.analysis: the same NFKC folding, lower case and
CJK bigrams), after three steps that only an application needs:

- words applicants use interchangeably are spelt one way (长者 → 老年人, 社工 → 社会工作, 实施 → 开展),
  so a reworded copy keeps its bigrams;
- words every application carries (项目, 服务, 社区, 申报书, 2023年度, 二期…) and function characters
  (的, 和, 为…) are cut out, so two applications do not look alike because both are applications;
- the groups of people served (老年人, 儿童, 残疾人…) are read from the title, because the same
  title template for another group is another service.
"""

import functools
import math
import re
from collections import Counter

from shegong.search.analysis import main_tokens, normalize

# The spelling on the left stands for every spelling on its right.
SYNONYMS = {
    "社会工作": ["社工"],
    "老年人": ["老人", "长者", "长辈"],
    "开展": ["组织开展", "实施", "举办"],
    "关爱": ["关怀"],
    "儿童": ["孩子", "小朋友"],
    "残疾人": ["残障人士", "残障人"],
    "家访": ["家庭探访", "入户探访", "上门探访"],
    "心理疏导": ["心理支持", "情绪疏导"],
}
BOILERPLATE = [
    "社会工作",
    "服务",
    "项目",
    "社区",
    "街道",
    "申报书",
    "申报",
    "开展",
    "提供",
    "活动",
    "建立",
    "通过",
    "进行",
    "以及",
    "辖区",
    "居民",
    "组织",
    "工作",
    "计划",
]
STOP_CHARACTERS = "的和与及为在对等并了将其由是或把被向从以于之"
_YEAR_OR_PHASE = re.compile(r"\d{4}\s*年度?|第?[一二三四五六七八九十\d]+\s*期")
# Groups of people a service is for, each with the words that name it in a title.
GROUPS = {
    "老年人": ["老年", "养老", "助老", "为老", "银龄", "高龄", "空巢"],
    "儿童": ["儿童", "小学生", "四点半", "童心", "护苗"],
    "青少年": ["青少年", "中小学生", "青年"],
    "残疾人": ["残疾", "助残"],
    "戒毒康复人员": ["戒毒", "吸毒", "复吸"],
    "禁毒宣传": ["禁毒宣传", "禁毒预防", "无毒"],
    "妇女": ["妇女", "巾帼", "妈妈"],
    "困难群众": ["低保", "低收入", "困难群众", "特困", "救助"],
    "矫正对象": ["矫正"],
    "党员": ["党员"],
}

_SYNONYM_RE = re.compile("|".join(sorted((w for ws in SYNONYMS.values() for w in ws), key=len, reverse=True)))
_CANONICAL = {w: canonical for canonical, ws in SYNONYMS.items() for w in ws}
_BOILERPLATE_RE = re.compile("|".join(sorted(BOILERPLATE, key=len, reverse=True)) + f"|[{STOP_CHARACTERS}]")


def canonical_text(text):
    """Folded as search folds it, with one spelling for each set of synonyms."""
    return _SYNONYM_RE.sub(lambda m: _CANONICAL[m.group()], normalize(text))


@functools.lru_cache(maxsize=2048)
def tokens(text):
    """The bigrams (and Latin/digit runs) that carry what the text says.

    Cached by the text itself: every check reads the same published projects again.
    """
    text = _BOILERPLATE_RE.sub(" ", _YEAR_OR_PHASE.sub(" ", canonical_text(text)))
    return frozenset(main_tokens(text))


def title_key(title):
    """Two titles with the same key are the same name, whatever the year, phase or punctuation."""
    return "".join(main_tokens(_YEAR_OR_PHASE.sub(" ", canonical_text(title)).replace("申报书", " ")))


def groups(text):
    text = canonical_text(text)
    return frozenset(group for group, words in GROUPS.items() if any(word in text for word in words))


class Corpus:
    """Inverse document frequencies over the applications a check reads: a phrase that most applications
    carry (the platform's own template: “1+1+1+N”联合申报模式, 分期拨付, 第三方评估) weighs little, a phrase
    few carry weighs much. Smoothed, so that two documents alone still count every token."""

    def __init__(self, documents):
        self.size = len(documents)
        self.frequency = Counter(token for document in documents for token in document)

    def weight(self, token):
        return math.log((1 + self.size) / (1 + self.frequency[token])) + 1

    def total(self, tokens):
        return sum(self.weight(token) for token in tokens)


def dice(a, b):
    """Shared tokens over the tokens of both: 1 for the same set, 0 for nothing in common."""
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def weighted_overlap(a, b, corpus):
    """How much of two texts is shared, each token weighed by how rare it is in the corpus.

    The mean of Dice (shared over both) and containment (shared over the shorter): containment keeps a
    copy with a paragraph added or cut high, Dice keeps a short text inside a long one from scoring 1.
    """
    if not a or not b:
        return 0.0
    shared, total_a, total_b = corpus.total(a & b), corpus.total(a), corpus.total(b)
    return (2 * shared / (total_a + total_b) + shared / min(total_a, total_b)) / 2
