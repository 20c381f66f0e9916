"""Files the page offers for download that are not text: the Word commentary.

`lawcheck.report.docx.write_commentary` writes to a path (atomically, as the CLI needs); a
download button needs bytes, so it is written to a private temporary folder and read back.
Called only when the button is clicked: building a Word file for every rerun would slow
every click on the page.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from lawcheck.engine.align import Analysis
from lawcheck.report.docx import write_commentary

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def commentary_docx(report: Mapping[str, Any], analysis: Analysis) -> bytes:
    """The Word commentary of a report. The report given already carries the reviewer
    decisions (the page attaches them), so the commentary shows exactly what the page shows."""
    with tempfile.TemporaryDirectory(prefix="lawcheck-") as folder:
        path = Path(folder) / "commentary.docx"
        write_commentary(report, analysis, path)
        return path.read_bytes()
