"""The page written in directly: blocks drawn from the report, edits read back as commands."""
