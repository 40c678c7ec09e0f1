"""Reading last year's report (.docx or .txt) into this year's project: one module a step of the job."""

from drafter.core.lastyear.builder import ImportFailed, ImportResult, build_project, import_last_year
from drafter.core.lastyear.source import SourceError, SourceParagraph, read_docx_bytes, read_source
from drafter.core.lastyear.summary import import_summary
from drafter.core.lastyear.years import YearsResult, import_years, years_summary

__all__ = ["ImportFailed", "ImportResult", "SourceError", "SourceParagraph", "build_project", "import_last_year",
           "import_summary", "import_years", "read_docx_bytes", "read_source", "YearsResult", "years_summary"]
