"""WordprocessingML pieces for the official style: styles, page setup, page-number footers, text runs."""

from __future__ import annotations

import re

from drafter.core.text.numbers import display_width
from drafter.core.word.style import Style, TextStyle

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = f'xmlns:w="{W_NS}"'
_ALIGN = {"both": "both", "left": "left", "right": "right", "center": "center", "justify": "both"}
# XML 1.0 forbids most control characters; a pasted one must not make Word refuse the file.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def escape(text: str, entities: dict[str, str] | None = None) -> str:
    """&, < and > as XML entities (and any others asked for): xml.sax.saxutils' escape, which loads urllib."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for character, entity in (entities or {}).items():
        text = text.replace(character, entity)
    return text


def text_xml(text: str) -> str:
    return escape(_XML_ILLEGAL.sub("", text))


def fonts_xml(east_asian: str, latin: str, text: str = "") -> str:
    """All of ascii, hAnsi and eastAsia named, and no theme attribute that would override them (with the hint the
    run's text needs, see east_asian_hint)."""
    east, latin = escape(east_asian, {'"': "&quot;"}), escape(latin, {'"': "&quot;"})
    hint = _hint(text)
    return f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east}" w:cs="{latin}"{hint}/>'


def east_asian_hint(text: str) -> str:
    """The run property telling Word a run is Chinese text, when it holds more than ASCII. Word sets the characters
    Chinese shares with Western text — curly quotes “”‘’, dashes, the ellipsis, the middle dot · — in the font
    named for Latin text (Times New Roman, narrow) unless the run carries this hint, as runs typed with a Chinese
    input method do; a line would then no longer hold its 28 characters. ASCII (digits too) keeps the Latin font."""
    return f"<w:rFonts{_hint(text)}/>" if _hint(text) else ""


def _hint(text: str) -> str:
    return ' w:hint="eastAsia"' if not text.isascii() else ""


def run_properties(style: TextStyle, latin: str, condense: int, bold: bool) -> str:
    half_points = round(style.size * 2)
    parts = [fonts_xml(style.font, latin)]
    if bold:
        parts.append("<w:b/><w:bCs/>")
    else:
        parts.append('<w:b w:val="0"/><w:bCs w:val="0"/>')
    if condense:
        parts.append(f'<w:spacing w:val="{condense}"/>')
    parts.append(f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>')
    parts.append('<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>')
    return "<w:rPr>" + "".join(parts) + "</w:rPr>"


def paragraph_style_xml(key: str, text_style: TextStyle, style: Style) -> str:
    """A named paragraph style; body-text styles sit on the line grid with exact line pitch."""
    on_grid = key not in ("page_number", "table")
    ppr = []
    if key.startswith("heading"):
        ppr.append("<w:keepNext/><w:keepLines/>")  # a heading in two lines is not split across pages
    if key in ("signature", "date"):  # no extra space between Chinese and digits: starts are placed exactly
        ppr.append('<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>')
    if key == "title":  # 22 pt lines would each take two grid lines in LibreOffice; Word keeps the exact pitch
        ppr.append('<w:snapToGrid w:val="0"/>')
    if on_grid:
        ppr.append(f'<w:spacing w:before="0" w:after="0" w:line="{style.page["line_pitch"]}" w:lineRule="exact"/>')
    else:
        ppr.append('<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>')
    if text_style.first_line_chars:
        chars = text_style.first_line_chars
        ppr.append(f'<w:ind w:firstLineChars="{chars * 100}" w:firstLine="{chars * style.char_width}"/>')
    else:
        ppr.append('<w:ind w:firstLine="0" w:firstLineChars="0"/>')
    ppr.append(f'<w:jc w:val="{_ALIGN.get(text_style.align, "both")}"/>')
    if text_style.outline:
        ppr.append(f'<w:outlineLvl w:val="{text_style.outline - 1}"/>')
    condense = style.condense if on_grid and key != "title" else 0
    rpr = run_properties(text_style, style.latin_for(text_style), condense, text_style.bold)
    return (
        f'<w:style {NSDECL} w:type="paragraph" w:customStyle="1" w:styleId="{text_style.id}">'
        f'<w:name w:val="{escape(text_style.name)}"/><w:basedOn w:val="Normal"/>{_next_style(key, style)}'
        f'<w:qFormat/><w:pPr>{"".join(ppr)}</w:pPr>{rpr}</w:style>'
    )


def run_in_style_id(heading: TextStyle) -> str:
    return f"{heading.id}RunIn"


def run_in_style_xml(heading: TextStyle, style: Style) -> str:
    """A character style for a heading run into its paragraph (（一）标题。正文…): its number and words in the heading's
    font, restyled in one place as the heading is."""
    rpr = run_properties(heading, style.latin_for(heading), 0, heading.bold)
    return (f'<w:style {NSDECL} w:type="character" w:customStyle="1" w:styleId="{run_in_style_id(heading)}">'
            f'<w:name w:val="{escape(heading.name)}（接排）"/><w:qFormat/>{rpr}</w:style>')


def _next_style(key: str, style: Style) -> str:
    """After the title or a heading, Enter in Word starts a body paragraph, not another heading."""
    if key == "title" or key.startswith("heading"):
        return f'<w:next w:val="{style.styles["body"].id}"/>'
    return ""


def doc_defaults_xml(style: Style) -> str:
    body = style.styles["body"]
    half_points = round(body.size * 2)
    return (
        f"<w:docDefaults {NSDECL}><w:rPrDefault><w:rPr>{fonts_xml(body.font, style.latin_font)}"
        f'<w:kern w:val="2"/><w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
        "<w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>"
    )


def section_properties_xml(style: Style, odd_footer_rid: str, even_footer_rid: str) -> str:
    """Page size, margins, footers and the 22-line grid."""
    page = style.page
    return (
        f"<w:sectPr {NSDECL} xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        f'<w:footerReference w:type="default" r:id="{odd_footer_rid}"/>'
        f'<w:footerReference w:type="even" r:id="{even_footer_rid}"/>'
        f'<w:pgSz w:w="{page["width"]}" w:h="{page["height"]}"/>'
        f'<w:pgMar w:top="{page["margin_top"]}" w:right="{page["margin_right"]}" w:bottom="{page["margin_bottom"]}" '
        f'w:left="{page["margin_left"]}" w:header="{page["header"]}" w:footer="{page["footer"]}" w:gutter="0"/>'
        '<w:cols w:space="720"/>'
        f'<w:docGrid w:type="lines" w:linePitch="{page["line_pitch"]}"/></w:sectPr>'
    )


def page_number_paragraph_xml(style: Style, side: str) -> str:
    """`— 1 —` with the PAGE field written the way Word writes it, all runs in the footer font."""
    number_style = style.styles["page_number"]
    one_char = round(number_style.size * 20)
    # w:ind before w:jc: the schema's order, which Word enforces.
    if side == "right":
        placement = f'<w:ind w:right="{one_char}"/><w:jc w:val="right"/>'
    elif side == "left":
        placement = f'<w:ind w:left="{one_char}"/><w:jc w:val="left"/>'
    else:
        placement = '<w:jc w:val="center"/>'
    rpr = run_properties(number_style, style.latin_for(number_style), 0, False)
    dash = text_xml(style.page_number_dash)

    def run(inner: str) -> str:
        return f"<w:r>{rpr}{inner}</w:r>"

    return (
        f'<w:p><w:pPr><w:pStyle w:val="{number_style.id}"/>{placement}</w:pPr>'
        + run(f'<w:t xml:space="preserve">{dash} </w:t>')
        + run('<w:fldChar w:fldCharType="begin"/>')
        + run('<w:instrText xml:space="preserve"> PAGE </w:instrText>')
        + run('<w:fldChar w:fldCharType="separate"/>')
        + run("<w:t>1</w:t>")
        + run('<w:fldChar w:fldCharType="end"/>')
        + run(f'<w:t xml:space="preserve"> {dash}</w:t>')
        + "</w:p>"
    )


def _content_shares(rows: list[list[str]], columns: int, across: float) -> list[float]:
    """Columns as wide as their longest cell wants (and a character and a half for the cell's margins), within 5
    to 13 characters, so figures such as 180余名 and 2024年 do not break; when they do not all fit in the `across`
    characters of the line, the label column (the first) gives way first, down to 6."""
    wants = [min(13.0, max(5.0, *(display_width(row[i]) + 1.5 for row in rows if i < len(row))))
             for i in range(columns)]
    if columns > 1 and sum(wants) > across:
        wants[0] = max(6.0, across - sum(wants[1:]))
    return wants


# Advance widths of Times New Roman (the layout's Latin font) in em, for the characters an indent is measured over
_LATIN_EM = {**{digit: 0.5 for digit in "0123456789"}, ".": 0.25, ",": 0.25, " ": 0.25, "(": 0.333, ")": 0.333}


def printed_width(text: str, style: Style) -> float:
    """Twips a body line's text takes as printed: a Chinese character a body character (16 pt) less the condensing,
    a digit half that, 1. three quarters (Times New Roman's widths)."""
    em = style.char_width
    return sum((em if ord(char) >= 0x2E80 else em * _LATIN_EM.get(char, 0.5)) + style.condense for char in text)


def _rpr(properties: str) -> str:
    return f"<w:rPr>{properties}</w:rPr>" if properties else ""


def table_xml(rows: list[list[str]], style: Style) -> str:
    """A full-width table with single borders; the header row repeats on each page and is bold."""
    width = style.page["width"] - style.page["margin_left"] - style.page["margin_right"]
    columns = len(rows[0]) if rows else 1
    across = width / (style.styles["table"].size * 20)  # characters of the table's text in a line
    shares = _content_shares(rows, columns, across)
    widths = [int(width * share // sum(shares)) for share in shares]
    borders = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                      for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    table_style = style.styles["table"].id
    body = []
    for index, row in enumerate(rows):
        header = '<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>' if index == 0 else "<w:trPr><w:cantSplit/></w:trPr>"
        bold = "<w:b/><w:bCs/>" if index == 0 else ""
        cells = "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
            f'<w:p><w:pPr><w:pStyle w:val="{table_style}"/></w:pPr>'
            f'<w:r>{_rpr(east_asian_hint(cell) + bold)}<w:t xml:space="preserve">{text_xml(cell)}</w:t></w:r>'
            '</w:p></w:tc>'
            for cell, w in zip(row, widths))
        body.append(f"<w:tr>{header}{cells}</w:tr>")
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{width}" w:type="dxa"/><w:jc w:val="center"/>'
            f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{''.join(body)}</w:tbl>")


def footnotes_xml(notes: list[str], style: Style) -> str:
    """The footnotes part: Word's two separators, then each note in 仿宋 at 小四 (12 pt) after its number."""
    body = style.styles["body"]
    fonts = fonts_xml(body.font, style.latin_for(body))
    size = '<w:sz w:val="24"/><w:szCs w:val="24"/>'
    separators = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
                  'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
                  '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
                  'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>')
    items = "".join(
        f'<w:footnote w:id="{number}"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        f'<w:r><w:rPr>{fonts}{size}<w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:rPr>{fonts_xml(body.font, style.latin_for(body), text)}{size}</w:rPr>'
        f'<w:t xml:space="preserve"> {text_xml(text)}</w:t></w:r></w:p></w:footnote>'
        for number, text in enumerate(notes, 1))
    return f"<w:footnotes {NSDECL}>{separators}{items}</w:footnotes>"
