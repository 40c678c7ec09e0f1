"""Decoding a .txt as Chinese Windows writes it: UTF-8 (with or without BOM), GB18030/GBK or UTF-16."""

from __future__ import annotations

import codecs


_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class UnknownEncoding(ValueError):
    """No encoding a Chinese office uses fits the bytes; the message says what to do."""


def decode_text(raw: bytes, name: str) -> str:
    """The text of a file; raises UnknownEncoding when no Chinese encoding fits."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw.decode(encoding, errors="replace")
    # before UTF-8: UTF-16 of mostly ASCII is valid UTF-8 too, a NUL between every two letters
    if _looks_like_utf16(raw):
        return raw.decode("utf-16-le" if raw[1::2].count(0) > raw[0::2].count(0) else "utf-16-be", errors="replace")
    try:
        text = raw.decode("utf-8")
        if _reads_as_chinese(text) or not _gb_reading_is_chinese(raw):
            return text
    except UnicodeDecodeError:
        pass
    try:
        # Notepad on Chinese Windows writes GBK, which GB18030 contains; it is the likeliest by far.
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # 80 ms to load; only a file in no usual encoding needs it

    best = from_bytes(raw).best()
    if best is None:
        raise UnknownEncoding(f"“{name}”的文字编码无法识别，请用记事本打开后“另存为”UTF-8 编码再导入")
    return str(best)


def _looks_like_utf16(raw: bytes) -> bool:
    """Without a BOM, UTF-16 text of mostly ASCII punctuation and digits has a zero in every other byte."""
    sample = raw[:4000]
    return len(sample) >= 4 and max(sample[0::2].count(0), sample[1::2].count(0)) > len(sample) // 4


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)


def _reads_as_chinese(text: str) -> bool:
    """Chinese characters, or the marks Chinese text is written with (“ ” （ ） 、 。 full-width forms)."""
    return any("\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef"
               or "\u2010" <= c <= "\u2027" for c in text)


def _gb_reading_is_chinese(raw: bytes) -> bool:
    """Short GBK text can also be valid UTF-8 (一 is D2 BB, Cyrillic һ in UTF-8); a Chinese reading wins."""
    try:
        return _has_chinese(raw.decode("gb18030"))
    except UnicodeDecodeError:
        return False
