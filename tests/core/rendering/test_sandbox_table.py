"""What template code may build, one row per limit: each way to make a huge text from a short template is
refused with its own words, and the same code just inside the limit still prints."""

from __future__ import annotations

import pytest

from drafter.core.rendering.jinjaenv import MAX_SEQUENCE
from drafter.core.rendering.render import render
from drafter.core.rendering.sandbox import RenderError
from drafter.core.report.model import Field, Meta, Paragraph, Report


def _printed(source: str) -> str:
    report = Report(meta=Meta(year=2024, organisation="示例局", date="2025-01-08"),
                    fields={"visits": Field("visits", "走访次数", "integer", "次")}, closing=[Paragraph(source)])
    return next(block for block in render(report).blocks if block.kind == "paragraph").text


@pytest.mark.parametrize("source, why", [
    ("{{ 'a'.center(100001) }}", "指定的宽度过大"), ("{{ 'a'.ljust(200000) }}", "指定的宽度过大"),
    ("{{ 'a'.rjust(200000) }}", "指定的宽度过大"), ("{{ 'a'.zfill(200000) }}", "指定的宽度过大"),
    ("{{ 'a\tb'.expandtabs(65) }}", "制表符宽度过大"),
    ("{{ '{:999999}'.format(1) }}", "格式化宽度过大"), ("{{ '{:>{}}'.format('a', 200000) }}", "格式化宽度过大"),
    ("{{ '{a:999999}'.format_map({'a': 1}) }}", "格式化宽度过大"),
    ("{{ ','.join(range(100002)) }}", "拼接生成的内容过长"),
    ("{{ 'ab'.replace('a', 'x' * 60000 + 'y' * 50000) }}", "替换生成的内容过长"),
    ("{{ 'aaaa'.replace('a', 'x' * 30000) }}", "替换生成的内容过长"),
    ("{{ 'ab' * 50001 }}", "重复生成的内容过长"), ("{{ 50001 * 'ab' }}", "重复生成的内容过长"),
    ("{{ [1] * 100001 }}", "重复生成的内容过长"),
    ("{{ 2 ** 65 }}", "乘方的指数过大"), ("{{ 2 ** 'a' }}", "乘方的指数过大"), ("{{ '%s' % 1 }}", "不支持 % 格式化"),
    ("{{ 'a'|center(100001) }}", "指定的宽度过大"), ("{{ 'a\nb'|indent(60000) }}", "重复生成的内容过长"),
    ("{{ '{:999999}'|format(1) }}", "格式化宽度过大"), ("{{ range(100002)|join(',') }}", "拼接生成的内容过长"),
    ("{{ '%*d'|format(200000, 1) }}", "格式化宽度过大"), ("{{ '%999999d'|format(1) }}", "格式化宽度过大"),
    ("{{ 'ab'|replace('a', 'x' * 100001) }}", "重复生成的内容过长"),  # the argument itself is already too long
    ("{{ 'ab'|replace('a', 'xx' * 50001) }}", "重复生成的内容过长"),
    ("{{ year|growth }}", "过滤器 growth 只能用于统计数据字段"), ("{{ 'x'|trend }}", "过滤器 trend 只能用于统计数据字段"),
    ("{{ visits|previous(0) }}", "previous 的参数应是 1 到 50 之间的年数，如 previous(2)"),
    ("{{ visits|previous(51) }}", "previous 的参数应是 1 到 50 之间的年数，如 previous(2)"),
    ("{{ visits|previous(true) }}", "previous 的参数应是 1 到 50 之间的年数，如 previous(2)"),
])
def test_a_template_that_would_build_too_much_is_refused_saying_why(source, why):
    with pytest.raises(RenderError) as raised:
        _printed(source)
    assert str(raised.value) == f"结尾第1段：模板中含有不允许的操作（{why}）"


@pytest.mark.parametrize("source, length", [
    ("{{ 'a'.center(100000) }}", MAX_SEQUENCE), ("{{ 'a\tb'.expandtabs(64) }}", 65),
    ("{{ '{0:99999}'.format(1) }}", 99999), ("{{ '{}'.format(200000) }}", 6),
    ("{{ 'ab' * 50000 }}", MAX_SEQUENCE), ("{{ 2 ** 64 }}", 20), ("{{ 7 % 3 }}", 1),
    ("{{ ','.join(['a', 'b']) }}", 3), ("{{ 'aaaa'.replace('a', 'bb') }}", 8),
    ("{{ 'ab'.replace('a', 'x' * 60000) }}", 60001), ("{{ 'a'|center(99999) }}", 99999),
    ("{{ '%d'|format(200000) }}", 6), ("{{ '{}年{}'.format(2024, 200000) }}", 11),  # big numbers printed, no width
])
def test_the_same_code_inside_the_limits_prints(source, length):
    assert len(_printed(source)) == length


@pytest.mark.parametrize("source, printed", [
    ("{{ visits|previous }}", "【待填：走访次数的去年数值】"), ("{{ visits|previous(2) }}", "【待填：走访次数的前年数值】"),
    ("{{ visits|previous(3) }}", "【待填：走访次数的2021年数值】"), ("{{ visits|trend }}", "【待填：走访次数的变化趋势】"),
    ("{{ visits|growth }}", "【待填：走访次数的同比变化】"),
])
def test_a_filter_on_a_figure_not_yet_known_asks_for_it(source, printed):
    assert _printed(source) == printed


# The shared budget and the runner's own words (rendering/sandbox.py), at each limit exactly.

def test_the_budget_holds_up_to_each_limit_and_no_further():
    from drafter.core.rendering.sandbox import MAX_LOOP_STEPS, MAX_OUTPUT_CHARS, _Budget, _Exceeded

    budget = _Budget()
    budget.spend_steps(MAX_LOOP_STEPS)
    budget.spend_chars(MAX_OUTPUT_CHARS)
    with pytest.raises(_Exceeded, match="^循环次数超出限制$"):
        budget.spend_steps(1)
    with pytest.raises(_Exceeded, match="^输出内容超出长度限制$"):
        budget.spend_chars(1)


def _run(source: str, context: dict | None = None) -> str:
    from drafter.core.rendering.sandbox import TemplateRunner

    return TemplateRunner().render(source, "第一部分第1段", context or {})


@pytest.mark.parametrize("source, message", [
    ("{% for i in range(1000001) %}{% endfor %}", "第一部分第1段：模板中含有不允许的操作（循环次数超出限制）"),
    ("{{ missing }}", "第一部分第1段：引用了不存在的字段“missing”，请先在统计数据中建立它"),
    ("{{ missing + 1 }}", "第一部分第1段：引用了不存在的字段“missing”，请先在统计数据中建立它"),
    ("{{ visits.total }}", "第一部分第1段：模板引用了不存在的内容（'int object' has no attribute 'total'）"),
    ("{{ 1 // 0 }}", "第一部分第1段：模板无法计算（ZeroDivisionError: integer division or modulo by zero）"),
    ("{% if %}", "第一部分第1段第1行模板语法有误：Expected an expression, got 'end of statement block'"),
])
def test_what_cannot_render_is_named_with_its_place(source, message):
    with pytest.raises(RenderError) as raised:
        _run(source, {"visits": 12})
    assert str(raised.value) == message


def test_plain_prose_and_bare_references_count_against_the_budget_too():
    from drafter.core.rendering import sandbox

    assert _run("学习{{ n }}次", {"n": 12}) == "学习12次"
    runner = sandbox.TemplateRunner()
    runner.budget.chars = sandbox.MAX_OUTPUT_CHARS - 4
    assert runner.render("四个字符", "开头", {}) == "四个字符"
    with pytest.raises(RenderError, match="^开头：模板中含有不允许的操作（输出内容超出长度限制）$"):
        runner.render("再", "开头", {})
