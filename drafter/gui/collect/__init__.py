"""数据征集 in the window: departments, workbooks out, answers back as one undo step."""
