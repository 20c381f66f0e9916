"""View helpers for the Streamlit app (`app.py`).

Only data shaping for display lives here: grouping the report's requirements into chapters,
indexing findings by provision, highlighting evidence in a provision's text, writing the rule
graph as DOT. Nothing here decides a status or a finding: every verdict comes from the report
that `lawcheck.report.check_document` built, so the page and the CLI can never disagree.
The modules import no Streamlit, so they are tested and reused without a browser.
"""
