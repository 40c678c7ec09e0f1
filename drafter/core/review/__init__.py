"""A reviewed Word file back into its project: tracked changes, edits typed over and comments, placed and applied."""
