"""Figures as real reports write them (issue “real reports”): a number beginning like a fixed phrase, negatives, ‰ and
the units of statistics, numbers inside names; one behaviour per row, each of which the importer once got wrong."""

from __future__ import annotations

from decimal import Decimal

import pytest

from drafter.core.actions import apply_assignment
from drafter.core.lastyear import SourceParagraph
from drafter.core.rendering.render import render
from drafter.core.years.compare import change
from import_helpers import build_project


def imported(sentence: str):
    report = build_project([SourceParagraph("2023年工作总结"), SourceParagraph(sentence)], None, "t").report
    text = "\n".join(block.text for block in render(report).blocks)
    return report, [(f.label, f.previous, f.unit, f.type) for f in report.fields.values()], text


@pytest.mark.parametrize("sentence, value, unit", [
    ("受理群众诉求1108件。", Decimal(1108), "件"),  # not 110 (the police's number) and 8件
    ("全年出警1205次。", Decimal(1205), "次"),  # not 120 (the ambulance's)
    ("处置警情1190起。", Decimal(1190), "起"),  # not 119 (the fire brigade's)
    ("新建5G基站56个。", Decimal(56), "个"),
])
def test_a_fixed_phrase_never_takes_the_first_digits_of_a_longer_number(sentence, value, unit):
    _report, fields, _text = imported(sentence)
    assert [(previous, found) for _label, previous, found, _type in fields] == [(value, unit)]


@pytest.mark.parametrize("sentence, value, kind", [
    ("规上工业增加值增速-3.2%。", Decimal("-3.2"), "percent"),
    ("利润总额为-0.8亿元。", Decimal("-80000000"), "integer"),
    ("出口额同比增长－1.5%。", Decimal("-1.5"), "percent"),
])
def test_a_negative_figure_keeps_its_sign_and_none_is_left_in_the_prose(sentence, value, kind):
    report, [(_label, previous, _unit, found_kind)], text = imported(sentence)
    assert (previous, found_kind) == (value, kind)
    assert "-" not in text.replace(report.fields["figure_01"].label, "") and "－" not in text
    assert next(iter(report.fields.values())).minimum is None  # this year's may be negative again, or not


@pytest.mark.parametrize("sentence", ["建成区面积3-5平方公里。", "招聘18-35周岁青年。"])
def test_a_hyphen_after_a_digit_joins_a_range_and_is_no_sign(sentence):
    _report, fields, _text = imported(sentence)
    assert all(previous is None or previous >= 0 for _label, previous, _unit, _type in fields)


def test_a_fall_said_in_words_stays_a_positive_figure():
    _report, [(label, previous, _unit, _type)], _text = imported("税收收入下降4.7%。")
    assert previous == Decimal("4.7") and "下降" in label


def test_a_negative_value_is_typed_printed_and_compared():
    report, _fields, _text = imported("规上工业增加值增速5.1%。")
    field = next(iter(report.fields.values()))
    assert field.minimum is None  # a rate of change: next year's may fall below zero
    apply_assignment(report, f"{field.name}=-3.2")
    assert field.value == Decimal("-3.2")
    assert "增速-3.2%" in "\n".join(block.text for block in render(report).blocks)
    assert change(field).phrase == "下降8.3个百分点"


def test_a_count_refuses_a_negative_value_with_its_reason():
    report, _fields, _text = imported("开展学习12次。")
    field = next(iter(report.fields.values()))
    with pytest.raises(ValueError, match="负数"):
        apply_assignment(report, f"{field.name}=-3")


def test_from_a_negative_base_no_percentage_is_said():
    report, _fields, _text = imported("利润总额为-0.8亿元。")
    field = next(iter(report.fields.values()))
    field.value = Decimal(120000000)
    assert change(field).percent is None and change(field).phrase.startswith("增加")


@pytest.mark.parametrize("sentence, value, unit, label", [
    ("人口死亡率1.62‰。", Decimal("1.62"), "‰", "人口死亡率"),
    ("集装箱吞吐量46万标准箱。", Decimal(460000), "标准箱", "集装箱吞吐量"),
    ("治理水土流失面积12.5平方公里。", Decimal("12.5"), "平方公里", "治理水土流失面积"),
    ("全社会用电量2.3亿千瓦时。", Decimal(230000000), "千瓦时", "全社会用电量"),
    ("发放救灾物资36公斤。", Decimal(36), "公斤", "发放救灾物资重量"),
])
def test_the_units_of_statistics_are_read(sentence, value, unit, label):
    _report, [(found_label, previous, found_unit, _type)], _text = imported(sentence)
    assert (previous, found_unit, found_label) == (value, unit, label)


@pytest.mark.parametrize("sentence, name", [
    ("配合完成七人普入户登记3200户。", "七人普"),  # the seventh census: 七人 is no count of people
    ("12345热线受理工单3210件。", "12345热线"),
    ("开展二十大精神宣讲12场。", "二十大"),
    ("实施双百工程项目8个。", "双百工程"),
    ("建成一刻钟便民生活圈9个。", "一刻钟"),
])
def test_a_number_inside_a_name_stays_text_and_the_label_keeps_the_name(sentence, name):
    _report, [(label, _previous, _unit, _type)], text = imported(sentence)
    assert name in text and name in label


@pytest.mark.parametrize("sentence, labels", [
    ("全县地区生产总值186亿元，增速5.1%。", ["地区生产总值金额", "地区生产总值增速"]),
    ("一般公共预算收入12亿元，增幅3.2%。", ["一般公共预算收入金额", "一般公共预算收入增幅"]),
])
def test_a_rate_after_a_comma_takes_the_subject_before_it(sentence, labels):
    assert labels_of(sentence) == labels


def labels_of(sentence: str) -> list[str]:
    """The labels of the fields the sentence's figures become, in text order."""
    return [label for label, *_ in imported(sentence)[1]]


def imported_text(tmp_path, text: str, name: str = "报告.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    from import_helpers import import_last_year

    return import_last_year(path).report


def test_a_table_in_a_text_file_is_a_table_with_its_quantities_as_fields(tmp_path):
    report = imported_text(tmp_path, "2023年工作总结\n一、主要工作\n全年开展服务如下。\n项目\t单位\t数量\n"
                                     "业务培训\t期\t12\n古籍普查登记\t部\t146\n二、2024年打算\n继续做好。\n")
    [table] = [p for p in report.parts[0].paragraphs if p.rows]
    assert [f.label for f in report.fields.values()] == ["业务培训（期）", "古籍普查登记（部）"]
    assert [f.previous for f in report.fields.values()] == [12, 146]
    assert table.rows[0] == ["项目", "单位", "数量"]


def test_a_column_headed_last_year_shows_the_fields_last_year_value(tmp_path):
    report = imported_text(tmp_path, "2023年工作总结\n一、主要工作\n完成情况如下。\n指标\t单位\t2023年\t上年\n"
                                     "强制检定计量器具\t台件\t15600\t14820\n认证机构检查\t次\t24\t19\n二、2024年打算\n继续做好。\n")
    [table] = [p for p in report.parts[0].paragraphs if p.rows]
    names = [f.name for f in report.fields.values()]
    assert [f.previous for f in report.fields.values()] == [15600, 24]  # this year's column; 上年 is its value
    assert [row[2:] for row in table.rows[1:]] == [["{{ " + name + " }}", "{{ " + name + "|previous }}"]
                                                    for name in names]


def test_a_table_of_several_quantity_columns_names_each_cell_by_row_and_column(tmp_path):
    report = imported_text(tmp_path, "2023年工作总结\n一、基金运行\n分险种收支如下。\n项目\t单位\t基金收入\t基金支出\t上年基金支出\n"
                                     "职工医保\t万元\t22730\t19840\t18260\n二、2024年打算\n继续做好。\n")
    [table] = [p for p in report.parts[0].paragraphs if p.rows]
    fields = list(report.fields.values())
    assert [(f.label, f.previous) for f in fields] == [("职工医保基金收入（万元）", 22730), ("职工医保基金支出（万元）", 19840)]
    # 上年基金支出 is the 基金支出 column's last year: shown from that field, the year before's number gone
    assert table.rows[1][2:] == ["{{ " + fields[0].name + " }}", "{{ " + fields[1].name + " }}",
                                 "{{ " + fields[1].name + "|previous }}"]


def test_a_column_headed_with_the_year_and_a_measure_is_this_years_and_rolls(tmp_path):
    report = imported_text(tmp_path, "2023年统计公报\n一、农业\n主要农产品产量如下。\n产品\t2023年产量（吨）\t比上年增长（%）\n"
                                     "粮食\t158436\t0.7\n谷物\t95214\t-9.7\n二、2024年打算\n继续做好。\n")
    fields = {f.label: f for f in report.fields.values()}
    assert fields["粮食产量（吨）"].previous == 158436 and fields["谷物比上年增长（%）"].previous == Decimal("-9.7")
    [table] = [p for p in report.parts[0].paragraphs if p.rows]
    assert "2023" not in table.rows[0][1] and "{{ year }}" in table.rows[0][1]
    rate = fields["谷物比上年增长（%）"]  # a rate: compared in points, printed without the % its header carries
    rate.value = Decimal("1.5")
    assert rate.type == "percent" and change(rate).phrase == "提高11.2个百分点"
    printed = [row for block in render(report).blocks if block.kind == "table" for row in block.rows]
    assert next(row for row in printed if row[0] == "谷物")[2] == "1.5"


def test_a_number_in_wan_ending_its_clause_is_a_figure():
    _report, fields, _text = imported("门急诊人次突破185万，出院人次达到12.5万。")
    assert [(label, previous) for label, previous, _unit, _type in fields] == [
        ("门急诊人次", Decimal(1850000)), ("出院人次", Decimal(125000))]


@pytest.mark.parametrize("sentence, counted", [
    ("全县600分以上11人。", [Decimal(11)]),  # 600分以上 says who is counted
    ("投资3亿元以上的项目12个。", [Decimal(12)]),
    ("平均用时缩短至5.2分钟以内受理。", [Decimal("5.2")]),  # a bound the figure is brought to is the figure
    ("新增就业1000人以上。", [Decimal(1000)]),
    ("区人民医院二期年内投入使用，举办两期培训。", [Decimal(2)]),  # 二期 is a phase; 两期 a count
    ("政协十一届四次会议以来，提案286件。", [Decimal(286)]),  # 届 before a number: a session, not a count
])
def test_criteria_phases_and_sessions_are_no_figures(sentence, counted):
    _report, fields, _text = imported(sentence)
    assert [previous for _label, previous, _unit, _type in fields] == counted


def test_a_speech_dated_in_spring_is_about_the_year_before(tmp_path):
    report = imported_text(tmp_path, "市政协常务委员会工作报告\n（2025年3月2日）\n各位委员：\n"
                                     "2024年，我们召开常委会议5次。\n一、主要工作\n开展协商9次。\n"
                                     "二、2025年工作安排\n2025年是收官之年。\n")
    assert report.meta.year == 2025  # imported a year on: the report was about 2024


@pytest.mark.parametrize("sentence, labels", [
    ("城镇和农村常住居民人均可支配收入分别为41200元、21800元，分别增长4.6%、7.2%。",
     ["城镇居民人均可支配收入金额", "农村居民人均可支配收入金额", "城镇居民人均可支配收入增速",
      "农村居民人均可支配收入增速"]),  # one measure shared by the list; the changes after it are theirs
    ("全年发生生产安全事故12起、死亡9人，同比分别下降16.0%、6.9%。",
     ["发生生产安全事故起数", "死亡人数", "发生生产安全事故起数下降比例", "死亡人数下降比例"]),
    ("刑事案件、治安案件立案数同比分别下降9.12%、26.40%。", ["刑事案件立案数下降比例", "治安案件立案数下降比例"]),
    ("重点人群签约率达到72.3%（目标值75%）。", ["重点人群签约率", "重点人群签约率目标值"]),
    ("单笔业务平均办税时间由12.3分钟缩短至6.4分钟。", ["原单笔业务平均办税时间", "单笔业务平均办税时间"]),
    ("税收收入198.36亿元，占一般公共预算收入的65.0%。", ["税收收入金额", "税收收入占比"]),
    ("每千人口医疗机构床位数达5.86张。", ["每千人口医疗机构床位数"]),
])
def test_figures_a_sentence_tells_apart_get_labels_that_say_how(sentence, labels):
    assert labels_of(sentence) == labels


def test_a_figure_in_the_plan_for_next_year_is_a_target(tmp_path):
    report = imported_text(tmp_path, "2023年工作总结\n一、主要工作\n新建委员工作站6个。\n二、2024年工作安排\n"
                                     "年内新建委员工作站8个。\n")
    assert [f.label for f in report.fields.values()] == ["新建委员工作站个数", "新建委员工作站个数目标"]


def test_a_word_ending_in_yue_keeps_it_and_its_figure_is_no_approximation():
    report, [(label, previous, unit, _type)], _text = imported("全年常住人口签约1.48万人。")
    [field] = report.fields.values()
    assert (previous, unit, field.qualifier) == (Decimal("14800"), "人", "") and "签约" in label
    assert [paragraph.body for _place, paragraph in report.paragraphs_with_place()] == ["全年常住人口签约{{ figure_01 }}。"]


@pytest.mark.parametrize("sentence, label", [
    ("收集上报各类问题697件，办结率98.4%。", "问题办结率"),  # a rate said alone: of what the clause before counted
    ("在管严重精神障碍患者112人，规范管理率95.5%。", "精神障碍患者规范管理率"),
    ("全年城镇新增就业3126人，完成市下达任务的117.2%。", "城镇新增就业任务完成率"),
    ("完成固定资产投资8.2亿元，完成年度计划的103%。", "固定资产投资计划完成率"),
    ("抽查经营主体1987户，问题发现率为12.4%。", "问题发现率"),  # jieba's 率为 is one word; 问题 is its own subject
    ("帮助解决实际问题12个，群众满意率达到98%。", "群众满意率"),  # a rate of its own subject takes none before
    ("群众满意度测评中，社区2024年综合得分96.5分。", "社区综合得分"),  # the year goes whole, 年 too
    ("S217省道改建工程全长23.6公里。", "省道改建工程全长里程"),  # a road's code is a name, gone whole
])
def test_labels_take_what_the_sentence_says_and_leave_years_and_codes_out(sentence, label):
    _report, fields, _text = imported(sentence)
    assert fields[-1][0] == label


@pytest.mark.parametrize("sentence, labels", [
    # changes told 分别 after clauses of one figure each belong to those clauses' figures, in order
    ("春节假期接待游客41.2万人次，国庆假期接待游客52.6万人次，分别增长21.4%、9.7%。",
     ["春节假期接待游客人次", "国庆假期接待游客人次", "春节假期接待游客人次增速", "国庆假期接待游客人次增速"]),
    # a list whose subjects end alike, the last with the measure: each with it, told apart by what differs
    ("全县企业职工基本养老保险、城乡居民基本养老保险参保人数分别为6.82万人、21.45万人。",
     ["企业职工养老保险参保人数", "城乡居民养老保险参保人数"]),
])
def test_subjects_told_apart_in_lists_and_in_clauses_before(sentence, labels):
    assert labels_of(sentence) == labels


@pytest.mark.parametrize("sentence, labels", [
    # the same thing at another grade, after the figure before
    ("新增省级非遗代表性项目2项、市级8项。", ["新增省级非遗代表性项目项数", "市级非遗代表性项目项数"]),
    ("创建国家级示范社3家、省级12家。", ["创建国家级示范社家数", "省级示范社家数"]),
    # a count whose name is taken is named by what the counted did, not numbered
    ("帮扶126户企业，指导412户企业完成信用修复并移出经营异常名录。", ["企业户数", "信用修复企业数"]),
    # by the bound that picks them, in words
    ("新签约项目56个，其中10亿元以上项目9个、50亿元以上项目2个。", ["新签约项目个数", "项目个数", "五十亿元以上项目个数"]),
    # by the verb of a list's first item
    ("全县共有职工15.3万人。集体合同覆盖企业1268家、职工7.2万人。", ["职工人数", "集体合同覆盖企业家数", "覆盖职工人数"]),
    # by what the sentence is about
    ("全年完成投资2.1亿元；滨河公园改造工程新建步道3.2公里，完成投资9800万元。",
     ["完成投资金额", "滨河公园改造工程新建步道里程", "滨河公园完成投资金额"]),
])
def test_figures_of_one_kind_are_told_apart_by_what_the_sentence_says(sentence, labels):
    assert labels_of(sentence) == labels


@pytest.mark.parametrize("sentence, labels", [
    # a clause that only says the figure was reached, and a change after it: the subject is further back
    ("全县森林覆盖率稳步提升，达到63.48%，较上年提高0.21个百分点。", ["森林覆盖率", "森林覆盖率提高百分点"]),
    # where a change started and where it got to: the start named by its time, else 原 as offices write it
    ("消防设施完好率由年初的86.2%提升至94.7%。", ["年初消防设施完好率", "消防设施完好率"]),
    ("服务满意率由上年末的91.2%提高到95.6%。", ["上年末服务满意率", "服务满意率"]),
    ("注册志愿者由2022年的5210名增加到6480名。", ["上年注册志愿者人数", "注册志愿者人数"]),
    ("债券资金支出率由整改前的61.3%提高到87.9%。", ["整改前债券资金支出率", "债券资金支出率"]),
    ("城乡低保标准均由每人每月620元提高到680元。", ["原城乡低保标准金额", "城乡低保标准金额"]),
    ("平均办理时间由12.3分钟缩短至6.4分钟。", ["原平均办理时间", "平均办理时间"]),
    # 全部纳入… says what was done with them, no noun of its own
    ("将低保对象等困难群众2.18万人全部纳入资助范围。", ["困难群众人数"]),
    # money and area said bare take the subject before them; a rate of a thing counted just before, too
    ("推进土地综合整治，投入资金2.36亿元。", ["推进土地综合整治投入资金"]),
    ("报批建设用地36批次、面积2860亩。", ["报批建设用地批次", "报批建设用地面积"]),
    ("全区市政消火栓总数达到5630个，完好率98.3%。", ["市政消火栓总数", "市政消火栓完好率"]),
    # 卷, 盘 and 字 are measures of their own
    ("接收录音录像档案182盘，编研成果共计86万字。", ["接收录音录像档案盘数", "编研成果字数"]),
])
def test_the_subject_is_found_past_clauses_that_name_nothing(sentence, labels):
    assert labels_of(sentence) == labels


def test_a_last_year_measure_column_shows_this_years_columns_last_year(tmp_path):
    report = imported_text(tmp_path, "2023年工作总结\n一、组织收入\n主要税种如下：\n税种\t本年收入（万元）\t上年收入（万元）\t增减（%）\n"
                                     "增值税\t86420\t81350\t6.2\n二、2024年打算\n继续做好。\n")
    [table] = [p for p in report.parts[0].paragraphs if p.rows]
    income, change_ = report.fields.values()
    assert (income.label, income.previous, change_.label) == ("增值税本年收入（万元）", 86420, "增值税增减（%）")
    assert table.rows[1][1:] == ["{{ " + income.name + " }}", "{{ " + income.name + "|previous }}",
                                 "{{ " + change_.name + " }}"]


@pytest.mark.parametrize("sentence, values", [
    ("臭氧日最大8小时平均浓度为148微克/立方米。", [(Decimal(148), "微克/立方米")]),  # 8小时 is the measure's name
    ("单位建筑面积能耗7.94千克标准煤/平方米。", [(Decimal("7.94"), "千克标准煤/平方米")]),
])
def test_measures_of_the_environment_and_energy(sentence, values):
    _report, fields, _text = imported(sentence)
    assert [(previous, unit) for _label, previous, unit, _type in fields] == values


@pytest.mark.parametrize("sentence, labels", [
    # a measure said of the thing the clause before named, and a change of it after
    ("全县油菜种植面积12.6万亩，总产量3.1万吨，同比增长4.2%。", ["油菜种植面积", "油菜总产量", "油菜总产量增速"]),
    # a group of those counted before, said after 其中, by age or otherwise
    ("全年发展新党员24名，其中35岁以下18名、女性9名。", ["发展新党员人数", "青年发展新党员人数", "女性发展新党员人数"]),
    # one total in two units: each by its unit
    ("馆藏文献总量达到52.4万册、3.6万件。", ["馆藏文献册数", "馆藏文献件数"]),
    # 城乡 told 分别: the towns' then the countryside's; 达到 a level is no change
    ("城乡特困人员供养标准分别达到每人每月1120元、960元。", ["城镇特困人员供养标准金额", "农村特困人员供养标准金额"]),
    # short subjects told 分别 take the measure the clause before names for them
    ("专任教师中研究生学历比例，高中、初中分别为18.2%、9.6%。", ["高中研究生学历比例", "初中研究生学历比例"]),
])
def test_no_figure_is_told_apart_by_a_number_where_the_sentence_tells_them_apart(sentence, labels):
    assert labels_of(sentence) == labels


@pytest.mark.parametrize("sentence, labels", [
    # a thing done to what the clause before counted, said without it
    ("排查各类安全隐患412处，已整改到位405处。", ["排查各类安全隐患处数", "安全隐患整改到位处数"]),
    ("累计排查入河排污口138个，已完成整治126个。", ["累计排查入河排污口个数", "入河排污口完成整治个数"]),
    # a total said bare after the clause that added to it
    ("新建城市书房6个，总数达到41个。", ["新建城市书房个数", "城市书房总数"]),  # of all of them, not of the new
    ("全年新增市场主体1280户，总数达到2.3万户。", ["新增市场主体户数", "市场主体总数"]),
    # a level reached after a growth is of the thing, not of its growth
    ("力争地区生产总值增长6%左右、达到520亿元。", ["地区生产总值增速", "地区生产总值金额"]),
    # a rate after a change said bare is of what was counted before the change
    ("受理政务热线工单3.2万件，同比下降5.1%，按时办结率98.7%。",
     ["受理政务热线工单件数", "受理政务热线工单下降比例", "政务热线工单按时办结率"]),
    # a part's share of a whole, by the part
    ("服务业增加值占全区地区生产总值的比重为58.3%。", ["服务业增加值占比"]),
    ("税收占财政收入的比重为80%。", ["税收占财政收入比重"]),
    # a change against the usual year is a change, of the subject before
    ("年降水量1320毫米，较常年偏多12.6%。", ["年降水量", "年降水量偏多比例"]),
    # a target in brackets after a sentence without a figure is of what the sentence names
    ("城区生活垃圾分类覆盖率持续提高（目标值90%）。", ["城区生活垃圾分类覆盖率目标值"]),
    # a code in brackets after a name is no break in a 分别 list
    ("二氧化硫（SO2）、二氧化氮（NO2）年均浓度分别为8微克/立方米、21微克/立方米。", ["二氧化硫年均浓度", "二氧化氮年均浓度"]),

    # a cause between the subject and its rate is no subject; nor is a change said bare
    ("全县规上工业增加值86.2亿元，受原材料价格上涨影响，增速-2.4%。", ["规上工业增加值金额", "规上工业增加值增速"]),
    ("工业总产值120亿元，同比增长8.2%，占全县比重达到65%。", ["工业总产值金额", "工业总产值增速", "工业总产值占比"]),
    ("纺织业受订单减少影响，产值增速-4.1%。", ["纺织业产值增速"]),
    # 新增 said bare adds to what the clause before counted
    ("全市登记志愿服务组织达到412个，新增36个。", ["登记志愿服务组织个数", "登记志愿服务组织新增个数"]),
    # a rate after the clause that only names its action is of what was counted before that; a rate is no subject
    ("全县共排查矛盾纠纷积案64件，化解58件，化解率90.6%。", ["排查矛盾纠纷积案件数", "纠纷积案化解件数", "排查矛盾纠纷积案化解率"]),
    ("受理政务服务事项5200件，事项按时受理率99.5%，规范办结率98.2%。", ["受理政务服务事项件数", "事项按时受理率", "事项规范办结率"]),
    ("学生体质健康测试合格率为96.3%，优良率为56.8%。", ["学生体质健康测试合格率", "学生体质健康测试优良率"]),
    # those an action was for or done to, named by what was done (为…发放高龄津贴, 对…开展检查, 将…纳入名单)
    ("为辖区860名80周岁以上老人发放高龄津贴。", ["高龄津贴老人人数"]),
    ("对35家单位开展消防安全专项检查。", ["消防安全专项检查单位家数"]),
    ("将62家企业纳入信用监管白名单。", ["信用监管白名单企业家数"]),
    # what was done again, further back in the sentence, to the thing counted in the same unit
    ("全年新建口袋公园18个，完成年度任务的120%，累计建成56个。", ["新建口袋公园个数", "新建口袋公园任务完成率", "口袋公园累计建成个数"]),
    # each of a 分别 list reached so many; money 涉及 said bare is of the clause before
    ("全年发放困难家庭教育补助和残疾学生助学金分别为86.4万元、52.1万元，分别惠及1320人、640人。",
     ["发放困难家庭教育补助金额", "残疾学生助学金金额", "困难家庭教育补助惠及人数", "残疾学生助学金惠及人数"]),
    ("完成财政收支审计9项，涉及资金23.6亿元。", ["完成财政收支审计项数", "完成财政收支审计涉及资金"]),
    # a bound the list's first starts with and the last's measure are everyone's; a name in brackets after a measure
    # says it again
    ("规模以上批发业、零售业、餐饮业销售额（营业额）分别增长9.8%、6.5%、21.3%。",
     ["规模以上批发业销售额增速", "规模以上零售业销售额增速", "规模以上餐饮业销售额增速"]),
    # those taking part in what the clause before counted, in whatever unit
    ("开设书法、合唱、围棋等社团课程42门，参与学生1480人。", ["社团课程数", "社团课程参与学生人数"]),
    ("全年举办培训班8期，参训干部620人次。", ["举办培训班期数", "培训班参训干部人次"]),
    # a word in brackets inside a name is part of it
    ("完成审计（调查）项目46个。", ["完成审计调查项目个数"]),
    # months in brackets say when, and break no clause
    ("年降水量1526.3毫米，其中汛期（5—9月）降水量1087.6毫米。", ["年降水量", "汛期降水量"]),
    # 并 after a count says what came of them, not what they are
    ("机关党支部检视问题23个并逐项整改。", ["机关党支部检视问题个数"]),
    # 分别 with no list of its own: its figures are of those the part before counted, in turn
    ("其中，危化品检查126次、消防检查98次，分别占总数的56.3%、43.7%。",
     ["危化品检查次数", "消防检查次数", "危化品检查占比", "消防检查占比"]),
    ("孕产妇系统管理1320人、儿童健康管理2410人，管理率分别为92.6%、94.1%。",
     ["孕产妇系统管理人数", "儿童健康管理人数", "孕产妇系统管理率", "儿童健康管理率"]),
    ("清理闲置厂房86亩、盘活低效用地120亩，分别完成年度任务的104%和112%。",
     ["清理闲置厂房面积", "盘活低效用地面积", "清理闲置厂房完成率", "盘活低效用地完成率"]),
    # short subjects told 分别 that the sentence named in full with their figures (件数 of 受理信访事项320件)
    ("全年受理信访事项320件，涉及群众1260人，件数、人数分别下降6.2%和9.4%。",
     ["受理信访事项件数", "涉及群众人数", "受理信访事项件数下降比例", "涉及群众人数下降比例"]),
    ("查处违法案件86起，罚没款320万元，起数、罚没款分别增长12%和8%。",
     ["查处违法案件起数", "罚没款金额", "查处违法案件起数增速", "罚没款增速"]),
    # what a figure 涉及 is of what the clause before counted; a thing too long for a label keeps its last words
    ("查处占用耕地案件41宗，涉及耕地面积286.5亩。", ["查处占用耕地案件数", "耕地案件涉及耕地面积"]),
    # a label too long to keep whole takes the short form offices write before it is cut (非遗), keeping 省级
    ("新增省级非物质文化遗产传承人5名。", ["新增省级非遗传承人人数"]),
    # 分别 after names in quotes: each figure is the named one's
    ("“端午”“中秋”两个小长假，景区分别接待游客12.6万人次、15.8万人次。", ["端午接待游客人次", "中秋接待游客人次"]),
    # 分别 after a part that lists the things without figures: each in turn, with what was done
    ("对辖区加油站、液化气供应站开展安全检查，分别检查26座、9座。", ["辖区加油站检查座数", "液化气供应站检查座数"]),
    # a thing done to again, named anew, is not prefixed with what the clause before counted
    ("新建村级日间照料中心6个，累计建成日间照料中心41个。", ["新建村级日间照料中心个数", "累计建成日间照料中心个数"]),
    # changes told 分别较上年 are of the figures the clause before counted, in turn
    ("储备冲锋舟12艘、救生衣860件，分别较上年增长20%和15%。",
     ["储备冲锋舟数", "救生衣件数", "储备冲锋舟数增速", "救生衣件数增速"]),
    # a count and an amount of one thing keep what tells them apart (笔数, 金额)
    ("其中异地转移接续3200笔、金额2.6亿元，分别增长12%和9%。",
     ["异地转移接续笔数", "异地转移接续金额", "异地转移接续笔数增速", "异地转移接续金额增速"]),
    # what an amount is paid per (每人每月) is no part of its name
    ("困难残疾人生活补贴提高到每人每月90元。", ["困难残疾人生活补贴金额"]),
    # a share of the year's plan stands between a figure and its growth: the growth is the figure's
    ("完成水利建设投资6.2亿元，完成年度计划的105%，同比增长8.3%。",
     ["完成水利建设投资金额", "水利建设投资计划完成率", "完成水利建设投资增速"]),
    # a change against before a reform (较改革前) is a change; 压减至 is the level reached
    ("全市执法车辆压减至86辆，较改革前减少21.5%。", ["执法车辆数", "执法车辆减少比例"]),
    # an action counted for a list of people names the action (走访独居、空巢老人 → 走访空巢老人)
    ("社工上门探访孤寡、空巢老人960余次。", ["探访空巢老人次数"]),
    # units offices count in: 台件, 列, 幅; a 24-hour duty is a name
    ("检定计量器具2.3万余台件，新增密集架36列，展出书画作品120余幅，坚持24小时值班制度。",
     ["检定计量器具台件数", "新增密集架列数", "展出书画作品幅数"]),
    # a bare thing in a list of counts takes the list's verb; a thing with its own verb keeps it, and is not
    # taken for something done to what the item before counted
    ("发放宣传册4200份、宣传品1800件。", ["发放宣传册份数", "发放宣传品件数"]),
    ("新建步道12公里、改造管网8公里。", ["新建步道里程", "改造管网里程"]),
    # those an action was for, after a manner (按时足额为…): named by what they got; the manner names nothing
    ("按时足额为2300余名残疾人发放护理补贴。", ["护理补贴残疾人人数"]),
    # a manner (依法) names nothing: what was done with those counted does
    ("依法将58人次纳入信用惩戒名单。", ["纳入信用惩戒名单人次"]),
    # a level kept (保持) is the level itself
    ("饮用水水源水质达标率保持100%。", ["饮用水水源水质达标率"]),
])
def test_a_subject_the_sentence_gives_elsewhere_is_found(sentence, labels):
    assert labels_of(sentence) == labels


@pytest.mark.parametrize("sentence, values", [
    ("对强降雨过程提前48小时发出预报。", [(Decimal(48), "小时")]),  # 提前 says when, not which: a count
    ("发射增雨火箭弹95枚、炮弹320发。", [(Decimal(95), "枚"), (Decimal(320), "发")]),
    ("抽检水样860份次、混凝土试块41组次。", [(Decimal(860), "份次"), (Decimal(41), "组次")]),
    ("信访事项3个月内办结，共办结218件。", [(Decimal(218), "件")]),  # 3个月内 is a time limit, no figure
    ("其中投资超5亿元的产业项目9个。", [(Decimal(9), "个")]),  # 超5亿元的 says which projects
    ("城区月均降尘量降至3.8吨/平方公里·月。", [(Decimal("3.8"), "吨/平方公里·月")]),
])
def test_counts_after_when_and_the_units_of_tests_and_rounds(sentence, values):
    _report, fields, _text = imported(sentence)
    assert [(previous, unit) for _label, previous, unit, _type in fields] == values
