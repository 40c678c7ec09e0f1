"""A field's label from the words around its figure: the thing counted plus its measure (干部培训期数)."""

from __future__ import annotations

import logging
import os
import re
from functools import lru_cache

from drafter.core.text.lexicon import Lexicon

# What is left of a criterion once its figure is gone (3亿元以上的项目 → 项目)
BOUND = re.compile(r"(?<=\0)(?:及|或)?(?:以上|以下|以内)的?")
CLAUSE_BREAK = re.compile(r"[，。；：、,;:！？（）()\n]")
# 5G, 4K keep their digits (a name, not a figure)
NOT_IN_LABEL = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|(?:19|20)[0-9]{2}年度?"  # a year goes whole, not leaving 年
                          r"|(?<![A-Za-z])[A-Za-z]{1,2}[0-9]+"  # a road's or a line's code (S217省道, G60): a name
                          r"|[0-9０-９.．,%％*＊×+＋～~\u2460-\u24ff]+(?![A-Za-z])|[“”‘’\"《》「」\s…·—\-]"
                          r"|[XＸ]{2,}")
LABEL_MAX = 12
AGE_RANGE = re.compile(r"[0-9０-９]+\s*(?:至|～|~|—|－|-|到)\s*[0-9０-９]+\s*周?岁|[0-9０-９]+\s*周?岁(?:及?以上|及?以下)")
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
    return [(pair.word, pair.flag) for pair in _tagger().lcut(text)] if text else []


def make_label(before: str, after: str, unit: str, lexicon: Lexicon) -> str:
    """先后12次开展“第一议题”学习 → 开展第一议题学习次数; 5名青年干部参加 → 青年干部人数."""
    before, after = AGE_RANGE.sub("", before), AGE_RANGE.sub("", after)  # 18至35岁青年: a criterion, not counted
    respective = _respective_subject(before, lexicon)
    if respective:  # 失业保险、工伤保险参保人数分别达到10.2万人、12.7万人: the n-th figure is the n-th's
        suffix = lexicon.label_suffixes.get(unit, "数")
        change = re.match(r"\s*(增长|下降|提高|降低|增加|减少|上升)", RESPECTIVELY.search(before).group(2))
        respective += change.group(1) if change else ""  # 刑事案件、治安案件立案数分别下降9.1%、26.4%
        return respective if _already_says(respective, suffix) else respective + suffix
    clauses = CLAUSE_BREAK.split(_without_figures(_whole_quotes(before), lexicon))
    head = _clean(clauses[-1], lexicon)
    # 收入较上年增长 is 收入增长: the year is the field's (较2022年 leaves 较 once the year is gone; 较上年末)
    head = re.sub(r"(较|比)(上年|去年|年)末?|同比|(较|比)(?=增长|下降|提高|降低|增加|减少|上升|提升)", "", head)
    bare = head in lexicon.label_bare_changes or head in lexicon.label_bare_measures or head.startswith("占")
    subject_before = bare and len(clauses) > 1
    if subject_before:  # 收入6.42亿元，同比增长7.5% → 收入同比增长; 税收收入…，占一般公共预算收入的65% → 税收收入占比
        subject = _without_manner(_subject_before(clauses, lexicon))  # 森林覆盖率稳步提升 → 森林覆盖率
        head = _shorten(subject, keep_first=True) + ("占比" if head.startswith("占") else head)
    elif len(clauses) > 1 and lexicon.figure.search(CLAUSE_BREAK.split(before)[-2]):
        head = _of_what_came_before(head, _clean(clauses[-2], lexicon), lexicon) or head
    raw_tail = CLAUSE_BREAK.split(_without_figures(_whole_quotes(after), lexicon))[0]
    quoted = re.match(r"^[“《]([^”》]{2,12})[”》]", raw_tail)
    tail = noun_phrase(_clean(_first_item(raw_tail, lexicon), lexicon), lexicon)
    if not head and not tail and len(clauses) > 1:  # 森林覆盖率稳步提升，达到63.48%: this clause names nothing
        head = _without_manner(_subject_before(clauses, lexicon))
    if quoted and unit not in lexicon.label_verbal_units:  # *份《协商纪要》: the quoted name is what is counted
        words = quoted.group(1)
    elif unit in lexicon.label_verbal_units:  # 开展培训12次, 12次开展培训, 举办3次座谈: the action is what is counted
        words = head if _has_noun(head) or not tail else head + raw_noun(raw_tail, lexicon)
    else:  # 5名青年干部, 实施重点项目18个: the noun after, else the noun before
        words = tail if len(tail) >= 2 and not (_one_verb(tail) and head) else head  # 农户1,020户增收: not 增收
    words = _shorten(words, keep_first=subject_before and words == head) or "数据"
    suffix = lexicon.label_suffixes.get(unit, "数")
    return (words if _already_says(words, suffix) else words + suffix) + _starting_point(before, after)


# A share of the task said after the clause that counted it (新增就业3126人，完成市下达任务的117.2%)
SHARE_OF_TASK = re.compile(r"完成[\u4e00-\u9fff]*(任务|目标|计划)")


def _subject_before(clauses: list[str], lexicon: Lexicon) -> str:
    """The nearest clause before the last that has words of its own (达到63.48%，较上年提高0.21个百分点: past 达到,
    to 森林覆盖率稳步提升)."""
    for clause in reversed(clauses[:-1]):
        cleaned = _clean(clause, lexicon)
        if cleaned:
            return cleaned
    return ""


def _of_what_came_before(head: str, clause_before: str, lexicon: Lexicon) -> str:
    """The rate or share named with what the clause before counted: 问题办结率, 精神障碍患者规范管理率, 就业任务完成率,
    投资计划完成率;
    "" when the head is not one said alone."""
    share = SHARE_OF_TASK.fullmatch(head)
    measure = head if lexicon.rate_alone.fullmatch(head) else share.group(1) + "完成率" if share else ""
    if not measure:
        return ""
    subject = _trailing_noun(clause_before) or clause_before  # 城镇新增就业: jieba takes 就业 for a verb
    subject = re.sub(r"(?<=..)(总数|总量|数量)$", "", subject)  # 消火栓总数达到5630个，完好率: of the 消火栓
    while len(subject) + len(measure) > LABEL_MAX and len(tokens(subject)) > 1:
        subject = "".join(word for word, _flag in tokens(subject)[1:])  # 严重精神障碍患者 → 精神障碍患者
    return subject + measure if subject and len(subject) + len(measure) <= LABEL_MAX else ""


def _trailing_noun(text: str) -> str:
    """The noun phrase a clause ends with (收集上报各类问题 → 问题; 在管严重精神障碍患者 → 严重精神障碍患者;
    城镇新增就业 → 就业): its last words while they name or describe something."""
    kept = []
    for word, flag in reversed(tokens(text)):
        if not (flag.startswith(NOUNISH) or flag in ("a", "b")) or word in ("各类", "全部"):
            break
        kept.insert(0, word)
    return "".join(kept)


LIGHT_VERBS = ("完成", "实现", "进行", "开展", "参加", "参与", "接受")


def distinct_label(label: str, after: str, unit: str, lexicon: Lexicon) -> str:
    """A second name for a count whose first is taken, from what the counted did (指导412户企业完成信用修复 →
    信用修复企业数 where 企业户数 names another figure); "" when the sentence says nothing more."""
    clause = CLAUSE_BREAK.split(_without_figures(after, lexicon))[0]
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
    named = _clean("".join(action), lexicon) + noun  # no digits, masks or marks in a name
    # 户数 and 家数 say the thing's count; a person's stays 人数 (课堂开讲青年干部人数)
    suffix = suffix if suffix == "人数" or not suffix.endswith("数") else "数"
    return named + suffix if named != noun and len(named + suffix) <= LABEL_MAX else ""


FROM = re.compile(r"(?:由|从)(?:年初|上年|去年|年初时|上年末)?的?$")  # 由12.3分钟, 由年初的86.2%
FROM_TO = re.compile(r"^[^，。；,;]*?(缩短|压缩|提高|提升|下降|降低|增加|减少|上升|增长)(?:到|至)")


def _starting_point(before: str, after: str) -> str:
    """由12.3分钟缩短至6.4分钟: the first figure is where the change started (（缩短前）), the second the figure
    itself; both would otherwise have the same name."""
    change = FROM_TO.match(after) if FROM.search(before.rstrip()) else None
    return f"（{change.group(1)}前）" if change else ""


# A list of subjects, 分别, then as many figures: the stretch after 分别 up to this figure holds the ones before it.
RESPECTIVELY = re.compile(r"([^，。；：,;:！？\n]{2,40}?)分别([^，。；：,;:！？\n]*)$")


def _respective_subject(before: str, lexicon: Lexicon) -> str:
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
    subjects = [subject for subject in (_clean(text, lexicon) for text in subjects + [current]) if subject]
    index = len(lexicon.figure.findall(match.group(2)))
    if len(subjects) < 2 or index >= len(subjects):
        return ""
    return _shorten(_with_shared_measure(subjects, lexicon)[index], keep_first=True)




def _with_shared_measure(subjects: list[str], lexicon: Lexicon) -> list[str]:
    """Each subject with the measure the last one names for all, when the others are single words (城镇 → 城镇常住
    居民人均可支配收入); as written otherwise: a noun the last one ends with may be its own."""
    last = [word for word, _flag in tokens(subjects[-1])]
    if len(last) < 2 or not subjects[-1].endswith(lexicon.label_shared_measures):
        return subjects
    if any(len(subject) > 4 for subject in subjects[:-1]):
        return _parallel(subjects)
    shared = "".join(last[1:])
    return [subject + shared for subject in subjects[:-1]] + subjects[-1:]


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


def _already_says(words: str, suffix: str) -> bool:
    """审计资金总额 needs no 金额, 参保率 no 比例, 培训人次 no 人次."""
    return (words.endswith(suffix) or (suffix == "金额" and words.endswith(("额", "资金")))
            or (words.endswith("量") and suffix not in ("比例", "时长", "人次", "次数"))  # 吞吐量, 用电量
            or (suffix == "数" and words.endswith("人次"))  # 门急诊人次突破185万
            or (suffix.endswith("数") and words.endswith("数"))  # 床位数达5.86张: not 床位数张数
            or (suffix == "比例" and words.endswith(("率", "比", "比重", "增速", "增幅", "涨幅", "降幅", "速度")))
            or (suffix == "时长" and words.endswith(("时间", "用时", "时长", "时限"))))


def raw_noun(text: str, lexicon: Lexicon) -> str:
    """The words after a verbal count, up to the next mark or figure: 3次常委会专题议政 → 常委会专题议政."""
    return _clean(_first_item(text, lexicon), lexicon)


DIGITS = frozenset("0123456789０１２３４５６７８９")


def _first_item(text: str, lexicon: Lexicon) -> str:
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


def _without_figures(text: str, lexicon: Lexicon) -> str:
    """Other figures are no part of a label: 1,300余家实体店 leaves 实体店, not 余家实体店 (七人普 and 12345热线,
    names, stay whole)."""
    return _outside_fixed(text, lexicon, lambda piece: lexicon.chinese_figure.sub("", BOUND.sub(
        "", lexicon.figure.sub("\0", piece)).replace("\0", "")))


def _fixed_mask(text: str, lexicon: Lexicon) -> list[bool]:
    """For each character of text, whether it is inside one of the lexicon's fixed phrases."""
    mask = [False] * len(text)
    for match in lexicon.fixed.finditer(text) if lexicon.fixed else ():
        mask[match.start():match.end()] = [True] * (match.end() - match.start())
    return mask


def _outside_fixed(text: str, lexicon: Lexicon, change) -> str:
    """`change` applied to the text between the lexicon's fixed phrases, which are kept as written."""
    if lexicon.fixed is None:
        return change(text)
    pieces, position = [], 0
    for match in lexicon.fixed.finditer(text):
        pieces += [change(text[position:match.start()]), match.group()]
        position = match.end()
    return "".join(pieces + [change(text[position:])])


def _whole_quotes(text: str) -> str:
    """A quotation is one name: its commas do not end the clause (“学习党的二十大·实干争先走前列”征文)."""
    return re.sub(r"“[^“”]{0,40}”", lambda match: re.sub(r"[，、,；;：:]", "", match.group()), text)


def _clean(text: str, lexicon: Lexicon) -> str:
    """No digits, figures, quotes or marks; no function word at either end (by jieba's words, so 在职 stays)."""
    text = _outside_fixed(text, lexicon, lambda piece: NOT_IN_LABEL.sub("", piece))
    # 诊疗率提高到72.4%, 时间缩短至68分钟: the figure is the rate or time itself, not its change
    text = re.sub(r"((提高|提升|上升|下降|降低|缩短|压缩|增加|减少|增长)(到|至)|控制在|保持在|稳定在|突破|超过|不少于|不低于|不超过|不高于|至少)$", "", text)
    text = re.sub(r"(?:由|从)(?:年初|上年|去年|年初时|上年末)?的?$", "", text)  # 完好率由年初的86.2%: where it started
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


def noun_phrase(text: str, lexicon: Lexicon) -> str:
    """What a count measures: 青年干部参加… → 青年干部; 同志被评为优秀党员 → 优秀党员; 推荐应用的基础上 → 推荐应用."""
    if not text:
        return ""
    for verb in lexicon.named_as:
        if verb in text and len(text.split(verb, 1)[1]) >= 2:
            return text.split(verb, 1)[1]
    text = text.split("的")[0] or text
    ends = "|".join(map(re.escape, lexicon.noun_ends)) or "$^"
    text = re.split(ends, text)[0] or text
    words, scoped = [], False
    for word, flag in tokens(text):
        if not words and word in lexicon.label_scope_words:  # 困难群众2.18万人全部纳入: 全部 names nothing
            scoped = True
            continue
        if scoped and not words and flag.startswith("v") and not flag.startswith("vn"):
            return ""  # …全部纳入资助范围: what is said of the count, no noun of it
        # the noun ends where what is said of it starts: a verb, an adverb (共, 均), a preposition (对), 全部 or an
        # idiom (全面落实)
        if words and ((flag.startswith("v") and not flag.startswith("vn")) or flag in ("d", "i", "p")
                      or word in lexicon.label_scope_words):
            break
        words.append(word)
    noun = "".join(words)
    return noun if len(noun) >= 2 and (len(words) > 1 or len(text) > 6) else text


def _one_verb(text: str) -> bool:
    parts = tokens(text)
    return len(parts) == 1 and parts[0][1].startswith("v") and not parts[0][1].startswith("vn")


def _without_manner(text: str) -> str:
    """A clause without how its subject went, when it says so with an adverb (森林覆盖率稳步提升 → 森林覆盖率);
    as it is otherwise (一般公共预算收入: jieba may take 收入 for a verb)."""
    parts = tokens(text)
    end = len(parts)
    while end and (parts[end - 1][1] == "d" or (parts[end - 1][1].startswith("v") and not parts[end - 1][1].startswith("vn"))):
        end -= 1
    said_how = any(flag == "d" for _word, flag in parts[end:])
    return "".join(word for word, _flag in parts[:end]) if said_how and end else text


def _has_noun(text: str) -> bool:
    return any(flag.startswith(NOUNISH) and len(word) >= 2 for word, flag in tokens(text))


def _shorten(words: str, keep_first: bool = False) -> str:
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
