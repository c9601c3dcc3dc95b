"""``python -m mttq_core`` runs the command line."""

from mttq_core.cli import main

raise SystemExit(main())
