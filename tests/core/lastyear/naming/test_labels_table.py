"""How the importer names a figure from the words around it, one behaviour per row: the sentence offices write,
and the label the form then shows."""

from __future__ import annotations

import pytest

from drafter import paths
from drafter.core.lastyear.naming import labels, wording
from drafter.core.lastyear.finder import FieldMaker
from drafter.core.text.lexicon import load_lexicon

LEXICON = load_lexicon(paths.lexicon_file())


@pytest.mark.parametrize("sentence, expected", [
    ("收入6.42亿元，同比增长7.5%。", ["收入金额", "收入增速"]),  # a bare change takes the clause before
    ("收入较上年增长12%。", ["收入增速"]),  # 较上年 says the year, not what grew
    ("较上年增长12%。", ["增速"]),  # a growth in per cent is an 增速, as offices write it
    ("形成3份《协商纪要》。", ["协商纪要份数"]),  # the quoted name is what is counted
    ("印发12期《工作简报》。", ["工作简报期数"]),
    ("组织200名党员和群众参加。", ["党员人数"]),  # the first of a pair joined by 和
    ("全市1,300余家实体店参与。", ["实体店家数"]),  # 参与's 与 joins nothing
    ("举办3次座谈。", ["举办座谈次数"]),  # a verbal count without a noun before takes the words after
    ("开展专题调研5次。", ["开展专题调研次数"]),
    ("审计资金总额300万元。", ["审计资金总额"]),  # 总额 already says 金额
    ("完成投资3.2亿元。", ["完成投资金额"]),
    ("参保率达98.5%。", ["参保率"]),  # 率 already says 比例
    ("平均用时12分钟。", ["平均用时"]),  # 用时 already says 时长
    ("办理时间缩短至68分钟。", ["办理时间"]),
    ("诊疗率提高到72.4%。", ["诊疗率"]),
    ("接待来访群众300人次。", ["接待来访群众人次"]),
    ("5名青年干部参加培训。", ["青年干部人数"]),  # the noun after, up to its verb
    ("3名同志被评为优秀共产党员。", ["优秀共产党员人数"]),  # 被评为: what they became is counted
    ("共12个。", ["数据个数"]),  # no words at all: 数据, never an empty label
    ("新建5座公厕和3个停车场。", ["公厕座数", "停车场个数"]),
    ("开展“学习，实干”征文12篇。", ["开展学习实干征文篇数"]),  # a quotation's comma does not end the clause
    ("印发3份《工作简报》专刊。", ["工作简报份数"]),  # the quoted name, not the words running on after it
    ("开展3次《党章》学习。", ["开展党章学习次数"]),  # a verbal count keeps its action, quotation or not
    ("医院开放床位120床。", ["医院开放床位数"]),  # a unit without a measure word of its own: 数
])
def test_a_figure_in_a_sentence_gets_this_label(sentence, expected):
    maker = FieldMaker(LEXICON)
    maker.replace_figures(sentence)
    assert [field.label for field in maker.fields] == expected


@pytest.mark.parametrize("words, suffix, says", [
    ("审计资金总额", "金额", True), ("审计资金总数", "金额", False), ("资金总额", "数", False),
    ("参保率", "比例", True), ("工资占比", "比例", True), ("经费比重", "比例", True), ("通过率", "人数", False),
    ("办理时间", "时长", True), ("平均用时", "时长", True), ("会议时长", "时长", True), ("平均用时", "比例", False),
    ("会议", "时长", False), ("培训人次", "人次", True),
])
def test_a_label_already_saying_its_measure_gets_no_suffix(words, suffix, says):
    assert wording.already_says(words, suffix) is says


@pytest.mark.parametrize("text, noun", [
    ("同志被评为优秀党员", "优秀党员"), ("推荐应用的基础上", "推荐应用"), ("青年干部参加培训", "青年干部"),
    ("机关干部职工参加", "机关干部职工"), ("有关部门的负责同志", "有关部门"), ("组织开展", "组织"),
    ("基层党组织书记", "基层党组织书记"), ("", ""), ("同志被评为先进", "先进"),
    ("被评为先进被评为模范", "先进被评为模范"),  # after the first 被评为
    ("机关党员干部集中培训", "机关党员干部"), ("党员干部教育培训工作", "党员干部教育培训工作"),  # 培训 is a noun here
    ("群众满意度测评", "群众满意度"), ("基层干部培训学习", "基层干部培训"),
])
def test_what_a_count_measures(text, noun):
    assert labels.noun_phrase(text, LEXICON) == noun


@pytest.mark.parametrize("text, has", [("开展", False), ("举办", False), ("党", False), ("开展调研", True),
                                       ("召开会议", True)])
def test_a_head_has_a_noun_of_two_characters_or_more(text, has):
    assert labels._has_noun(text) is has


@pytest.mark.parametrize("text, first", [
    ("党员和群众参加", "党员"), ("企业及个人", "企业"), ("党员以及群众", "党员"), ("群众或企业", "群众"),
    ("实体店参与", "实体店参与"), ("给予支持", "给予支持"), ("12个支部", ""), ("{{ a }}个", ""),
])
def test_the_first_item_stops_at_a_joining_word_or_a_figure(text, first):
    assert wording.first_item(text, LEXICON) == first


@pytest.mark.parametrize("text, cleaned", [
    ("我局服务群众的", "服务群众"), ("“学习”活动", "学习活动"), ("共有", ""), ("诊疗率提高到", "诊疗率"),
    ("时间缩短至", "时间"), ("在职党员", "在职党员"), ("{{ year }}年度", "年度"), ("诊疗人数达到", "诊疗人数"),
])
def test_clean_keeps_only_the_words(text, cleaned):
    assert wording.clean(text, LEXICON) == cleaned


@pytest.mark.parametrize("text, left", [("1,300余家实体店", "实体店"), ("十二名干部", "干部"), ("3.5万元资金", "资金")])
def test_other_figures_are_no_part_of_a_label(text, left):
    assert wording.without_figures(text, LEXICON) == left


def test_a_quotation_keeps_its_words_without_its_inner_marks():
    assert wording.whole_quotes("开展“学习，实干；争先”征文，共") == "开展“学习实干争先”征文，共"


@pytest.mark.parametrize("words, short", [
    ("开展理论学习中心组学习", "开展理论学习中心组学习"),  # 11 characters: as it is
    ("开展理论学习中心组集体学习", "开展学习中心组集体学习"),  # the leading verb and the last words that fit in 12
    ("举办全市机关青年干部读书分享会", "举办青年干部读书分享会"),
    ("全市机关事业单位在职党员干部总人数", "在职党员干部总人数"),  # no leading verb: the last words only
    ("中华人民共和国国家统计局局长", "国家统计局局长"),
    ("中华人民共和国全国人民代表大会常务委员会", "全国人民代表大会常务委员会"),  # one word too long: kept whole
])
def test_a_long_label_keeps_its_leading_verb_and_its_last_words(words, short):
    assert wording.shorten(words) == short
