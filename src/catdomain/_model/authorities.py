"""Authorities: the State bodies (and others) that act and issue instruments."""

from __future__ import annotations

import attrs

from catdomain._model import _validators as v
from catdomain.vocab import AuthorityKind

__all__ = ["Authority"]


@attrs.frozen(kw_only=True)
class Authority:
    """A body that acts, issues instruments or is responsible for a measure.

    Attributes:
        id: Stable id ("kz-procurator-general").
        name: The name as the dossier uses it ("Procurator General").
        kind: What kind of body it is.
        state: The State it belongs to (ISO 3166-1 alpha-3), None for
            international bodies.
        parent: Id of the body it belongs to (the Majilis in Parliament).
        aliases: Other names used for it in the text.

    Example:
        >>> import catdomain as cd
        >>> cd.Authority(id="kz-majilis", name="Majilis", kind=cd.AuthorityKind.PARLIAMENT,
        ...              state="KAZ").name
        'Majilis'
    """

    id: str = attrs.field(validator=v.identifier())
    name: str = attrs.field(validator=v.text())
    kind: AuthorityKind | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(AuthorityKind))
    )
    state: str | None = attrs.field(default=None, validator=v.optional(v.alpha3()))
    parent: str | None = attrs.field(default=None, validator=v.optional(v.identifier()))
    aliases: tuple[str, ...] = attrs.field(default=(), validator=v.tuple_of(v.text()))
