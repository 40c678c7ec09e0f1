"""Layout tests against a real renderer (LibreOffice, poppler)."""
