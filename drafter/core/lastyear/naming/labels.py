"""A field's label from the words around its figure: the thing counted plus its measure (干部培训期数)."""

from __future__ import annotations

import re

from drafter.core.lastyear.naming.listed import respective_label
from drafter.core.lastyear.naming.wording import (CHANGE_WORDS, CLAUSE_BREAK, COMPARED, FROM, LABEL_MAX, LOOKBACK, NOUNISH, clean, first_item,
                                                  shorten, tokens, whole_quotes, with_measure, without_figures)
from drafter.core.text.lexicon import Lexicon

# A code after a name says it again (细颗粒物（PM2.5）, 国内生产总值（GDP）), months say when (汛期（5—9月）): no part of
# the label, and no clause break
CODE_IN_BRACKETS = re.compile(r"[（(](?:[A-Za-z0-9.．]{1,8}|[0-9０-９]{1,2}\s*[—\-－～~至到]\s*[0-9０-９]{1,2}[月日])[）)]")
ALTERNATE_NAME = re.compile(r"(?<=[额量数率])[（(][\u4e00-\u9fff]{1,4}[额量数率][）)]")
# A word or two in brackets inside a name is part of it (审计（调查）项目 → 审计调查项目, 186个村（社区） → 村社区)
INLINE_NOTE = re.compile(r"(?<=[\u4e00-\u9fff])[（(]([\u4e00-\u9fff]{1,4})[）)]")
AGE_RANGE = re.compile(r"[0-9０-９]+\s*(?:至|～|~|—|－|-|到)\s*[0-9０-９]+\s*周?岁|[0-9０-９]+\s*周?岁(?:及?以上|及?以下)")


def make_label(before: str, after: str, unit: str, lexicon: Lexicon) -> str:
    """先后12次开展“第一议题”学习 → 开展第一议题学习次数; 5名青年干部参加 → 青年干部人数."""
    before, after = _prepared(before[-LOOKBACK:], lexicon, at_end=True), _prepared(after[:LOOKBACK], lexicon)
    respective = respective_label(before, unit, lexicon)
    if respective:  # 失业保险、工伤保险参保人数分别达到10.2万人、12.7万人: the n-th figure is the n-th's
        return respective
    clauses = CLAUSE_BREAK.split(without_figures(whole_quotes(before), lexicon))
    head = clean(clauses[-1], lexicon)
    head = COMPARED.sub("", head)  # 收入较上年增长 is 收入增长: the year is the field's
    head = _of_its_thing(head, clauses[:-1], lexicon)  # 粮食播种面积46.8万亩，总产量19.35万吨 → 粮食总产量
    head = _share(head)  # 税收收入占全县一般公共预算收入的比重 → 税收收入占比
    bare = head in lexicon.label_bare_changes or head in lexicon.label_bare_measures or head.startswith("占")
    if not bare:  # 出动消防车2341辆次、指战员1.26万人次 → 出动指战员
        head = _with_the_list_s_verb(head, before, unit in lexicon.label_verbal_units)
    subject_before = bare and len(clauses) > 1
    if subject_before:  # 收入6.42亿元，同比增长7.5% → 收入同比增长; 税收收入…，占一般公共预算收入的65% → 税收收入占比
        subject = _without_manner(_subject_before(clauses, lexicon))  # 森林覆盖率稳步提升 → 森林覆盖率
        if head in ("总数", "总量"):  # 新增商贸企业87家，总数达到1126家: the total is of all of them, not of the new
            subject = re.sub(rf"^(?:{'|'.join(NEW_WORK)})", "", subject) or subject
        head = shorten(subject, keep_first=True) + ("占比" if head.startswith("占") else head)
    elif len(clauses) > 1 and lexicon.figure.search(CLAUSE_BREAK.split(before)[-2]):
        # 排查积案86件，化解80件，化解率93%; 受理工单5.62万件，同比下降8.3%，按时办结率99.4%
        at = len(clauses) - 2
        done = clean(clauses[at], lexicon)
        while at > 0 and done and (head.startswith(done) or _is_bare_change(done, lexicon)):
            at -= 1
            done = clean(clauses[at], lexicon)
        head = _of_what_came_before(head, done, lexicon) or head
    raw_tail = CLAUSE_BREAK.split(without_figures(whole_quotes(after), lexicon))[0]
    raw_tail = "" if raw_tail.startswith(("并", "且")) else raw_tail  # 检视问题23个并逐项整改: what came of them
    quoted = re.match(r"^[“《]([^”》]{2,12})[”》]", raw_tail)
    tail = noun_phrase(clean(first_item(raw_tail, lexicon), lexicon), lexicon)
    if not head and not tail and len(clauses) > 1:  # 森林覆盖率稳步提升，达到63.48%: this clause names nothing
        head = _without_manner(_subject_before(clauses, lexicon))
    elif not tail and (unit not in lexicon.label_verbal_units or _alongside(head, lexicon) and not subject_before):
        head = _of_the_counted(head, before, unit, lexicon)
    if quoted and unit not in lexicon.label_verbal_units:  # *份《协商纪要》: the quoted name is what is counted
        words = quoted.group(1)
    elif unit in lexicon.label_verbal_units:  # 开展培训12次, 12次开展培训, 举办3次座谈: the action is what is counted
        words = head if _has_noun(head) or not tail else head + raw_noun(raw_tail, lexicon)
    else:  # 5名青年干部, 实施重点项目18个: the noun after, else the noun before
        words = tail if len(tail) >= 2 and not (_one_verb(tail) and head) else head  # 农户1,020户增收: not 增收
        if words == tail and _for_whom(before, lexicon):  # 为1476名老人发放高龄津贴 → 高龄津贴老人
            words = _what_they_got(tail, raw_tail, lexicon) + tail
    keep_first = subject_before and words == head
    words = shorten(_in_short_form(words, lexicon), keep_first=keep_first) or "数据"
    suffix = lexicon.label_suffixes.get(unit, "数")
    if len(suffix) > 1 and suffix.endswith("数") and words.endswith(("总量", "数量", "总数")) and _listed(before, after):
        words = words[:-2]  # 馆藏档案总量达到38.6万卷、21.4万件: 馆藏档案卷数, 馆藏档案件数
    return _with_starting_point(with_measure(words, suffix), before, after)


def _in_short_form(words: str, lexicon: Lexicon) -> str:
    """A label too long to keep whole, in the short forms offices write (非物质文化遗产 → 非遗), so that cutting it
    keeps more of what it names; as it is when it fits."""
    for long, short in lexicon.label_short_forms.items():
        if len(words) <= LABEL_MAX:
            break
        words = words.replace(long, short)
    return words


def _prepared(text: str, lexicon: Lexicon, at_end: bool = False) -> str:
    """The words around a figure as a label reads them: an age bound just before it as its group (其中35岁以下 → 其中
    青年), codes, months and second names in brackets gone, a word in brackets inside a name kept, other age bounds
    gone (18至35岁青年: a criterion, not counted)."""
    text = _age_group(text, lexicon) if at_end else text
    text = ALTERNATE_NAME.sub("", CODE_IN_BRACKETS.sub("", text))  # 细颗粒物（PM2.5）, 销售额（营业额）
    return AGE_RANGE.sub("", INLINE_NOTE.sub(r"\1", text))  # 审计（调查）项目, 村（社区）


SHARE_OF = re.compile(r"(?P<part>.{2,}?)占(?P<whole>.{2,}?)的?(?P<measure>比重|比例)")


def _share(head: str) -> str:
    """A part's share of a whole, named by the part (税收收入占全县一般公共预算收入的比重 → 税收收入占比), the whole
    too where the label has room (税收占财政收入比重)."""
    share = SHARE_OF.fullmatch(head)
    if not share:
        return head
    named = share.group("part") + "占" + _without_scope(share.group("whole")) + share.group("measure")
    return named if len(named) <= LABEL_MAX else share.group("part") + "占比"


# The figure counts those an action was for or done to (为1476名老人发放…, 对18家单位开展…, 将94家企业纳入…)
FOR_WHOM = re.compile(r"(?:为|对|向|给|将|帮助)(?:辖区|全县|全市|全区|全镇)?\s*$")


def _for_whom(before: str, lexicon: Lexicon) -> bool:
    """Whether the figure counts those an action was for, the word before it opening its clause or said after a
    manner only (按时足额为…, 依法将…: the lexicon's function words, manners and scope words), not ending a verb (成为,
    作为, 认定为)."""
    found = FOR_WHOM.search(before)
    if not found:
        return False
    manner = re.split(r"[，。；,;：:\s]", before[:found.start()])[-1]
    allowed = {*lexicon.label_function_words, *lexicon.label_rate_manners, *lexicon.label_scope_words}
    return all(word in allowed for word, _flag in tokens(manner))


def _what_they_got(noun: str, raw_tail: str, lexicon: Lexicon) -> str:
    """What was done for those counted, by its object (老人发放高龄津贴 → 高龄津贴; 单位开展消防专项检查 → 消防专项检查);
    "" when the words after them say no such thing."""
    words = tokens(raw_tail)
    spelled = next((count for count in range(1, len(words) + 1) if "".join(w for w, _f in words[:count]) == noun), 0)
    rest = words[spelled:] if spelled else []
    if not rest or not rest[0][1].startswith("v") or rest[0][1] == "vn":
        return ""
    got = clean("".join(word for word, _flag in rest[1:]), lexicon)
    return got if len(got) >= 2 else ""


def _age_group(before: str, lexicon: Lexicon) -> str:
    """An age bound just before the figure is the group counted (其中35岁以下7名 → 其中青年); one before a noun
    (60岁以上老人) only says which of them, and goes."""
    for bound, group in lexicon.label_age_groups.items():
        if before.endswith(bound):
            return before.removesuffix(bound) + group
    return before


AMONG = re.compile(r"其中[^，。；,;：:]*$")


def _of_the_counted(head: str, before: str, unit: str, lexicon: Lexicon) -> str:
    """A count said without its thing is of what the clause before counted: 发展党员9名，其中青年7名 → 青年发展党员;
    排查入河排污口138个，已完成整治126个 → 入河排污口完成整治; the head as it is otherwise."""
    among = AMONG.search(before)
    if head in lexicon.groups_of_people:
        return head + _of_whom(before[:among.start()], lexicon) if among else head
    parts = tokens(head)
    done = parts and parts[0][1].startswith("v") and parts[0][1] != "vn"  # 已完成整治: what was done, to what?
    if done and re.search(r"、[^，。；：、,;:！？]*$", before):
        return head  # 新建道路12公里、改造管网8公里: a list of things done, each to its own thing
    if not (done or _alongside(head, lexicon)):
        return head
    # the nearest clause of the sentence that ends counting in this unit (建成高标准农田5.2万亩，完成任务的108%，累计建成…)
    clauses = CLAUSE_BREAK.split(re.split(r"[。；;！？\n]", before)[-1])[:-1]
    # those taking part in what the clause before counted, in whatever unit (社团课程42门，参与学生1480人)
    counted = None if _alongside(head, lexicon) else unit
    clause = next((clause for clause in reversed(clauses) if _ends_counting(clause, counted, lexicon)), "")
    if not clause:
        return head
    thing = []
    for word, flag in reversed(tokens(clean(without_figures(clause, lexicon), lexicon))):
        if flag in ("r", "d", "p", "m", "c", "u", "uj") or flag == "v" or word in lexicon.label_scope_words:
            break  # 排查各类安全隐患: the thing ends the clause, after what was done to it
        thing.insert(0, (word, flag))
    # 排查入河排污口: the checking is no thing; nor 新建 (which jieba may take for a place)
    while len(thing) > 1 and (not thing[0][1].startswith(("n", "i")) or thing[0][0] in NEW_WORK):
        thing.pop(0)
    while len(thing) > 1 and len("".join(word for word, _flag in thing) + head) > LABEL_MAX:
        thing.pop(0)  # 立案查处违法用地案件 → 违法用地案件: the thing, not how it was found
    thing = "".join(word for word, _flag in thing)
    if thing in head:  # 新建幸福院9个，累计建成农村幸福院48个: it names its thing itself
        return head
    return thing + head if thing and len(thing + head) <= LABEL_MAX else head


def _with_the_list_s_verb(head: str, before: str, verbal: bool) -> str:
    """A bare thing in a list of counts is what the list's verb was done with (出动消防车2341辆次、指战员1.26万人次 →
    出动指战员; 发放宣传资料5000份、宣传品2000件 → 发放宣传品), and so is a list of things an action was counted
    for (走访独居、空巢老人1800余次 → 走访空巢老人); as it is when it has its own verb."""
    listed = re.search(r"(?:^|[，。；：,;:！？\n])([^，。；：,;:！？\n]+)、[^，。；：、,;:！？\n]*$", before)
    words = tokens(head)
    if not listed or not words or any(flag.startswith("v") for _word, flag in words):
        return head  # no list, or a thing with its own verb
    counts = re.search(r"\d", listed.group(1))
    if not (counts or verbal):
        return head  # a list of names counted as things (开设书法、合唱等社团课程42门)
    first = tokens(listed.group(1))
    # the verb a list of counts opens with (出动消防车…); the one just before a list of names (走访独居、空巢老人)
    verbs = first[:1] if counts else [word for word in first[:-1] if word[1] == "v"][-1:]
    if not verbs:
        return head
    verb, flag = verbs[0]
    if not flag.startswith("v") or flag == "vn" or len(verb) < 2 or len(verb + head) > LABEL_MAX:
        return head
    return verb + head


TAKING_PART = ("参与", "参加", "参训", "参赛", "参考")


def _alongside(head: str, lexicon: Lexicon) -> bool:
    """Those taking part in what the clause before counted (参与学生), or a measure it involved (涉及耕地面积): named
    with that thing, whatever its unit."""
    return head.startswith(TAKING_PART) or head.startswith("涉及") and head.endswith(lexicon.label_shared_measures)


NEW_WORK = ("新建", "新增", "改建", "扩建", "新开")


def _ends_counting(clause: str, unit: str | None, lexicon: Lexicon) -> bool:
    """Whether the clause ends with a figure (in this unit, unless None)."""
    counted = list(lexicon.figure.finditer(clause))
    return bool(counted) and unit in (None, counted[-1].group("unit")) and not clause[counted[-1].end():].strip()


def _of_whom(before: str, lexicon: Lexicon) -> str:
    """The people a group said after 其中 belongs to: the subject of the clause before (全镇发展党员 → 发展党员)."""
    return _without_scope(_subject_before(CLAUSE_BREAK.split(without_figures(before, lexicon)) + [""], lexicon))


def _listed(before: str, after: str) -> bool:
    """Whether the figure is one of a list joined by 、 (38.6万卷、21.4万件)."""
    return before.rstrip().endswith("、") or after.lstrip().startswith("、")


def _without_scope(text: str) -> str:
    """全镇发展党员 → 发展党员: the scope every figure of the report shares."""
    return re.sub(r"^全[县市区镇乡省村局院校州盟旗](?=..)", "", text)


def _of_its_thing(measure: str, clauses: list[str], lexicon: Lexicon) -> str:
    """A measure said of what the clauses before named, with that thing: 总产量 after 粮食播种面积… → 粮食总产量;
    as it is otherwise."""
    if not measure.startswith(tuple(lexicon.label_partial_measures)):  # 总产量, 产值增速
        return measure
    for clause in reversed(clauses):
        words = tokens(_without_scope(clean(clause, lexicon)))
        if words and words[0][1].startswith(NOUNISH) and words[0][0] not in lexicon.label_partial_measures:
            return words[0][0] + measure
    return measure


# A share of the task said after the clause that counted it (新增就业3126人，完成市下达任务的117.2%)
SHARE_OF_TASK = re.compile(r"完成[\u4e00-\u9fff]*(任务|目标|计划)")


def _subject_before(clauses: list[str], lexicon: Lexicon) -> str:
    """The nearest clause before the last that has words of its own (达到63.48%，较上年提高0.21个百分点: past 达到,
    to 森林覆盖率稳步提升)."""
    for index in range(len(clauses) - 2, -1, -1):
        cleaned = clean(CAUSE.sub("", clauses[index]), lexicon)  # 受疫情冲击，增速-1.3%: the cause is no subject
        if SHARE_OF_TASK.match(cleaned):  # 投资18.64亿元，完成年度计划的112.3%，同比增长6.8%: the growth is the investment's
            continue
        if cleaned and not _is_bare_change(cleaned, lexicon):  # 粮食…，总产量…，同比增长2.1%: the 总产量 of the 粮食
            # 零售总额增长6.5%、达到348亿元: the level reached is of the 零售总额, not of its growth
            cleaned = CHANGED.sub("", COMPARED.sub("", cleaned)) or cleaned
            return _share(_of_its_thing(cleaned, clauses[:index], lexicon))
    return ""


CHANGED = re.compile(rf"(?<=..)(?:{'|'.join(CHANGE_WORDS)})$")
CAUSE = re.compile(r"(?:受|因|由于)[^，。；,;]*?(?:影响|冲击|制约)")


def _is_bare_change(text: str, lexicon: Lexicon) -> bool:
    """同比增长, 较上年提高: a change said without its subject."""
    return COMPARED.sub("", text) in lexicon.label_bare_changes


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
    rate = re.search(rf"(?:{lexicon.rate_alone.pattern})$", subject)
    subject = subject[:rate.start()] if rate else subject  # 信访事项及时受理率99.6%，按期办结率: of the 信访事项
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


FROM_TO = re.compile(r"^[^，。；,;]*?(缩短|压缩|提高|提升|下降|降低|增加|减少|上升|增长)(?:到|至)")


def _with_starting_point(label: str, before: str, after: str) -> str:
    """由12.3分钟缩短至6.4分钟: the first figure is where the change started, the second the figure itself; both
    would otherwise have the same name. The start is named by its time where the sentence gives one (由年初的86.2% →
    年初…, 由2023年的8125名 → 上年…: a report tells the year before its own), else as offices do (原平均办理时间)."""
    start = FROM.search(before.rstrip())
    if not start or not FROM_TO.match(after):
        return label
    time = start.group("time") or ""
    if time.endswith("前") and not time.endswith("年前"):  # 由审计前的61.3%: named by that time
        return time + label
    return ("原" if not time else "年初" if time.startswith("年初") else "上年末" if time.endswith(("末", "底"))
            else "上年") + label


def raw_noun(text: str, lexicon: Lexicon) -> str:
    """The words after a verbal count, up to the next mark or figure: 3次常委会专题议政 → 常委会专题议政."""
    return clean(first_item(text, lexicon), lexicon)


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


def target_subject(before: str, lexicon: Lexicon) -> str:
    """What a target in brackets after a sentence without a figure is of: the clause's rate or share (普及率进一步
    提高 → 普及率; 准确率保持较高水平 → 准确率), else its subject without how it went; "" when it names nothing."""
    clause = clean(CLAUSE_BREAK.split(without_figures(whole_quotes(before), lexicon))[-1], lexicon)
    rate = re.match(r".*(率|比例|比重|占比)", clause)
    return shorten(rate.group() if rate else _without_manner(clause), keep_first=True)
