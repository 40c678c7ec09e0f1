"""One office's annual report over consecutive years, as plain text: the same sentences with each year's figures."""

from __future__ import annotations

from pathlib import Path

# Each year's figures, by a short key; None leaves the sentence out that year.
FIGURES = {
    2022: {"sessions": 10, "members": 280, "visits": 36, "issues": 120, "rate": "95.2", "classes": 4, "talks": 52},
    2023: {"sessions": 12, "members": 300, "visits": 41, "issues": 150, "rate": "96.8", "classes": 6, "talks": None},
    2024: {"sessions": 14, "members": 320, "visits": 38, "issues": 180, "rate": "98.1", "classes": 5, "talks": 60},
}


def report_text(year: int, figures: dict, classes_unit: str = "期") -> str:
    """The report of `year`; classes_unit lets a test change how one figure is counted."""
    f = figures
    talks = f"，开展谈心谈话{f['talks']}人次" if f.get("talks") is not None else ""
    return "\n".join([
        f"示例区档案局{year}年度工作报告",
        "",
        f"{year}年，我局在区委领导下，围绕中心、服务大局，各项工作取得新进展。现将有关情况报告如下。",
        "一、强化理论武装",
        f"坚持集中学习制度。全年组织党组理论学习中心组集体学习{f['sessions']}次，覆盖党员{f['members']}名{talks}。",
        "二、提升服务质效",
        f"深入基层一线。全年走访基层单位{f['visits']}家，帮助解决实际问题{f['issues']}个，"
        f"群众满意率达到{f['rate']}%。",
        "三、加强队伍建设",
        f"抓好教育培训。举办业务培训班{f['classes']}{classes_unit}，干部队伍素质不断提高。",
        f"四、{year + 1}年工作打算",
        f"{year + 1}年，我局将继续深化理论学习，提升服务水平，推动各项工作再上新台阶。",
        "",
        "示例区档案局",
        f"{year + 1}年1月10日",
    ]) + "\n"


def write_year(folder: Path, year: int, **changes) -> Path:
    path = Path(folder) / f"{year}年度工作报告.txt"
    path.write_text(report_text(year, FIGURES[year], **changes), encoding="utf-8")
    return path
