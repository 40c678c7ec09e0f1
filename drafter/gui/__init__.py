"""The PySide6 window over the core."""
