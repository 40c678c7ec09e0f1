"""Importing .docx files that LibreOffice wrote, not python-docx: runs, styles and bold as another writer sets them."""

from __future__ import annotations

from drafter.core import actions
from import_helpers import import_last_year
from render.pdf_layout import convert


def test_report_resaved_by_libreoffice_imports_with_its_outline_and_fields(tmp_path, filled_report, style):
    original = tmp_path / "原稿.docx"
    actions.export_project(filled_report, style, original)
    odt = convert(original, tmp_path, "odt", "odt")
    resaved = convert(odt, tmp_path, "docx:MS Word 2007 XML", "docx")
    result = import_last_year(resaved)
    report = result.report
    assert [s.heading for s in report.parts] == [s.heading for s in filled_report.parts]
    assert [f.previous for f in report.fields.values()] == [f.value for f in filled_report.fields.values()]
    leads = [p.lead for s in report.parts for p in s.paragraphs]
    assert leads == [p.lead for s in filled_report.parts for p in s.paragraphs]
    assert report.meta.organisation == filled_report.meta.organisation


def test_text_converted_to_docx_by_libreoffice_imports(tmp_path):
    source = tmp_path / "去年.txt"
    source.write_text("2022年度工作总结\n\n2022年，全年开展学习12次。\n\n一、主要工作\n\n走访企业20余家。\n",
                      encoding="utf-8")
    converted = convert(source, tmp_path, "docx:MS Word 2007 XML", "docx")
    report = import_last_year(converted).report
    assert report.meta.year == 2023 and len(report.parts) == 1 and len(report.fields) == 2
