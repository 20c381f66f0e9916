"""The print view (`?view=print`): every finding, grouped by treaty article, with no sidebar,
tabs or buttons on paper; a PDF of the same list."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from lawcheck.ui import labels as L
from lawcheck.ui.model import ReportView
from lawcheck.ui.pages.common import navigate
from lawcheck.ui.pages.sidebar import print_download
from lawcheck.ui.printview import PRINT_CSS, print_html
from lawcheck.ui.source import Request

# Streamlit's chrome off the page, and its scrolling pane opened up so that the browser
# prints every page, not the first screen only.
CHROME_CSS = """
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"] { display: none !important; }
.block-container { max-width: 62rem; padding-top: 1rem !important; }
@media print {
  .st-key-print-tools { display: none !important; }
  html, body, .stApp, [data-testid="stAppViewContainer"], [data-testid="stMain"], .stMain,
  [data-testid="stMainBlockContainer"] { overflow: visible !important; height: auto !important;
    position: static !important; }
  .block-container { padding: 0 !important; max-width: none; }
}
"""


def print_view(request: Request, view: ReportView) -> None:
    """The findings as the print view lays them out, under a bar that is not printed."""
    lang = L.language()
    st.html(f"<style>{CHROME_CSS}{PRINT_CSS}</style>")
    with st.container(key="print-tools", horizontal=True, gap="small", vertical_alignment="center"):
        st.button(L.say("Back to the review"), key="print-back", on_click=navigate, args=("findings",),
                  icon=":material/arrow_back:")
        print_download(view.report, Path(request.source.name).stem, lang, key="print-pdf")
        st.caption(L.say("Print from the browser (Ctrl+P) or download the PDF; this bar is not printed."))
    st.html(print_html(view.report, lang))
