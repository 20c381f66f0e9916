"""The report of one check and of a comparison, at the edge: JSON structure (`build`), text,
Markdown and HTML (`render`), the diff of two versions (`diff`) and the Word commentary (`docx`).
Nothing here runs the pipeline: every function takes what a check or a comparison produced."""
