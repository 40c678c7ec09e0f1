"""Command-line parsing only: sub-commands call the core; no sub-command starts the GUI."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from drafter import cli_collect, cli_review, paths, version
from drafter.cli_help import HelpFormatter
from drafter.core import actions
from drafter.core.errors import UserFacingError
from drafter.core.rendering.render import RenderError, render
from drafter.core.report.names import path_warning
from drafter.core.report.project import PROJECT_SUFFIX, ProjectError, load_project, save_project
from drafter.core.text.numbers import NumberError, entry_unit, format_number, parse_year
from drafter.core.word.style import load_style, parse_substitution, used_fonts, with_font_substitutions
from drafter.core.years.checks import check_report, export_warnings
from drafter.core.years.compare import change
from drafter.core.years.fixes import ON_REQUEST, apply_fix

EXIT_OK, EXIT_PROBLEMS, EXIT_BAD_INPUT = 0, 1, 2
DEFAULT_TEMPLATE = "年度工作报告"

# argparse speaks English; these are the messages a user can meet, said in Chinese.
_ARGPARSE_MESSAGES = [
    (r"the following arguments are required: (.*)", r"缺少必需的参数：\1"),
    (r"unrecognized arguments: (.*)", r"无法识别的参数：\1"),
    (r"argument (.*?): invalid int value: '(.*)'", r"参数 \1 应是整数，而不是“\2”"),
    (r"argument (.*?): invalid choice: '(.*?)'.*", r"参数 \1 的取值“\2”无效"),
    (r"argument (.*?): expected one argument", r"参数 \1 后面需要一个值"),
    (r"argument (.*?): (.*)", r"参数 \1：\2"),  # our own words (a year that is not one)
]


def _year(text: str) -> int:
    """--year read as drafter set and the form read a year; argparse names the option before our reason."""
    try:
        return parse_year(text)
    except NumberError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("add_help", False)
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "用法：", 1)

    def format_help(self) -> str:
        text = super().format_help().replace("usage:", "用法：", 1)
        return re.sub(r"(?m)^(参数|选项|子命令|步骤):$", r"\1：", text)  # the sections' titles, with a Chinese colon

    def error(self, message: str):
        for pattern, replacement in _ARGPARSE_MESSAGES:
            message = re.sub(pattern, replacement, message)
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"错误：{message}\n（用 {self.prog} --help 查看说明）\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="drafter",
        description="公文报告起草助手：按党政机关公文格式（GB/T 9704）起草年度工作报告，导出 Word 文件。"
        f"不带参数运行时打开图形界面；drafter 项目文件{PROJECT_SUFFIX} 在图形界面中打开该项目。",
    )
    parser.add_argument("--version", action="version", version=f"drafter {version()}", help="显示版本号并退出")
    commands = parser.add_subparsers(dest="command", title="子命令", metavar="子命令", parser_class=_Parser,
                                     help="下列之一；drafter 子命令 --help 查看各自的说明")
    commands.add_parser("templates", help="列出可用的报告模板", description="列出内置和用户自添的报告模板。")
    new = commands.add_parser("new", help="从模板新建项目", description="从报告模板新建一个项目文件，所有统计数据待填。")
    new.add_argument("--template", default=DEFAULT_TEMPLATE, metavar="模板名", help=f"模板名称（默认：{DEFAULT_TEMPLATE}）")
    new.add_argument("--year", type=_year, metavar="年度", help="报告年度，如 2026（默认：当前工作年度）")
    new.add_argument("-o", "--output", required=True, metavar="项目文件", help=f"新项目文件，扩展名 {PROJECT_SUFFIX}")
    fields = commands.add_parser("fields", help="列出统计数据字段", description="列出全部统计数据字段及其取值、去年数值和使用位置。")
    fields.add_argument("project", metavar="项目文件")
    fields.add_argument("--json", action="store_true", help="以 JSON 输出")
    setter = commands.add_parser("set", help="填写统计数据", description="填写字段，如 drafter set 报告.drafter center_group_sessions=十二 集中轮训党员人数=1,200"
                                 "（字段名或 drafter fields 列出的中文名称均可）。"
                                 "也可设置 title、year、organisation、date、recipient。")
    setter.add_argument("project", metavar="项目文件")
    setter.add_argument("assignments", nargs="+", metavar="名称=值")
    labeller = commands.add_parser("label", help="修改统计数据的名称", description="修改字段的中文名称，如 "
                                   "drafter label 报告.drafter figure_01=开展学习次数。正文中引用的仍是同一字段。")
    labeller.add_argument("project", metavar="项目文件")
    labeller.add_argument("assignments", nargs="+", metavar="字段名=新名称")
    export = commands.add_parser("export", help="导出 Word 文件", description="按公文格式导出 .docx；有未填写的数据时拒绝导出并列出它们。")
    export.add_argument("project", metavar="项目文件")
    export.add_argument("-o", "--output", required=True, metavar="输出.docx", help="导出的 Word 文件")
    export.add_argument("--allow-missing", action="store_true", help="仍然导出，未填写处以【待填：…】醒目标出")
    export.add_argument("--font", action="append", default=[], metavar="原字体=新字体",
                        help="替换样式中的字体，可重复，如 --font 仿宋_GB2312=仿宋（本单位没有公文字体时）")
    export.add_argument("--with-remarks", action="store_true", help="把尚未处理的批注（领导修改稿收回的）作为 Word 批注一并导出")
    export.add_argument("--comparison-table", action="store_true", help="在文末附上“主要数据对比表”（上年、本年、同比变化；"
                        "项目有前年数值时为“近三年主要数据对比表”）")
    roll = commands.add_parser("roll", help="新建下一年度的项目", description="从今年的项目新建下一年度的项目：今年的数值成为"
                               "去年数值，去年的进入往年数值，今年的数值清空待填，文中年份顺延一年，名称、填报部门和正文保留。")
    roll.add_argument("project", metavar="项目文件")
    roll.add_argument("-o", "--output", required=True, metavar="新项目文件", help=f"下一年度的项目文件，扩展名 {PROJECT_SUFFIX}")
    importer = commands.add_parser("import", help="导入去年的文稿", description="把去年的 Word（.docx）或文本（.txt）文稿"
                                   "变成今年的项目：识别标题、各部分和段首句，数字变成统计数据（去年数值保留），年份顺延一年。"
                                   "可同时给出前几年的文稿（如 2022.docx 2023.docx）：最新的一份作为正文，其余各年的数字按所在句子"
                                   "对应到同一项统计数据，成为往年数值。")
    importer.add_argument("sources", nargs="+", metavar="去年文稿",
                          help="去年的 Word（.docx）或文本（.txt）文稿；可给几年的，每年一份")
    importer.add_argument("-o", "--output", required=True, metavar="项目文件", help=f"新项目文件，扩展名 {PROJECT_SUFFIX}")
    importer.add_argument("--year", type=_year, metavar="年度", help="今年的报告年度（默认：去年文稿的年度加一）")
    check = commands.add_parser("check", help="导出前检查", description="检查未填写或与去年相同的数据、没改的年份、残留的"
                                "遮盖符、标题编号和标点等问题。有“错误”级问题时退出码为 1。")
    check.add_argument("project", metavar="项目文件")
    check.add_argument("--json", action="store_true", help="以 JSON 列表输出（键：kind、severity、where、message、fix）")
    check.add_argument("--fix", action="store_true", help="自动修正有确定修法的问题（全角标点、标题编号、去年年份）并保存")
    cli_collect.add_parsers(commands)
    cli_review.add_parser(commands)
    return parser


def run(argv: list[str]) -> int:
    """Run one sub-command's line; returns the exit code and never lets a traceback reach the user. (The window, or
    a first argument that is neither, is entry's to decide: `drafter` runs entry.run, which calls this.)"""
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except RenderError as error:  # the renderer names the place; only the command knows the file
        print(f"错误：项目文件“{args.project}”中{error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (UserFacingError, FileNotFoundError) as error:
        print(f"错误：{error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("已取消", file=sys.stderr)
        return EXIT_BAD_INPUT


def template_folders() -> list[Path]:
    return [paths.user_templates_dir(), paths.templates_dir()]


def cmd_templates(args) -> int:
    for info in actions.available_templates(template_folders()):
        print(f"{info.name}\t{info.description}")
    return EXIT_OK


def cmd_new(args) -> int:
    output = _new_project_path(args.output)
    year = args.year or actions.default_report_year()  # a year given was read by _year
    report = actions.new_project(args.template, year, template_folders())
    save_project(report, output)
    missing = render(report).missing  # what export will count: the figures, and the unit's name and date
    others = "、".join(item.label for item in missing if item.name not in report.fields)
    print(f"已新建“{output}”：{args.template}，{year}年度，{len(report.fields)} 项统计数据"
          + (f"和{others}" if others else "") + f"待填（共 {len(missing)} 处）")
    return EXIT_OK


SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}


def cmd_check(args) -> int:
    path = Path(args.project)
    report = load_project(path)
    findings = check_report(report)
    if args.fix:
        fixed = sum(apply_fix(report, finding) for finding in findings if finding.fix and finding.fix not in ON_REQUEST)
        save_project(report, path)
        print(f"已自动修正 {fixed} 处并保存“{path}”", file=sys.stderr)
        findings = check_report(report)
    if args.json:
        print(json.dumps([finding.as_json() for finding in findings], ensure_ascii=False, indent=2))
    else:
        for finding in findings:
            hint = "（可用 --fix 自动修正）" if finding.fix and finding.fix not in ON_REQUEST else ""
            print(f"{SEVERITY_NAMES[finding.severity]}\t{finding.where}\t{finding.message}{hint}")
        counts = {name: sum(f.severity == key for f in findings) for key, name in SEVERITY_NAMES.items()}
        print("检查完成：" + "，".join(f"{name} {count} 项" for name, count in counts.items()))
    return EXIT_PROBLEMS if any(finding.severity == "error" for finding in findings) else EXIT_OK


def cmd_import(args) -> int:
    output = _new_project_path(args.output)
    from drafter.core.lastyear import import_summary, import_years, years_summary  # only import needs the reader

    outcome = import_years([Path(source) for source in args.sources], args.year, lexicon=paths.lexicon())
    save_project(outcome.newest.report, output)
    for line in import_summary(outcome.newest, outcome.newest_path.name if len(args.sources) > 1 else args.sources[0],
                               output):
        print(line)
    if len(args.sources) > 1:
        for line in years_summary(outcome):
            print(line)
    return EXIT_OK


def cmd_roll(args) -> int:
    output = _new_project_path(args.output)
    report = load_project(Path(args.project))
    from drafter.core.years.rollforward import roll_forward

    rolled, changes = roll_forward(report)
    render(rolled)  # a text that breaks is refused before anything is written
    save_project(rolled, output)
    kept = sum(1 for field in rolled.fields.values() if field.previous is not None)
    print(f"已新建“{output}”：{rolled.meta.year}年度，{len(rolled.fields)} 项统计数据待填（{kept} 项有去年数值），"
          f"年份顺延 {len(changes)} 处")
    for line in changes:
        print(f"  {line}")
    return EXIT_OK


def _new_project_path(name: str) -> Path:
    output = Path(name)
    if output.suffix != PROJECT_SUFFIX:
        raise ProjectError(f"项目文件“{output}”的扩展名应为 {PROJECT_SUFFIX}")
    if output.exists():
        raise ProjectError(f"“{output}”已存在，未覆盖；请换一个文件名")
    return output


def cmd_fields(args) -> int:
    report = load_project(Path(args.project))
    rows = actions.field_rows(report, render(report))
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    for row, field in zip(rows, report.fields.values()):
        # as the report prints them (2856.4亿元, 300余名), not as stored (285640000000)
        after = "" if field.qualifier == "约" else field.qualifier  # 约 stands before a number (约300人), 余 after it
        value = (f"（未填）{entry_unit(field.type, field.unit, after, field.notation)}" if field.value is None else
                 format_number(field.value, field.type, field.unit, field.qualifier, field.notation))
        previous = ("" if field.previous is None else
                    "  去年 " + format_number(field.previous, field.type, field.unit, field.qualifier, field.notation))
        result = change(field)
        trend = f"  {result.phrase}" if result else ""
        print(f"{row['name']}\t{row['label']}\t{row['type']}\t{value}{previous}{trend}\t{'；'.join(row['used_in'])}")
    return EXIT_OK


def cmd_set(args) -> int:
    path = Path(args.project)
    report = load_project(path)
    changes = [actions.apply_assignment(report, item) for item in args.assignments]
    render(report)  # a year or title that breaks the text is refused before saving
    save_project(report, path)
    for line in changes:
        print(line)
    return EXIT_OK


def cmd_label(args) -> int:
    path = Path(args.project)
    report = load_project(path)
    changes = [actions.apply_label(report, item) for item in args.assignments]
    save_project(report, path)
    for line in changes:
        print(line)
    return EXIT_OK


def cmd_export(args) -> int:
    report = load_project(Path(args.project))
    style = load_style(paths.official_style_file())
    substitutions = dict(parse_substitution(item) for item in args.font)
    for old in substitutions.keys() - set(used_fonts(style)):  # a typo, or a font the layout does not use
        print(f"警告：公文样式中没有用到“{old}”，--font {old}=… 不起作用；用到的字体："
              f"{'、'.join(used_fonts(style))}", file=sys.stderr)
    style = with_font_substitutions(style, substitutions)
    try:
        rendered = actions.export_project(report, style, Path(args.output), args.allow_missing,
                                          args.comparison_table, cache_folder=paths.cache_dir(),
                                          with_remarks=args.with_remarks)
    except actions.MissingFieldsError as error:
        print(f"未导出：“{args.project}”还有 {len(error.missing)} 项未填写：", file=sys.stderr)
        for item in error.missing:
            print(f"  {item.name}\t{item.label}\t{'；'.join(item.places)}", file=sys.stderr)
        print("请用 drafter set 填写，或加 --allow-missing 导出并标出未填处。", file=sys.stderr)
        return EXIT_PROBLEMS
    warning = path_warning(Path(args.output))
    if warning:
        print(f"警告：{warning}", file=sys.stderr)
    for finding in export_warnings(report, rendered):
        print(f"注意：{finding.where}：{finding.message}（drafter check 可列出全部问题）", file=sys.stderr)
    marked = f"，{len(rendered.missing)} 处未填写已标出" if rendered.missing else ""
    print(f"已导出“{args.output}”{marked}")
    return EXIT_OK


# Sub-command name → handler; anything else as the first argument is a project for the window.
COMMANDS = {"templates": cmd_templates, "new": cmd_new, "fields": cmd_fields, "set": cmd_set, "label": cmd_label,
            "export": cmd_export, "import": cmd_import, "check": cmd_check,
            "assign": cli_collect.cmd_assign, "collect": cli_collect.cmd_collect, "roll": cmd_roll,
            "review": cli_review.cmd_review}
