"""Write the JSON Schema of the dataset format to ``docs/dataset.schema.json``.

The schema is generated from the model by :func:`mttq_core.serde.json_schema`; this tool
only writes it, with sorted keys and a fixed layout, so a rerun gives the same bytes.

Usage (from the repository root)::

    python tools/build_schema.py            # write docs/dataset.schema.json
    python tools/build_schema.py --check    # exit 1 if the file on disk is out of date
    python tools/build_schema.py --output /tmp/dataset.schema.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Final

from mttq_core.serde import json_schema

ROOT: Final = Path(__file__).resolve().parents[1]
DEFAULT_OUTPUT: Final = ROOT / "docs" / "dataset.schema.json"


def render() -> str:
    """The schema as stable text: sorted keys, two-space indent, UTF-8, final newline."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write (or check) the schema file; return the process exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="file to write")
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if the file differs instead of writing"
    )
    args = parser.parse_args(argv)
    text = render()
    output: Path = args.output
    if args.check:
        current = output.read_text(encoding="utf-8") if output.is_file() else None
        if current != text:
            print(f"{output} is out of date; run: python tools/build_schema.py", file=sys.stderr)
            return 1
        print(f"{output} is up to date")
        return 0
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
