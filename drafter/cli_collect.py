"""The 数据征集 sub-commands: assign departments, write the workbooks, take the answers back."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

from drafter.core.collect import (
    WorkbookAnswers, apply_department, apply_plan, fields_by_department, plan_collection, read_workbook,
    write_workbooks,
)
from drafter.core.collect.incoming import WorkbookError
from drafter.core.collect.merge import KEEP_PROJECT, TAKE_WORKBOOK, shown
from drafter.core.rendering.render import render
from drafter.core.report.model import Field
from drafter.core.report.project import ProjectError, load_project, save_project
from drafter.core.text.numbers import NumberError, parse_value

EXIT_OK, EXIT_PROBLEMS = 0, 1


def add_parsers(commands) -> None:
    assign = commands.add_parser("assign", help="指定统计数据的填报部门", description="指定由哪个部门填报，如 drafter assign "
                                 "报告.drafter center_group_sessions=组织科 第三部分=办公室。部分可写作 三 或 第三部分（一）；"
                                 "部门留空表示由起草部门自己填。")
    assign.add_argument("project", metavar="项目文件")
    assign.add_argument("assignments", nargs="+", metavar="字段名或部分=部门")
    collect = commands.add_parser("collect", help="数据征集：导出征集表、导入交回的表",
                                  description="向各部门征集统计数据：export 为每个部门写一份 Excel 征集表，import 读回填好的表。")
    steps = collect.add_subparsers(dest="step", title="步骤", metavar="步骤", required=True,
                                   parser_class=type(collect), help="下列之一；drafter collect 步骤 --help 查看各自的说明")
    out = steps.add_parser("export", help="为每个部门导出一份征集表（.xlsx）", description="为每个填报部门导出一份征集表；"
                           "未指定部门的统计数据由起草部门填写。项目会记下征集编号并保存。")
    out.add_argument("project", metavar="项目文件")
    out.add_argument("-o", "--output", required=True, metavar="文件夹", help="征集表存放的文件夹（不存在时新建）")
    out.add_argument("--deadline", metavar="日期", help="交回日期，如 2024-12-20，写在表头")
    back = steps.add_parser("import", help="导入交回的征集表", description="读回各部门填好的征集表，列出将要修改的数值并写入项目。"
                            "与项目中已有数值不同、两份表不一致、不是本程序写的行，都会列出并且不导入，除非用选项说明以哪一方为准。")
    back.add_argument("project", metavar="项目文件")
    back.add_argument("workbooks", nargs="+", metavar="征集表.xlsx")
    back.add_argument("--dry-run", action="store_true", help="只列出将要做的修改，不写入项目")
    side = back.add_mutually_exclusive_group()
    side.add_argument("--keep-project", action="store_true", help="与项目中已有数值不同时，保留项目中的数值")
    side.add_argument("--take-workbook", action="store_true", help="与项目中已有数值不同时，采用征集表中的数值")


def cmd_assign(args) -> int:
    path = Path(args.project)
    report = load_project(path)
    rendered = render(report)
    lines = [apply_department(report, rendered, item) for item in args.assignments]
    save_project(report, path)
    for line in lines:
        print(line)
    return EXIT_OK


def cmd_collect(args) -> int:
    return collect_export(args) if args.step == "export" else collect_import(args)


def collect_export(args) -> int:
    path = Path(args.project)
    report = load_project(path)
    deadline = _deadline(args.deadline)
    written = write_workbooks(report, render(report), Path(args.output), deadline)
    save_project(report, path)  # the collection id the workbooks carry
    groups = fields_by_department(report)
    for workbook, (department, fields) in zip(written, groups.items()):
        print(f"已导出“{workbook}”：{department}，{len(fields)} 项")
    return EXIT_OK


def _deadline(raw: str | None) -> str:
    if not raw:
        return ""
    try:
        deadline = parse_value(raw, "date")
    except NumberError as error:
        raise ProjectError(f"交回日期：{error}") from None
    if deadline < datetime.date.today().isoformat():
        print(f"注意：交回日期 {deadline} 已经过了，仍写在表头；如写错了，请重新导出", file=sys.stderr)
    return deadline


def collect_import(args) -> int:
    path = Path(args.project)
    report = load_project(path)
    books, unreadable = [], []
    for name in args.workbooks:
        try:
            books.append(read_workbook(Path(name), report))
        except WorkbookError as error:
            unreadable.append(str(error))
    prefer = KEEP_PROJECT if args.keep_project else TAKE_WORKBOOK if args.take_workbook else None
    plan = plan_collection(report, books, prefer)
    _print_plan(report.fields, plan, books)
    blocking = unreadable + plan.blocking
    for line in blocking:
        print(f"问题：{line}", file=sys.stderr)
    if blocking:
        hint = ("（可加 --keep-project 或 --take-workbook 说明与项目不同时以哪一方为准；加了其中之一，"
                "不是本程序写入的行也会被跳过）") if plan.conflicts and not plan.refused and not unreadable else ""
        print(f"未导入：有 {len(blocking)} 个问题{hint}，项目未改动", file=sys.stderr)
        return EXIT_PROBLEMS
    for line in plan.left_out:  # the rest of the workbook is taken in; these wait for a corrected table
        print(f"未导入：{line}", file=sys.stderr)
    done = EXIT_PROBLEMS if plan.left_out else EXIT_OK
    if args.dry_run:
        print(f"试运行：将修改 {len(plan.changes)} 项，项目未改动")
        return done
    if not plan.changes and not plan.confirmed:
        print(f"保留项目中的数值 {len(plan.kept)} 项，项目未改动" if plan.kept else "交回的表中没有填写任何数值，项目未改动")
        return done
    changed = apply_plan(report, plan)
    save_project(report, path)
    print(f"已导入：修改 {changed} 项，{len(plan.confirmed)} 项与项目一致，已保存“{path}”")
    if plan.left_out:
        print(f"另有 {len(plan.left_out)} 项填写有误，未导入（见上）；请填报部门改正后再导入这份表", file=sys.stderr)
    return done


def _print_plan(fields: dict[str, Field], plan, books: list[WorkbookAnswers]) -> None:
    for change in plan.changes:
        field = fields[change.name]
        old, new = shown(field, change.old), shown(field, change.new)
        mark = "（与项目不同）" if change.conflict else ""
        print(f"{field.label}\t{old} → {new}{mark}\t{change.department}（{change.file}）")
    for change in plan.kept:
        field = fields[change.name]
        print(f"{change.label}\t保留项目中的 {shown(field, change.old)}（表中填 {shown(field, change.new)}）\t"
              f"{change.department}（{change.file}）")
    for line in plan.doubtful:
        print(f"注意：{line}")
    for line in plan.ignored:
        print(f"忽略：{line}")
    blank = sum(len(book.blank) for book in books)
    if blank:
        print(f"未填：{blank} 项在交回的表中是空的，保持原样")
