"""The 领导修改稿 sub-command: list what a reviewed Word file changed, and take it into the project or drop it."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from drafter import paths
from drafter.core.report.project import load_project, save_project

if TYPE_CHECKING:
    from drafter.core.review.changes import Review

EXIT_OK, EXIT_PROBLEMS = 0, 1


def add_parser(commands) -> None:
    review = commands.add_parser("review", help="收回领导修改稿（修订和批注）", description="把送审后改回来的 Word 文件"
                                 "（修订、批注，或不开修订直接改的）与项目对照：列出每一处修改及其位置；数值的修改成为统计数据的新数值，"
                                 "文字的修改进入对应段落，批注留在段落旁。不加选项时只列出，不改项目。")
    review.add_argument("project", metavar="项目文件", help="送审稿是从这个项目导出的（.drafter）")
    review.add_argument("reviewed", metavar="修改稿.docx", help="改回来的 Word 文件（.docx）")
    review.add_argument("--json", action="store_true",
                        help="以 JSON 输出（changes：kind、place、old、new、author、date、tracked、field；conflicts；notes）")
    side = review.add_mutually_exclusive_group()
    side.add_argument("--accept-all", action="store_true", help="接受全部修改并保存项目（上一版保留为 .bak）")
    side.add_argument("--reject-all", action="store_true", help="放弃全部修改，项目不变")


def cmd_review(args) -> int:
    # The reading of a reviewed file brings the importer with it: every other sub-command starts without it.
    from drafter.core.review.taking import accept_review, review_file

    path = Path(args.project)
    report = load_project(path)
    found, rendered = review_file(report, Path(args.reviewed), paths.cache_dir())
    if args.json:
        print(json.dumps(_as_json(found), ensure_ascii=False, indent=1))
    else:
        _print(found)
    if found.conflicts and args.accept_all:
        print(f"有 {len(found.conflicts)} 处冲突（已列出），没有收回任何修改；请先在程序中处理", file=sys.stderr)
        return EXIT_PROBLEMS
    if args.accept_all and found.changes:
        accept_review(report, rendered, found, Path(args.reviewed), paths.lexicon())
        save_project(report, path)
        print(f"已收回 {len(found.changes)} 处修改并保存“{path}”（上一版为 {path.name}.bak）")
    elif args.reject_all:
        print("已放弃全部修改，项目没有改动")
    return EXIT_PROBLEMS if found.conflicts else EXIT_OK


def _print(found: Review) -> None:
    from drafter.core.review.changes import KINDS

    for note in found.notes:
        print(f"注意：{note}")
    for change in found.changes:
        who = "，".join(part for part in (change.author, change.date[:10]) if part)
        how = "" if change.tracked else "（未开修订）"
        print(f"{KINDS[change.kind]}{how}\t{change.place}\t{_short(change.old)} → {_short(change.new)}"
              + (f"\t{who}" if who else ""))
    for conflict in found.conflicts:
        print(f"冲突\t{conflict.place}\t{conflict.reason}：{_short(conflict.old)} → {_short(conflict.new)}")
    print(f"共 {len(found.changes)} 处修改，{len(found.conflicts)} 处冲突")


def _short(text: str, limit: int = 40) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _as_json(found: Review) -> dict:
    return {"changes": [{k: v for k, v in vars(change).items() if k != "key"} for change in found.changes],
            "conflicts": [vars(conflict) for conflict in found.conflicts], "notes": found.notes}
