"""Building frozen attrs instances of plain value classes without their ``__init__``.

attrs' generated ``__init__`` of a frozen, slotted, keyword-only class parses keyword
arguments and sets each slot through a bound ``object.__setattr__``; for the value objects
the scoring makes by the hundred thousand (points, assessments, explanations) that is most
of their cost. :func:`builder` generates, once per class, a function taking the fields
positionally, in field order, that sets the slots directly. It is only for classes with no
converter, validator, ``__attrs_post_init__`` or ``cache_hash`` — it checks that, so the
object it builds is the one ``__init__`` would build.

>>> import attrs
>>> @attrs.frozen(kw_only=True)
... class P:
...     x: int
...     y: str = "a"
>>> make = builder(P)
>>> make(1, "b") == P(x=1, y="b")
True
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

import attrs

__all__ = ["builder"]

T = TypeVar("T")


def builder(cls: type[T]) -> Callable[..., T]:
    """A positional constructor of ``cls`` (all fields, in order) that skips ``__init__``."""
    fields = attrs.fields(cast("type[attrs.AttrsInstance]", cls))
    if hasattr(cls, "__attrs_post_init__") or "_attrs_cached_hash" in getattr(cls, "__slots__", ()):
        msg = f"{cls.__name__} runs code when built; use its constructor"
        raise TypeError(msg)
    for a in fields:
        if a.converter is not None or a.validator is not None or not a.init:
            msg = f"{cls.__name__}.{a.name} is converted or checked; use the constructor"
            raise TypeError(msg)
    names = [a.name for a in fields]
    scope: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    for name in names:
        scope[f"_set_{name}"] = cls.__dict__[name].__set__
    body = "".join(f"    _set_{name}(o, {name})\n" for name in names)
    source = f"def make({', '.join(names)}):\n    o = _new(_cls)\n{body}    return o\n"
    exec(compile(source, f"<mttq_core builder of {cls.__qualname__}>", "exec"), scope)  # noqa: S102 - generated from field names, as attrs does
    make: Callable[..., T] = scope["make"]
    make.__doc__ = f"Build a {cls.__name__} from its fields in order: {', '.join(names)}."
    return make
