"""The dataset: every entity of one committee, checked as a whole (SPEC §2.2)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Final

import attrs
import pendulum

from ._commune import Commune
from ._errors import DatasetError, Problems
from ._fund import Fund
from ._indicator import Indicator
from ._observation import Observation
from ._rules import Index, Parts, Superseded, UnitKey, analyse
from ._session import WorkingSession
from ._target import Target
from ._term import Committee, Term, Topic
from ._values import check_instance, check_items, check_text, to_optional_text, to_text

__all__ = ["COLLECTIONS", "FORMAT", "Dataset"]

#: The format id of the dataset JSON this version reads and writes.
FORMAT: Final = "mttq-core/1"

#: The dataset's lists, by JSON key, with the entity each holds.
COLLECTIONS: dict[str, type] = {
    "terms": Term,
    "communes": Commune,
    "indicators": Indicator,
    "targets": Target,
    "observations": Observation,
    "working_sessions": WorkingSession,
    "funds": Fund,
    "topics": Topic,
}


def _tuple(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


@attrs.frozen(kw_only=True)
class Dataset:
    """One committee's terms, communes, indicators, targets, observations, sessions and funds.

    Constructing a dataset checks every rule of SPEC §2.2 and raises :class:`DatasetError`
    with all problems at once. The built-in example:

    >>> import mttq_core
    >>> ds = mttq_core.example()
    >>> ds.commune("00583", pendulum.Date(2022, 4, 18)).name
    'Bát Tràng'
    """

    format: str = FORMAT
    title: str = attrs.field(converter=to_text)
    committee: Committee
    terms: tuple[Term, ...] = attrs.field(converter=_tuple)
    communes: tuple[Commune, ...] = attrs.field(converter=_tuple)
    indicators: tuple[Indicator, ...] = attrs.field(converter=_tuple)
    targets: tuple[Target, ...] = attrs.field(default=(), converter=_tuple)
    observations: tuple[Observation, ...] = attrs.field(default=(), converter=_tuple)
    working_sessions: tuple[WorkingSession, ...] = attrs.field(default=(), converter=_tuple)
    funds: tuple[Fund, ...] = attrs.field(default=(), converter=_tuple)
    topics: tuple[Topic, ...] = attrs.field(default=(), converter=_tuple)
    notes: str | None = attrs.field(default=None, converter=to_optional_text)
    _index: Index = attrs.field(init=False, eq=False, repr=False, default=None)

    def __attrs_post_init__(self) -> None:
        p = Problems()
        check_text(p, "$.title", self.title)
        check_text(p, "$.notes", self.notes, required=False)
        if self.format != FORMAT:
            p.add("$.format", f"{self.format!r} is not supported; expected {FORMAT!r}")
        check_instance(p, "$.committee", self.committee, Committee, "a committee {name, unit_code}")
        for name, kind in COLLECTIONS.items():
            check_items(p, f"$.{name}", getattr(self, name), kind, f"a {kind.__name__}")
        p.raise_if_any()
        index, problems = analyse(
            Parts(**{name: list(enumerate(getattr(self, name))) for name in COLLECTIONS})
        )
        if problems:
            raise DatasetError(problems)
        object.__setattr__(self, "_index", index)

    # -- lookups --------------------------------------------------------------------------

    def term(self, term_id: str) -> Term:
        """The term with ``term_id``; ``KeyError`` if there is none."""
        return self._index.terms[term_id]

    def indicator(self, indicator_id: str) -> Indicator:
        """The indicator with ``indicator_id``; ``KeyError`` if there is none."""
        return self._index.indicators[indicator_id]

    def commune(self, code: str, on: pendulum.Date) -> Commune:
        """The commune holding ``code`` on the date ``on``; ``KeyError`` if none does."""
        found = self._index.resolve(code, on)
        if found is None:
            raise KeyError(f"no commune with code {code!r} on {on.isoformat()}")
        return found

    def communes_during(self, term: Term) -> tuple[Commune, ...]:
        """The communes whose validity overlaps ``term`` (those an ``all`` target applies to)."""
        return tuple(c for c in self.communes if c.overlaps(term.start, term.end))

    def target_for(self, term: str, indicator: str, commune: Commune) -> Target | None:
        """The target of ``indicator`` that applies to ``commune`` in ``term``.

        A commune's own target overrides the ``all`` target of the same term and indicator.
        """
        return self._index.target_for(term, indicator, commune)

    def committee_target(self, term: str, indicator: str) -> Target | None:
        """The committee-scope target of ``indicator`` in ``term``, if any."""
        return self._index.targets.get((term, indicator), {}).get("committee")

    def series(self, unit: UnitKey, indicator: str) -> tuple[Observation, ...]:
        """Effective observations of a commune (or ``"committee"``) for an indicator.

        The highest revision per period, in period order, fund-fed ones included.
        """
        return tuple(self._index.effective.get((unit, indicator), ()))

    @property
    def superseded(self) -> tuple[Superseded, ...]:
        """Observations replaced by a higher revision: kept, and reported here."""
        return tuple(self._index.superseded)

    @property
    def topic_labels(self) -> dict[str, str]:
        """Every topic a session may use: the built-in ones and the dataset's own."""
        return dict(self._index.topics)

    def all_observations(self) -> Iterator[tuple[str, Observation]]:
        """Every observation with its JSON path: top-level, recorded at sessions, fund-fed."""
        for rec in self._index.records:
            yield rec.path, rec.observation

    def summary(self) -> str:
        """A one-line count of what the dataset holds."""
        counts = [
            (len(self.terms), "term"),
            (len(self.communes), "commune"),
            (len(self.indicators), "indicator"),
            (len(self.targets), "target"),
            (len(self.observations), "observation"),
            (len(self.working_sessions), "working session"),
            (len(self.funds), "fund"),
        ]
        text = ", ".join(_count(n, noun) for n, noun in counts)
        if self.superseded:
            text += (
                f" ({_count(len(self.superseded), 'observation')} superseded by a later revision)"
            )
        return text


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")
