"""Run the ``catdomain`` command as ``python -m catdomain``."""

import sys

from catdomain.cli import main

sys.exit(main())
