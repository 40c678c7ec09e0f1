"""领导修改稿 in the window: the changes of a reviewed Word file listed, and taken in as one undo step."""
