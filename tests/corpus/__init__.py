"""A corpus of office-style Word files built by code, each with a truth file, for measuring import."""
