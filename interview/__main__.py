"""Allows ``python -m interview``."""

import sys

from interview.cli import main

sys.exit(main())
