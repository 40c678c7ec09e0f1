"""Parsing what users type and printing figures the GB/T 15835 way."""

from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from drafter.core.text.numbers import (NumberError, check_bounds, entry_text, entry_unit, format_date, format_number,
                                       heading_number, parse_entry, parse_value)

ACCEPTED = [
    ("12", "integer", Decimal(12)),
    ("１２３", "integer", Decimal(123)),
    (" 12 ", "integer", Decimal(12)),
    ("1,234", "integer", Decimal(1234)),
    ("1，234", "integer", Decimal(1234)),
    ("12,345,678", "integer", Decimal(12345678)),
    ("十二", "integer", Decimal(12)),
    ("一百二十", "integer", Decimal(120)),
    ("两千", "integer", Decimal(2000)),
    ("1.2万", "integer", Decimal(12000)),
    ("35.6", "decimal", Decimal("35.6")),
    ("３５．６", "decimal", Decimal("35.6")),
    ("35.6%", "percent", Decimal("35.6")),
    ("35.6％", "percent", Decimal("35.6")),
    ("0", "integer", Decimal(0)),
    ("-3", "integer", Decimal(-3)),  # negative with its sign; whether a field may be is its minimum's to say
    ("－3", "integer", Decimal(-3)),
    ("−3.2%", "percent", Decimal("-3.2")),
    ("负三", "integer", Decimal(-3)),
    ("-0", "integer", Decimal(0)),
    ("2023年1月8日", "date", "2023-01-08"),
    ("2023-1-8", "date", "2023-01-08"),
    ("2023/12/31", "date", "2023-12-31"),
    ("某某单位", "text", "某某单位"),
]

REJECTED = [
    ("", "integer", "未填写"),
    ("1e3", "integer", "科学计数法"),
    ("nan", "integer", "不是数字"),
    ("inf", "decimal", "不是数字"),
    ("²", "integer", "上标"),
    ("12²", "integer", "上标"),
    ("①", "integer", "带圈"),
    ("1.5", "integer", "不是整数"),
    ("12,34", "integer", "千位分隔符"),
    ("abc", "integer", "不是数字"),
    ("35%", "integer", "百分号"),
    ("2023年2月30日", "date", "不存在"),
    ("明年", "date", "不是日期"),
]


@pytest.mark.parametrize(("typed", "kind", "expected"), ACCEPTED)
def test_accepts_what_people_type(typed, kind, expected):
    assert parse_value(typed, kind) == expected


@pytest.mark.parametrize(("typed", "kind", "reason"), REJECTED)
def test_rejects_with_a_specific_reason(typed, kind, reason):
    with pytest.raises(NumberError, match=reason):
        parse_value(typed, kind)


@pytest.mark.parametrize(("value", "minimum", "reason"), [
    (Decimal(-3), Decimal(0), "-3 是负数，这一项不能为负"),  # a count: its minimum is 0
    (Decimal(-3), Decimal(-2), "-3 小于允许的最小值 -2"),  # a field that may be negative, down to its minimum
])
def test_a_value_below_the_minimum_says_why(value, minimum, reason):
    with pytest.raises(NumberError, match=reason):
        check_bounds(value, minimum, None)


def test_a_negative_value_passes_where_no_minimum_stands_or_it_allows_it():
    check_bounds(Decimal("-3.2"), None, None)
    check_bounds(Decimal("-3.2"), Decimal(-5), None)


@pytest.mark.parametrize(
    ("value", "kind", "unit", "qualifier", "printed"),
    [
        (Decimal(12), "integer", "次", "", "12次"),
        (Decimal(300), "integer", "名", "余", "300余名"),
        (Decimal(20), "integer", "个", "多", "20多个"),
        (Decimal(300), "integer", "人", "约", "约300人"),
        (Decimal(12000), "integer", "人次", "", "1.2万人次"),
        (Decimal(12345), "integer", "人次", "", "12345人次"),
        (Decimal(300000000), "integer", "元", "", "3亿元"),
        (Decimal("35.6"), "percent", "", "", "35.6%"),
        (Decimal("35.60"), "percent", "", "", "35.6%"),
        (Decimal("1200"), "decimal", "万元", "", "1200万元"),
    ],
)
def test_prints_per_gb_t_15835(value, kind, unit, qualifier, printed):
    assert format_number(value, kind, unit, qualifier) == printed


def test_dates_print_without_leading_zeros():
    assert format_date("2023-01-08") == "2023年1月8日"


@pytest.mark.parametrize(("level", "index", "number"), [(1, 1, "一、"), (1, 11, "十一、"), (2, 3, "（三）"),
                                                         (3, 2, "2."), (4, 5, "（5）")])
def test_heading_numbers(level, index, number):
    assert heading_number(level, index) == number


FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@given(st.integers(min_value=0, max_value=10**12))
def test_any_count_survives_full_width_and_grouping(number):
    assert parse_value(str(number).translate(FULL_WIDTH), "integer") == number
    assert parse_value(f"{number:,}", "integer") == number


@given(st.text(max_size=12))
def test_anything_typed_is_a_value_or_a_reason(text):
    try:
        value = parse_value(text, "decimal")
    except NumberError as error:
        assert str(error)
    else:
        assert value >= 0


@given(st.integers(min_value=1, max_value=300))
def test_heading_numerals_read_back_as_the_same_number(number):
    from drafter.core.text.numbers import chinese_count

    assert parse_value(chinese_count(number), "integer") == number


def test_chinese_counts_below_ten_thousand_match_cn2an():
    """Written without cn2an (its import is slow); every number up to 9999 must read as cn2an writes it."""
    import cn2an

    from drafter.core.text.numbers import chinese_count

    assert [chinese_count(n) for n in range(1, 10000)] == [cn2an.an2cn(n) for n in range(1, 10000)]


def test_a_bare_magnitude_is_one_of_it():
    """百 as in 百分之百, 万 as in 万余人: one hundred, ten thousand, as 十 is ten."""
    from drafter.core.text.numbers import parse_number

    assert [parse_number(text) for text in ("十", "百", "千", "万")] == [10, 100, 1000, 10000]


@pytest.mark.parametrize("notation", ["亿", "亿,", "余万"])
def test_a_number_typed_for_a_figure_written_in_wan_or_yi_is_in_that_magnitude(notation):
    magnitude = notation.strip("余,")
    scale = Decimal(10 ** 8 if magnitude == "亿" else 10 ** 4)
    assert parse_entry("4.2", "integer", notation) == Decimal("4.2") * scale  # the box says 亿元: 4.2 is 4.2亿
    assert parse_entry("45", "integer", notation) == 45 * scale
    assert parse_entry(f"4.2{magnitude}", "integer", notation) == Decimal("4.2") * scale  # with it, as written
    assert parse_entry("１，２００", "integer", notation) == 1200 * scale
    with pytest.raises(NumberError, match="只能填整数"):
        parse_entry("4.2", "integer", "plain")  # a figure written out in full is typed in full


@pytest.mark.parametrize("typed, notation, value", [
    ("4500万", "亿", Decimal(45_000_000)), ("1.86", "亿", Decimal(186_000_000)), ("-3.2", "亿", Decimal(-320_000_000)),
    ("12", "", Decimal(12)), ("12", "grouped", Decimal(12)),
])
def test_what_a_box_reads(typed, notation, value):
    assert parse_entry(typed, "integer", notation) == value


def test_a_figure_in_yi_is_whole_yuan_and_a_rate_has_no_magnitude():
    with pytest.raises(NumberError, match="“0.000000001亿”不是整数，最多精确到个位"):
        parse_entry("0.000000001", "integer", "亿")
    assert parse_entry("0.000000001", "decimal", "亿") == Decimal("0.1")
    assert parse_entry("8.1", "percent", "亿") == Decimal("8.1")


@pytest.mark.parametrize("value, kind, notation, text", [
    (Decimal(4_260_000_000), "integer", "亿", "42.6"), (Decimal(42_000), "integer", "余万", "4.2"),
    (Decimal(1260), "integer", "grouped", "1260"), (Decimal("8.1"), "percent", "亿", "8.1"), (None, "integer", "亿", ""),
    ("2025-01-08", "date", "", "2025-01-08"),
])
def test_a_box_shows_what_it_reads_back(value, kind, notation, text):
    assert entry_text(value, kind, notation) == text
    if value is not None and kind != "date":
        assert parse_entry(text, kind, notation) == value


@pytest.mark.parametrize("kind, unit, qualifier, notation, shown", [
    ("integer", "元", "", "亿", "亿元"), ("integer", "元", "余", "余万", "余万元"), ("integer", "元", "约", "万", "约 万元"),
    ("integer", "名", "余", "", "余名"), ("integer", "名", "余", "万", "万余名"), ("percent", "", "", "", "%"), ("integer", "次", "", "chinese", "次"),
])
def test_what_stands_after_a_box(kind, unit, qualifier, notation, shown):
    assert entry_unit(kind, unit, qualifier, notation) == shown
