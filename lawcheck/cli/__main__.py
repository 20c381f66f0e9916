"""`python -m lawcheck.cli`: the same as the `lawcheck` console script."""

import sys

from lawcheck.cli import main

sys.exit(main())
