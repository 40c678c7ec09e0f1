"""A second name for a figure whose first is taken, from what the sentence says (never a number (2) where the
sentence tells the figures apart)."""

from __future__ import annotations

import re

from drafter.core.lastyear.naming.wording import (CLAUSE_BREAK, LABEL_MAX, LOOKBACK, clean, shorten, tokens,
                                                  without_figures)
from drafter.core.text.lexicon import Lexicon
from drafter.core.text.numbers import chinese_count


def told_apart(label: str, before: str, after: str, unit: str, lexicon: Lexicon, taken: set[str]) -> str:
    """A name for a figure whose label another has, and no other's: by what the counted did, by the bound that
    picks them, by the verb of its list or by what the sentence is about; "" when the sentence says nothing more."""
    before, after = before[-LOOKBACK:], after[:LOOKBACK]
    ways = (lambda: distinct_label(label, after, unit, lexicon), lambda: _by_bound(label, before),
            lambda: _by_the_list_s_verb(label, before, lexicon), lambda: _by_topic(label, before, lexicon))
    names = (way() for way in ways)  # each only if the ones before gave no free name: jieba's words cost time
    return next((name for name in names if name and name not in taken), "")


LIGHT_VERBS = ("完成", "实现", "进行", "开展", "参加", "参与", "接受")


def distinct_label(label: str, after: str, unit: str, lexicon: Lexicon) -> str:
    """A second name for a count whose first is taken, from what the counted did (指导412户企业完成信用修复 →
    信用修复企业数 where 企业户数 names another figure); "" when the sentence says nothing more."""
    clause = CLAUSE_BREAK.split(without_figures(after, lexicon))[0]
    words = [word for word, _flag in tokens(clause)]
    suffix = lexicon.label_suffixes.get(unit, "数")
    noun = label.removesuffix(suffix)
    # the counted noun first (as many of jieba's words as spell it), then what it did up to the next joining word
    spelled = next((count for count in range(1, len(words) + 1) if "".join(words[:count]) == noun), 0)
    if not spelled:
        return ""
    action = []
    for word in words[spelled:]:
        if word in lexicon.label_joining_words or word in ("并", "后", "的"):
            break
        action.append(word)
    while action and (action[0] in LIGHT_VERBS or action[0] in lexicon.label_function_words):
        action.pop(0)  # 完成信用修复 → 信用修复; 在课堂开讲 → 课堂开讲
    named = clean("".join(action), lexicon) + noun  # no digits, masks or marks in a name
    # 户数 and 家数 say the thing's count; a person's stays 人数 (课堂开讲青年干部人数)
    suffix = suffix if suffix == "人数" or not suffix.endswith("数") else "数"
    return named + suffix if named != noun and len(named + suffix) <= LABEL_MAX else ""


# 其中10亿元以上项目9个、50亿元以上项目2个: the bound picks the things counted
BOUND = re.compile(r"(?<![0-9.])(?P<number>[0-9]+)(?P<unit>[万亿]?[\u4e00-\u9fff]{0,2}?)(?:及)?(?P<bound>以上|以下)"
                   r"的?(?P<rest>[\u4e00-\u9fff]*)$")


def _by_bound(label: str, before: str) -> str:
    """项目个数 → 五十亿元以上项目个数: the bound in words (a label has no digits)."""
    bound = BOUND.search(re.split(r"[，。；、,;]", before)[-1])
    if not bound or not bound.group("rest") or not label.startswith(bound.group("rest")[:2]):
        return ""
    named = chinese_count(int(bound.group("number"))) + bound.group("unit") + bound.group("bound") + label
    return named if len(named) <= LABEL_MAX else ""


def _by_the_list_s_verb(label: str, before: str, lexicon: Lexicon) -> str:
    """职工人数 → 覆盖职工人数: the verb a list's first item follows holds for the next (合同覆盖企业1268家、职工7.2万人)."""
    items = re.split(r"[，。；,;：:]", before)[-1].split("、")
    if len(items) < 2:
        return ""
    verbs = [word for word, flag in tokens(without_figures(items[0], lexicon)) if flag == "v"]
    return verbs[-1] + label if verbs and verbs[-1] not in label and len(verbs[-1] + label) <= LABEL_MAX else ""


def _by_topic(label: str, before: str, lexicon: Lexicon) -> str:
    """完成投资金额 → 清溪河完成投资金额: the thing the sentence is about, its first words up to what is done
    (清溪河防洪治理二期工程新建加固堤防…，完成投资9800万元)."""
    segment = re.split(r"[。；;！？\n]", before)[-1]
    first = CLAUSE_BREAK.split(without_figures(segment, lexicon))[0]
    topic = []
    for word, flag in tokens(clean(first, lexicon)):
        if flag == "v" or flag in ("d", "p", "m", "r", "c"):
            break
        topic.append(word)
    topic = "".join(topic)
    if len(topic) < 2 or topic.startswith("全") or topic in label:
        return ""
    shared = next((size for size in range(min(len(topic), len(label)), 0, -1) if topic.endswith(label[:size])), 0)
    return shorten(topic + label[shared:], keep_first=True)  # 市政协, 政协委员人数 → 市政协委员人数
