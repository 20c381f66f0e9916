"""Every name the page keeps in Streamlit's session state, defined once.

Widgets bound to state (the uploads, the options, the filters, the open view) and the page's
own bookkeeping (the last good request, the decision being written, the scroll requests) use
these names only, so a misspelt key is an import error rather than a silent new entry."""

from typing import Final

# Bound to widgets
VIEW: Final = "view"  # key of the open view (lawcheck.ui.links.VIEWS or PRINT), also in the URL (?view=)
TABS: Final = "_tabs"  # the tabs widget: holds the open tab's label, in the page's language
CLAUSE: Final = "clause"  # eId shown in the Clauses view
ARTICLE: Final = "article"  # requirement id shown in the Articles view
UPLOAD: Final = "upload"
COMPARE_UPLOAD: Final = "compare_upload"
SAMPLE: Final = "sample"
LANG: Final = "lang"  # language of the draft
UI_LANG: Final = "ui_lang"  # language of the page
WORKSPACE: Final = "workspace"
REVIEWER_NAME: Final = "reviewer_name"
FILTER_CATEGORIES: Final = "f_cat"
FILTER_SEVERITIES: Final = "f_sev"
FILTER_REQUIREMENTS: Final = "f_req"
HIDE_DISMISSED: Final = "f_hide_dismissed"
GRAPH_MODE: Final = "graph_mode"
GRAPH_FOCUS: Final = "graph_focus"

# The page's own state
LAST_GOOD: Final = "_last_good"  # the last Request that checked, shown when a new one fails
LAST_COMPARE: Final = "_last_compare"  # the last second version that compared
DIGESTS: Final = "_digests"  # upload file id -> Source, so an upload is hashed once
REVIEW: Final = "_review"  # ReviewTarget of the shown draft, None without a workspace
REVIEWED: Final = "_reviewed"  # (key, view with decisions): rebuilt when a decision is written
DECIDING: Final = "_deciding"  # (place, index, decision, code) of the open decision form
DECIDE_ERROR: Final = "_decide_error"
DECISIONS_SAVED: Final = "_decisions_saved"  # count of decisions written by this session
SAVED: Final = "_saved"  # message of the decision just saved, for one toast
SCROLL: Final = "_scroll"  # count of navigations that asked to scroll to the top
SCROLLED: Final = "_scrolled"  # the last count that was scrolled
PAGE_LANG: Final = "_page_lang"  # the language the page was last drawn in

# What the address names (lawcheck.ui.links)
LINK_READ: Final = "_link_read"  # the address was read into the session (once, on its first run)
DRAFT: Final = "_draft"  # digest of the draft named by the address or last uploaded, when not a bundled one
COMPARE_DRAFT: Final = "_compare_draft"  # digest of the second version named by the address or uploaded
FINDING: Final = "_finding"  # finding_ref of the finding the address points at
LINK_ERROR: Final = "_link_error"  # why part of the address could not be opened
LINK_BASE: Final = "_link_base"  # the Link of the page as drawn, for the links of its findings and graph
STORED: Final = "_stored"  # (workspace, digest) pairs already kept in the drafts store this session
SCOPE_NA: Final = "scope_na"  # requirements not applicable to the Party
SCOPE_GROUPS: Final = "scope_groups"  # groups of requirements assessed (lawcheck.settings.SCOPES)
SCOPE_OPTIONS: Final = "scope_options"  # reservations and declarations made, as "BC-6:option_id"
SCOPE_PARTIAL: Final = "scope_partial"  # check only what the draft touches (an amending act, an excerpt)
