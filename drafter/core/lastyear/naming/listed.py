"""Subjects told in a list and their figures after 分别 (城镇、农村居民人均可支配收入分别为41200元、21800元): the
n-th figure's subject, with the measure the list shares."""

from __future__ import annotations

import os
import re

from drafter.core.lastyear.naming.wording import (CHANGE_WORDS, CLAUSE_BREAK, COMPARED, LABEL_MAX, clean, shorten,
                                                   tokens, with_measure, without_figures)
from drafter.core.text.lexicon import Lexicon

# A list of subjects, 分别, then as many figures: the stretch after 分别 up to this figure holds the ones before it.
RESPECTIVELY = re.compile(r"([^，。；：,;:！？\n]{2,40}?)分别([^，。；：,;:！？\n]*)$")


def respective_subject(before: str, lexicon: Lexicon) -> str:
    """The subject this figure belongs to in “A、B分别为x、y”, or "" when the figure is not in such a list."""
    match = RESPECTIVELY.search(before)
    if not match:
        return ""
    subjects, current = [], ""
    for word, _flag in tokens(match.group(1)):
        if word in lexicon.label_list_joins:
            subjects.append(current)
            current = ""
        else:
            current += word
    subjects = [subject for subject in (clean(text, lexicon) for text in subjects + [current]) if subject]
    index = len(lexicon.figure.findall(match.group(2)))
    if len(subjects) == 1:  # 城乡低保标准分别为860元、720元
        subjects = _paired(subjects[0], lexicon)
    elif all(len(subject) <= 4 for subject in subjects):  # …本科学历比例，小学、初中分别为92.4%、98.1%
        subjects = (_named_before(subjects, before[:match.start(1)], lexicon)
                    or _with_measure_before(subjects, before[:match.start(1)], lexicon))
    if len(subjects) < 2 or index >= len(subjects):
        return ""
    return shorten(_with_shared_measure(subjects, lexicon)[index], keep_first=True)


def _paired(subject: str, lexicon: Lexicon) -> list[str]:
    """城乡低保标准 → 城镇低保标准, 农村低保标准: a word naming two things, each in turn; the subject alone else."""
    for word, things in lexicon.label_paired_words.items():
        if subject.startswith(word):
            return [thing + subject[len(word):] for thing in things]
    return [subject]


def _named_before(subjects: list[str], text_before: str, lexicon: Lexicon) -> list[str]:
    """Short subjects the sentence named in full with their figures (接报火灾486起，直接财产损失186.3万元，起数、损失
    分别下降… → 接报火灾起数, 直接财产损失); [] unless it named each."""
    sentence = re.split(r"[。；;！？\n]", text_before)[-1]
    named = []
    for subject in subjects:
        whole = re.search(rf"([\u4e00-\u9fff]{{0,8}}{subject})\s*[0-9０-９]", sentence)
        counted = subject.endswith("数") and re.search(
            rf"([\u4e00-\u9fff]{{2,8}}?)\s*[0-9０-９][0-9０-９.,，]*\s*[余多]?{re.escape(subject[:-1])}(?![\u4e00-\u9fff]*数)",
            sentence)
        if whole:
            named.append(clean(whole.group(1), lexicon))
        elif counted:
            named.append(clean(counted.group(1), lexicon) + subject)
        else:
            return []
    return named if any(len(name) > len(subject) for name, subject in zip(named, subjects)) else []


def _with_measure_before(subjects: list[str], text_before: str, lexicon: Lexicon) -> list[str]:
    """Short subjects (小学、初中) with the measure the clause before names for them (专任教师中本科学历比例 → 小学本科
    学历比例); as they are when that clause names no measure."""
    clause = clean(CLAUSE_BREAK.split(text_before.rstrip("，,：: "))[-1], lexicon)
    words = [word for word, _flag in tokens(clause)]
    measure = "".join(words[len(words) - words[::-1].index("中"):]) if "中" in words else clause
    if len(measure) < 2 or not measure.endswith(lexicon.label_shared_measures):
        return subjects
    return [subject + measure for subject in subjects]


def _with_shared_measure(subjects: list[str], lexicon: Lexicon) -> list[str]:
    """Each subject with the measure the last one names for all, when the others are single words (城镇 → 城镇常住
    居民人均可支配收入); as written otherwise: a noun the last one ends with may be its own."""
    last = [word for word, _flag in tokens(subjects[-1])]
    if len(last) < 2 or not subjects[-1].endswith(lexicon.label_shared_measures):
        return subjects
    shared = "".join(last[1:])
    bound = re.match(r".+?(?:以上|以下)(?=.)", subjects[0])
    if bound and len(subjects) > 2 and all(len(subject) <= 4 for subject in subjects[1:-1]):
        # 限额以上批发业、零售业、住宿业、餐饮业销售额: a bound the first starts with is everyone's, as the last's measure
        items = [subjects[0][bound.end():], *subjects[1:-1], last[0]]
        whole = [bound.group() + _joined(item, shared) for item in items]
        return whole if all(len(name) <= LABEL_MAX for name in whole) else [_joined(item, shared) for item in items]
    if any(len(subject) > 4 for subject in subjects[:-1]):
        return _parallel(subjects)
    return [_joined(subject, shared) for subject in subjects[:-1]] + subjects[-1:]


def _joined(item: str, shared: str, least: int = 1) -> str:
    """批发业 and 业销售额 (住宿业销售额 in jieba's words) → 批发业销售额; 高血压患者规范管理 and 规范管理率 →
    高血压患者规范管理率: the words both say, once, where they say at least `least` characters alike."""
    overlap = next((length for length in range(min(len(item), len(shared)), least - 1, -1)
                    if item.endswith(shared[:length])), 0)
    return item + shared[overlap:]


def _parallel(subjects: list[str]) -> list[str]:
    """Subjects that end alike, the last with the measure (企业职工基本养老保险、城乡居民基本养老保险参保人数): each
    with that measure, in as few words as tell them apart (企业职工养老保险参保人数, 城乡居民养老保险参保人数)."""
    ending = tokens(subjects[0])[-1][0]
    at = subjects[-1].rfind(ending)
    measure = subjects[-1][at + len(ending):] if at > 0 else ""
    if not measure or not all(subject.endswith(ending) for subject in subjects[:-1]):
        return subjects
    whole = [subject + measure for subject in subjects[:-1]] + subjects[-1:]
    if all(len(subject) <= LABEL_MAX for subject in whole):
        return whole
    # too long: what tells each apart (企业职工, 城乡居民: not the words all have before the ending, 基本), what they
    # are (养老保险), the measure
    fronts = [subject[:subject.rfind(ending)] for subject in whole]
    common = os.path.commonprefix([front[::-1] for front in fronts])[::-1]
    return [front[:len(front) - len(common)] + ending + measure for front in fronts]


def respective_label(before: str, unit: str, lexicon: Lexicon) -> str:
    """The label of the figure told 分别 after a list of subjects, with the change the list says (刑事案件、治安案件
    立案数分别下降9.1%、26.4% → 治安案件立案数下降比例); "" when the figure is not in such a list."""
    subject = respective_subject(before, lexicon)
    if not subject:
        return told_before_label(before, unit, lexicon)
    suffix = lexicon.label_suffixes.get(unit, "数")
    change = CHANGE.match(COMPARED.sub("", RESPECTIVELY.search(before).group(2)))  # 分别较上年增长40%: a growth
    subject += change.group(1) if change else ""
    return with_measure(subject, suffix)


# 分别 opening its clause with at most one subject of its own: its figures are of those the part before counted
TOLD_BEFORE = re.compile(r"[，,；;]([^，。；：,;:！？\n、]{0,12}?)分别([^，。；：,;:！？\n]*)$")
PART_BREAK = re.compile(r"[，。；：,;:！？\n]")
CHANGE = re.compile(rf"\s*({'|'.join(CHANGE_WORDS)})(?![到至])")  # 提高到 a level is the level itself, no change


def told_before_label(before: str, unit: str, lexicon: Lexicon) -> str:
    """火灾扑救512起、抢险救援389起，分别占总数的40.4%、30.7% → 抢险救援占比; 高血压患者规范管理2146人、糖尿病患者
    规范管理683人，规范管理率分别为73.2%、70.8% → 糖尿病患者规范管理率: the n-th figure after a 分别 that lists no
    subjects is of the n-th the part before counted; "" when the part before counts fewer."""
    match = TOLD_BEFORE.search(before)
    if not match:
        return ""
    counted = PART_BREAK.split(before[:match.start()])[-1]
    figures = list(lexicon.figure.finditer(counted))
    index = len(lexicon.figure.findall(match.group(2)))
    names = re.findall(r"“([^”]{1,8})”", counted) or _things_listed(counted, lexicon)
    if len(names) >= 2 and len(figures) < 2 and index < len(names):  # “五一”“国庆”两个假期，分别接待游客…
        action = clean(without_figures(match.group(2), lexicon).split("、")[0], lexicon)
        return with_measure(shorten(names[index] + action, keep_first=True), lexicon.label_suffixes.get(unit, "数"))
    if len(figures) < 2 or index >= len(figures):
        return ""
    subjects = [clean(counted[start:figure.start()].lstrip("、和及与 "), lexicon)
                for start, figure in zip([0] + [figure.end() for figure in figures], figures)]
    subject = subjects[index]
    if any(item in lexicon.label_bare_measures for item in subjects[1:]):
        # 租房提取6.2万笔、金额5.4亿元: two measures of one thing, each named with it and by its measure
        subject = (subjects[index - 1] + subject if subject in lexicon.label_bare_measures
                   else subject + lexicon.label_suffixes.get(figures[index].group("unit"), ""))
    if len(subject) < 2:
        return ""
    tail = match.group(2)
    if tail.startswith("占"):  # 分别占总数的40.4%: each one's share
        return shorten(subject + "占比", keep_first=True)
    if "完成" in tail and unit == "%":  # 分别完成年度任务的118%
        return shorten(subject + "完成率", keep_first=True)
    change = CHANGE.match(COMPARED.sub("", tail))
    named = _joined(subject, clean(match.group(1), lexicon), least=2) + (change.group(1) if change else "")
    return with_measure(shorten(named, keep_first=True), lexicon.label_suffixes.get(unit, "数"))


def _things_listed(part: str, lexicon: Lexicon) -> list[str]:
    """对药品零售企业、医疗器械经营企业开展检查 → 药品零售企业, 医疗器械经营企业: the things a part lists, each up to the
    verb done to them all; [] for a part that lists none."""
    items = part.split("、")
    if len(items) < 2:
        return []
    words = tokens(items[-1])
    verb = next((at for at, (_word, flag) in enumerate(words) if at and flag == "v"), len(words))
    items[-1] = "".join(word for word, _flag in words[:verb])
    things = [clean(item, lexicon) for item in items]
    return things if all(len(thing) >= 2 for thing in things) else []
