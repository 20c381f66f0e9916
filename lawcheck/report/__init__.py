"""The report of one check: its JSON structure (`build`), its renderings (`render`)."""
