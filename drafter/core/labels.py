"""Finding the figures in a sentence and making each a field with a readable label from its context."""

from __future__ import annotations

import re
from decimal import Decimal

from drafter.core.model import Field
from drafter.core.figures import FIGURE, figure_from_match
from drafter.core.numbers import NumberError, parse_number
from drafter.core.spans import free_spans

# Chinese numerals count only with these measure words; 一 alone is an article (一批, 一个) and never a figure.
_CN_UNIT = "人次|次|名|场|份|期|家|条|篇|项|位"
CHINESE_COUNT = re.compile(rf"(?<![第一二三四五六七八九十两百千])(?P<number>[二三四五六七八九十两][十百千]?[一二三四五六七八九]?)"
                           rf"(?P<qualifier>余|多)?(?P<unit>{_CN_UNIT})")
CLAUSE_BREAK = re.compile(r"[，。；：、,;:！？（）()\n]")
ADVERBS = re.compile(r"^(先后|共计|共有|总共|累计|全年|一年来|共|已|还|又|再|分别|连续|组织|其中)+")
UNIT_SUFFIX = {"次": "次数", "人次": "人次", "名": "人数", "位": "人数", "人": "人数", "个": "个数", "场": "场次",
               "份": "份数", "期": "期数", "家": "家数", "条": "条数", "篇": "篇数", "项": "项数", "%": "比例",
               "户": "户数", "件": "件数", "批": "批次", "支": "支数"}
LABEL_MAX = 14
# What follows a count of people or things is a noun, then often a verb: 5名青年干部参加…, 3个支部评为…
# Only verbs that add little are cut; 评为优秀党员, 在课堂开讲 say what the count is and stay.
NOUN_ENDS = re.compile(r"(参加|参与|依托|走进|赴|通过|围绕|面向)")


class FieldMaker:
    """Collects the fields made while converting one document, naming them figure_01, figure_02, …"""

    def __init__(self):
        self.fields: list[Field] = []

    def replace_figures(self, text: str) -> str:
        """Text with every figure outside names replaced by a field reference."""
        pieces, position = [], 0
        for start, end in free_spans(text):  # a figure in “七个一” or 《…》 belongs to a name
            pieces.append(text[position:start])
            pieces.append(self._replace_in(text[start:end], text, start))
            position = end
        pieces.append(text[position:])
        return "".join(pieces)

    def _replace_in(self, span: str, whole: str, offset: int) -> str:
        def arabic(match):
            return self._field_for(match, whole, offset + match.start(), offset + match.end())

        span = FIGURE.sub(arabic, span)
        return CHINESE_COUNT.sub(lambda m: self._chinese_field(m), span)

    def _field_for(self, match, whole: str, start: int, end: int) -> str:
        try:
            figure = figure_from_match(match)
        except NumberError:
            return match.group(0)
        label = make_label(whole[:start], whole[end:], "%" if figure.type == "percent" else figure.unit)
        return self._add(label, figure.type, figure.unit, figure.qualifier, figure.value)

    def _chinese_field(self, match) -> str:
        try:
            value = parse_number(match.group("number"))
        except NumberError:
            return match.group(0)
        label = make_label(match.string[: match.start()], match.string[match.end():], match.group("unit"))
        return self._add(label, "integer", match.group("unit"), match.group("qualifier") or "", value)

    def _add(self, label: str, kind: str, unit: str, qualifier: str, value) -> str:
        name = f"figure_{len(self.fields) + 1:02d}"
        labels = {field.label for field in self.fields}
        unique, number = label, 2
        while unique in labels:
            unique, number = f"{label}（{number}）", number + 1
        # Last year's figure is this year's "previous"; this year's value is for the user to fill.
        self.fields.append(Field(name=name, label=unique, type=kind, unit=unit, qualifier=qualifier,
                                 previous=value, minimum=Decimal(0)))
        return "{{ " + name + " }}"


def make_label(before: str, after: str, unit: str) -> str:
    """A label from the words around a figure: 先后12次开展“第一议题”学习 → 开展第一议题学习次数."""
    head = ADVERBS.sub("", CLAUSE_BREAK.split(before)[-1].strip())
    head = re.sub(r"\{\{.*?\}\}", "", head)
    tail = CLAUSE_BREAK.split(after)[0]
    verbal = unit in ("次", "人次", "%")
    if not verbal and tail.startswith(("“", "《")):  # *期“亲清直通车”, *份《协商纪要》: the quoted name is what is counted
        tail = re.split(r"[”》]", tail[1:])[0]
    tail = re.split(r"和|与|及|\{\{", tail)[0]
    if not verbal:
        noun = NOUN_ENDS.split(tail)[0]
        tail = noun if len(noun) >= 2 else tail
    words = (head + tail) if verbal or not tail else tail
    words = re.sub(r"[“”‘’\"《》\s*＊×]", "", words)[:LABEL_MAX] or "数据"
    suffix = UNIT_SUFFIX.get(unit, "数")
    return words if words.endswith(suffix) else words + suffix
