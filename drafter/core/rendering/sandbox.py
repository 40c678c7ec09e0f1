"""Rendering a report's texts: plain prose and {{ name }} references directly, anything more through the
sandboxed Jinja2 environment (jinjaenv), with one budget of work for the whole report."""

from __future__ import annotations

import re
from functools import lru_cache

# A whole report is a few tens of thousands of characters; 300 pages stay well under this.
MAX_OUTPUT_CHARS = 2_000_000
MAX_LOOP_STEPS = 1_000_000  # all range() steps of one rendering together


class RenderError(ValueError):
    """A text that cannot be rendered; the message names the place and the field or line."""




class _Exceeded(Exception):
    """A rendering that would run too long or print too much; the message says which, in Chinese."""


class _Budget:
    """Counts work done by one rendering so nested loops cannot run for ever."""

    def __init__(self):
        self.steps = 0
        self.chars = 0

    def spend_steps(self, count: int) -> None:
        self.steps += count
        if self.steps > MAX_LOOP_STEPS:
            raise _Exceeded("循环次数超出限制")

    def spend_chars(self, count: int) -> None:
        self.chars += count
        if self.chars > MAX_OUTPUT_CHARS:
            raise _Exceeded("输出内容超出长度限制")


_UNDEFINED_NAME = re.compile(r"'([^']+)' is undefined")
_BARE_REFERENCE = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


@lru_cache(maxsize=4096)
def _compile(source: str):
    from drafter.core.rendering.jinjaenv import ENVIRONMENT  # Jinja2 loads for the first text that needs it

    return ENVIRONMENT.from_string(source)


class TemplateRunner:
    """Renders one report's texts, sharing a budget across all of them."""

    def __init__(self):
        self.budget = _Budget()

    def render(self, source: str, where: str, context: dict) -> str:
        try:
            if "{" not in source:  # plain prose needs no template engine
                self.budget.spend_chars(len(source))
                return source
            if "{" not in _BARE_REFERENCE.sub("", source):  # only {{ name }}: no need to compile a template
                return self._substitute(source, where, context)
        except _Exceeded as error:
            raise RenderError(f"{where}：模板中含有不允许的操作（{error}）") from None
        from jinja2 import TemplateSyntaxError

        try:
            template = _compile(source)
        except TemplateSyntaxError as error:
            raise RenderError(f"{where}第{error.lineno}行模板语法有误：{error.message}") from None
        return self._generate(template, where, dict(context, range=self._range))

    def _substitute(self, source: str, where: str, context: dict) -> str:
        """{{ name }} replaced by what Jinja would print for it, without compiling the text (most imported
        paragraphs are prose with a few such references, and compiling each costs milliseconds)."""
        def value(match: re.Match) -> str:
            name = match.group(1)
            if name not in context:
                raise RenderError(f"{where}：引用了不存在的字段“{name}”，请先在统计数据中建立它")
            return str(context[name])

        output = _BARE_REFERENCE.sub(value, source.removesuffix("\n"))  # Jinja drops one trailing newline
        self.budget.spend_chars(len(output))
        return output

    def _range(self, *args):
        steps = range(*args)
        self.budget.spend_steps(len(steps))
        return steps

    def _generate(self, template, where: str, context: dict) -> str:
        from jinja2 import UndefinedError
        from jinja2.sandbox import SecurityError

        pieces = []
        try:
            for piece in template.generate(context):
                self.budget.spend_chars(len(piece))
                pieces.append(piece)
        except UndefinedError as error:
            match = _UNDEFINED_NAME.search(str(error))
            if match is None:  # an attribute or item of something that is there ('int object' has no attribute …)
                raise RenderError(f"{where}：模板引用了不存在的内容（{error}）") from None
            raise RenderError(f"{where}：引用了不存在的字段“{match.group(1)}”，请先在统计数据中建立它") from None
        except (SecurityError, _Exceeded) as error:
            raise RenderError(f"{where}：模板中含有不允许的操作（{error}）") from None
        except (TypeError, ValueError, ArithmeticError, OverflowError, MemoryError, RecursionError,
                AttributeError, LookupError) as error:
            raise RenderError(f"{where}：模板无法计算（{type(error).__name__}: {error}）") from None
        return "".join(pieces)
