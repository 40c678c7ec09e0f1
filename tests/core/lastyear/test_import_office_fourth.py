"""Import on a fourth set of office files, written by a helper apart from the corpus (Word heading styles,
automatic numbering, years in Chinese numerals, year columns oldest first, 附注, 分别, bold character styles…):
one test for each thing they found."""

from __future__ import annotations


import docx
import pytest

from corpus.measure import as_last_year
from drafter.core.lastyear import SourceParagraph
from drafter.core.rendering.render import render
from import_helpers import build_project, import_last_year


def paragraphs(*texts):
    return [SourceParagraph(text) for text in texts]


def rendered_text(report) -> str:
    return "\n".join(block.text for block in render(report).blocks)



def test_a_report_dated_in_chinese_numerals_is_read_and_rolled_in_them():
    result = build_project(paragraphs("东城街道党工委二〇二三年度党建工作报告", "二〇二三年，街道党工委组织学习12次。",
                                      "一、主要工作", "全年走访企业36家。", "二、存在的不足", "学习深度还不够。",
                                      "二〇二四年，街道党工委将继续抓好学习。"), None, "t")
    report = result.report
    assert report.meta.year == 2024 and len(report.closing) == 1  # the year found, the next year's plan a closing
    assert "开头：二〇二三年 → 二〇二四年" in result.year_changes
    text = rendered_text(report)
    assert "二〇二四年度党建工作报告" in text and "二〇二四年，街道党工委组织学习" in text
    assert "二〇二五年，街道党工委将继续抓好学习。" in text and "二〇二三" not in text


@pytest.mark.parametrize(("written", "year"), [("二〇二三年", 2023), ("二○二三年", 2023), ("二零二二年", 2022)])
def test_a_year_in_chinese_numerals_left_from_last_year_is_found_and_fixed(written, year):
    from drafter.core.years.checks import check_report
    from drafter.core.years.fixes import apply_fix

    report = build_project(paragraphs("2023年工作总结", f"{written}，我局组织学习12次。"), None, "t").report
    report.opening[0].body = f"{written}，" + report.opening[0].body.split("，", 1)[1]  # as if typed back in
    report.meta.year = 2024
    [finding] = [f for f in check_report(report) if f.kind == "stale_year"]
    assert finding.excerpt == written[:-1] and finding.fix == ("year_roll" if year == 2023 else None)
    if finding.fix:
        assert apply_fix(report, finding) and rendered_text(report).count("二〇二四年，我局") == 1


def test_thousands_grouped_with_a_full_width_comma_are_one_number():
    report = build_project(paragraphs("2023年工作总结", "走访企业1，200余家次，服务群众３，４５６人。"), None, "t").report
    assert [(f.previous, f.label) for f in report.fields.values()] == [(1200, "走访企业数"), (3456, "服务群众人数")]
    assert "走访企业1,200余家次，服务群众３，４５６人。" in rendered_text(as_last_year(report, 2023))


def test_a_note_under_the_date_does_not_hide_the_signature_and_date():
    result = build_project(paragraphs("2023年工作总结", "一、主要工作", "全年学习12次。", "区人力资源和社会保障局",
                                      "2023年12月29日", "（联系人：李明，联系电话：0571-86001234）"), None, "t")
    meta = result.report.meta
    assert (meta.organisation, meta.date) == ("区人力资源和社会保障局", "2024-12-29")
    assert result.report.closing == [] and "（联系人：李明，联系电话：0571-86001234）" in result.frame_lines


@pytest.mark.parametrize(("last", "signed"), [("市机关事务管理局", True), ("中共东城街道工作委员会", True),
                                             ("持续提升保障水平", False), ("特此报告。", False)])
def test_a_unit_signing_without_a_date_is_the_signature(last, signed):
    report = build_project(paragraphs("2023年工作总结", "一、主要工作", "全年学习12次。", "下一步，我局将持续努力。", last),
                           None, "t").report
    assert report.meta.organisation == (last if signed else "") and report.meta.date == ""


def test_a_lead_in_a_bold_character_style_is_a_lead(tmp_path):
    document = docx.Document()  # its Strong style is Word's 加粗, bold by style rather than by a run's own w:b
    for text in ("2023年工作总结", "一、主要工作"):
        document.add_paragraph(text)
    paragraph = document.add_paragraph()
    paragraph.add_run("援企稳岗力度加大。").style = "Strong"
    paragraph.add_run("全年发放稳岗返还资金1,260万元，惠及企业3,456家，稳定了就业大局。")
    document.save(tmp_path / "strong.docx")
    [section] = import_last_year(tmp_path / "strong.docx").report.parts
    assert section.paragraphs[0].lead == "援企稳岗力度加大。"


@pytest.mark.parametrize(("sentence", "labels"), [
    ("失业保险、工伤保险参保人数分别达到10.2万人、12.7万人。", ["失业保险参保人数", "工伤保险参保人数"]),  # a shared measure
    ("城镇和农村常住居民人均可支配收入分别为41200元、21800元。", ["城镇居民人均可支配收入金额", "农村居民人均可支配收入金额"]),
    ("新增党员和发展对象分别为36名、52名。", ["新增党员人数", "发展对象人数"]),
    ("党员、入党积极分子分别为36名、52名。", ["党员人数", "入党积极分子人数"]),
])
def test_figures_after_fenbie_are_named_by_their_subjects_in_order(sentence, labels):
    report = build_project(paragraphs("2023年工作总结", sentence), None, "t").report
    assert [field.label for field in report.fields.values()] == labels


def test_numbered_items_under_a_part_without_its_second_level_stay_siblings():
    report = build_project(paragraphs("2023年工作总结", "一、强化引领", "（一）加强学习。全年学习12次。", "二、提升素质",
                                      "1．阵地建设。建成科普站35个。", "2．活动品牌化。举办活动86场。", "三、服务发展", "做了工作。"),
                           None, "t").report
    assert [child.heading for child in report.parts[1].children] == ["阵地建设", "活动品牌化"]
    assert all(child.children == [] for child in report.parts[1].children)


def test_the_first_of_a_list_of_points_is_no_lead_and_two_prints_as_liang():
    report = build_project(paragraphs("2023年工作总结", "一、主要工作", "一是加强学习。全年举办两期培训。二是改进作风。"),
                           None, "t").report
    [paragraph] = report.parts[0].paragraphs
    assert paragraph.lead == "" and paragraph.body.startswith("一是加强学习。")
    assert "全年举办两期培训。" in rendered_text(as_last_year(report, 2023))  # 2 as 两 before 期, not 二期


@pytest.mark.parametrize(("sentence", "label"), [
    ("公务用车总量控制在312辆以内。", "公务用车总量"),  # not 以内数
    ("平均办理时限压缩至3个工作日。", "平均办理时限"),  # not 工作日个数
    ("合格率较2022年提高11个百分点。", "合格率提高百分点"),  # not 合格率较年提高百分点
    ("参保人数较上年末净增8300人。", "参保人数净增人数"),  # not 参保人数末净增人数
])
def test_labels_leave_out_bounds_and_the_year_compared_with(sentence, label):
    [field] = build_project(paragraphs("2023年工作总结", sentence), None, "t").report.fields.values()
    assert field.label == label


@pytest.mark.parametrize(("sentence", "found"), [
    ("党员平均年龄43.5岁。", [("党员平均年龄", "岁")]),
    ("满意度测评得分96.3分。", [("满意度测评得分", "分")]),
    ("为60岁以上老人体检300人次。", [("老人体检人次", "人次")]),  # an age bounding who is meant is no figure
    ("为18至35岁青年提供服务120场。", [("青年提供服务场次", "场")]),
    ("为420名80周岁以上老人体检。", [("老人体检人数", "名")]),
])
def test_ages_and_scores_are_figures_but_an_age_bounding_who_is_meant_is_not(sentence, found):
    report = build_project(paragraphs("2023年工作总结", sentence), None, "t").report
    assert [(field.label, field.unit) for field in report.fields.values()] == found


@pytest.mark.parametrize(("sentence", "label"), [
    ("全区214个人民调解委员会共排查矛盾纠纷。", "人民调解委员会个数"),  # not 委员会共排查矛盾纠纷个数
    ("全镇43个基层党组织全面落实“三会一课”制度。", "基层党组织个数"),  # not 全面落实三会一课制度个数
    ("辖区十一个社区全部建立物业党建联建机制。", "社区个数"),  # not 社区全部个数
])
def test_what_is_counted_ends_where_what_is_said_of_it_starts(sentence, label):
    [field] = build_project(paragraphs("2023年工作总结", sentence), None, "t").report.fields.values()
    assert field.label == label


@pytest.mark.parametrize(("sentence", "labels"), [
    ("全县2350名包保干部对6100余家食品生产经营主体开展督导。", ["包保干部人数", "食品生产经营主体家数"]),
    ("带动农户1,020户增收。", ["带动农户户数"]),  # not 增收户数
])
def test_a_preposition_or_a_lone_verb_after_a_count_is_not_what_it_counts(sentence, labels):
    report = build_project(paragraphs("2023年工作总结", sentence), None, "t").report
    assert [field.label for field in report.fields.values()] == labels


@pytest.mark.parametrize(("sentence", "found"), [
    ("数字档案存储容量达到2.3TB。", [("数字档案存储容量", "TB")]),
    ("建成5G基站120个。", [("建成5G基站个数", "个")]),  # 5G is a name: its digit stays in the label
])
def test_storage_is_a_figure_and_a_name_with_a_digit_keeps_it(sentence, found):
    report = build_project(paragraphs("2023年工作总结", sentence), None, "t").report
    assert [(field.label, field.unit) for field in report.fields.values()] == found
