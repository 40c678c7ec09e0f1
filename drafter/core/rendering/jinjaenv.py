"""The sandboxed Jinja2 environment texts with template code are rendered in, with limits a shared template
cannot pass (loaded only when a text holds more than {{ name }} references)."""

from __future__ import annotations

import re
from functools import wraps

from jinja2 import StrictUndefined, pass_context
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from drafter.core.rendering.context_keys import FIELDS_KEY
from drafter.core.text.numbers import format_number
from drafter.core.years.compare import change
from drafter.core.years.history import trend_phrase, value_in

MAX_SEQUENCE = 100_000  # longest string or list one expression may build


class _ReportEnvironment(SandboxedEnvironment):
    """Jinja2's sandbox with multiplication, power and % formatting bounded."""

    intercepted_binops = frozenset(["*", "**", "%"])

    def call_binop(self, context, op, left, right):
        if op == "*":
            _check_repeat(left, right)
            _check_repeat(right, left)
        elif op == "**" and (not isinstance(right, (int, float)) or abs(right) > 64):
            raise SecurityError("乘方的指数过大")
        elif op == "%" and isinstance(left, str):
            raise SecurityError("不支持 % 格式化")
        return super().call_binop(context, op, left, right)


    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja's own signature)
        _check_string_method(__obj, args)
        return super().call(__context, __obj, *args, **kwargs)


_WIDTH_METHODS = {"center", "ljust", "rjust", "zfill"}
_BIG_FORMAT_WIDTH = re.compile(r"\{[^{}]*:[^{}]*?\d{6,}|%[-#0 +]*\d{6,}")
_WIDTH_ARGUMENT = re.compile(r"\{[^{}]*:[^{}]*\{|%[-#0 +]*\*")


def _check_string_method(method, args) -> None:
    """str methods that can build a huge string from a short template: center(10**9), '{:999999999}'.format,
    sep.join(many), replace with a longer text."""
    # Jinja's sandbox hands str.format over wrapped (its own formatter): the string is the wrapped method's
    target = getattr(method, "__wrapped__", method)
    owner, name = getattr(target, "__self__", None), getattr(target, "__name__", "")
    if not isinstance(owner, str):
        return
    if name in _WIDTH_METHODS and args and isinstance(args[0], int) and args[0] > MAX_SEQUENCE:
        raise SecurityError("指定的宽度过大")
    if name == "expandtabs" and args and isinstance(args[0], int) and args[0] > 64:
        raise SecurityError("制表符宽度过大")
    if name in ("format", "format_map"):
        _check_format(owner, args)
    if name == "join" and args:
        _check_join(owner, args[0])
    if name == "replace" and len(args) >= 2:
        _check_replace(owner, args[0], args[1])


def _check_format(template: str, args) -> None:
    """A width written into the format, or given by an argument ({:>{}} or %*d) — not a big number printed."""
    width_from_argument = _WIDTH_ARGUMENT.search(template) is not None
    if _BIG_FORMAT_WIDTH.search(template) or (
            width_from_argument and any(isinstance(a, int) and a > MAX_SEQUENCE for a in args)):
        raise SecurityError("格式化宽度过大")


def _check_join(separator: str, items) -> None:
    if hasattr(items, "__len__") and len(separator) * max(len(items) - 1, 0) > MAX_SEQUENCE:
        raise SecurityError("拼接生成的内容过长")


def _check_replace(text: str, old, new) -> None:
    if isinstance(old, str) and isinstance(new, str) and len(new) > len(old):
        count = len(text) + 1 if old == "" else text.count(old)
        if count * (len(new) - len(old)) > MAX_SEQUENCE:
            raise SecurityError("替换生成的内容过长")


def _bounded_filter(name: str, check):
    """Jinja's own filter, refused when its arguments would build a huge string."""
    original = ENVIRONMENT.filters[name]

    @wraps(original)  # keeps Jinja's pass_eval_context marker, so join and replace get their context
    def bounded(*args, **kwargs):
        check(*args, **kwargs)
        return original(*args, **kwargs)

    return bounded


def _check_repeat(sequence, count) -> None:
    if isinstance(sequence, (str, list, tuple)) and isinstance(count, int):
        if len(sequence) * count > MAX_SEQUENCE:
            raise SecurityError("重复生成的内容过长")


ENVIRONMENT = _ReportEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)


@pass_context
def _growth_filter(context, token) -> str:
    """{{ visits|growth }} → 增长12.5% / 减少3.1% / 与上年持平 (GB/T 15835 digits)."""
    field = _field_of(context, token, "growth")
    result = change(field)
    return result.phrase if result else f"【待填：{field.label}的同比变化】"


@pass_context
def _previous_filter(context, token, years: int = 1) -> str:
    """{{ visits|previous }} → last year's value as printed: 12次; {{ visits|previous(2) }} the year before."""
    field = _field_of(context, token, "previous")
    if isinstance(years, bool) or not isinstance(years, int) or not 1 <= years <= 50:
        raise SecurityError("previous 的参数应是 1 到 50 之间的年数，如 previous(2)")
    year = context.get("year") - years
    value = value_in(field, context.get("year"), year)
    if value is None:
        which = "去年" if years == 1 else "前年" if years == 2 else f"{year}年"
        return f"【待填：{field.label}的{which}数值】"
    return format_number(value, field.type, field.unit, field.qualifier, field.notation)


@pass_context
def _trend_filter(context, token) -> str:
    """{{ visits|trend }} → 连续三年增长 / 较前两年有所回落 / 增长12.5% (only two years known)."""
    field = _field_of(context, token, "trend")
    phrase = trend_phrase(field, context.get("year"))
    return phrase or f"【待填：{field.label}的变化趋势】"


def _field_of(context, token, filter_name: str):
    fields = context.get(FIELDS_KEY, {})
    name = getattr(token, "name", None)
    if name not in fields:
        raise SecurityError(f"过滤器 {filter_name} 只能用于统计数据字段")
    return fields[name]


ENVIRONMENT.filters["growth"] = _growth_filter
ENVIRONMENT.filters["center"] = _bounded_filter(
    "center", lambda value, width=80: _check_string_method(str(value).center, (width,)))
ENVIRONMENT.filters["indent"] = _bounded_filter(
    "indent", lambda s, width=4, *a, **k: _check_repeat(" ", width * (str(s).count("\n") + 1)
                                                       if isinstance(width, int) else 0))
ENVIRONMENT.filters["format"] = _bounded_filter("format", lambda value, *args, **kw: _check_format(str(value), args))
ENVIRONMENT.filters["join"] = _bounded_filter(
    "join", lambda eval_ctx, value, d="", attribute=None: _check_join(str(d), list(value) if not hasattr(value, "__len__")
                                                                         else value))
ENVIRONMENT.filters["replace"] = _bounded_filter(
    "replace", lambda eval_ctx, s, old, new, count=None: _check_replace(str(s), old, new))
ENVIRONMENT.filters["previous"] = _previous_filter
ENVIRONMENT.filters["trend"] = _trend_filter
