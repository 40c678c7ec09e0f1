"""The words of a label: jieba's words and tags, and a phrase cleaned of figures, marks and function words."""

from __future__ import annotations

import logging
import re
from functools import lru_cache

from drafter.core.text.lexicon import Lexicon

# What is left of a criterion once its figure is gone (3亿元以上的项目 → 项目)
BOUND = re.compile(r"(?<=\0)(?:及|或)?(?:以上|以下|以内)的?|(?:超过|超|逾|高于|低于|不足|不到)\0的")  # …, 投资超10亿元的项目


CLAUSE_BREAK = re.compile(r"[，。；：、,;:！？（）()\n]")

# The words a change is said with (增长8%, 下降4.7%), and what it is measured against: the year, the usual year, a
# time before (较上年, 同比, 较常年, 较改革前; 较2022年 leaves 较 once the year is gone; 较上年末)
CHANGE_WORDS = ("增长", "下降", "提高", "降低", "增加", "减少", "上升", "提升")
COMPARED = re.compile(r"(较|比)(上年|去年|年|常年|多年同期|历年同期|多年平均)末?|同比|(较|比)[\u4e00-\u9fff]{1,4}前"
                      rf"|(较|比)(?={'|'.join(CHANGE_WORDS)})")


# 5G, 4K keep their digits (a name, not a figure)
NOT_IN_LABEL = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|(?:19|20)[0-9]{2}年度?"  # a year goes whole, not leaving 年
                          r"|(?<![A-Za-z])[A-Za-z]{1,2}[0-9]+"  # a road's or a line's code (S217省道, G60): a name
                          r"|[0-9０-９.．,%％*＊×+＋～~\u2460-\u24ff]+(?![A-Za-z])|[“”‘’\"《》「」\s…·—\-]"
                          r"|[XＸ]{2,}")


LABEL_MAX = 12
LOOKBACK = 300  # characters around a figure that can name it: a few sentences, never the whole of a long paragraph


NOUNISH = ("n", "vn", "j", "nz", "nt", "ns", "l", "an", "ng")


@lru_cache(maxsize=1)
def _tagger():
    import jieba  # the dictionary loads once, on the first label of a session (about 0.8 s)
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return jieba.posseg


def load_word_list() -> None:
    """Load jieba's dictionary now (about a second, less from its cache), so the first label asked for does not wait."""
    tokens("开展学习")


def tokens(text: str) -> list[tuple[str, str]]:
    """jieba's words of text with their parts of speech (a new list: the caller may change it)."""
    return list(_tagged(text)) if text else []


@lru_cache(maxsize=8192)
def _tagged(text: str) -> tuple[tuple[str, str], ...]:
    # the clauses before a figure are read again for every figure after them in the paragraph
    return tuple((pair.word, pair.flag) for pair in _tagger().lcut(text))


DIGITS = frozenset("0123456789０１２３４５６７８９")


def first_item(text: str, lexicon: Lexicon) -> str:
    """The words before the next figure, field or joining word: 党员和群众参加 → 党员. The joining word is
    jieba's own word, so 参与 and 给予 are not cut at their 与 (1,300余家实体店参与 counts 实体店, not 实体店参);
    the digits of a fixed phrase (承诺7天无理由退货) are no figure."""
    fixed = _fixed_mask(text, lexicon)
    end = next((index for index, char in enumerate(text)
                if not fixed[index] and (char in DIGITS or text.startswith("{{", index))), len(text))
    kept = []
    for word, _flag in tokens(text[:end]):
        if word in lexicon.label_joining_words:
            break
        kept.append(word)
    return "".join(kept)


def without_figures(text: str, lexicon: Lexicon) -> str:
    """Other figures are no part of a label: 1,300余家实体店 leaves 实体店, not 余家实体店 (七人普 and 12345热线,
    names, stay whole)."""
    return outside_fixed(text, lexicon, lambda piece: lexicon.chinese_figure.sub(_counted_only, BOUND.sub(
        "", lexicon.figure.sub("\0", piece)).replace("\0", "")))


def _counted_only(match: re.Match) -> str:
    """A Chinese count goes, 一 and its unit stay: 一次性化解率 is no figure (the finder never counts 一)."""
    return match.group() if match.group("number") == "一" else ""


def _fixed_mask(text: str, lexicon: Lexicon) -> list[bool]:
    """For each character of text, whether it is inside one of the lexicon's fixed phrases."""
    mask = [False] * len(text)
    for start, end in _fixed_spans(lexicon.fixed, text) if lexicon.fixed else ():
        mask[start:end] = [True] * (end - start)
    return mask


@lru_cache(maxsize=8192)
def _fixed_spans(fixed: re.Pattern, text: str) -> tuple[tuple[int, int], ...]:
    # the phrases' pattern is long and slow to run; the same clauses are read again for every figure after them
    return tuple(match.span() for match in fixed.finditer(text))


def outside_fixed(text: str, lexicon: Lexicon, change) -> str:
    """`change` applied to the text between the lexicon's fixed phrases, which are kept as written."""
    if lexicon.fixed is None:
        return change(text)
    pieces, position = [], 0
    for start, end in _fixed_spans(lexicon.fixed, text):
        pieces += [change(text[position:start]), text[start:end]]
        position = end
    return "".join(pieces + [change(text[position:])])


def whole_quotes(text: str) -> str:
    """A quotation is one name: its commas do not end the clause (“学习党的二十大·实干争先走前列”征文)."""
    return re.sub(r"“[^“”]{0,40}”", lambda match: re.sub(r"[，、,；;：:]", "", match.group()), text)


# Where a change started (由12.3分钟, 由年初的86.2%, 由2023年的8125名, 由审计前的61.3%, 均由每人每月80元)
FROM = re.compile(r"均?(?:由|从)(?:(?P<time>年初时?|上年末|上年|去年|(?:19|20)[0-9]{2}年(?:末|底)?|[\u4e00-\u9fff]{1,4}前)的?)?"
                  r"(?:每人每月|每人每年|每人|每月|每年)?$")


def clean(text: str, lexicon: Lexicon) -> str:
    """No digits, figures, quotes or marks; no function word at either end (by jieba's words, so 在职 stays)."""
    text = outside_fixed(text, lexicon, lambda piece: NOT_IN_LABEL.sub("", piece))
    # 诊疗率提高到72.4%, 时间缩短至68分钟: the figure is the rate or time itself, not its change
    text = re.sub(r"(每人|人均)?每(月|年|日|天)$", "", text)  # 提高到每人每月1100元: the basis of the amount, not its name
    text = re.sub(r"((提高|提升|上升|下降|降低|缩短|压缩|压减|增加|减少|增长|降|升|增|减)(到|至)|控制在|保持在|稳定在|保持|维持在|维持|突破|超过|不少于|不低于|不超过|不高于|至少)$", "", text)
    text = FROM.sub("", text)  # 完好率由年初的86.2%: where it started
    for reference in lexicon.self_references:  # 我局服务群众 → 服务群众
        if text.startswith(reference):
            text = text[len(reference):]
            break
    words = [word for word, _flag in tokens(text)]
    if "等" in words[:-1]:  # 低保对象、特困人员等困难群众: what they all are, after 等
        words = words[len(words) - words[::-1].index("等"):]
    function = set(lexicon.label_function_words)
    while words and words[0] in function:
        words.pop(0)
    while words and words[-1] in function | lexicon.label_trailing_words:
        words.pop()
    return re.sub(r"率为$", "率", "".join(words))  # jieba's 率为 is one word: 问题发现率为12.4%


def shorten(words: str, keep_first: bool = False) -> str:
    """A long phrase keeps its first word, if short (a leading verb, a place: 召开党组理论学习中心组学习会 → 召开中心组
    学习会, 农村常住居民人均可支配收入 → 农村居民人均可支配收入) or asked for (a list's subject, which tells it from
    the others), and its last words."""
    if len(words) <= LABEL_MAX:
        return words
    parts = tokens(words)
    short = parts and len(parts[0][0]) <= 2 and parts[0][1] not in ("m", "x") and not parts[0][0].startswith("全")
    first = parts[0][0] if parts and (keep_first or short) else ""  # 全市, 全县: the scope, which every label shares
    kept = ""
    for word, _flag in reversed(parts[1:] if first else parts):
        if len(first) + len(kept) + len(word) > LABEL_MAX:
            break
        kept = word + kept
    # One word longer than a label is kept whole: cut, 全国人民代表大会常务委员会 would read 国人民代表大会常务委员会.
    return (first + kept) or (parts[-1][0] if parts else words)


def already_says(words: str, suffix: str) -> bool:
    """审计资金总额 needs no 金额, 参保率 no 比例, 培训人次 no 人次."""
    return (words.endswith(suffix) or (suffix == "金额" and words.endswith(("额", "资金")))
            or (words.endswith("量") and suffix not in ("比例", "时长", "人次", "次数"))  # 吞吐量, 用电量
            or (suffix == "数" and words.endswith("人次"))  # 门急诊人次突破185万
            or (suffix.endswith("数") and words.endswith("数"))  # 床位数达5.86张: not 床位数张数
            or (suffix == "比例" and words.endswith(("率", "比", "比重", "增速", "增幅", "涨幅", "降幅", "速度")))
            or (suffix == "时长" and words.endswith(("时间", "用时", "时长", "时限"))))


def with_measure(words: str, suffix: str) -> str:
    """The label: the words and the measure their unit names, unless they say it already; a growth in per cent is
    an 增速, as offices write it (收入增速, not 收入增长比例)."""
    if suffix == "比例" and words.endswith("增长"):
        return words.removesuffix("增长") + "增速"
    return words if already_says(words, suffix) else words + suffix
