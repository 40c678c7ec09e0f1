"""Importing Word files as offices write them: each defect's smallest input, and the corpus against its truth."""

from __future__ import annotations

import re
import zipfile
from decimal import Decimal

import docx
import pytest

from corpus.files import CORPUS, LIBREOFFICE, build
from corpus.measure import as_last_year, measure
from corpus.wordml import Flavour, Writer
from drafter.core import actions
from drafter.core.lastyear import SourceParagraph, import_summary
from drafter.core.rendering.render import render
from import_helpers import build_project, import_last_year


def paragraphs(*texts):
    return [SourceParagraph(text) for text in texts]


def rendered_text(report) -> str:
    return "\n".join(block.text for block in render(report).blocks)


def fields_of(report):
    return [(f.previous, f.unit, f.qualifier) for f in report.fields.values() if f.type != "text"]


# -- structure ------------------------------------------------------------------------------------------

def test_a_year_or_xiayibu_inside_a_part_does_not_start_the_closing():
    report = build_project(paragraphs("2023年工作总结", "一、主要工作", "2023年，我局开展培训12次。", "二、下一步打算",
                                      "（一）加强学习", "下一步，我们将继续加强学习。"), None, "t").report
    assert [s.heading for s in report.parts] == ["主要工作", "下一步打算"]
    assert [s.heading for s in report.parts[1].children] == ["加强学习"] and report.closing == []


def test_the_closing_is_what_follows_the_last_part():
    report = build_project(paragraphs("2023年工作总结", "一、主要工作", "（一）学习", "全年学习12次。",
                                      "2024年，我们将继续努力。"), None, "t").report
    assert [p.body for p in report.closing] == ["{{ next_year }}年，我们将继续努力。"]


def test_a_typed_table_of_contents_is_skipped_and_reported():
    result = build_project(paragraphs("2023年工作总结", "目录", "一、主要工作\t2", "二、问题\t5", "一、主要工作",
                                      "全年学习12次。", "二、问题", "还有不足。"), None, "t")
    assert [s.heading for s in result.report.parts] == ["主要工作", "问题"]
    assert any("目录" in line for line in import_summary(result, "a", "b"))


def docx_from(writer: Writer, tmp_path, name="t.docx"):
    writer.save(tmp_path / name)
    return tmp_path / name


def test_text_box_moves_deletions_and_comments_are_read_once(tmp_path):
    writer = Writer(Flavour())
    writer.add(writer.paragraph(writer.runs("2023年工作总结")))
    writer.add(writer.paragraph(writer.tracked("moveFrom", "全年走访企业20家。")))
    writer.add(writer.paragraph(writer.textbox(writer.paragraph(writer.runs("设立接种点32个。")))))
    start, end = writer.comment("请核实")
    writer.add(writer.paragraph(start + writer.tracked("del", "原计划调研15次，") + writer.runs("完成调研9次。") + end))
    writer.add(writer.paragraph(writer.tracked("moveTo", "全年走访企业20家。")))
    result = import_last_year(docx_from(writer, tmp_path))
    text = rendered_text(as_last_year(result.report, 2023))
    assert text.count("设立接种点32个") == 1 and text.count("走访企业20家") == 1
    assert "15次" not in text and "请核实" not in text
    assert [v for v, _, _ in fields_of(result.report)] == [32, 9, 20]
    summary = "\n".join(import_summary(result, "a", "b"))
    assert "批注 1 条" in summary and "文本框 1 个" in summary and "修订" in summary


def test_footnotes_are_kept_as_word_footnotes_with_their_figures(tmp_path, style):
    writer = Writer(Flavour())
    writer.add(writer.paragraph(writer.runs("2023年工作总结")))
    writer.add(writer.paragraph(writer.runs("一、主要工作")))
    writer.add(writer.paragraph(writer.runs("全年培训干部300人。") + writer.footnote("含线上培训120人次。")))
    report = import_last_year(docx_from(writer, tmp_path)).report
    paragraph = report.parts[0].paragraphs[0]
    assert len(paragraph.notes) == 1 and [v for v, _, _ in fields_of(report)] == [300, 120]
    filled = as_last_year(report, 2023)
    out = tmp_path / "out.docx"
    actions.export_project(filled, style, out, allow_missing=True)
    with zipfile.ZipFile(out) as package:
        notes = package.read("word/footnotes.xml").decode("utf-8")
        body = package.read("word/document.xml").decode("utf-8")
    assert "含线上培训120人次。" in notes and 'w:footnoteReference w:id="1"' in body
    assert "含线上培训" not in "".join(p.text for p in docx.Document(out).paragraphs)


def test_wps_separate_lists_give_levels_by_the_number_form(tmp_path):
    writer = Writer(Flavour())
    parts = writer.new_list([("chineseCounting", "%1、")])
    writer.add(writer.paragraph(writer.runs("2023年工作总结")))
    for part in ("加强学习", "推进项目"):
        writer.add(writer.paragraph(writer.runs(part), numbering=(parts, 0)))
        subs = writer.new_list([("chineseCounting", "（%1）")], abstract=20)
        items = writer.new_list([("decimal", "%1.")], abstract=30)
        writer.add(writer.paragraph(writer.runs("抓实学习"), numbering=(subs, 0)))
        writer.add(writer.paragraph(writer.runs("建成胸痛中心4个"), numbering=(items, 0)))
        writer.add(writer.paragraph(writer.runs("全年开展培训12次。")))
    report = import_last_year(docx_from(writer, tmp_path)).report
    assert [s.heading for s in report.parts] == ["加强学习", "推进项目"]
    assert all([c.heading for c in part.children] == ["抓实学习"] for part in report.parts)
    assert rendered_text(as_last_year(report, 2023)).count("1.建成胸痛中心4个") == 2


def test_a_short_typed_item_is_a_third_level_heading_not_a_part():
    report = build_project(paragraphs("2023年工作总结", "一、医疗服务", "（一）能力建设", "1. 建成胸痛中心4个",
                                      "全年门诊12万人次。"), None, "t").report
    assert len(report.parts) == 1 and report.parts[0].children[0].children[0].heading == "建成胸痛中心{{ figure_01 }}"


def test_soft_breaks_split_after_a_heading_and_join_a_cut_sentence():
    report = build_project(paragraphs("2023年工作总结", "一、主要工作", "（一）项目建设\n全年实施重点项目18个，完成\n投资5亿元。"),
                           None, "t").report
    section = report.parts[0].children[0]
    assert section.heading == "项目建设"
    assert [p.body for p in section.paragraphs] == ["全年实施重点项目{{ figure_01 }}，完成投资{{ figure_02 }}。"]


def test_a_run_in_heading_keeps_its_full_stop_when_printed():
    report = build_project(paragraphs("2023年工作总结", "一、主要工作", "（一）项目建设。全年实施重点项目18个。"),
                           None, "t").report
    block = next(b for b in render(as_last_year(report, 2023)).blocks if b.kind == "run_in")
    assert block.text == "（一）项目建设。全年实施重点项目18个。"


def test_frame_two_paragraph_title_recipient_red_head_and_record():
    report = build_project(paragraphs("示例县卫生健康局文件", "示卫发〔2024〕3号", "示例县卫生健康局", "2023年度工作报告",
                                      "县委、县政府：", "2023年，工作顺利。", "一、主要工作", "全年学习12次。",
                                      "示例县卫生健康局", "2024年1月8日", "抄送：县委办公室。",
                                      "示例县卫生健康局办公室　　2024年1月15日印发"), None, "t").report
    meta = report.meta
    assert meta.title == "示例县卫生健康局{{ year }}年度工作报告" and meta.recipient == "县委、县政府"
    assert meta.organisation == "示例县卫生健康局" and meta.date == "2025-01-08"
    assert report.closing == [] and "印发" not in rendered_text(report)


def test_bold_lead_after_full_width_spaces_and_no_invented_leads_in_word(tmp_path):
    writer = Writer(Flavour())
    writer.add(writer.paragraph(writer.runs("2023年工作总结")))
    writer.add(writer.paragraph(writer.runs("一、主要工作")))
    writer.add(writer.paragraph(writer.runs("　　") + writer.runs("加强学习。", True) + writer.runs("全年学习12次。")))
    writer.add(writer.paragraph(writer.runs("　　推进项目。全年实施项目8个。")))
    report = import_last_year(docx_from(writer, tmp_path)).report
    assert [p.lead for p in report.parts[0].paragraphs] == ["加强学习。", ""]


def test_web_text_flattened_into_one_line_still_has_its_parts():
    flat = ("2023年，我局认真履职，各项工作取得新成效。一、工作开展情况(一)突出政治引领。全年学习12次，"
            "开展研讨6次。(二)强化服务保障。走访企业20家。二、存在的问题。统筹能力有待提升，基层基础仍较薄弱，"
            "需要在今后的工作中加以改进和提高，推动各项工作再上新台阶。")
    report = build_project(paragraphs("2023年工作总结", flat), None, "t").report
    assert [s.heading for s in report.parts] == ["工作开展情况", "存在的问题"]
    assert [c.heading for c in report.parts[0].children] == ["突出政治引领", "强化服务保障"]


@pytest.mark.parametrize(("texts", "name", "year"), [
    (("某局工作综述", "发布时间：2023-12-1", "一年来，开展学习12次。"), "page.docx", 2023),
    (("某局工作综述（年鉴-2022）", "一年来，开展学习12次。"), "page.docx", 2022),
    (("某局工作综述", "一年来，开展学习12次。"), "年鉴-2021.docx", 2021),
])
def test_a_page_without_nnnn_nian_takes_its_year_from_dates_title_or_file_name(texts, name, year):
    assert build_project(paragraphs(*texts), None, name).from_year == year


# -- figures --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "expected"), [
    ("培训1,260人次。", [(Decimal(1260), "人次", "")]),
    ("完成投资8,620万元。", [(Decimal(86_200_000), "元", "")]),
    ("累计接种一万二千余人次。", [(Decimal(12000), "人次", "余")]),
    ("下沉四百一十二名医务人员。", [(Decimal(412), "名", "")]),
    ("帮扶一千二百户。", [(Decimal(1200), "户", "")]),
    ("受理来电五百八十人次。", [(Decimal(580), "人次", "")]),
    ("召开第3次会议。", []),
    ("严格执行中央八项规定精神。", []),
    ("实行24小时值守。", []),
    ("牢固树立“四个意识”，落实三会一课。", []),
])
def test_figures_as_offices_write_them(sentence, expected):
    report = build_project(paragraphs("2023年工作总结", sentence), None, "t").report
    assert fields_of(report) == expected
    assert "第3次会议" in rendered_text(report) or "第3次" not in sentence


@pytest.mark.parametrize("unit", ["起", "张", "平方米", "公里", "例", "剂次", "笔", "块", "吨", "株", "盏"])
def test_measure_words_offices_count_with(unit):
    report = build_project(paragraphs("2023年工作总结", f"全年完成12{unit}。"), None, "t").report
    assert fields_of(report) == [(Decimal(12), unit, "")]


def test_figures_in_headings_and_after_an_unclosed_quote_become_fields():
    report = build_project(paragraphs("2023年工作总结", "一、全年开展培训12次", "开展“双争活动，走访企业20家，服务群众300人。"),
                           None, "t").report
    assert [v for v, _, _ in fields_of(report)] == [12, 20, 300]


@pytest.mark.parametrize("written", ["1.86亿元", "1.81万户", "12000批次", "1,260人次", "2,316.5万元", "四百一十二名"])
def test_export_keeps_the_way_last_year_wrote_a_figure(written):
    report = build_project(paragraphs("2023年工作总结", f"全年完成{written}。"), None, "t").report
    assert f"全年完成{written}。" in rendered_text(as_last_year(report, 2023))


def test_labels_read_as_names_not_broken_sentences():
    report = build_project(paragraphs(
        "2023年工作总结", "举办培训班12期，培训干部6900余人次。", "用于支持疫情防控资金120万元。",
        "抽调干部参与巡察15人。", "召开第3次会议，进行了集中学习8次。"), None, "t").report
    labels = [f.label for f in report.fields.values()]
    assert labels[0] == "举办培训班期数" and labels[1] == "培训干部人次"
    for label in labels:
        assert not re.search(r"[0-9.，。…、“”]|^(以|用于|进行了|从|在)", label), label


# -- the corpus -----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    return {path.stem.rsplit("-", 1)[0] if path.stem[-4:].isdigit() else path.stem: path for path in build(folder)}


@pytest.mark.parametrize("name", [name for name, *_ in CORPUS])
def test_corpus_file_imports_to_its_truth(corpus, name):
    if name not in corpus:
        assert name in LIBREOFFICE, name
        pytest.skip("LibreOffice (soffice) is not installed, so no LibreOffice-saved copy was made")
    score = measure(corpus[name], import_last_year(corpus[name]))
    problems = "; ".join(score.problems[:6])
    assert score.found >= 0.97 * score.figures and score.placed >= 0.95 * score.found, problems
    assert score.false_positives <= max(0, 0.01 * score.figures), problems
    assert score.parts_right and score.subs_right, problems
    assert score.doubled_chars == 0 and score.lost_chars <= 0.001 * score.text_chars, problems
    assert score.masked_left == 0 and score.frame_right, problems


def test_corpus_has_twenty_office_style_files_with_truth(corpus):
    assert len([path for path in corpus.values() if path.with_suffix(".truth.json").exists()]) >= 20


def test_a_table_keeps_its_rows_its_year_columns_roll_together_and_cells_become_fields():
    table = SourceParagraph("", rows=[["指标", "单位", "2023年", "2022年"], ["培训人数", "人次", "1,260", "1,180"]])
    report = build_project([SourceParagraph("2023年工作总结"), SourceParagraph("一、主要工作"), table], None, "t").report
    [field] = report.fields.values()
    assert (field.previous, field.label) == (Decimal(1260), "培训人数（人次）")
    report.meta.year, field.value = 2024, Decimal(1300)
    [block] = [b for b in render(report).blocks if b.kind == "table"]
    assert block.rows == [["指标", "单位", "2024年", "2023年"], ["培训人数", "人次", "1,300", "1,260"]]


def test_year_columns_oldest_first_roll_too_and_a_growth_column_is_this_years_to_fill():
    table = SourceParagraph("", rows=[["指标", "单位", "2022年", "2023年", "增长（%）"],
                                      ["地区生产总值", "亿元", "2689.5", "2856.4", "6.2"]])
    report = build_project([SourceParagraph("2023年工作总结"), SourceParagraph("一、主要工作"), table], None, "t").report
    value, growth = report.fields.values()
    assert (value.label, value.previous, growth.label, growth.previous) == (
        "地区生产总值（亿元）", Decimal("2856.4"), "地区生产总值增长（%）", Decimal("6.2"))
    report.meta.year, value.value, growth.value = 2024, Decimal("3012.7"), Decimal("5.5")
    [block] = [b for b in render(report).blocks if b.kind == "table"]
    assert block.rows == [["指标", "单位", "2023年", "2024年", "增长（%）"],
                          ["地区生产总值", "亿元", "2856.4", "3012.7", "5.5"]]


def test_a_year_column_may_carry_its_unit_in_its_header():
    table = SourceParagraph("", rows=[["项目", "2023年（万元）", "2022年（万元）"], ["专项资金", "1,260", "1,180"]])
    report = build_project([SourceParagraph("2023年工作总结"), SourceParagraph("一、主要工作"), table], None, "t").report
    [field] = report.fields.values()
    assert (field.label, field.previous) == ("专项资金（万元）", Decimal(1260))


# -- found on office files written apart from the corpus ------------------------------------------------

@pytest.mark.parametrize("written", ["230余万元", "１２６户", "0.5％", "９７.６％", "36次", "１，２００余家次"])
def test_more_ways_of_writing_a_figure_print_back_as_written(written):
    report = build_project(paragraphs("2023年工作总结", f"全年完成{written}。"), None, "t").report
    assert len(fields_of(report)) == 1 and f"全年完成{written}。" in rendered_text(as_last_year(report, 2023))


@pytest.mark.parametrize(("sentence", "unit"), [
    ("查处违法行为4.2万辆次。", "辆次"), ("开展整治216场次。", "场次"), ("检查重点单位312个次。", "个次"),
    ("办理时限缩短至5.2分钟。", "分钟"), ("促成32对夫妻和好。", "对"), ("合格率较上年提高1.5个百分点。", "个百分点"),
    ("检查用人单位36 次。", "次"),
])
def test_compound_and_missing_measure_words(sentence, unit):
    [(_value, found, _qualifier)] = fields_of(build_project(paragraphs("2023年工作总结", sentence), None, "t").report)
    assert found == unit


def test_fixed_expressions_with_digits_stay_text_and_labels_skip_other_figures():
    report = build_project(paragraphs("2023年工作总结", "推动1,300余家实体店承诺7天无理由退货，督促严格执行8小时工作制。"),
                           None, "t").report
    [field] = report.fields.values()
    assert field.previous == 1300 and field.label == "实体店家数"


def test_a_record_laid_out_as_a_table_does_not_hide_the_signature_and_date():
    record = SourceParagraph("", rows=[["抄送：县委办公室。", ""], ["某局办公室", "2024年1月15日印发"]])
    result = build_project([*paragraphs("2023年工作总结", "一、主要工作", "全年学习12次。", "某局", "2024年1月8日"), record],
                           None, "t")
    meta = result.report.meta
    assert (meta.organisation, meta.date) == ("某局", "2025-01-08") and result.report.closing == []
    assert any("印发" in line for line in result.frame_lines)


def test_a_plan_part_with_sub_sections_still_ends_in_a_closing():
    result = build_project(paragraphs("2023年工作总结", "一、主要工作", "全年学习12次。", "二、2024年工作打算",
                                      "（一）加强学习", "下一步，将继续加强学习。", "（二）改进作风",
                                      "下一步，将持续改进作风。", "2024年，我们将在上级领导下，奋力完成各项任务。"),
                           None, "t")
    report = result.report
    assert [p.body for p in report.parts[1].children[1].paragraphs] == ["下一步，将持续改进作风。"]
    assert len(report.closing) == 1 and report.closing[0].body.startswith("{{ next_year }}年，我们将")
    assert "结尾：2024年 → 2025年" in result.year_changes


def test_a_bold_numbered_item_run_into_its_paragraph_is_a_third_level_heading():
    long_body = "检查学校食堂1,204家次，督促整改问题263个，覆盖率提高到96%，实现全覆盖。"
    bold = SourceParagraph(f"1.校园食品安全守护行动扎实开展。{long_body}", bold_prefix=17)
    plain = SourceParagraph(f"2.全年检查学校食堂1,204家次，督促整改问题263个。{long_body}")
    report = build_project([*paragraphs("2023年工作总结", "一、主要工作", "（一）食品安全"), bold, plain], None, "t",
                           formatted=True).report
    sub = report.parts[0].children[0]
    assert [c.heading for c in sub.children] == ["校园食品安全守护行动扎实开展"]
    assert sub.children[0].paragraphs[1].body.startswith("2.全年检查学校食堂")


def test_a_table_with_a_serial_column_labels_rows_by_their_name():
    table = SourceParagraph("", rows=[["序号", "指标名称", "单位", "2023年", "2022年"], ["1", "保障性租赁住房", "套", "860", "700"]])
    report = build_project([SourceParagraph("2023年工作总结"), SourceParagraph("一、主要工作"), table], None, "t").report
    assert [f.label for f in report.fields.values()] == ["保障性租赁住房（套）"]


# -- found by a second set of office files written apart from the corpus --------------------------------

def test_table_cells_in_content_controls_and_nested_tables_are_read_once(tmp_path):
    writer = Writer(Flavour())
    writer.add(writer.paragraph(writer.runs("2024年工作总结")))
    writer.add(writer.paragraph(writer.runs("一、主要工作")))
    cell = lambda text: f"<w:tc>{writer.paragraph(writer.runs(text))}</w:tc>"  # noqa: E731
    inner = f"<w:tbl><w:tr>{cell('建档')}{cell('随访')}</w:tr><w:tr>{cell('1,860份')}{cell('2,340人次')}</w:tr></w:tbl>"
    writer.add("<w:tbl>"
               f"<w:tr>{cell('指标')}{cell('单位')}{cell('2024年')}{cell('2023年')}</w:tr>"
               f"<w:tr>{cell('新建充电桩')}{cell('个')}<w:sdt><w:sdtContent>{cell('1,260')}</w:sdtContent></w:sdt>"
               f"{cell('860')}</w:tr>"
               f"<w:tr>{cell('健康档案')}<w:tc>{writer.paragraph(writer.runs('见下表'))}{inner}</w:tc>"
               f"{cell('')}{cell('')}</w:tr></w:tbl>")
    report = import_last_year(docx_from(writer, tmp_path)).report
    values = sorted(f.previous for f in report.fields.values())
    assert values == [1260, 1860, 2340]
    tables = [p.rows for p in report.parts[0].paragraphs if p.rows]
    assert len(tables) == 2 and tables[0][1][:3] == ["新建充电桩", "个", "{{ figure_01 }}"]


def test_word_draws_circled_and_bracketed_item_numbers_that_stay_in_the_text(tmp_path):
    writer = Writer(Flavour())
    circled = writer.new_list([("decimalEnclosedCircle", "%1")])
    bracketed = writer.new_list([("decimal", "%1)")])
    writer.add(writer.paragraph(writer.runs("2024年工作总结")))
    writer.add(writer.paragraph(writer.runs("一、主要工作")))
    for text in ("开展短时临近预报2,860次。", "发布预警信号126次。"):
        writer.add(writer.paragraph(writer.runs(text), numbering=(circled, 0)))
    writer.add(writer.paragraph(writer.runs("组织应急演练15次。"), numbering=(bracketed, 0)))
    report = import_last_year(docx_from(writer, tmp_path)).report
    text = rendered_text(as_last_year(report, 2024))
    assert "①开展短时临近预报2,860次。" in text and "②发布预警信号126次。" in text and "1)组织应急演练15次。" in text


def test_parts_written_as_di_yi_bufen_put_every_typed_level_one_down():
    report = build_project(paragraphs("2024年工作报告", "第一部分　2024年工作总结", "一、参保扩面持续推进",
                                      "全年新增参保2,300人。", "二、经办服务提质增效", "办结业务1.2万件。",
                                      "第二部分　存在的问题", "一是统筹不够。", "第三部分　2025年工作打算",
                                      "一、深化改革", "推进改革。"), None, "t").report
    assert [s.heading for s in report.parts] == ["{{ year }}年工作总结", "存在的问题", "{{ next_year }}年工作打算"]
    assert [c.heading for c in report.parts[0].children] == ["参保扩面持续推进", "经办服务提质增效"]
    assert [p.body for p in report.parts[1].paragraphs] == ["一是统筹不够。"]


def test_frame_attachments_signature_and_date_in_one_paragraph_and_chinese_dates():
    result = build_project(paragraphs("2024年工作报告", "一、主要工作", "全年走访企业20家。", "特此报告。",
                                      "附件：1.2024年度帮扶企业名单", "2.就业情况统计表",
                                      "示例市残疾人联合会\n二○二五年一月五日"), None, "t")
    meta, report = result.report.meta, result.report
    assert meta.attachments == ["2025年度帮扶企业名单", "就业情况统计表"]
    assert (meta.organisation, meta.date) == ("示例市残疾人联合会", "2026-01-05")
    assert [p.body for p in report.closing] == ["特此报告。"]


def test_hidden_text_is_left_out_and_endnotes_are_kept(tmp_path):
    writer = Writer(Flavour())
    writer.add(writer.paragraph(writer.runs("2024年工作总结")))
    writer.add(writer.paragraph(writer.runs("一、主要工作")))
    hidden = '<w:r><w:rPr><w:vanish/></w:rPr><w:t>（起草说明：原稿为1,260起。）</w:t></w:r>'
    writer.add(writer.paragraph(writer.runs("发放补贴3,200人次。") + hidden))
    writer.save(tmp_path / "h.docx")
    report = import_last_year(tmp_path / "h.docx").report
    assert [f.previous for f in report.fields.values()] == [3200]
    assert "起草说明" not in rendered_text(report)


@pytest.mark.parametrize(("sentence", "unit", "printed"), [
    ("参保率达到百分之九十五。", "%", "百分之九十五"), ("覆盖率达到百分之百。", "%", "百分之百"),
    ("增长百分之十二点五。", "%", "百分之十二点五"), ("平均气温17.2℃。", "℃", "17.2℃"),
    ("年降水1,386.4毫米。", "毫米", "1,386.4毫米"), ("整理168万画幅。", "画幅", "168万画幅"),
    ("调阅3.2万卷次。", "卷次", "3.2万卷次"),
])
def test_chinese_percentages_and_more_units(sentence, unit, printed):
    report = build_project(paragraphs("2023年工作总结", sentence), None, "t").report
    [field] = [f for f in report.fields.values()]
    assert ("%" if field.type == "percent" else field.unit) == unit
    assert printed in rendered_text(as_last_year(report, 2023))


def test_a_label_leaves_out_how_the_report_names_its_own_unit(tmp_path, capsys):
    from drafter.cli import run

    source = tmp_path / "去年.txt"
    source.write_text("2023年度工作报告\n2023年，我局服务群众约300人，走访企业20余家。\n一、主要工作\n全年学习12次。\n",
                      encoding="utf-8")
    assert run(["import", str(source), "-o", str(tmp_path / "今年.drafter")]) == 0
    capsys.readouterr()
    assert run(["fields", str(tmp_path / "今年.drafter")]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0].split("\t")[1] == "服务群众人数"
    assert "（未填）人" in listed[0] and "（未填）余家" in listed[1]  # 约 stands before a number, never before a unit


# -- found by a third set: text from PDFs and web pages, ranges and more figure styles --------------------

def test_lines_a_pdf_wrapped_are_joined_when_blank_lines_separate_paragraphs():
    lines = ["2024年工作总结", "", "2024年，街道各项工作稳步推进，取得了新的成效。", "", "一、民生保障",
             "", "全年持续加大民生投入力度，向困难群众发放各", "类救助资金865.2万元，新建污水管网12",
             ".6公里，引进招商项目9个。", "",
             "示例街道办事处", "2024年12月30日"]
    report = build_project(paragraphs(*lines), None, "t").report
    assert [p.body for p in report.parts[0].paragraphs] == ["全年持续加大民生投入力度，向困难群众发放各类救助资金"
                                                            "{{ figure_01 }}，新建污水管网{{ figure_02 }}，引进招商项目{{ figure_03 }}。"]
    assert [f.previous for f in report.fields.values()] == [8652000, Decimal("12.6"), 9]
    assert (report.meta.organisation, report.meta.date) == ("示例街道办事处", "2025-12-30")


def test_a_web_page_pasted_into_word_keeps_only_the_report():
    result = build_project(paragraphs(
        "首页 > 政务公开 > 规划计划", "示例区民政局2024年工作总结", "【字体：大 中 小】【打印】【关闭】",
        "示例区民政局2024年工作总结", "2024年，区民政局扎实推进各项工作。", "一、兜底保障", "发放低保金1,268万元。",
        "示例区民政局", "2024年12月25日", "分享到：", "主办单位：示例区人民政府 备案号：示ICP备12345号"), None, "t")
    report = result.report
    assert report.meta.title == "示例区民政局{{ year }}年工作总结"
    assert (report.meta.organisation, report.meta.date) == ("示例区民政局", "2025-12-25")
    assert "字体" not in rendered_text(report) and "备案号" not in rendered_text(report)


@pytest.mark.parametrize(("sentence", "printed", "values"), [
    ("新建道路近200公里。", "近200公里", [200]), ("每村建设3至5座公厕。", "3至5座", [3, 5]),
    ("营业收入增长1.5倍。", "1.5倍", [Decimal("1.5")]), ("收到来信86封，制作锦旗143面。", "86封", [86, 143]),
    ("PM2.5平均浓度28微克/立方米。", "28微克/立方米", [28]),
])
def test_nearly_ranges_times_and_more_measure_words(sentence, printed, values):
    report = build_project(paragraphs("2023年工作总结", sentence), None, "t").report
    assert [f.previous for f in report.fields.values()] == values
    assert printed in rendered_text(as_last_year(report, 2023))


@pytest.mark.parametrize(("sentence", "label"), [
    ("预约诊疗率提高到72.4%。", "预约诊疗率"), ("胸痛中心平均救治时间缩短至68分钟。", "胸痛中心平均救治时间"),
    ("城镇登记失业率控制在2.8%以内。", "城镇登记失业率"),
])
def test_a_figure_that_is_the_rate_or_time_itself_is_labelled_by_it(sentence, label):
    [field] = build_project(paragraphs("2023年工作总结", sentence), None, "t").report.fields.values()
    assert field.label == label


def test_a_bare_magnitude_counts_only_with_a_qualifier():
    report = build_project(paragraphs("2023年工作总结", "走进千家万户，服务万余人，满意度达到百分之百。"), None, "t").report
    assert [(f.previous, f.unit, f.qualifier) for f in report.fields.values()] == [
        (Decimal(10000), "人", "余"), (Decimal(100), "", "")]
    assert "服务万余人，满意度达到百分之百。" in rendered_text(as_last_year(report, 2023))
