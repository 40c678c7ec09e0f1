"""A reviewed file's change shown where it lands: the block, the stretches struck out and what stands there now."""

from __future__ import annotations

from drafter.core.review.exported import printed_text
from drafter.core.review.in_place import in_place, stretches
from drafter.core.review.taking import review_file
from test_review import a_review_of_every_kind, reviewed_file, sent  # noqa: F401 (sent is a fixture)


def test_stretches_join_what_reads_as_one_change_and_keep_apart_what_does_not():
    assert stretches("开展学习12次，覆盖300人", "开展学习15次，覆盖300人") == [(5, 6, "5")]
    assert stretches("全年走访企业36家", "全年走访重点企业36家") == [(4, 4, "重点")]
    assert stretches("共3次共4次", "共5次共6次") == [(1, 5, "5次共6")]  # two changes 2 apart read as one
    assert stretches("甲乙丙丁戊己庚辛", "甲X丙丁戊己Y辛") == [(1, 2, "X"), (6, 7, "Y")]
    assert stretches("删去这句。其余不变", "其余不变") == [(0, 5, "")]


def test_each_kind_of_change_is_placed_on_its_block(sent, tmp_path):
    report, exported, cache = sent
    found, rendered = review_file(report, reviewed_file(tmp_path, a_review_of_every_kind(report, exported)), cache)
    shown = {change.kind + str(index): in_place(found, rendered, change) for index, change in enumerate(found.changes)}
    heading, figure, deleted, typed, inserted, comment = shown.values()
    texts = [printed_text(block) for block in rendered.blocks]
    # the reworded heading: its four characters struck, 加强 said in their place
    start, end, new = heading.struck[0]
    assert new == "加强" and end - start == 4 and texts[heading.block][start:end] in texts[heading.block]
    # the figure: exactly its printed value struck, the new value said
    start, end, new = figure.struck[0]
    value = next(run.text for run in rendered.blocks[figure.block].runs if run.field)
    assert texts[figure.block][start:end] == value and new == "9" + value[1:] and figure.said == f"改为：{new}"
    assert deleted.whole and deleted.said == "删去这一段" and not deleted.struck
    assert "直接改的字" in typed.said and typed.struck
    assert inserted.said == "在此段之后新增：新增一段：全年走访企业36家。" and not inserted.whole
    assert comment.said == "批注 李主任：这里再具体些"
    assert {item.block for item in shown.values()} <= set(range(len(texts)))
