"""Deterministic inputs for the benchmarks, all grown from the bundled dataset.

- `dossier_json`: the bundled dossier's contents replicated *k* times, every
  id renamed per copy (``"m-1-bill"`` becomes ``"m-1-bill.c7"``) and every
  reference renamed with it, so the result is a valid Dossier *k* times the
  size; one JSON text that catdomain and its peers all read.
- `observations_json`: a Dossier holding exactly *n* observations: the
  bundled dossier, then copies of its series and their breakdowns, changes
  and equivalences.
- `reply_text`: the bundled reply repeated *k* times, paragraphs renumbered
  so that the numbering runs on and the structure stays valid.
- `adversarial_texts`: replies of a given size built to hit the readers'
  worst cases.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

from catdomain import datasets
from catdomain.serialization import to_dict

REFERENCES = frozenset(
    {
        "id",
        "document",
        "responds_to",
        "recommendations",
        "recommendation",
        "parent",
        "issuer",
        "amends",
        "part_of",
        "instrument",
        "instruments",
        "authorities",
        "answers",
        "series",
        "indicator",
        "whole",
        "parts",
        "observation",
        "base",
        "observations",
    }
)
"""The keys whose string values (or string items) may be ids of the dossier."""

COLLECTIONS = (
    "documents",
    "recommendations",
    "authorities",
    "instruments",
    "citations",
    "measures",
    "indicators",
    "series",
    "breakdowns",
    "changes",
    "equivalences",
    "assessments",
)
STATISTICS = ("series", "breakdowns", "changes", "equivalences")


def bundled() -> dict[str, Any]:
    """The bundled dossier as JSON data (a fresh copy)."""
    data: dict[str, Any] = to_dict(datasets.load())
    return data


def _ids(value: Any, found: set[str]) -> set[str]:
    if isinstance(value, dict):
        if isinstance(value.get("id"), str):
            found.add(value["id"])
        for item in value.values():
            _ids(item, found)
    elif isinstance(value, list):
        for item in value:
            _ids(item, found)
    return found


def _renamer(ids: set[str], suffix: str) -> Callable[[Any], Any]:
    def ref(value: Any) -> Any:
        if isinstance(value, str):
            return value + suffix if value in ids else value
        if isinstance(value, list):
            return [ref(item) if isinstance(item, str) else rename(item) for item in value]
        return rename(value)

    def rename(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: ref(v) if k in REFERENCES else rename(v) for k, v in value.items()}
        if isinstance(value, list):
            return [rename(item) for item in value]
        return value

    return rename


def _copies(data: dict[str, Any], names: tuple[str, ...], keep: set[str]) -> Iterator[Any]:
    """Copy 0 as it is, then copies 1, 2, … of the collections `names` with ids renamed.

    Ids in `keep` are not renamed (the documents the copies' spans point into).
    """
    body = {name: data.get(name, []) for name in names}
    ids = _ids(body, set()) - keep
    yield body
    k = 1
    while True:
        yield _renamer(ids, f".c{k}")(body)
        k += 1


def dossier_data(copies: int) -> dict[str, Any]:
    """The bundled dossier's contents `copies` times over, ids renamed per copy."""
    data = bundled()
    out = {key: value for key, value in data.items() if key not in COLLECTIONS}
    for name in COLLECTIONS:
        out[name] = []
    replicas = _copies(data, COLLECTIONS, keep=set())
    for _ in range(copies):
        body = next(replicas)
        for name in COLLECTIONS:
            out[name].extend(body[name])
    return {key: value for key, value in out.items() if value != []}


def encode(data: dict[str, Any]) -> bytes:
    """Compact JSON bytes, as ``to_json(..., indent=None)`` writes them."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def dossier_json(copies: int) -> bytes:
    return encode(dossier_data(copies))


def _observation_count(series: list[dict[str, Any]]) -> int:
    return sum(len(s.get("observations", ())) for s in series)


def observations_data(n: int) -> dict[str, Any]:
    """The bundled dossier with its statistics replicated to exactly `n` observations."""
    data = bundled()
    documents = {d["id"] for d in data["documents"]}
    for name in STATISTICS:
        data[name] = []
    total = 0
    for body in _copies(bundled(), STATISTICS, keep=documents):
        size = _observation_count(body["series"])
        if total + size <= n:
            for name in STATISTICS:
                data[name].extend(body[name])
            total += size
            if total == n:
                break
            continue
        # The last, partial copy: whole series while they fit, then single observations;
        # relations only where all the observations they name are there.
        kept: set[str] = set()
        for s in body["series"]:
            room = n - total
            if room == 0:
                break
            observations = s.get("observations", [])[:room]
            if not observations:
                continue
            data["series"].append({**s, "observations": observations})
            kept.update(o["id"] for o in observations)
            total += len(observations)
        for name in ("breakdowns", "changes", "equivalences"):
            for relation in body[name]:
                named = {relation.get("whole"), relation.get("observation"), relation.get("base")}
                named.update(relation.get("parts", []))
                named.update(relation.get("observations", []))
                if named - {None} <= kept:
                    data[name].append(relation)
        break
    assert _observation_count(data["series"]) == n, n
    return {key: value for key, value in data.items() if value != []}


def observations_json(n: int) -> bytes:
    return encode(observations_data(n))


# ----------------------------------------------------------------------- texts

_NUMBERED = re.compile(r"(?m)^(\d+)\.\t")


def reply_text(copies: int) -> str:
    """The bundled reply `copies` times over, its paragraphs numbered on."""
    seed = datasets.text()
    count = len(_NUMBERED.findall(seed))
    parts = []
    for k in range(copies):
        shift = k * count
        parts.append(_NUMBERED.sub(lambda m, shift=shift: f"{int(m[1]) + shift}.\t", seed))
    return "".join(parts)


_HEADING = "\t\tFollow-up information relating to paragraph {n} of the concluding observations\n"


def _paragraphs(size: int, body: Callable[[int], str], heading_every: int = 10) -> str:
    """A reply of about `size` characters: headed sections of numbered paragraphs."""
    parts: list[str] = []
    length = 0
    number = 1
    while length < size:
        if (number - 1) % heading_every == 0:
            parts.append(_HEADING.format(n=10 + (number - 1) // heading_every))
            length += len(parts[-1])
        parts.append(f"{number}.\t{body(number)}\n")
        length += len(parts[-1])
        number += 1
    return "".join(parts)[:size]


def adversarial_texts(size: int) -> dict[str, str]:
    """Replies of about `size` characters built to hit the readers' worst cases."""
    seed = reply_text(max(1, size // len(datasets.text()) + 1))

    def digits(n: int) -> str:
        run = "".join(str((n * 7 + i) % 10) for i in range(2000))
        return f"In 2023, {run} persons were detained and {run[:900]},{run[:3]} released."

    def articles(n: int) -> str:
        numbers = ", ".join(str(i) for i in range(1, 600))
        return f"Under articles {numbers} and 600 of the Criminal Code, {n} cases were opened."

    def brackets(n: int) -> str:
        depth = 400
        return f"In 2023 ({'(' * depth}{n} persons (see article 5){')' * depth}) were trained."

    def numbers_sign(n: int) -> str:
        return "Order " + "No. " * 500 + f"{n} of 24 December 2014 of the Ministry of Justice."

    def headings(n: int) -> str:
        return f"In {2000 + n % 24}, {n} officials were trained."

    return {
        "long digit runs": _paragraphs(size, digits),
        "'article 1, 2, 3, …' lists": _paragraphs(size, articles),
        "nested brackets": _paragraphs(size, brackets),
        "'No.' repeated": _paragraphs(size, numbers_sign),
        "one line, no newlines": seed.replace("\n", " ")[:size],
        "many headings": _paragraphs(size, headings, heading_every=1),
    }
