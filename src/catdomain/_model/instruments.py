"""Legal and policy instruments, their issuances, and citations of provisions."""

from __future__ import annotations

import attrs

from catdomain._dates import PartialDate, Period
from catdomain._model import _validators as v
from catdomain._model.provenance import SourceSpan
from catdomain.identifiers import ProvisionPath
from catdomain.vocab import InstrumentKind, InstrumentStatus

__all__ = ["Citation", "Issuance", "LegalInstrument"]


@attrs.frozen(kw_only=True)
class Issuance:
    """One act by which an instrument was adopted: issuer, number and date.

    A joint order is one instrument with several issuances, each authority's
    order with its own number and date.

    Attributes:
        issuer: Id of the issuing authority, if known.
        number: The number as written ("194/2020", "226-V"); a string, never
            an int.
        date: The date, with its precision ("of August 2021" is month).
        source: Where it was read.

    Example:
        >>> import catdomain as cd
        >>> i = cd.Issuance(issuer="kz-procurator-general", number="162",
        ...                 date=cd.PartialDate(2014, 12, 24))
        >>> i.number
        '162'
    """

    issuer: str | None = attrs.field(default=None, validator=v.optional(v.identifier()))
    number: str | None = attrs.field(default=None, validator=v.optional(v.text()))
    date: PartialDate | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(PartialDate))
    )
    source: SourceSpan | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(SourceSpan))
    )


@attrs.frozen(kw_only=True)
class LegalInstrument:
    """A law, code, order, plan or standard that measures rest on.

    Attributes:
        id: Stable id ("kz-criminal-code").
        kind: What kind of instrument it is.
        title: Its title or name as written.
        issuances: The acts adopting it (one for most; several for joint
            orders).
        status: Its legal status, if stated.
        period: The period it covers (plans: 2024–2028).
        amends: Ids of instruments it amends.
        part_of: Id of an instrument it belongs to or was approved by.
        jurisdiction: The State (ISO 3166-1 alpha-3); None for international
            instruments.
        aliases: Short names the text uses for it ("the Code").

    Example:
        >>> import catdomain as cd
        >>> code = cd.LegalInstrument(id="kz-criminal-code", kind=cd.InstrumentKind.CODE,
        ...                           title="Criminal Code", jurisdiction="KAZ")
        >>> code.number is None and code.date is None
        True
    """

    id: str = attrs.field(validator=v.identifier())
    kind: InstrumentKind = attrs.field(validator=v.instance_of(InstrumentKind))
    title: str | None = attrs.field(default=None, validator=v.optional(v.text()))
    issuances: tuple[Issuance, ...] = attrs.field(default=(), validator=v.tuple_of(Issuance))
    status: InstrumentStatus | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(InstrumentStatus))
    )
    period: Period | None = attrs.field(default=None, validator=v.optional(v.instance_of(Period)))
    amends: tuple[str, ...] = attrs.field(default=(), validator=v.tuple_of(v.identifier()))
    part_of: str | None = attrs.field(default=None, validator=v.optional(v.identifier()))
    jurisdiction: str | None = attrs.field(default=None, validator=v.optional(v.alpha3()))
    aliases: tuple[str, ...] = attrs.field(default=(), validator=v.tuple_of(v.text()))

    @property
    def number(self) -> str | None:
        """The number of the first issuance, if any."""
        return next((i.number for i in self.issuances if i.number), None)

    @property
    def date(self) -> PartialDate | None:
        """The date of the first dated issuance, if any."""
        return next((i.date for i in self.issuances if i.date), None)

    @property
    def is_joint(self) -> bool:
        """True when adopted through several issuers' acts."""
        return len({i.issuer for i in self.issuances}) > 1

    def _repr_html_(self) -> str:
        """Rich display in Jupyter (no external assets)."""
        from catdomain._html import instrument_html

        return instrument_html(self)


@attrs.frozen(kw_only=True)
class Citation:
    """One mention of an instrument in a text, with the provisions cited.

    Attributes:
        id: Stable id.
        instrument: Id of the instrument cited.
        provisions: The provisions cited ("articles 50, 63, 72 and 73" gives
            four paths); empty when the instrument is cited as a whole.
        source: Where the mention is.

    Example:
        >>> import catdomain as cd
        >>> c = cd.Citation(id="c-22-1", instrument="kz-criminal-code",
        ...                 provisions=cd.parse_provisions("article 362 (4)"))
        >>> str(c.provisions[0])
        'article 362 (4)'
    """

    id: str = attrs.field(validator=v.identifier())
    instrument: str = attrs.field(validator=v.identifier())
    provisions: tuple[ProvisionPath, ...] = attrs.field(
        default=(), validator=v.tuple_of(ProvisionPath)
    )
    source: SourceSpan | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(SourceSpan))
    )
