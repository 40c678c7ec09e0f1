"""Finding last year's figures in a text and making each a field: Arabic (1,260人次, 1.86亿元), Chinese
(一万二千余人次) and masked (**名); masked names (**市) become text fields; ordinals and names stay text."""

from __future__ import annotations

import re

from drafter.core.lastyear.naming.apart import told_apart
from drafter.core.lastyear.naming.labels import make_label, noun_phrase, target_subject
from drafter.core.lastyear.naming.wording import CHANGE_WORDS, NOUNISH, tokens, with_measure
from drafter.core.report.model import Field
from drafter.core.text.figures import Figure, FigureError, chinese_figure, figure_from_match, least_value
from drafter.core.text.lexicon import Lexicon
from drafter.core.text.numbers import NumberError, parse_number
from drafter.core.text.spans import TEMPLATE_CODE

# Short quotations and titles are names (“七个一”, 《2021—2025年规划》); an unclosed “ protects nothing.
NAME = r"《[^《》\n]{1,40}》|“[^“”\n]{1,30}”"
MASKED_NAME = re.compile(r"[*＊]{1,6}")
PLACE_WORDS = "省市县区镇乡村州盟旗"
CHINESE_PERCENT = re.compile(r"百分之(?P<number>[零〇一二三四五六七八九十百两]+(?:点[零〇一二三四五六七八九]+)?)")
RANGE_JOIN = re.compile(r"\s*(?:至|～|~|—|－|-|到)\s*")
# The lower end of a range whose upper end carries the unit: 3至5座, 3～5个 (15%～30% has a unit on both).
RANGE_START = re.compile(r"(?<![0-9０-９.．])(?P<number>[0-9]+(?:\.[0-9]+)?)(?=\s*(?:至|～|~|—|－|-|到)\s*[0-9])")
# An age bounding who is meant (60岁以上老人, 18至35岁青年) is a criterion, not a figure of the year
AGE_BOUND = re.compile(r"\s*(?:及?以上|及?以下|以内|至|～|~|-|—)")
AGE_RANGE_END = re.compile(r"[0-9０-９]\s*(?:至|～|~|—|－|-|到)\s*$")
CELL_NUMBER = re.compile(r"^[约]?[-－−]?[0-9０-９][0-9０-９,，.．]*(万|亿)?(余|多)?$")
# A bound saying who or what is meant (600分以上11人, 2亩以上耕地, 3亿元以上的项目, 3个月内办结): a criterion, not a
# figure; a bound ending the clause (增长10%以上。) or aimed at (控制在5分钟以内) is the figure itself.
CRITERION = re.compile(r"\s*(?:及|或)?(?:以上|以下|以内|内)(?=[\u4e00-\u9fff0-9０-９])")
REACHING = ("惠及", "覆盖", "带动", "涉及")  # 补贴…分别为…，分别惠及6120人、8034人: each reached so many
# A clause of changes told 分别 without a subject of its own, after a clause of figures (…，同比分别下降16%、6.9%)
RESPECTIVE_CHANGE = re.compile(r"(?P<before>[^，。；,;：:！？\n]*)[，,]\s*(?:同比|较上年|比上年)?分别(?:同比|较上年|比上年)?"
                               rf"(?P<change>{'|'.join(CHANGE_WORDS + REACHING)})"
                               r"(?P<here>[^，。；,;：:！？\n]*)$")
TARGET_ALONE = re.compile(r"[（(](?:目标值|目标|计划|预期)(?:为|是)?$")
TARGET_IN_BRACKETS = re.compile(r"[0-9０-９%％][^，。；（(]{0,3}[（(](?:目标值|目标|计划|预期)(?:为|是)?$")
# 省级2项、市级8项, 一类12个、二类5个: a figure's grade after the figure before (with its own, of the same kind)
GRADE = re.compile(r"(?:国家|省|市|县|区|州|乡|镇|村|部|厅)级|[一二三四五甲乙丙]类|[一二三四五]星级?|[一二三四五]档")
NEXT_GRADE = re.compile(rf"[0-9０-９][^，。；,;、]{{0,4}}、({GRADE.pattern})$")
# A bound said before the figure and tied to a noun by 的 (投资超10亿元的项目, 不足20平方米的场所): a criterion too
BOUND_WORD = re.compile(r"(?:超|超过|逾|高于|低于|不足|不到)\s*$")
OF_WHICH = re.compile(r"\s*的(?=[\u4e00-\u9fff])")
AIMED_AT = re.compile(r"(?:至|到|在|达|为|突破|超过)\s*$")  # 缩短至5.2分钟以内受理: the bound is the figure's own


def _chinese_notation(number: str) -> str:
    """How Chinese numerals print again: 万余人 stays 万, not 一万."""
    return "chinese_bare" if number in ("百", "千", "万") else "chinese"


class FieldMaker:
    """Collects the fields made while converting one document, naming them figure_01, figure_02, …"""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.fields: list[Field] = []
        self.labels: set[str] = set()  # the fields' labels, kept as they are made (a big report has thousands)
        self.figures: list[Field] = []  # the figures' fields so far, in text order (a hidden name's is none)
        self.names: dict[str, str] = {}  # a masked name's label → its text field
        self.targets = False  # set while the text read is a plan for the year ahead (the builder knows its parts)
        parts = [NAME, TEMPLATE_CODE.pattern] + ([lexicon.fixed.pattern] if lexicon.fixed else [])
        self.protected = re.compile("|".join(parts))

    def replace_figures(self, text: str) -> str:
        """Text with every figure outside names replaced by a field reference, and masked names by text fields."""
        pieces, position = [], 0
        for match in self.protected.finditer(text):
            pieces += [self._figures_in(text, position, match.start()), match.group()]
            position = match.end()
        pieces.append(self._figures_in(text, position, len(text)))
        return self._masked_names("".join(pieces))

    def _figures_in(self, whole: str, start: int, end: int) -> str:
        span = whole[start:end]
        matches = [(m, "arabic") for m in self.lexicon.figure.finditer(span)]
        matches += [(m, "chinese") for m in self.lexicon.chinese_figure.finditer(span)]
        matches += [(m, "chinese_percent") for m in CHINESE_PERCENT.finditer(span)]
        matches += [(m, "range_start") for m in RANGE_START.finditer(span)
                    if self.lexicon.figure.match(span, m.end() + len(RANGE_JOIN.match(span, m.end()).group()))]
        pieces, position = [], 0
        for match, kind in sorted(matches, key=lambda item: item[0].start()):
            if match.start() < position:
                continue
            figure = self._figure(match, kind, whole, start)
            if figure is None or self._age_criterion(figure, match, kind, span, whole, start):
                continue
            before, after = whole[: start + match.start()], whole[start + match.end():]
            unit = "%" if figure.type == "percent" else figure.unit
            if kind == "range_start":  # 3至5座: the lower bound prints bare; its label names the upper's unit
                upper = self.lexicon.figure.search(span, match.end())
                unit = upper.group("unit") or ("%" if upper.group("percent") else "")
                after = span[upper.end():] + whole[start + end:]
            label = (self._target_of_the_figure_before(before) or self._of_the_clause_before(before, after, unit)
                     or self._grade_of_the_figure_before(before) or make_label(before, after, unit, self.lexicon)) + (
                "（下限）" if kind == "range_start" or self._starts_a_range(span, match) else "")
            if label in self.labels:  # told apart by what the sentence says, if it can
                label = told_apart(label, before, after, unit, self.lexicon, self.labels) or label
            pieces += [span[position:match.start()], self.add(label, figure)]
            position = match.end()
        pieces.append(span[position:])
        return "".join(pieces)

    def _starts_a_range(self, span: str, match: re.Match) -> bool:
        """15%～30%: a figure with its own unit that a range's upper end follows is the lower bound."""
        join = RANGE_JOIN.match(span, match.end())
        return join is not None and self.lexicon.figure.match(span, join.end()) is not None

    def _age_criterion(self, figure: Figure, match: re.Match, kind: str, span: str, whole: str, start: int) -> bool:
        if kind == "range_start":
            upper = self.lexicon.figure.search(span, match.end())
            return upper is not None and upper.group("unit") == "岁"
        if CRITERION.match(whole, start + match.end()) and not AIMED_AT.search(whole, 0, start + match.start()):
            return True
        if BOUND_WORD.search(whole, 0, start + match.start()) and OF_WHICH.match(whole, start + match.end()):
            return True  # 投资超10亿元的重大项目: which projects are meant
        return figure.unit == "岁" and bool(AGE_BOUND.match(whole, start + match.end())
                                          or AGE_RANGE_END.search(whole, 0, start + match.start()))

    def _figure(self, match: re.Match, kind: str, whole: str, offset: int) -> Figure | None:
        preceding = whole[max(0, offset + match.start() - 1): offset + match.start()]
        if preceding and preceding in self.lexicon.ordinal_before and not whole.endswith(
                self.lexicon.ordinal_not_after, 0, offset + match.start()):  # 第3次会议 is an ordinal; 提前3天 a count
            return None
        try:
            if kind == "arabic":
                return figure_from_match(match, self.lexicon)
            if kind == "range_start":
                value = parse_number(match.group("number"))
                whole_number = value == value.to_integral_value()
                return Figure(value, "integer" if whole_number else "decimal", "", "", "plain")
            if kind == "chinese_percent":  # 百分之十五, 百分之十二点五: kept in words when printed
                number = match.group("number")
                return Figure(parse_number(number), "percent", "", "", _chinese_notation(number))
            figure = chinese_figure(match)
        except (NumberError, FigureError):
            return None
        number = match.group("number")
        if number == "一" or (len(number) == 1 and match.group("unit") in self.lexicon.chinese_slogan_units):
            return None  # 一批, “四个意识”, 八项规定: an article or a name, not a count
        if number == "二" and match.group("unit") == "期":
            return None  # 医院二期, 4号线二期: a phase (two of something is 两期)
        if number in ("百", "千", "万") and not match.group("qualifier"):
            return None  # 千家万户 is a phrase; 万余人 and 千余名 are counts
        figure.notation = _chinese_notation(number)
        return figure


    def _target_of_the_figure_before(self, before: str) -> str:
        """签约率达到72.3%（目标值75%）: the target is the figure before's, named after it (签约率目标值); 普及率进一步
        提高（目标值98.5%）: of the thing the clause names (普及率目标值)."""
        if TARGET_ALONE.search(before) and not TARGET_IN_BRACKETS.search(before):
            subject = target_subject(before[:TARGET_ALONE.search(before).start()], self.lexicon)
            return subject + "目标值" if subject else ""
        if not TARGET_IN_BRACKETS.search(before):
            return ""
        figures = self.figures
        return re.sub(r"（\d+）$", "", figures[-1].label) + "目标值" if figures else ""

    def _of_the_clause_before(self, before: str, after: str, unit: str) -> str:
        """收入分别为41200元、21800元，分别增长4.6%、7.2%: the n-th change belongs to the n-th figure of the clause
        before, and is named after it (城镇…收入增速); told after clauses of one figure each (春节接待游客41.2万人次，
        国庆接待游客52.6万人次，分别增长21.4%、9.7%), to the n-th of as many figures before it in the sentence;
        "" for any other figure."""
        match = RESPECTIVE_CHANGE.search(before)
        if not match:
            return ""
        here = len(self.lexicon.figure.findall(match.group("here")))
        told = here + 1 + len(self.lexicon.figure.findall(re.split(r"[，。；,;：:！？\n]", after)[0]))
        earlier = len(self.lexicon.figure.findall(match.group("before")))
        sentence = re.split(r"[。；;！？\n]", before[:match.end("before")])[-1]
        if earlier < told <= len(self.lexicon.figure.findall(sentence)):
            earlier = told  # one figure a clause: the changes are those clauses' figures, in order
        figures = self.figures
        if here >= earlier or earlier + here > len(figures):
            return ""
        told_of = [re.sub(r"（\d+）$", "", figure.label) for figure in figures[len(figures) - earlier:]]
        subject = told_of[0]  # the first change is the first's
        stem = subject.removesuffix("金额")
        if len(stem) > 2 and not any(other != subject and other.startswith(stem) for other in told_of):
            subject = stem  # 收入增长, not 收入金额增长; but 租房提取笔数、租房提取金额 keep what tells them apart
        words = tokens(subject)
        if match.group("change") in REACHING and len(words) > 1 and words[0][1] == "v":
            subject = subject[len(words[0][0]):]  # 发放…补贴，分别惠及…: the 补贴 reached them, not the 发放
        return with_measure(subject + match.group("change"), self.lexicon.label_suffixes.get(unit, "数"))

    def _grade_of_the_figure_before(self, before: str) -> str:
        """新增省级非遗项目2项、市级8项: the second is the same thing at another grade, named as the first with its
        grade (市级非遗项目数); "" for any other figure."""
        match = NEXT_GRADE.search(before)
        figures = self.figures
        if not match or not figures:
            return ""
        grade = match.group(1)
        earlier = GRADE.search(figures[-1].label)
        # the words before the first grade (新增, 创建) are the sentence's, not the thing's
        return grade + figures[-1].label[earlier.end():] if earlier and earlier.group() != grade else ""

    def add(self, label: str, figure: Figure) -> str:
        name = f"figure_{len(self.fields) + 1:02d}"
        if self.targets and "目标" not in label:  # next year's figure in a plan: what is aimed at, not done
            label += "目标"
        # Last year's figure is this year's "previous"; this year's value is for the user to fill.
        self.figures.append(Field(name=name, label=self._unique(label), type=figure.type, unit=figure.unit,
                                  qualifier=figure.qualifier, previous=figure.value,
                                  minimum=least_value(figure, label), notation=figure.notation))
        self.fields.append(self.figures[-1])
        return "{{ " + name + " }}"

    def _unique(self, label: str) -> str:
        """The label, numbered when another field has it already; taken from now on."""
        unique, number = label, 2
        while unique in self.labels:
            unique, number = f"{label}（{number}）", number + 1
        self.labels.add(unique)
        return unique

    def _masked_names(self, text: str) -> str:
        """**市政协 → {{ 市名 }}政协: a name the website hid is for the user to write again."""
        def replace(match: re.Match) -> str:
            return self._name_field(match.string[:match.start()], match.string[match.end():])

        pieces, position = [], 0
        for code in TEMPLATE_CODE.finditer(text):
            pieces += [MASKED_NAME.sub(replace, text[position:code.start()]), code.group()]
            position = code.end()
        pieces.append(MASKED_NAME.sub(replace, text[position:]))
        return "".join(pieces)

    def _name_field(self, before: str, after: str) -> str:
        label = _quoted_name_label(before, after, self.lexicon)
        after = after.lstrip("”》")
        if label:
            pass
        elif after[:1] and after[0] in PLACE_WORDS:
            label = f"{after[0]}名"
        else:
            noun = noun_phrase(_words_within(re.split(r"[^\u4e00-\u9fff]", after)[0], NAME_NOUN_CHARS), self.lexicon)
            named = any(flag.startswith(NOUNISH) for _word, flag in tokens(noun))  # **、**共同参加: 共同 names nothing
            label = f"{noun}名称" if named else "名称"
        # 市名 or 清廉馆名称 hidden twice is the same name twice; a bare 名称 says nothing of which name it is, and
        # one field for two of them put one text in two unrelated places
        if label in self.names and label != "名称":
            return "{{ " + self.names[label] + " }}"
        name = f"name_{sum(1 for field in self.fields if field.name.startswith('name_')) + 1:02d}"
        self.names[label] = name
        self.fields.append(Field(name=name, label=self._unique(label), type="text", required=True))
        return "{{ " + name + " }}"

    def cell_field(self, text: str, unit: str, label: str) -> str | None:
        """A table cell holding only a number (1,260 with 人次 in the header) as a field; None when it is not one."""
        compact = text.replace(" ", "")
        match = CELL_NUMBER.match(compact)
        if not match:
            return None
        digits = compact.lstrip("约").rstrip("余多")
        scale = match.group(1)
        try:
            value = parse_number(digits.rstrip("万亿").replace("，", ","))
        except NumberError:
            return None
        grouped = "," in digits or "，" in digits
        notation = (scale + ("," if grouped else "")) if scale else ("grouped" if grouped else "plain")
        if scale:
            value *= self.lexicon.magnitudes[scale]
        kind = "decimal" if value != value.to_integral_value() else "integer"
        qualifier = "约" if compact.startswith("约") else (match.group(2) or "")
        if label.endswith(("（%）", "（％）")) and not scale:  # a rate: its change is in points, its sign in the table
            kind, notation = "percent", "bare%"
        return self.add(label, Figure(value, kind, unit, qualifier, notation))


NAME_NOUN_CHARS = 8  # at most, of what follows a hidden name, to say what it names (whole words only)


def _words_within(text: str, limit: int) -> str:
    """The words text starts with, as many as fit in `limit` characters: never half a word (紧密 cut to 紧)."""
    kept = ""
    for word, _flag in tokens(text[:limit + 4]):
        if len(kept) + len(word) > limit:
            break
        kept += word
    return kept


def _quoted_name_label(before: str, after: str, lexicon: Lexicon) -> str:
    """A hidden part of a quoted name is labelled by the quotation: “**数字政协” → 数字政协名称 (what follows names it),
    “六个新**” → “六个新…”名称 (the rest of the quotation does); "" outside quotation marks."""
    opening = max(before.rfind("“"), before.rfind("《"))
    if opening < 0 or before.rfind("”", opening) >= 0 or before.rfind("》", opening) >= 0:
        return ""
    closing = re.search(r"[”》]", after)
    if closing is None or closing.start() > 20:
        return ""
    inside_before, inside_after = before[opening + 1:], after[:closing.start()]
    following = re.split(r"[^\u4e00-\u9fff]", inside_after)[0]
    if len(following) >= 2:
        noun = noun_phrase(_words_within(following, NAME_NOUN_CHARS), lexicon)
        return f"{noun}名称" if noun else ""
    if not (inside_before + inside_after).strip():
        return ""  # “**” alone: what follows the quotation names it (“**”体系构架 → 体系构架名称)
    marks = "《》" if before[opening] == "《" else "“”"
    return f"{marks[0]}{inside_before[-8:]}…{inside_after}{marks[1]}名称"
