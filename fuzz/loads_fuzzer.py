"""Coverage-guided fuzzing of ``mttq_core.loads`` with atheris (libFuzzer for Python).

Bytes in; the property of ``tests/fuzz`` out: every input either loads — and then
round-trips exactly and keeps its content — or raises :class:`mttq_core.DatasetError`
whose problems all carry a JSON path that resolves into the document. Any other exception
is a crash: libFuzzer stops, prints it and saves the input as ``crash-<sha1>``.

Run it from the repository root (the ``fuzz`` dependency group brings atheris)::

    .venv/bin/python fuzz/loads_fuzzer.py -atheris_runs=100000
    .venv/bin/python fuzz/loads_fuzzer.py -max_total_time=600
    .venv/bin/python fuzz/loads_fuzzer.py -max_total_time=60 some/corpus/dir

Options are libFuzzer's (``-help=1`` lists them). Without a corpus directory the harness
uses ``fuzz/corpus/loads`` (ignored by git); a corpus directory that is missing or empty is
created and seeded with a few small valid datasets, so that mutations start from documents
that get far into the reader. ``-timeout`` defaults to 10 seconds per input here, and the
inputs that fail are saved in ``fuzz/`` (``crash-…``, ``timeout-…``, ``oom-…``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import atheris  # type: ignore[import-untyped]  # no type information ships with it

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "fuzz"))  # the property: tests/fuzz/hostile.py

with atheris.instrument_imports(include=["mttq_core"]):
    import mttq_core
    import mttq_core.model
    import mttq_core.serde
    from mttq_core.serde import _converter, _fast, _io, _json, _limits  # noqa: F401

from hostile import check_outcome  # noqa: E402 — after the path is set

DEFAULT_CORPUS = HERE / "corpus" / "loads"


def small_example() -> dict[str, Any]:
    """The built-in example cut down to a few kilobytes, still a valid dataset.

    Two communes, three indicators (with their targets), their observations, one working
    session and one fund: small inputs are mutated many times a second.
    """
    doc: dict[str, Any] = json.loads(mttq_core.dumps(mttq_core.example()))
    session = next(s for s in doc["working_sessions"] if s["commune"] == "00583")
    fund = next(f for f in doc["funds"] if f["owner"] == "00583")
    codes = {doc["communes"][0]["code"], "00583"}
    indicators = [i["id"] for i in doc["indicators"][:3]]
    doc["communes"] = [c for c in doc["communes"] if c["code"] in codes]
    doc["indicators"] = [i for i in doc["indicators"] if i["id"] in indicators]
    doc["targets"] = [
        t
        for t in doc["targets"]
        if t["indicator"] in indicators and t["scope"] in ({"all", "committee"} | codes)
    ]
    doc["observations"] = [
        o
        for o in doc["observations"]
        if o["indicator"] in indicators and o["commune"] in codes | {"committee"}
    ][:12]
    session = {
        **session,
        "conclusions": [
            {**c, "indicators": [i for i in c.get("indicators", []) if i in indicators]}
            for c in session.get("conclusions", [])
        ][:2],
        "observations": [
            o for o in session.get("observations", []) if o["indicator"] in indicators
        ][:2],
    }
    doc["working_sessions"] = [session]
    fund = {**fund, "entries": fund["entries"][:6]}
    fund.pop("feeds", None)
    doc["funds"] = [fund]
    return doc


def seeds() -> dict[str, bytes]:
    """A few small valid documents (and near misses) to start from."""
    doc = small_example()
    valid = mttq_core.loads(json.dumps(doc))  # raises if the cut went wrong
    text = mttq_core.dumps(valid)
    bare = {k: doc[k] for k in ("format", "title", "committee", "terms", "communes", "indicators")}
    return {
        "small-example.json": text.encode("utf-8"),
        "small-example-ascii.json": json.dumps(doc, ensure_ascii=True).encode("ascii"),
        "bare.json": json.dumps(bare, ensure_ascii=False).encode("utf-8"),
        "repeated-key.json": text.replace('"title":', '"title": "x", "title":', 1).encode(),
        "bom.json": b"\xef\xbb\xbf" + json.dumps(bare).encode(),
    }


def prepare(corpus: Path) -> None:
    """Create ``corpus`` and seed it when it is missing or empty."""
    corpus.mkdir(parents=True, exist_ok=True)
    if not any(corpus.iterdir()):
        for name, data in seeds().items():
            (corpus / name).write_bytes(data)


def test_one_input(data: bytes) -> None:
    """LibFuzzer's entry point: one input, the whole property."""
    check_outcome(data)


def main(argv: list[str]) -> None:
    """Seed the corpus, then hand over to libFuzzer."""
    args = list(argv)
    corpora = [a for a in args[1:] if not a.startswith("-")]
    if not corpora:
        args.append(str(DEFAULT_CORPUS))
        corpora = [str(DEFAULT_CORPUS)]
    prepare(Path(corpora[0]))
    if not any(a.startswith("-timeout=") for a in args):
        args.append("-timeout=10")
    if not any(a.startswith("-artifact_prefix=") for a in args):
        args.append(f"-artifact_prefix={HERE}/")  # crash-*, timeout-*, oom-*: ignored by git
    atheris.Setup(args, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
