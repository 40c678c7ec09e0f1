"""A field's label from the words around its figure: the thing counted plus its measure (干部培训期数)."""

from __future__ import annotations

import logging
import re
from functools import lru_cache

from drafter.core.lexicon import Lexicon

CLAUSE_BREAK = re.compile(r"[，。；：、,;:！？（）()\n]")
NOT_IN_LABEL = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|[0-9０-９.．,%％*＊×]+|[“”‘’\"《》「」\s…·—\-]|[XＸ]{2,}")
PEOPLE = {"名", "位", "人"}
LABEL_MAX = 12
NOUNISH = ("n", "vn", "j", "nz", "nt", "ns", "l", "an", "ng")


@lru_cache(maxsize=1)
def _tagger():
    import jieba  # the dictionary loads once, on the first label of a session (about 0.8 s)
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return jieba.posseg


def tokens(text: str) -> list[tuple[str, str]]:
    return [(pair.word, pair.flag) for pair in _tagger().lcut(text)] if text else []


def make_label(before: str, after: str, unit: str, lexicon: Lexicon) -> str:
    """先后12次开展“第一议题”学习 → 开展第一议题学习次数; 5名青年干部参加 → 青年干部人数."""
    head = _clean(CLAUSE_BREAK.split(before)[-1], lexicon)
    raw_tail = CLAUSE_BREAK.split(after)[0]
    quoted = re.match(r"^[“《]([^”》]{2,12})[”》]", raw_tail)
    tail = _noun_phrase(_clean(re.split(r"和|与|及|\{\{|[0-9０-９]", raw_tail)[0], lexicon), lexicon)
    if quoted and unit not in ("次", "人次", "%"):  # *份《协商纪要》: the quoted name is what is counted
        words = quoted.group(1)
    elif unit in PEOPLE and len(tail) >= 2:
        words = tail
    elif _has_noun(head) or (len(head) >= 2 and not tail):
        words = head
    elif tail:
        words = (head if unit in ("次", "人次") else "") + tail
    else:
        words = head
    words = _shorten(words) or "数据"
    suffix = lexicon.label_suffixes.get(unit, "数")
    return words if words.endswith(suffix) else words + suffix


def _clean(text: str, lexicon: Lexicon) -> str:
    text = NOT_IN_LABEL.sub("", text)
    previous = None
    while previous != text:
        previous = text
        text = lexicon.function_word.sub("", text)
        text = re.sub(r"(在|为|达到|达|了|的|到|至|是|约|近|共|有)$", "", text)
    return text


def _noun_phrase(text: str, lexicon: Lexicon) -> str:
    """What a count of people or things measures: the words before the first verb that ends a noun."""
    if not text:
        return ""
    ends = "|".join(map(re.escape, lexicon.noun_ends)) or "$^"
    noun = re.split(ends, text)[0]
    return noun if len(noun) >= 2 else text


def _has_noun(text: str) -> bool:
    return any(flag.startswith(NOUNISH) and len(word) >= 2 for word, flag in tokens(text))


def _shorten(words: str) -> str:
    """A long phrase keeps its leading verb and its last nouns: 召开党组理论学习中心组学习会 → 召开中心组学习会."""
    if len(words) <= LABEL_MAX:
        return words
    parts = tokens(words)
    verb = parts[0][0] if parts and parts[0][1].startswith("v") and len(parts[0][0]) <= 2 else ""
    kept = ""
    for word, _flag in reversed(parts[1:] if verb else parts):
        if len(verb) + len(kept) + len(word) > LABEL_MAX:
            break
        kept = word + kept
    return (verb + kept) or words[-LABEL_MAX:]
