"""Subjects told in a list and their figures after 分别 (naming/listed.py), one way of writing per row, each figure of
the list in turn: three items as well as two, a bound or a measure they share, the clause before naming the measure,
and figures beyond the list's length, which the list does not name."""

from __future__ import annotations

import pytest

from drafter import paths
from drafter.core.lastyear.naming.listed import respective_label

LEXICON = paths.lexicon()


def _labels(head: str, figures: list[str], unit: str) -> list[str]:
    """The label of each figure of a 分别 list, each told with the figures before it, as the import reads them."""
    return [respective_label(head + "".join(f"{figure}、" for figure in figures[:index]), unit, LEXICON)
            for index in range(len(figures))]


@pytest.mark.parametrize("head, figures, unit, labels", [
    # subjects that end alike, the last with the measure: each with it, told apart in as few words as fit
    ("企业职工基本养老保险、机关事业单位养老保险、城乡居民基本养老保险参保人数分别达到", ["10.2万人", "1.1万人", "30.5万人"],
     "人", ["企业养老保险参保人数", "机关养老保险参保人数", "城乡居民养老保险参保人数"]),
    ("职工养老保险、居民养老保险参保人数分别达到", ["10.2万人", "30.5万人"], "人",
     ["职工养老保险参保人数", "居民养老保险参保人数"]),
    # a bound the first starts with is everyone's; what the last ends with is said once
    ("限额以上批发业、零售业、住宿业销售额分别增长", ["5%", "6%", "7%"], "%",
     ["限额以上批发业销售额增速", "限额以上零售业销售额增速", "限额以上住宿业销售额增速"]),
    # short subjects with the measure the last names for all
    ("小学、初中、高中入学率分别为", ["99%", "98%", "95%"], "%", ["小学入学率", "初中入学率", "高中入学率"]),
    ("城镇、农村居民人均可支配收入分别为", ["41200元", "21800元", "3000元"], "元",
     ["城镇人均可支配收入金额", "农村居民人均可支配收入金额", ""]),  # a third figure: no third subject
    # short subjects, up to four characters, take the measure the clause before names after 中
    ("专任教师中本科学历比例，幼儿园、小学分别为", ["62%", "91%"], "%", ["幼儿园本科学历比例", "小学本科学历比例"]),
    ("专任教师中本科学历比例，普通高中、职业高中分别为", ["98%", "85%"], "%",
     ["普通高中本科学历比例", "职业高中本科学历比例"]),
    ("专任教师学历，小学、初中分别为", ["91%", "96%"], "%", ["小学比例", "初中比例"]),  # no measure named before
    # a word naming two things, each in turn
    ("城乡低保标准分别为", ["860元", "720元"], "元", ["城镇低保标准金额", "农村低保标准金额"]),
    # a unit with no measure word of its own is counted (数)
    ("公务用车、执法车辆分别为", ["12辆", "30辆"], "辆", ["公务用车数", "执法车辆数"]),
    # 分别 with no list of its own: the part before counted them, as many as it counted
    ("其中，火灾扑救12起、抢险救援9起，分别占总数的", ["50%", "40%", "10%"], "%", ["火灾扑救占比", "抢险救援占比", ""]),
    ("全年受理12起，分别占总数的", ["50%"], "%", [""]),
])
def test_each_figure_of_a_list_is_its_own_subjects(head, figures, unit, labels):
    assert _labels(head, figures, unit) == labels
