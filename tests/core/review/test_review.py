"""领导修改稿: an exported report changed by a reviewer (修订, typed over, 批注) read back into its project."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from drafter import paths
from drafter.core import actions
from drafter.core.rendering.render import render
from drafter.core.report.project import load_project, save_project
from drafter.core.review.exported import printed_text
from drafter.core.review.reviewed import read_reviewed
from drafter.core.review.taking import ReviewFileError, accept_review, review_file
from drafter.core.word.style import load_style
from drafter.core.years.checks import check_report
from filling import fill
from review_edits import Reviewed, as_resaved_elsewhere


@pytest.fixture
def sent(tmp_path, annual_template):
    """A filled report exported as the clerk sends it up, with the cache folder that remembers the export."""
    report = fill(annual_template)
    return (report, *send(report, tmp_path))


def send(report, tmp_path, **options) -> tuple[Path, Path]:
    """The report exported as the clerk sends it up, and the cache folder that remembers that export."""
    cache, exported = tmp_path / "cache", tmp_path / "送审稿.docx"
    actions.export_project(report, load_style(paths.official_style_file()), exported, cache_folder=cache, **options)
    return exported, cache


def sent_from_text(tmp_path, text: str):
    """Last year's report given as text, imported, every figure at last year's value, and sent up."""
    from import_helpers import import_last_year

    source = tmp_path / "去年.txt"
    source.write_text(text, encoding="utf-8")
    report = import_last_year(source).report
    for item in report.fields.values():
        item.value = item.previous
    report.meta.organisation, report.meta.date = "示例单位", "2025-01-08"
    return (report, *send(report, tmp_path))


def paragraphs(report):
    return [block for block in render(report).blocks if block.kind == "paragraph"]


def field_run(report):
    block = next(block for block in paragraphs(report) if any(run.field for run in block.runs))
    return block, next(run for run in block.runs if run.field)


def reviewed_file(tmp_path, edit) -> Path:
    path = tmp_path / "修改稿.docx"
    path.write_bytes(edit.save())
    return path


def accepted_text(path: Path) -> list[str]:
    """The reviewed file's paragraphs with every change accepted, as Word shows them then."""
    return [p.after for p in read_reviewed(path.read_bytes(), path.name).paragraphs
            if not (p.mark and p.mark.kind == "deleted" and not p.after)]


def take_a_comment(report, exported: Path, cache: Path, tmp_path: Path) -> None:
    """李主任's 数字核实一下 on the first part's first paragraph, written into the exported file and taken in."""
    edit = Reviewed(exported.read_bytes())
    edit.comment(paragraphs(report)[1].text[:10], "数字核实一下")
    path = reviewed_file(tmp_path, edit)
    found, rendered = review_file(report, path, cache)
    accept_review(report, rendered, found, path)


def a_review_of_every_kind(report, exported: Path) -> Reviewed:
    edit = Reviewed(exported.read_bytes())
    body = paragraphs(report)
    _block, run = field_run(report)
    edit.track_replace(run.text, "9" + run.text[1:])  # a figure corrected inside its value
    heading = next(block for block in render(report).blocks if block.kind == "heading")
    edit.track_replace(heading.text[2:6], "加强", author="张书记")  # a heading reworded
    edit.track_delete_paragraph(body[3].text[:15])  # a paragraph struck out
    edit.track_insert_after(body[4].text[:15], "新增一段：全年走访企业36家。")  # one added, with a figure
    edit.type_over(body[5].text[5:12], "直接改的字")  # typed over without 修订
    edit.comment(body[6].text[:10], "这里再具体些")
    return edit


def test_every_change_is_found_with_its_kind_place_and_author(sent, tmp_path):
    report, exported, cache = sent
    path = reviewed_file(tmp_path, a_review_of_every_kind(report, exported))
    found, _rendered = review_file(report, path, cache)
    kinds = [(change.kind, change.place, change.author, change.tracked) for change in found.changes]
    assert kinds == [("text", "第一部分标题", "张书记", True), ("field", "第一部分第1段", "王科长", True),
                     ("deleted", "第一部分第3段", "王科长", True), ("text", "第二部分第2段", "", False),
                     ("inserted", "第二部分第1段之后", "王科长", True), ("comment", "第二部分第3段", "李主任", True)]
    assert not found.conflicts and not found.notes


def test_accepting_all_makes_the_project_print_what_the_reviewed_file_says(sent, tmp_path):
    report, exported, cache = sent
    path = reviewed_file(tmp_path, a_review_of_every_kind(report, exported))
    found, rendered = review_file(report, path, cache)
    accept_review(report, rendered, found, path, paths.lexicon())
    assert [printed_text(block) for block in render(report).blocks] == accepted_text(path)


def test_a_figure_changed_inside_its_value_becomes_the_fields_value_with_the_reviewer_as_source(sent, tmp_path):
    report, exported, cache = sent
    _block, run = field_run(report)
    edit = Reviewed(exported.read_bytes())
    edit.track_replace(run.text, "9" + run.text[1:], author="张书记")
    path = reviewed_file(tmp_path, edit)
    found, rendered = review_file(report, path, cache)
    source_before = [p.source for p in report.opening]
    accept_review(report, rendered, found, path)
    field = report.fields[run.field]
    assert field.value == Decimal("9" + run.text[1:].rstrip("次名个场项篇件余"))
    assert field.source.department == "修改稿（张书记）" and field.source.file == "修改稿.docx"
    assert field.source.taken == "2026-12-20T09:30:00"  # when the reviewer made the change, to the second
    assert [p.source for p in report.opening] == source_before  # the text keeps the field, not the figure


def test_a_figure_typed_over_without_track_changes_names_no_reviewer_and_no_time(sent, tmp_path):
    report, exported, cache = sent
    _block, run = field_run(report)
    edit = Reviewed(exported.read_bytes())
    edit.type_over(run.text, "9" + run.text[1:])
    path = reviewed_file(tmp_path, edit)
    found, rendered = review_file(report, path, cache)
    accept_review(report, rendered, found, path)
    source = report.fields[run.field].source
    assert (source.department, source.file, source.taken) == ("修改稿", "修改稿.docx", "")


def test_a_figure_in_a_new_paragraph_becomes_a_new_field(sent, tmp_path):
    report, exported, cache = sent
    edit = Reviewed(exported.read_bytes())
    edit.track_insert_after(paragraphs(report)[2].text[:15], "全年走访企业36家，解决问题12个。")
    path = reviewed_file(tmp_path, edit)
    found, rendered = review_file(report, path, cache)
    before = set(report.fields)
    accept_review(report, rendered, found, path, paths.lexicon())
    new = [report.fields[name] for name in set(report.fields) - before]
    assert sorted((field.value, field.unit) for field in new) == [(Decimal(12), "个"), (Decimal(36), "家")]


def test_a_paragraph_the_project_changed_since_the_export_is_a_conflict_and_nothing_is_applied(sent, tmp_path):
    report, exported, cache = sent
    body = paragraphs(report)
    edit = Reviewed(exported.read_bytes())
    edit.track_replace(body[2].text[4:9], "改过了")
    path = reviewed_file(tmp_path, edit)
    target = next(p for s in report.parts for p in s.paragraphs if p.id == body[2].source)
    target.body += "项目中又补了一句。"
    found, _rendered = review_file(report, path, cache)
    assert [conflict.place for conflict in found.conflicts] == ["第一部分第2段"]
    assert any("导出之后项目中又改过" in note for note in found.notes)


def test_a_file_not_exported_by_the_program_is_said_so(sent, tmp_path):
    report, exported, cache = sent
    edit = Reviewed(exported.read_bytes())
    del edit.members["docProps/custom.xml"]
    found, _rendered = review_file(report, reviewed_file(tmp_path, edit), cache)
    assert any("没有起草助手导出时的标记" in note for note in found.notes) and not found.changes


def test_a_comment_stays_with_its_paragraph_and_is_listed_in_checks_not_printed(sent, tmp_path):
    report, exported, cache = sent
    take_a_comment(report, exported, cache, tmp_path)
    project = tmp_path / "报告.drafter"
    save_project(report, project)
    again = load_project(project)
    remarks = [remark for _place, p in again.paragraphs_with_place() for remark in p.remarks]
    assert [(r.text, r.author) for r in remarks] == [("数字核实一下", "李主任")]
    assert any(f.kind == "remark" and "数字核实一下" in f.message for f in check_report(again))
    assert "数字核实一下" not in "".join(printed_text(block) for block in render(again).blocks)


@pytest.mark.parametrize("raw, reason", [(b"not a zip", "不是 Word 文档"), (b"PK\x03\x04broken", "已损坏")])
def test_a_damaged_file_is_refused_with_its_name(sent, tmp_path, raw, reason):
    report, _exported, cache = sent
    path = tmp_path / "坏.docx"
    path.write_bytes(raw)
    with pytest.raises(ReviewFileError, match=f"坏.docx.*{reason}|{reason}"):
        review_file(report, path, cache)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_a_file_resaved_by_libreoffice_gives_the_same_changes(sent, tmp_path):
    report, exported, cache = sent
    path = reviewed_file(tmp_path, a_review_of_every_kind(report, exported))
    out = tmp_path / "lo"
    subprocess.run(["soffice", "--headless", "--convert-to", "docx", "--outdir", str(out), str(path)],
                   capture_output=True, timeout=180, check=True)
    resaved = out / path.name
    found, rendered = review_file(report, path, cache)
    again, _ = review_file(report, resaved, cache)
    assert [(c.kind, c.place, c.new) for c in again.changes] == [(c.kind, c.place, c.new) for c in found.changes]
    accept_review(report, rendered, again, resaved, paths.lexicon())
    assert [printed_text(block) for block in render(report).blocks] == accepted_text(resaved)


def test_a_file_written_back_as_other_programs_write_it_gives_the_same_changes(sent, tmp_path):
    """Runs split a character each, marks between them, revision ids anew, dates without a zone, a comment as a bare
    reference: the same changes, and the same text once they are taken in."""
    report, exported, cache = sent
    path = reviewed_file(tmp_path, a_review_of_every_kind(report, exported))
    resaved = tmp_path / "另存.docx"
    resaved.write_bytes(as_resaved_elsewhere(path.read_bytes()))
    found, rendered = review_file(report, path, cache)
    again, _ = review_file(report, resaved, cache)
    assert [(c.kind, c.place, c.new, c.author) for c in again.changes] == [
        (c.kind, c.place, c.new, c.author) for c in found.changes]
    assert not again.notes and not again.conflicts
    accept_review(report, rendered, again, resaved, paths.lexicon())
    assert [printed_text(block) for block in render(report).blocks] == accepted_text(resaved)


def test_a_file_whose_export_mark_was_dropped_is_compared_with_the_project_and_said_so(sent, tmp_path):
    report, exported, cache = sent
    path = reviewed_file(tmp_path, a_review_of_every_kind(report, exported))
    resaved = tmp_path / "另存.docx"
    resaved.write_bytes(as_resaved_elsewhere(path.read_bytes(), keep_properties=False))
    found, _rendered = review_file(report, path, cache)
    again, _ = review_file(report, resaved, cache)
    assert [(c.kind, c.place, c.new) for c in again.changes] == [(c.kind, c.place, c.new) for c in found.changes]
    assert [note[:12] for note in again.notes] == ["这份文件没有起草助手导出"]


@pytest.mark.parametrize("as_word_records_a_move", [False, True], ids=["struck-and-added", "moveFrom-moveTo"])
def test_a_paragraph_moved_keeps_its_fields_and_lands_where_it_was_put(sent, tmp_path, as_word_records_a_move):
    report, exported, cache = sent
    body = paragraphs(report)
    moving = next(block for block in body[3:] if any(run.field for run in block.runs))
    edit = Reviewed(exported.read_bytes())
    if as_word_records_a_move:
        edit.track_move(moving.text[:15], body[0].text[:15])
    else:
        edit.track_delete_paragraph(moving.text[:15])
        edit.track_insert_after(body[0].text[:15], moving.text)
    path = reviewed_file(tmp_path, edit)
    found, rendered = review_file(report, path, cache)
    assert [(c.kind, c.new == moving.text) for c in found.changes] == [("moved", True)]
    fields = set(report.fields)
    accept_review(report, rendered, found, path, paths.lexicon())
    assert set(report.fields) == fields
    assert [printed_text(block) for block in render(report).blocks] == accepted_text(path)


def test_only_the_changes_chosen_are_applied(sent, tmp_path):
    from drafter.core.review.changes import only

    report, exported, cache = sent
    block, run = field_run(report)
    edit = Reviewed(exported.read_bytes())
    edit.track_replace(block.text[-12:-6], "改写的话")  # the same paragraph: its wording and its figure
    edit.track_replace(run.text, "9" + run.text[1:])
    path = reviewed_file(tmp_path, edit)
    found, rendered = review_file(report, path, cache)
    wording = [c.key for c in found.changes if c.kind == "text"]
    accept_review(report, rendered, only(found, set(wording)), path)
    printed = "".join(printed_text(b) for b in render(report).blocks)
    assert "改写的话" in printed and report.fields[run.field].value != Decimal("9" + run.text[1:].rstrip("次名个"))


def test_a_comment_marked_done_leaves_the_checks_and_check_fix_never_marks_one(sent, tmp_path):
    from drafter.cli import run
    from drafter.core.years.fixes import apply_fix

    report, exported, cache = sent
    take_a_comment(report, exported, cache, tmp_path)
    project = tmp_path / "报告.drafter"
    save_project(report, project)
    assert run(["check", str(project), "--fix"]) in (0, 1)
    again = load_project(project)
    [finding] = [f for f in check_report(again) if f.kind == "remark"]
    assert apply_fix(again, finding)
    assert not [f for f in check_report(again) if f.kind == "remark"]


def test_comments_are_exported_as_word_comments_only_when_asked(sent, tmp_path):
    report, exported, cache = sent
    take_a_comment(report, exported, cache, tmp_path)
    style = load_style(paths.official_style_file())
    plain, commented = tmp_path / "不带批注.docx", tmp_path / "带批注.docx"
    actions.export_project(report, style, plain, cache_folder=cache)
    actions.export_project(report, style, commented, cache_folder=cache, with_remarks=True)
    assert read_reviewed(plain.read_bytes(), plain.name).comments == {}
    back = read_reviewed(commented.read_bytes(), commented.name)
    assert [(c.text, c.author) for c in back.comments.values()] == [("数字核实一下", "李主任")]
    anchored = [p.after for p in back.paragraphs if p.comments]
    assert anchored == [printed_text(paragraphs(report)[1])]


def test_the_export_records_kept_are_the_newest_few_hundred(tmp_path, monkeypatch):
    import os

    from drafter.core.review import exported

    monkeypatch.setattr(exported, "KEPT_EXPORTS", 3)
    rendered = render(fill(load_project(paths.templates_dir() / "年度工作报告" / "project.drafter")))
    for number in range(5):
        exported.keep_export(tmp_path, f"ID{number}", rendered)
        os.utime(tmp_path / "exports" / f"ID{number}.json", ns=(number * 10 ** 9, number * 10 ** 9))
    exported.keep_export(tmp_path, "ID9", rendered)
    kept = sorted(path.stem for path in (tmp_path / "exports").glob("*.json"))
    assert kept == ["ID3", "ID4", "ID9"] and exported.exported_texts(tmp_path, "ID0") is None


def test_a_figure_corrected_in_a_table_cell_becomes_its_fields_value(tmp_path):
    report, exported, cache = sent_from_text(tmp_path, "2023年工作总结\n一、主要工作\n全年开展服务如下。\n"
                                             "项目\t单位\t数量\n业务培训\t期\t12\n古籍普查登记\t部\t146\n"
                                             "二、2024年打算\n继续做好。\n")
    edit = Reviewed(exported.read_bytes())
    edit.track_replace("146", "150")
    edit.track_replace("业务培训", "业务技能培训")
    path = reviewed_file(tmp_path, edit)
    found, rendered = review_file(report, path, cache)
    assert [(c.kind, c.place, c.old, c.new) for c in found.changes] == [
        ("text", "第一部分第2段表格第2行", "业务培训", "业务技能培训"),
        ("field", "第一部分第2段表格第3行", "146", "150")]
    accept_review(report, rendered, found, path)
    assert [f.value for f in report.fields.values()] == [12, 150]
    assert [printed_text(block) for block in render(report).blocks] == accepted_text(path)


def test_the_signature_and_the_title_filled_in_by_the_reviewer_become_the_reports_own(tmp_path, annual_template):
    report = fill(annual_template)
    report.meta.organisation, report.meta.date = "", ""
    exported, cache = send(report, tmp_path, allow_missing=True)
    edit = Reviewed(exported.read_bytes())
    edit.track_replace("【待填：落款单位】2026", "示例市机关工委2026")  # the title's
    edit.track_replace("【待填：落款单位】", "示例市机关工委", whole=True)  # the signature's
    edit.track_replace("【待填：成文日期】", "2027年1月8日")
    path = reviewed_file(tmp_path, edit)
    found, rendered = review_file(report, path, cache)
    accept_review(report, rendered, found, path)
    assert (report.meta.organisation, report.meta.date) == ("示例市机关工委", "2027-01-08")
    assert [printed_text(block) for block in render(report).blocks] == accepted_text(path)


def test_a_run_in_heading_and_its_paragraph_are_changed_apart(tmp_path):
    report, exported, cache = sent_from_text(tmp_path, "2023年工作总结\n一、主要工作\n（一）抓好学习。全年开展学习12次，"
                                             "覆盖干部300余名。\n（二）改进作风。走访企业36家。\n二、2024年打算\n继续做好。\n")
    edit = Reviewed(exported.read_bytes())
    edit.track_replace("抓好学习", "抓实学习")  # the run-in heading
    edit.track_replace("覆盖干部", "覆盖全体干部")  # its paragraph
    edit.track_replace("12次", "15次")
    path = reviewed_file(tmp_path, edit)
    found, rendered = review_file(report, path, cache)
    assert sorted(c.kind for c in found.changes) == ["field", "text"] and not found.conflicts
    accept_review(report, rendered, found, path)
    section = report.parts[0].children[0]
    assert section.heading == "抓实学习" and "覆盖全体干部" in section.paragraphs[0].body
    assert [printed_text(block) for block in render(report).blocks] == accepted_text(path)


def test_a_comment_over_two_paragraphs_is_listed_once_with_the_first(sent, tmp_path):
    from review_edits import W

    report, exported, cache = sent
    body = paragraphs(report)
    edit = Reviewed(exported.read_bytes())
    edit.comment(body[1].text[:10], "这两段合起来写")
    first, second = edit.paragraph(body[1].text[:10]), edit.paragraph(body[2].text[:10])
    for tag in ("commentRangeEnd", "r"):  # the range's end and the reference move on to the next paragraph
        moved = [child for child in first if child.tag == f"{W}{tag}"][-1]
        second.append(moved)
    found, _rendered = review_file(report, reviewed_file(tmp_path, edit), cache)
    assert [(c.kind, c.place, c.new) for c in found.changes] == [("comment", "第一部分第1段", "这两段合起来写")]
