"""Sphinx configuration of the mttq_core documentation site.

Build it with ``python -m sphinx -W --keep-going -b html docs docs/_build/html``. Importing
this file has no side effects beyond reading the package's version, so pytest can collect
``docs/`` with ``--doctest-modules``.
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import pkgutil
import re
import types
from importlib.metadata import version as _version
from typing import Any

project = "mttq_core"
author = "mttq_core developers"
copyright = "mttq_core developers, MIT licence"  # noqa: A001 — the name Sphinx reads
release = _version("mttq-core")
version = release
language = "en"  # English text; Vietnamese terms are quoted as they are

extensions = [
    "myst_parser",  # the Markdown pages, unchanged (they are doctests too)
    "sphinx.ext.autodoc",  # the API reference, from the docstrings (reStructuredText)
]

root_doc = "index"
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = [
    "_build",
    "**/.ipynb_checkpoints",
    "Thumbs.db",
    ".DS_Store",
    "conf.py",
    "conftest.py",
]

# MyST: the pages use plain CommonMark plus tables; headings get anchors so that the pages'
# own links such as [worked examples](#worked-examples) resolve
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# autodoc: members in source order, type hints in the description rather than the signature
# (the attrs classes have long signatures), no network (no intersphinx)
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_format = "short"
autodoc_preserve_defaults = True

# nitpicky: every cross-reference must resolve. Without intersphinx (no network), names of
# other projects cannot; they are listed here, and everything of mttq_core must resolve.
nitpicky = True
nitpick_ignore_regex = [
    ("py:.*", r"(decimal|datetime|collections\.abc|os|pathlib|enum|typing)\..*"),
    ("py:.*", r"(pendulum|hypothesis|pandas|matplotlib|openpyxl|attrs|cattrs)(\..*)?"),
    # the docstring of mttq_core.testing.target_inputs names dataset_of, which the package
    # does not export (it lives in mttq_core.testing._inputs)
    ("py:func", "dataset_of"),
]

html_theme = "furo"
html_title = f"mttq_core {release}"
html_static_path: list[str] = []
html_extra_path = ["dataset.schema.json"]  # served at the site root, as it is
html_show_sourcelink = True


# -- the tutorial notebook as a page -------------------------------------------------------
# The site shows docs/tutorial.ipynb without running it: its Markdown cells as they are, its
# code cells as IPython code blocks, and a link to download the notebook. The notebook is
# executed in CI by tests/docs/test_tutorial.py (nbclient, a real kernel), not here, so the
# build needs neither a kernel nor the network.

_NOTEBOOK_NOTE = """
:::{{note}}
This page shows the code of the notebook {{download}}`tutorial.ipynb <{name}>`; its outputs
appear when you run it (`jupyter lab docs/tutorial.ipynb`, or any Jupyter front end, with the
extras `pandas`, `plot` and `excel` installed). The project's CI runs every cell in a real
kernel (`tests/docs/test_tutorial.py`).
:::
"""


def _notebook_markdown(text: str, name: str) -> str:
    """The MyST text of a notebook: Markdown cells as they are, code cells fenced."""
    notebook = json.loads(text)
    language = notebook.get("metadata", {}).get("language_info", {}).get("name", "python")
    lexer = "ipython3" if language == "python" else language
    parts: list[str] = []
    for cell in notebook["cells"]:
        source = "".join(cell["source"]).strip("\n")
        if cell["cell_type"] == "markdown":
            parts.append(source)
        elif cell["cell_type"] == "code" and source:
            parts.append(f"```{lexer}\n{source}\n```")
        if len(parts) == 1:  # after the title cell
            parts.append(_NOTEBOOK_NOTE.format(name=name).strip())
    return "\n\n".join(parts) + "\n"


# -- constants of the API pages -------------------------------------------------------------
# autodoc documents a module's classes and functions, but skips constants imported into a
# package's __init__ (it looks for their "#:" comments in the __init__ only). Each API page
# therefore gets its module's public constants appended, with the "#:" comment of the private
# module that defines them: complete by construction, whatever the modules export.

_AUTOMODULE = re.compile(r"^\.\. automodule:: (mttq_core\.[a-z_]+)$", re.MULTILINE)


def _constant_doc(module: types.ModuleType, name: str) -> list[str]:
    """The "#:" comment of ``name`` in the private module of ``module`` that defines it."""
    from sphinx.pycode import ModuleAnalyzer  # noqa: PLC0415 — only while Sphinx builds

    value = getattr(module, name)
    for info in pkgutil.iter_modules(module.__path__, module.__name__ + "."):
        sub = importlib.import_module(info.name)
        if name in vars(sub) and vars(sub)[name] is value:
            doc = ModuleAnalyzer.for_module(info.name).find_attr_docs().get(("", name))
            return [line for line in doc or [] if line]
    return []


def _constants_section(module_name: str) -> str:
    module = importlib.import_module(module_name)
    names = [
        name
        for name in getattr(module, "__all__", [])
        if not (
            inspect.isclass(getattr(module, name))
            or inspect.isroutine(getattr(module, name))
            or inspect.ismodule(getattr(module, name))
        )
    ]
    if not names:
        return ""
    lines = ["", "## Constants and type aliases", "", "```{eval-rst}"]
    for name in names:
        shown = repr(getattr(module, name))
        lines += [f".. py:data:: {name}", f"   :module: {module_name}"]
        if len(shown) <= 90 and "\n" not in shown:
            lines.append(f"   :value: {shown}")
        lines.append("")
        lines += [f"   {line}" for line in _constant_doc(module, name)] + [""]
    return "\n".join([*lines, "```", ""])


def _add_constants(app: Any, docname: str, source: list[str]) -> None:
    if docname.startswith("api/") and (match := _AUTOMODULE.search(source[0])):
        source[0] += _constants_section(match[1])


#: The modules that document the names ``mttq_core`` re-exports, one page each.
_MODULES = (
    "model",
    "scoring",
    "serde",
    "report",
    "followup",
    "ledger",
    "briefing",
    "registry",
    "testing",
    "frames",
    "plot",
    "spreadsheet",
)


def _public_name(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    """Resolve ``mttq_core.Name`` (the public face) or a bare ``Name`` to where it is documented.

    The package re-exports the names of its modules; each is documented once, on the page of
    its module, so ``:class:`~mttq_core.DatasetError``` would otherwise lead nowhere.
    """
    target: str = node.get("reftarget", "")
    if node.get("refdomain") != "py":
        return None
    rest = target.removeprefix("mttq_core.")
    if rest.split(".")[0] in _MODULES:  # already names its module: nothing to add
        return None
    domain = env.get_domain("py")
    for module in _MODULES:
        candidate = f"mttq_core.{module}.{rest}"
        if candidate in domain.objects:
            return domain.resolve_xref(
                env, node["refdoc"], app.builder, node["reftype"], candidate, node, contnode
            )
    return None


def setup(app: Any) -> dict[str, Any]:
    """Register the notebook reader and the two API-page hooks above."""
    from myst_parser.parsers.sphinx_ import MystParser  # noqa: PLC0415 — only while Sphinx builds

    class NotebookParser(MystParser):
        """MyST on the notebook's cells (see _notebook_markdown)."""

        supported = ("jupyter_notebook",)

        def parse(self, inputstring: str, document: Any) -> None:
            name = os.path.basename(str(document["source"]))
            super().parse(_notebook_markdown(inputstring, name), document)

    app.connect("missing-reference", _public_name)
    app.connect("source-read", _add_constants)
    app.add_source_suffix(".ipynb", "jupyter_notebook")
    app.add_source_parser(NotebookParser)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
