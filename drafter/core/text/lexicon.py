"""The words figures are read by (measure words, magnitudes, fixed phrases, label words), loaded from data."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path

from drafter.core.errors import UserFacingError
from drafter.core.report import fileio

MASK = r"[*＊×XＸ]{1,6}"
# 1,260 and, typed with a Chinese input method on, 1，260 or １，２６０ (a full-width comma grouping thousands)
ARABIC = r"[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+(?:[.．][0-9０-９]+)?|[0-9０-９]+(?:[.．][0-9０-９]+)?"
CHINESE_DIGITS = "零〇一二三四五六七八九十百千万亿两"
# A minus sign written after a word or a mark (增速-3.2%, 为-0.8亿元), or opening the text; after a digit it joins a
# range (3-5个), and after a space it may be a dash.
# 门急诊人次突破185万。: a number in 万 or 亿 ending its clause counts what the words before it name
BARE_MAGNITUDE = r"(?<=[万亿])(?=[，。；、,;：:）)”\s]|$)"
# 约 ending a word (签约1.48万人, 节约资金30万元) is that word's, not "about"
NOT_IN_A_WORD = r"(?<![签节制预违履合公集条邀特相赴践守毁解缔誓隐大])"
SIGN = r"(?:(?:(?<=[\u4e00-\u9fff：:（(，,、；;])|(?<![\s\S]))(?P<sign>[-－−]))?"


class LexiconError(UserFacingError, ValueError):
    """The word list file is missing or malformed; the message names it."""


def _alternatives(words) -> str:
    return "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))


@dataclass(frozen=True)
class Lexicon:
    """Word lists from resources/lexicon.yaml, with the patterns built from them."""

    units: tuple[str, ...]
    magnitudes: dict[str, Decimal]
    chinese_units: tuple[str, ...]
    chinese_slogan_units: tuple[str, ...] = ()
    fixed_phrases: tuple[str, ...] = ()
    ordinal_before: tuple[str, ...] = ()
    ordinal_not_after: tuple[str, ...] = ()
    label_suffixes: dict[str, str] = field(default_factory=dict)
    label_function_words: tuple[str, ...] = ()
    noun_ends: tuple[str, ...] = ()
    named_as: tuple[str, ...] = ()
    self_references: tuple[str, ...] = ()
    label_verbal_units: frozenset[str] = frozenset()
    label_bare_changes: frozenset[str] = frozenset()
    label_bare_measures: frozenset[str] = frozenset()
    label_trailing_words: frozenset[str] = frozenset()
    label_scope_words: frozenset[str] = frozenset()
    label_shared_measures: tuple[str, ...] = ()
    label_joining_words: frozenset[str] = frozenset()
    label_list_joins: frozenset[str] = frozenset()
    label_rate_actions: tuple[str, ...] = ()
    label_rate_manners: tuple[str, ...] = ()
    label_partial_measures: frozenset[str] = frozenset()
    label_age_groups: dict[str, str] = field(default_factory=dict)
    label_paired_words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    label_short_forms: dict[str, str] = field(default_factory=dict)
    label_person_groups: tuple[str, ...] = ()

    @cached_property
    def groups_of_people(self) -> frozenset[str]:
        """Words for a group of the people counted (青年, 女性): the age groups' and label_person_groups."""
        return frozenset(self.label_age_groups.values()) | frozenset(self.label_person_groups)

    @cached_property
    def rate_alone(self) -> re.Pattern:
        """A rate of what is done to a thing, said without the thing: 办结率, 规范管理率 (label_rate_actions)."""
        return re.compile(rf"(?:{_alternatives(self.label_rate_manners) or '$^'})?"
                          rf"(?:{_alternatives(self.label_rate_actions) or '$^'})率")

    @cached_property
    def figure(self) -> re.Pattern:
        """An Arabic or masked figure: 约300人, 1,260人次, 1.86亿元, 3万余人, 300余万元, 35.6%, -3.2%, **名."""
        scale = _alternatives(self.magnitudes)
        return re.compile(
            rf"(?<![0-9０-９.．A-Za-z])(?<![0-9０-９][,，])(?P<about>{NOT_IN_A_WORD}约)?"
            rf"(?:(?P<mask>{MASK})|{SIGN}(?P<number>{ARABIC}))"
            rf"(?P<scale>{scale})?[ \u00a0]?(?:(?P<percent>[%％])|(?P<qualifier>余|多)?(?P<scale2>{scale})?"
            rf"(?P<unit>{_alternatives(self.units)})|{BARE_MAGNITUDE})"
        )

    @cached_property
    def chinese_figure(self) -> re.Pattern:
        """A count in Chinese numerals: 十二次, 四百一十二名, 一万二千余人次."""
        return re.compile(
            rf"(?<![{CHINESE_DIGITS}几数若第])(?P<number>[{CHINESE_DIGITS}]+)(?P<qualifier>余|多)?"
            rf"(?P<unit>{_alternatives(self.chinese_units)})"
        )

    @cached_property
    def fixed(self) -> re.Pattern | None:
        """The fixed phrases, each matching a whole number only: 110 is the police's number, but not in 1108件."""
        if not self.fixed_phrases:
            return None
        phrases = sorted(set(self.fixed_phrases), key=len, reverse=True)
        return re.compile("|".join(_whole_numbers_only(phrase) for phrase in phrases))


_ARABIC_DIGIT = "0-9０-９"


def _whole_numbers_only(phrase: str) -> str:
    """The phrase as a pattern that does not match where the number it begins or ends with is part of a longer one."""
    pattern = re.escape(phrase)
    if phrase[0] in CHINESE_DIGITS:
        pattern = rf"(?<![{CHINESE_DIGITS}])" + pattern
    elif re.match(rf"[{_ARABIC_DIGIT}]", phrase):
        pattern = rf"(?<![{_ARABIC_DIGIT}.．,，])" + pattern
    if re.search(rf"[{_ARABIC_DIGIT}]$", phrase):
        pattern += rf"(?![{_ARABIC_DIGIT}.．]|[,，][{_ARABIC_DIGIT}])"
    elif phrase[-1] in CHINESE_DIGITS:
        pattern += rf"(?![{CHINESE_DIGITS}])"
    return pattern


def load_lexicon(path: Path) -> Lexicon:
    import yaml  # only the importer reads the lexicon: the window starts without PyYAML

    try:
        data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except OSError as error:
        raise LexiconError(f"无法读取词表“{path}”：{fileio.read_reason(error)}") from None
    except yaml.YAMLError as error:
        raise LexiconError(f"词表“{path}”格式有误：{error}") from None
    if not isinstance(data, dict) or not data.get("units"):
        raise LexiconError(f"词表“{path}”缺少 units（量词）")
    words = lambda key: tuple(str(word) for word in data.get(key) or ())  # noqa: E731
    return Lexicon(
        units=words("units"),
        magnitudes={str(k): Decimal(str(v)) for k, v in (data.get("magnitudes") or {}).items()},
        chinese_units=words("chinese_units"),
        chinese_slogan_units=words("chinese_slogan_units"),
        fixed_phrases=words("fixed_phrases"),
        ordinal_before=words("ordinal_before"),
        ordinal_not_after=words("ordinal_not_after"),
        label_suffixes={str(k): str(v) for k, v in (data.get("label_suffixes") or {}).items()},
        label_function_words=words("label_function_words"),
        noun_ends=words("noun_ends"),
        named_as=words("named_as"),
        self_references=words("self_references"),
        label_verbal_units=frozenset(words("label_verbal_units")),
        label_bare_changes=frozenset(words("label_bare_changes")),
        label_bare_measures=frozenset(words("label_bare_measures")),
        label_trailing_words=frozenset(words("label_trailing_words")),
        label_scope_words=frozenset(words("label_scope_words")),
        label_shared_measures=words("label_shared_measures"),
        label_joining_words=frozenset(words("label_joining_words")),
        label_list_joins=frozenset(words("label_list_joins")),
        label_rate_actions=words("label_rate_actions"),
        label_rate_manners=words("label_rate_manners"),
        label_partial_measures=frozenset(words("label_partial_measures")),
        label_age_groups={str(k): str(v) for k, v in (data.get("label_age_groups") or {}).items()},
        label_person_groups=words("label_person_groups"),
        label_paired_words={str(k): tuple(map(str, v)) for k, v in (data.get("label_paired_words") or {}).items()},
        label_short_forms={str(k): str(v) for k, v in (data.get("label_short_forms") or {}).items()},
    )
