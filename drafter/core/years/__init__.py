"""The years' work: checks and their fixes, 同比, each field's history, next year's project."""
