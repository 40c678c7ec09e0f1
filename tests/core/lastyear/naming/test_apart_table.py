"""A second name for a figure whose label another has (naming.apart), one way per row: by what the counted did, by
the bound that picks them, by the verb of their list, by what the sentence is about; never a name already taken."""

from __future__ import annotations

import pytest

from drafter import paths
from drafter.core.lastyear.naming import apart

LEXICON = paths.lexicon()


@pytest.mark.parametrize("label, after, unit, named", [
    ("企业户数", "企业完成信用修复并移出经营异常名录。", "户", "信用修复企业数"),  # 户数 of things says 数
    ("青年干部人数", "青年干部在课堂开讲。", "名", "课堂开讲青年干部人数"),  # a person's stays 人数
    ("企业户数", "企业的信用修复工作。", "户", ""),  # 的: what follows is no action of theirs
    ("企业户数", "家庭参加活动。", "户", ""),  # the words after are not the counted noun
])
def test_by_what_the_counted_did(label, after, unit, named):
    assert apart.distinct_label(label, after, unit, LEXICON) == named


@pytest.mark.parametrize("label, before, named", [
    ("项目个数", "新签约项目56个，其中10亿元以上项目", "十亿元以上项目个数"),  # in words: a label has no digits
    ("项目个数", "其中1000亿元以上的重大基础设施项目", ""),  # too long for a label
    ("企业个数", "其中10亿元以上项目", ""),  # the bound picks other things than the label names
])
def test_by_the_bound_that_picks_them(label, before, named):
    assert apart._by_bound(label, before) == named


@pytest.mark.parametrize("label, before, named", [
    ("职工人数", "集体合同覆盖企业1268家、职工", "覆盖职工人数"),
    ("职工人数", "集体合同覆盖企业1268家，职工", ""),  # a new clause, not the list's next item
    ("覆盖职工人数", "集体合同覆盖企业1268家、职工", ""),  # the label says the verb already
])
def test_by_the_verb_of_the_list_s_first_item(label, before, named):
    assert apart._by_the_list_s_verb(label, before, LEXICON) == named


@pytest.mark.parametrize("label, before, named", [
    ("完成投资金额", "滨河公园改造工程新建步道3.2公里，完成投资", "滨河公园完成投资金额"),  # up to what was done
    ("政协委员人数", "市政协为", "市政协委员人数"),  # the words topic and label share are said once
    ("完成投资金额", "全县新建步道3.2公里，完成投资", "新建步道完成投资金额"),  # the scope every label shares goes
    ("完成投资金额", "完成投资", ""),  # the sentence is about nothing more than the label says
])
def test_by_what_the_sentence_is_about(label, before, named):
    assert apart._by_topic(label, before, LEXICON) == named


def test_a_name_already_taken_is_passed_over_for_the_next_way_or_none():
    before = "滨河公园改造工程新建步道3.2公里，完成投资"
    assert apart.told_apart("完成投资金额", before, "", "元", LEXICON, {"完成投资金额"}) == "滨河公园完成投资金额"
    assert apart.told_apart("完成投资金额", before, "", "元", LEXICON, {"完成投资金额", "滨河公园完成投资金额"}) == ""
    assert apart.told_apart("项目个数", "其中10亿元以上项目", "", "个", LEXICON, {"项目个数"}) == "十亿元以上项目个数"
