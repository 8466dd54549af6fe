"""`vnsum` with typer's shell completion switched off: the baseline that shows what completion costs a start."""

import sys

from vnsum import cli

cli.app._add_completion = False
sys.argv[0] = "vnsum"
cli.main()
