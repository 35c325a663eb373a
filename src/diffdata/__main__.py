"""``python -m diffdata``: the command-line interface."""

from diffdata.cli import main

raise SystemExit(main())
