"""``python -m mttq_core`` runs the command line."""

from mttq_core.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
