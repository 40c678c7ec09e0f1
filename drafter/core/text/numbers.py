"""Reading numbers as people type them and writing them as GB/T 15835 wants them."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from decimal import Decimal, InvalidOperation


class NumberError(ValueError):
    """A value that cannot be a field's value; the message is the reason, in Chinese."""


_FULL_WIDTH = str.maketrans("０１２３４５６７８９，．％－＋−", "0123456789,.%-+-")  # − is the minus sign
_CHINESE_NUMERAL = re.compile(r"^[0-9.〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟点]+$")
_GROUPED = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")
_PLAIN = re.compile(r"^\d+(\.\d+)?$")
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_SUPERSCRIPTS = set("⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉")


def parse_value(text: str, field_type: str) -> Decimal | str:
    """Parse what a user typed for a field of this type, or raise NumberError with the reason."""
    text = str(text).strip().replace("\u3000", "")
    if not text:
        raise NumberError("未填写内容")
    if field_type == "text":
        return text
    if field_type == "date":
        return parse_date(text)
    number = parse_number(text, percent=field_type == "percent")
    if field_type == "integer" and number != number.to_integral_value():
        raise NumberError(f"“{text}”不是整数，这一项只能填整数")
    return number


_BARE_NUMBER = re.compile(r"[-－−+＋]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?")


def entry_magnitude(field_type: str, notation: str) -> str:
    """万 or 亿 for a figure last year's text wrote in them (42.6亿元): its box is typed in that magnitude, as the
    report prints it; "" for any other."""
    magnitude = notation.strip("余,")
    return magnitude if field_type in ("integer", "decimal") and magnitude in _MAGNITUDES else ""


def parse_entry(text: str, field_type: str, notation: str = "") -> Decimal | str:
    """parse_value for what was typed in a field's box (the form, drafter set, a reviewed figure): for a figure
    written in 万 or 亿 a bare number is in that magnitude (45 beside 去年 42.6亿元 is 45亿); with its magnitude
    (45亿, 4500万) it is read as written."""
    magnitude = entry_magnitude(field_type, notation)
    typed = str(text).strip()
    if not magnitude or not _BARE_NUMBER.fullmatch(typed):
        return parse_value(text, field_type)
    value = parse_number(typed) * _MAGNITUDES[magnitude]
    if field_type == "integer":
        if value != value.to_integral_value():
            raise NumberError(f"“{typed}{magnitude}”不是整数，最多精确到个位")
        value = value.to_integral_value()
    return value


def entry_unit(field_type: str, unit: str, qualifier: str = "", notation: str = "") -> str:
    """What stands after a field's box: 次, 余名, 亿元 (the magnitude the box is typed in), 万余名 and 余万元 as the
    report prints them, 约 人; % for a rate."""
    if field_type == "percent":
        return "%"
    magnitude = entry_magnitude(field_type, notation)
    if qualifier == "约":
        return f"约 {magnitude}{unit}"
    return f"{qualifier}{magnitude}{unit}" if notation.startswith("余") else f"{magnitude}{qualifier}{unit}"


def entry_text(value, field_type: str, notation: str = "") -> str:
    """A value as typed in its box: plain digits (1234, not 1,234), in 万 or 亿 where the box is (42.6 for 42.6亿);
    a date or a text as it is; "" for none. parse_entry reads it back as the same value."""
    if value is None:
        return ""
    if field_type == "date" or isinstance(value, str):
        return str(value)
    magnitude = entry_magnitude(field_type, notation)
    return plain_digits(Decimal(value) / _MAGNITUDES[magnitude] if magnitude else Decimal(value))


def parse_number(text: str, percent: bool = False) -> Decimal:
    """A number from Arabic, full-width or Chinese numerals, negative with its sign (-3.2, 负三); whether a field
    may be negative is its minimum's to say (check_bounds)."""
    _reject_lookalikes(text)
    plain = text.translate(_FULL_WIDTH).replace(" ", "")
    if plain.endswith("%"):
        if not percent:
            raise NumberError(f"“{text}”带有百分号，这一项不是百分数")
        plain = plain[:-1]
    negative = plain.startswith(("-", "负"))
    if negative or plain.startswith("+"):
        plain = plain[1:]
    number = _unsigned(plain, text)
    return -number if negative and number else number


def _unsigned(plain: str, text: str) -> Decimal:
    if _GROUPED.match(plain):
        plain = plain.replace(",", "")
    if "," in plain:
        raise NumberError(f"“{text}”中的千位分隔符位置不对，应每三位一个，或者不加")
    if _PLAIN.match(plain):
        return Decimal(plain)
    if _CHINESE_NUMERAL.match(plain):
        return _from_chinese(plain, text)
    raise NumberError(f"“{text}”不是数字，请填写阿拉伯数字或中文数字，如 12、１２、十二")


def _reject_lookalikes(text: str) -> None:
    """Characters that NFKC would quietly turn into digits are refused with a reason."""
    lowered = text.lower()
    if lowered in ("nan", "inf", "infinity", "-inf", "+inf"):
        raise NumberError(f"“{text}”不是数字")
    if re.search(r"\d[eE][+-]?\d", text):
        raise NumberError(f"“{text}”是科学计数法，请直接写出数字，如 1000")
    for char in text:
        if char in _SUPERSCRIPTS:
            raise NumberError(f"“{text}”含上标或下标数字“{char}”，请改为普通数字")
        if unicodedata.category(char) == "No":
            raise NumberError(f"“{text}”含带圈或特殊数字“{char}”，请改为普通数字")


def _from_chinese(plain: str, original: str) -> Decimal:
    import cn2an  # loading it costs 70 ms; only Chinese-numeral input needs it

    if plain[:1] in "百千万亿":  # 百, 千余: a bare magnitude is one of it (一百), as 十 is ten
        plain = "一" + plain
    try:
        result = cn2an.cn2an(plain, "smart")
    except (ValueError, KeyError, IndexError):
        raise NumberError(f"“{original}”不是能识别的中文数字，如 十二、一百二十、两千") from None
    try:
        number = Decimal(str(result))
    except InvalidOperation:
        raise NumberError(f"“{original}”不是数字") from None
    return number.to_integral_value() if number == number.to_integral_value() else number


def parse_year(text: str) -> int:
    """A report's year as 2024, ２０２４ or 二〇二四 (the form, drafter set and --year all read it so)."""
    try:
        year = parse_value(text, "integer")
    except NumberError:
        year = None
    if year is None or not 1900 <= year <= 2999:
        raise NumberError(f"“{text}”不是四位年份，如 2024")
    return int(year)


YEAR_NUMERALS = "〇一二三四五六七八九"  # a year in Chinese is written digit by digit: 二〇二四


_YEAR_DIGITS = str.maketrans({numeral: str(index) for index, numeral in enumerate(YEAR_NUMERALS)} |
                             {"○": "0", "零": "0"})  # ○ (a circle) and 零 stand for 〇 in many files


def chinese_year(year: int) -> str:
    """2024 as a year is written in Chinese: 二〇二四."""
    return "".join(YEAR_NUMERALS[int(digit)] for digit in str(year))


def chinese_year_value(numerals: str) -> int:
    """二〇二四, 二○二四 or 二零二四 → 2024; raises ValueError for anything else."""
    return int(numerals.translate(_YEAR_DIGITS))


def parse_date(text: str) -> str:
    """A date as YYYY-MM-DD from 2023-01-08, 2023年1月8日, 2023/1/8 or 2023.1.8."""
    match = _DATE.match(text.translate(_FULL_WIDTH))
    if not match:
        raise NumberError(f"“{text}”不是日期，请写成 2023年1月8日 或 2023-01-08")
    from datetime import date  # ~10 ms to import (Python 3.11 runs its pure-Python copy first): when first needed

    year, month, day = (int(part) for part in match.groups())
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        raise NumberError(f"“{text}”这一天不存在") from None


def check_bounds(value: Decimal, minimum: Decimal | None, maximum: Decimal | None) -> None:
    """Raise NumberError when a value lies outside a field's bounds."""
    if minimum is not None and value < 0 <= minimum:
        raise NumberError(f"{plain_digits(value)} 是负数，这一项不能为负")
    if minimum is not None and value < minimum:
        raise NumberError(f"{plain_digits(value)} 小于允许的最小值 {plain_digits(minimum)}")
    if maximum is not None and value > maximum:
        raise NumberError(f"{plain_digits(value)} 大于允许的最大值 {plain_digits(maximum)}")


def plain_digits(number: Decimal) -> str:
    """Digits without exponent or trailing zeros after the point: 12, 1.5, 35.6."""
    text = format(number, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def scaled(number: Decimal) -> str:
    """A large whole number with 万 or 亿 where it reads better: 12000 → 1.2万 (GB/T 15835)."""
    if number == number.to_integral_value():
        for step, word in ((Decimal(100_000_000), "亿"), (Decimal(10_000), "万")):
            if number >= step and number % (step / 10) == 0:
                return plain_digits(number / step) + word
    return plain_digits(number)


_TO_FULL_WIDTH = str.maketrans("0123456789%", "０１２３４５６７８９％")
_MAGNITUDES = {"万": Decimal(10_000), "亿": Decimal(100_000_000), "万亿": Decimal(10) ** 12}


def format_number(value: Decimal | str, field_type: str, unit: str = "", qualifier: str = "",
                  notation: str = "") -> str:
    """A value as it prints in the report: 12次, 300余名, 约300人, 1.2万人次, 35.6%.
    notation keeps the way last year's text wrote it: plain 12000, grouped 1,260, 万/亿 1.86亿, chinese 十二,
    fullwidth １２６ (fullwidth, １，２６０)."""
    if field_type == "text":
        return f"{value}{unit}"
    if field_type == "date":
        return format_date(str(value))
    if notation in ("余万", "余亿") and field_type != "percent":  # 230余万元
        magnitude = notation[1:]
        return f"{plain_digits(Decimal(value) / _MAGNITUDES[magnitude])}{qualifier}{magnitude}{unit}"
    if field_type == "percent" and notation.startswith("chinese"):  # 百分之十五, 百分之十二点五, 百分之百
        return "百分之" + _chinese_decimal(Decimal(value), bare=notation == "chinese_bare")
    if field_type == "percent":
        digits = plain_digits(Decimal(value)) + ("" if notation == "bare%" else "%")
    elif notation.startswith("chinese") and Decimal(value) == 2 and unit:
        digits = "两"  # 两期, 两次: before a measure word 2 is 两, not 二
    else:
        digits = _digits(Decimal(value), field_type, notation)
    if notation == "fullwidth":
        digits = to_full_width(digits)
    elif notation == "fullwidth,":  # １，２００: thousands grouped with a full-width comma
        digits = to_full_width(digits).replace(",", "，")
    elif notation == "％":
        digits = digits.replace("%", "％")
    if qualifier == "约":
        return f"约{digits}{unit}"
    return f"{digits}{qualifier}{unit}"


def to_full_width(text: str) -> str:
    """Digits and % as full-width characters: 126 → １２６."""
    return text.translate(_TO_FULL_WIDTH)


def _chinese_decimal(number: Decimal, bare: bool = False) -> str:
    """In Chinese numerals; bare, a round 百/千/万 is written without its 一 (百分之百, 万余人)."""
    if bare and number in (100, 1000, 10000):
        return {100: "百", 1000: "千", 10000: "万"}[int(number)]
    if number == number.to_integral_value() and 0 < number < 10000:
        return chinese_count(int(number))
    import cn2an

    return cn2an.an2cn(plain_digits(number))


def _digits(number: Decimal, field_type: str, notation: str) -> str:
    magnitude = notation.rstrip(",")
    if magnitude in _MAGNITUDES:  # 万, or 万, for 2,316.5万
        number /= _MAGNITUDES[magnitude]
    if notation == "grouped" or notation.endswith(","):
        whole, _, fraction = plain_digits(number).partition(".")
        digits = f"{int(whole):,}" + (f".{fraction}" if fraction else "")
        return digits + (magnitude if magnitude in _MAGNITUDES else "")
    if magnitude in _MAGNITUDES:
        return plain_digits(number) + magnitude
    if notation.startswith("chinese") and number == number.to_integral_value():
        return _chinese_decimal(number, bare=notation == "chinese_bare")
    if notation in ("plain", "fullwidth") or field_type != "integer":
        return plain_digits(number)
    return scaled(number)


def format_date(iso: str) -> str:
    """2023-01-08 → 2023年1月8日: Arabic digits, full year, no leading zeros."""
    year, month, day = (int(part) for part in iso.split("-"))
    return f"{year}年{month}月{day}日"


_DIGITS = "零一二三四五六七八九"


@lru_cache(maxsize=1024)
def chinese_count(number: int) -> str:
    """Chinese numerals as headings and counts write them: 十一, 二十, 一百零五, 一千二百; from 10000 on through
    cn2an (whose import alone costs a report with a hundred parts 0.4 s)."""
    if 0 < number < 100:
        tens, ones = divmod(number, 10)
        head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
        return head + (_DIGITS[ones] if ones else "")
    if 100 <= number < 10000:
        return _below_ten_thousand(number)
    import cn2an

    return cn2an.an2cn(number)


def _below_ten_thousand(number: int) -> str:
    """105 → 一百零五, 110 → 一百一十, 1005 → 一千零五, 2300 → 二千三百 (one 零 for each run of zeros)."""
    digits = [int(d) for d in f"{number:04d}"]
    words, pending_zero = "", False
    for digit, unit in zip(digits, ("千", "百", "十", "")):
        if digit == 0:
            pending_zero = bool(words)
            continue
        words += ("零" if pending_zero else "") + _DIGITS[digit] + unit
        pending_zero = False
    return words


def heading_number(level: int, index: int) -> str:
    """The literal heading number for a level: 一、 （一） 1. （1）."""
    if level == 1:
        return f"{chinese_count(index)}、"
    if level == 2:
        return f"（{chinese_count(index)}）"
    if level == 3:
        return f"{index}."
    return f"（{index}）"


# Heading numbers as people type them by hand (half- or full-width brackets); ours are generated.
_TYPED_HEADING_NUMBERS = [
    (1, re.compile(r"^([一二三四五六七八九十]{1,3})、")),
    (2, re.compile(r"^[（(]([一二三四五六七八九十]{1,3})[）)]")),
    (3, re.compile(r"^(\d{1,2})[.．、](?!\d)")),
    (4, re.compile(r"^[（(](\d{1,2})[）)]")),
]


def split_heading_number(text: str) -> tuple[int, str]:
    """(level, the text after it) when text starts with a typed heading number, else (0, text)."""
    for level, pattern in _TYPED_HEADING_NUMBERS:
        match = pattern.match(text)
        if match:
            return level, text[match.end():].lstrip()
    return 0, text


def heading_level(text: str) -> int:
    """1 for 一、, 2 for （一）, 3 for 1., 4 for （1）; 0 when text starts with no heading number."""
    return split_heading_number(text)[0]


def display_width(text: str) -> float:
    """Width in body characters: Chinese characters and full-width marks 1, Latin letters and digits ½."""
    return sum(0.5 if ord(char) < 0x2E80 else 1.0 for char in text)
