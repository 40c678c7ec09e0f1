"""Rendering: fields become typed runs, errors name their place, the sandbox holds."""

from decimal import Decimal

import pytest

from drafter.core.rendering.render import RenderError, render
from drafter.core.report.model import Field, Meta, Paragraph, Report, Section


def small_report(body: str, **fields) -> Report:
    report = Report(meta=Meta(title="{{ year }}年度工作报告", year=2023, organisation="某局", date="2024-01-08"))
    for name, value in fields.items():
        report.fields[name] = Field(name=name, label=f"{name}的标签", unit="次", value=value)
    report.parts = [Section("第一部分", [Paragraph(body=body, lead="首句。")])]
    return report


def paragraph(rendered):
    return next(block for block in rendered.blocks if block.kind == "paragraph")


def test_fields_become_formatted_runs():
    rendered = render(small_report("开展学习{{ a }}。", a=Decimal(12)))
    runs = paragraph(rendered).runs
    assert [(run.text, run.kind) for run in runs] == [("开展学习", "text"), ("12次", "field"), ("。", "text")]
    assert rendered.used_in == {"a": ["第一部分第1段"]}


def test_unfilled_fields_are_marked_and_listed():
    rendered = render(small_report("开展学习{{ a }}。", a=None))
    run = paragraph(rendered).runs[1]
    assert run.kind == "missing" and "a的标签" in run.text
    assert [(item.name, item.places) for item in rendered.missing] == [("a", ["第一部分第1段"])]


def test_block_order_and_heading_numbers(filled_report):
    rendered = render(filled_report)
    kinds = [block.kind for block in rendered.blocks]
    assert kinds[:3] == ["title", "blank", "paragraph"]
    assert kinds[-3:] == ["blank", "signature", "date"]
    numbers = [block.number for block in rendered.blocks if block.kind == "heading"]
    assert numbers == ["一、", "二、", "三、", "四、"]
    assert rendered.title == "中共示例市机关工作委员会2026年度工作报告"
    assert rendered.missing == []


def test_year_and_next_year_come_from_the_metadata(filled_report):
    filled_report.meta.year = 2030
    text = "".join(block.text for block in render(filled_report).blocks)
    assert "2030年，机关党委" in text and "2031年，机关党委" in text


def test_unknown_field_names_section_and_field():
    with pytest.raises(RenderError, match="第一部分第1段.*“nothing”"):
        render(small_report("共{{ nothing }}。"))


def test_syntax_error_names_the_line():
    with pytest.raises(RenderError, match="第一部分第1段第2行模板语法有误"):
        render(small_report("第一行\n{% if %}"))


@pytest.mark.parametrize(
    "attack",
    [
        "{{ a.__class__.__mro__ }}",
        "{{ ''.__class__ }}",
        "{{ a|attr('__class__') }}",
        "{{ 'x' * 1000000000 }}",
        "{{ 2 ** 100000 }}",
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        "{% for i in range(99999) %}{{ 'x' * 99 }}{% endfor %}",
        "{{ '%999999999s' % 'x' }}",
        "{{ '{:999999999}'.format(1) }}",
        "{{ '%999999999s'|format('x') }}",
        "{{ 'ab'|center(999999999) }}",
        "{{ 'ab'.ljust(999999999) }}",
        "{{ ('x' * 99999)|list|join('y' * 99999) }}",
        "{{ ('y' * 99999).join('x' * 99999) }}",
        "{{ 'x'|indent(999999999) }}",
        "{{ ('a' * 9999)|replace('a', 'b' * 9999) }}",
        "{{ ('a' * 9999).replace('a', 'b' * 9999) }}",
    ],
)
def test_sandbox_stops_escapes_and_runaway_templates(attack):
    with pytest.raises(RenderError, match="第一部分第1段"):
        render(small_report(attack, a=Decimal(1)))


def test_ordinary_filters_still_work():
    report = small_report("{{ 'ok'|center(6) }}|{{ [1, 2]|join('、') }}|{{ 'abc'|replace('b', 'x') }}|{{ '%d次'|format(3) }}")
    assert paragraph(render(report)).text == "首句。  ok  |1、2|axc|3次"


def test_recipient_gets_a_full_width_colon():
    report = small_report("正文。")
    report.meta.recipient = "市委:"
    block = next(block for block in render(report).blocks if block.kind == "recipient")
    assert block.text == "市委："


@pytest.mark.parametrize(
    ("title", "lines"),
    [("某局2026年度工作报告", ["某局2026年度工作报告"]),
     ("中共示例市直属机关工作委员会2026年度工作报告", ["中共示例市直属机关工作委员会", "2026年度工作报告"]),
     ("2024政协机关党组理论学习中心组年度工作报告", ["2024政协机关党组", "理论学习中心组年度工作报告"]),
     ("关于进一步加强和改进新时代机关党的建设工作情况的报告", ["关于进一步加强和改进新时代", "机关党的建设工作情况的报告"])],
)
def test_long_titles_break_between_words_into_balanced_lines(title, lines):
    report = small_report("正文。")
    report.meta.title = title
    block = render(report).blocks[0]
    assert block.text.split("\n") == lines
    assert render(report).title == title


def test_a_title_break_is_a_line_break_in_word(tmp_path, style):
    import docx
    from docx.oxml.ns import qn

    from drafter.core.word.export import export_docx

    report = small_report("正文。")
    report.meta.title = "中共示例市直属机关工作委员会{{ year }}年度工作报告"
    path = tmp_path / "t.docx"
    export_docx(render(report), style, path)
    title = docx.Document(path).paragraphs[0]
    assert len(title._p.findall(f".//{qn('w:br')}")) == 1 and title.text == "中共示例市直属机关工作委员会\n2023年度工作报告"


@pytest.mark.parametrize("source", ["开展学习{{ study }}次。", "{{year}}年{{ study }}", "末尾换行{{ study }}\n",
                                    "{{ study }}{{ study }}", "{{ organisation }}：{{ previous_year }}"])
def test_plain_references_print_as_jinja_prints_them(source):
    """Texts holding only {{ name }} skip compiling; what they print must not change."""
    from drafter.core.rendering.jinjaenv import ENVIRONMENT
    from drafter.core.rendering.sandbox import TemplateRunner

    context = {"study": 12, "year": 2026, "organisation": "某局", "previous_year": 2025}
    assert TemplateRunner().render(source, "某处", context) == ENVIRONMENT.from_string(source).render(context)


def test_an_unknown_plain_reference_names_the_place():
    from drafter.core.rendering.sandbox import RenderError, TemplateRunner

    with pytest.raises(RenderError, match="某处.*nobody"):
        TemplateRunner().render("{{ nobody }}", "某处", {})
