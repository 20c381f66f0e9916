"""Exit codes of `lawcheck`, as the contract fixes them."""

EXIT_OK = 0
"""The command ran; findings are not errors."""
EXIT_INTERNAL = 1
"""A bug: one line on stderr, the traceback only with --debug."""
EXIT_INPUT = 2
"""Bad input or usage: one line on stderr that says what is wrong and where."""
EXIT_FINDINGS = 3
"""--fail-on matched a finding (or `validate` found a problem): for scripts."""
EXIT_INTERRUPTED = 130
"""Ctrl-C, as shells report SIGINT."""
