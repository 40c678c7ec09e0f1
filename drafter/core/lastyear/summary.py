"""What the user should know and check after an import, one line each."""

from __future__ import annotations

from drafter.core.lastyear.builder import ImportResult

LEFT_OUT_NAMES = {"comments": "批注 {n} 条（未导入）", "tracked": "修订中删除或移走的文字 {n} 处（按接受修订后的文字导入）",
                  "textboxes": "文本框 {n} 个（其中文字已按正文导入）", "images": "图片或图形 {n} 个（未导入）",
                  "hidden": "隐藏文字 {n} 处（不打印，未导入）"}


def import_summary(result: ImportResult, source, output) -> list[str]:
    report = result.report
    sections = sum(1 for _ in report.walk_sections())
    numeric = [f for f in report.fields.values() if f.type != "text"]
    names = [f for f in report.fields.values() if f.type == "text"]
    lines = [f"已把“{source}”（{result.from_year}年）导入为“{output}”（{report.meta.year}年）：",
             f"  {len(report.parts)} 个部分、{sections} 个标题，{len(numeric)} 项统计数据"
             f"（去年数值已保留，其中 {sum(f.previous is None for f in numeric)} 项原文被遮盖，需重新填写）"]
    if names:
        lines.append(f"  原文遮盖的名称 {len(names)} 处已改为待填项：" + "、".join(f.label for f in names))
    if result.year_changes:
        lines.append(f"  年份顺延 {len(result.year_changes)} 处，请核对：")
        lines += [f"    {change}" for change in result.year_changes]
    if result.dropped:
        lines.append(f"  删除了 {len(result.dropped)} 行网页杂项：")
        lines += [f"    {text}" for text in result.dropped]
    if result.contents:
        lines.append(f"  跳过目录 {len(result.contents)} 行（提纲按正文标题生成）")
    if result.frame_lines:
        lines.append("  未导入红头、文号、附注和版记：" + " / ".join(result.frame_lines))
    for key, template in LEFT_OUT_NAMES.items():
        if result.left_out.get(key):
            lines.append("  " + template.format(n=result.left_out[key]))
    lines += [f"  注意：{note}" for note in result.notes]
    return lines
