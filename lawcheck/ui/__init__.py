"""View helpers for the Streamlit app (`app.py`).

Only data shaping for display lives here: grouping the report's requirements into chapters,
indexing findings by provision, highlighting evidence in a provision's text, writing the rule
graph as DOT, the diff of two versions as HTML (`versions`), choosing the file that keeps the
reviewer decisions on a draft (`decisions`), the Word commentary as bytes (`exports`). Nothing
here decides a status, a finding or a match: every verdict comes from the report that
`lawcheck.pipeline.check_document` built, every comparison from `lawcheck.compare` and every
decision's fate from `lawcheck.decisions`, so the page and the CLI can never disagree.
The modules import no Streamlit, so they are tested and reused without a browser.
"""
