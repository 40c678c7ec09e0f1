"""Where the shared sample report lies beside the checkout (CI copies shared/ next to the clone)."""

from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "sample" / "annual-report-2022-sample.txt"
