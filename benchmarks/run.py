"""catdomain's benchmarks, side by side in one run, as one table of ratios.

Run ``make bench`` (or ``python benchmarks/run.py``); ``--quick`` is a smoke
run with small inputs and few repeats, whose figures mean little.

Every timing is the median of several repeats after warm-ups; figures that
are compared are measured in the same run, interleaved (A, B, C, A, B, C, …)
so that a machine busier at one moment than another weighs on all of them.
What each figure means is in ``docs/performance.md``.
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import re
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _generate as gen

import catdomain as cd
from catdomain import datasets
from catdomain.exceptions import SerializationError
from catdomain.serialization import from_dict, from_json, to_json


class Settings:
    def __init__(self, quick: bool) -> None:
        self.quick = quick
        self.repeats = 3 if quick else 7
        self.big_repeats = 1 if quick else 3
        # The throughput, against an absolute target: more repeats, so that a moment
        # when the machine is busy (some seconds at a time on a shared one) weighs less.
        self.throughput_repeats = 3 if quick else 21
        # The adversarial inputs, each a third of a second: five rounds, so that one
        # slowed by the machine does not decide a ratio.
        self.adversarial_repeats = 1 if quick else 5
        self.warmups = 1 if quick else 2
        self.min_sample = 0.002 if quick else 0.05  # seconds of calls in one sample
        self.copies = 5 if quick else 100  # the large dossier, times the bundled one
        self.text_scales = (1, 2, 5) if quick else (1, 10, 100)
        self.adversarial_scale = 2 if quick else 10
        self.observations = (100, 1_000, 10_000) if quick else (100, 10_000, 100_000)
        self.import_runs = 3 if quick else 15


# --------------------------------------------------------------------- timing


def _loops(fn: Callable[[], object], min_sample: float) -> int:
    """How many calls make one sample last at least `min_sample` seconds."""
    start = time.perf_counter()
    fn()
    once = time.perf_counter() - start
    return max(1, int(min_sample / once) + 1) if once < min_sample else 1


def side_by_side(
    fns: dict[str, Callable[[], object]], s: Settings, *, repeats: int | None = None
) -> dict[str, float]:
    """Median seconds per call of each function, their samples interleaved."""
    samples = samples_side_by_side(fns, s, repeats=repeats)
    return {name: statistics.median(values) for name, values in samples.items()}


def samples_side_by_side(
    fns: dict[str, Callable[[], object]], s: Settings, *, repeats: int | None = None
) -> dict[str, list[float]]:
    """Seconds per call of each function in each repeat, the repeats interleaved."""
    repeats = repeats or s.repeats
    loops = {}
    for name, fn in fns.items():
        loops[name] = _loops(fn, s.min_sample)  # the first warm-up
        for _ in range(s.warmups - 1):
            fn()
    samples: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeats):
        for name, fn in fns.items():
            n = loops[name]
            gc.collect()
            start = time.perf_counter()
            for _ in range(n):
                fn()
            samples[name].append((time.perf_counter() - start) / n)
    return samples


def raises(fn: Callable[[], object]) -> Callable[[], object]:
    """`fn`, expected to raise: the call that times its error path."""

    def call() -> object:
        try:
            fn()
        except Exception as error:
            return error
        raise AssertionError("expected an error")

    return call


# --------------------------------------------------------------------- the table


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str, str]] = []

    def add(self, section: str, figure: str, value: str, target: str = "", ok: bool | None = None):
        result = "" if ok is None else ("PASS" if ok else "MISS")
        self.rows.append((section, figure, value, target or "—", result or "info"))

    def print(self) -> None:
        header = ("#", "Figure", "Measured", "Target", "Result")
        widths = [max(len(r[i]) for r in [header, *self.rows]) for i in range(5)]
        line = "+".join("-" * (w + 2) for w in widths)
        print(f"+{line}+")
        print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |")
        print(f"+{line}+")
        previous = None
        for row in self.rows:
            if previous is not None and row[0] != previous:
                print(f"+{line}+")
            previous = row[0]
            print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
        print(f"+{line}+")


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:,.2f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×"


# ------------------------------------------------------------------ 1. serialization


def serialization(t: Table, s: Settings) -> None:
    import _msgspec_model as msgspec_model
    import _pydantic_model as pydantic_model

    peers = {"pydantic v2": pydantic_model, "msgspec.Struct": msgspec_model}
    targets = {"pydantic v2": 1.0, "msgspec.Struct": 3.0}
    for label, copies in (("bundled", 1), (f"{s.copies}× bundled", s.copies)):
        data = gen.dossier_json(copies)
        document = json.loads(data)
        repeats = s.repeats if copies == 1 else s.big_repeats
        _check_peers(data, peers)
        size = f"{label} dossier, {len(data) / 1e6:.2f} MB"

        def ours_round_trip(data: bytes = data) -> object:
            return to_json(from_json(data), indent=None)

        trips = {"catdomain": ours_round_trip}
        for name, peer in peers.items():
            trips[name] = lambda data=data, peer=peer: peer.to_json(peer.from_json(data))
        times = side_by_side(trips, s, repeats=repeats)
        for name in peers:
            target = targets[name]
            t.add(
                "1",
                f"JSON round trip, {size}: catdomain / {name}",
                f"{ratio(times['catdomain'], times[name])} "
                f"({ms(times['catdomain'])} / {ms(times[name])})",
                f"≤ {target:.1f}×",
                times["catdomain"] / times[name] <= target,
            )
        if copies > 1:
            # catdomain pauses the cyclic garbage collector while it reads and writes a
            # document; the same pause given to the peers shows what else differs.
            paused = {"catdomain": ours_round_trip}
            for name, peer in peers.items():
                paused[name] = lambda data=data, peer=peer: _without_gc(
                    lambda: peer.to_json(peer.from_json(data))
                )
            times = side_by_side(paused, s, repeats=repeats)
            for name in peers:
                t.add(
                    "1",
                    f"JSON round trip, {label}, {name} with the collector paused too: "
                    f"catdomain / {name}",
                    f"{ratio(times['catdomain'], times[name])} "
                    f"({ms(times['catdomain'])} / {ms(times[name])})",
                )
        structures = {"catdomain": lambda d=document: from_dict(d, cd.Dossier)}
        for name, peer in peers.items():
            structures[name] = lambda d=document, peer=peer: peer.from_dict(d)
        times = side_by_side(structures, s, repeats=repeats)
        for name in peers:
            t.add(
                "1",
                f"Structure with validation (from_dict), {label}: catdomain / {name}",
                f"{ratio(times['catdomain'], times[name])} "
                f"({ms(times['catdomain'])} / {ms(times[name])})",
            )
    # The error path: one bad value deep inside the bundled dossier.
    bad = _bad_document()
    errors = {"catdomain": raises(lambda: from_json(bad))}
    for name, peer in peers.items():
        errors[name] = raises(lambda peer=peer: peer.from_json(bad))
    times = side_by_side(errors, s)
    for name in peers:
        t.add(
            "1",
            f"Error path (bad value at {_BAD_PATH}), bundled: catdomain / {name}",
            f"{ratio(times['catdomain'], times[name])} "
            f"({ms(times['catdomain'])} / {ms(times[name])})",
        )


def _without_gc(fn: Callable[[], object]) -> object:
    """Call `fn` with the cyclic garbage collector paused, as catdomain's readers do."""
    gc.disable()
    try:
        return fn()
    finally:
        gc.enable()


_BAD_PATH = "$.series[-1].observations[-1].value"


def _bad_document() -> bytes:
    data = gen.bundled()
    data["series"][-1]["observations"][-1]["value"] = "12,5"
    return gen.encode(data)


_REFUSED = (
    ("an unknown key", lambda d: d["measures"][0].update(colour="red")),
    ("a malformed decimal", lambda d: d["series"][0]["observations"][0].update(value="19,2")),
    ("a bad id", lambda d: d["measures"][0].update(id="m 1")),
    ("blank text", lambda d: d["measures"][0].update(description="  ")),
    ("a span of the wrong length", lambda d: d["citations"][0]["source"].update(end=10**6)),
    ("a dangling reference", lambda d: d["measures"][0].update(answers=["nowhere"])),
    ("a duplicate id", lambda d: d["citations"][1].update(id=d["citations"][0]["id"])),
    ("an unknown enum value", lambda d: d["measures"][0].update(category="magic")),
    ("a string for an int", lambda d: d["recommendations"][0].update(paragraph="10")),
    ("a missing time tag", lambda d: d["measures"][0].update(period={"start": "2024"})),
    ("a bad date", lambda d: d["documents"][1].update(received="2024-02-30")),
)
"""Changes to the bundled dossier that catdomain refuses, and so must its peers."""


def _check_peers(data: bytes, peers: dict[str, Any]) -> None:
    """Check that the peers write what catdomain writes and refuse what it refuses."""
    expected = json.loads(to_json(from_json(data), indent=None))
    for name, peer in peers.items():
        if json.loads(peer.to_json(peer.from_json(data))) != expected:
            raise SystemExit(f"{name} does not write the JSON catdomain writes")
    if len(data) > 1_000_000:
        return
    for what, change in _REFUSED:
        document = json.loads(data)
        change(document)
        bad = gen.encode(document)
        try:
            from_json(bad)
        except SerializationError:
            pass
        else:
            raise SystemExit(f"catdomain accepts {what}")
        for name, peer in peers.items():
            try:
                peer.from_json(bad)
            except ValueError:
                continue
            raise SystemExit(f"{name} accepts {what}, which catdomain refuses")


# --------------------------------------------------------------------- 2. extraction

_FLOOR = (
    re.compile(r"\d[\d,.\u00a0]*\d|\d"),
    re.compile(
        r"\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September"
        r"|October|November|December)\s+\d{4}\b|\b(?:19|20)\d{2}\b"
    ),
)
"""The floor: one pass of a number and a date pattern over the text."""


def floor_pass(text: str) -> int:
    return sum(1 for pattern in _FLOOR for _ in pattern.finditer(text))


def extraction(t: Table, s: Settings) -> None:
    texts = {k: gen.reply_text(k) for k in s.text_scales}
    seed = texts[1]
    # The throughput, beside its floor.
    samples = samples_side_by_side(
        {"extract": lambda: cd.extract(seed), "floor": lambda: floor_pass(seed)},
        s,
        repeats=s.throughput_repeats,
    )
    pair = {name: statistics.median(values) for name, values in samples.items()}
    mb = len(seed.encode("utf-8")) / 1e6
    fastest, slowest = min(samples["extract"]), max(samples["extract"])
    t.add(
        "2",
        f"extract() throughput on the seed reply ({mb * 1e3:.0f} KB)",
        f"{mb / pair['extract']:.2f} MB/s ({ms(pair['extract'])})",
        "≥ 1 MB/s",
        mb / pair["extract"] >= 1,
    )
    t.add(
        "2",
        f"extract() on the seed, {len(samples['extract'])} repeats: fastest – slowest",
        f"{mb / fastest:.2f} – {mb / slowest:.2f} MB/s ({ms(fastest)} – {ms(slowest)})"
        + (" (the machine was busy)" if slowest > 1.25 * fastest else ""),
    )
    t.add(
        "2",
        "extract() / one pass of number and date regexes, seed",
        f"{ratio(pair['extract'], pair['floor'])} ({ms(pair['extract'])} / {ms(pair['floor'])})",
    )
    # The growth: every size in the same repeats, so that the machine's load weighs alike.
    fns = {str(k): (lambda text=text: cd.extract(text)) for k, text in texts.items()}
    times = side_by_side(fns, s, repeats=s.big_repeats)
    for k in s.text_scales:
        t.add("2", f"extract() on the seed × {k}", ms(times[str(k)]))
    top = s.text_scales[-1]
    growth = times[str(top)] / times["1"]
    t.add(
        "2",
        f"extract() growth, seed × {top} / seed",
        f"{growth:.1f}× time for {top}× input",
        f"≤ {1.1 * top:.0f}×",
        growth <= 1.1 * top,
    )


def adversarial(t: Table, s: Settings) -> None:
    normal = gen.reply_text(s.adversarial_scale)
    cases = gen.adversarial_texts(len(normal))
    fns: dict[str, Callable[[], object]] = {"normal": lambda: cd.extract(normal)}
    for name, text in cases.items():
        fns[name] = lambda text=text: cd.extract(text)
    times = side_by_side(fns, s, repeats=s.adversarial_repeats)
    for name in cases:
        r = times[name] / times["normal"]
        t.add(
            "3",
            f"Adversarial, {name} / normal (seed × {s.adversarial_scale}, "
            f"{len(normal) / 1e3:.0f} KB)",
            f"{r:.2f}× ({ms(times[name])})",
            "≤ 2×",
            r <= 2,
        )


# ----------------------------------------------------------------------- 4. validate


def validation(t: Table, s: Settings, dossiers: dict[int, cd.Dossier]) -> None:
    texts = datasets.texts()
    times = {}
    for n, dossier in dossiers.items():
        repeats = s.repeats if n <= 10_000 else s.big_repeats
        times[n] = side_by_side(
            {"validate": lambda d=dossier: cd.validate(d, texts=texts)}, s, repeats=repeats
        )["validate"]
    small, middle, large = s.observations
    for n in s.observations:
        t.add("4", f"validate() on {n:,} observations (with the reply's text)", ms(times[n]))
    scale = large // small
    growth = times[large] / (scale * times[small])
    t.add(
        "4",
        f"validate() growth, {large:,} / ({scale:,} × {small:,} observations)",
        f"{growth:.2f}× (10^4: {times[middle] / (middle // small * times[small]):.2f}×)",
        "≤ 1.2×",
        growth <= 1.2,
    )


# ------------------------------------------------------------------------- 5. import


def _import_time(code: str, runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def imports(t: Table, s: Settings) -> None:
    codes = {
        "python": "pass",
        "core": "import attrs, cattrs, dateutil",
        "catdomain": "import catdomain",
        "model": "import catdomain; catdomain.Dossier",
    }
    for code in codes.values():  # warm the file system caches
        _import_time(code, 1)
    samples: dict[str, list[float]] = {name: [] for name in codes}
    for _ in range(s.import_runs):
        for name, code in codes.items():
            samples[name].append(_import_time(code, 1))
    median = {name: statistics.median(v) for name, v in samples.items()}
    base = median["python"]
    core = median["core"] - base
    ours = median["catdomain"] - base
    model = median["model"] - base
    t.add(
        "5",
        "import catdomain / import attrs, cattrs, dateutil (fresh interpreter)",
        f"{ours / core:.2f}× ({ms(ours)} / {ms(core)})",
        "≤ 1.5×",
        ours / core <= 1.5,
    )
    t.add(
        "5",
        "import catdomain and use the model (catdomain.Dossier) / the same",
        f"{model / core:.2f}× ({ms(model)})",
    )
    heavy = ("pandas", "matplotlib", "pyarrow", "hypothesis")
    probe = (
        "import sys, catdomain; catdomain.Dossier; catdomain.from_json; catdomain.validate; "
        f"print(','.join(m for m in {heavy!r} if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True
    ).stdout.strip()
    t.add(
        "5",
        "Heavy modules loaded by import catdomain (and its model, JSON, validate)",
        loaded or "none",
        "none",
        not loaded,
    )


# ------------------------------------------------------------------------- 6. memory


def memory(t: Table, s: Settings, data: bytes, n: int) -> cd.Dossier:
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    dossier = from_json(data)
    gc.collect()
    held = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    t.add(
        "6",
        f"Memory held per observation, dossier of {n:,} observations (tracemalloc)",
        f"{held / n:,.0f} bytes ({held / 1e6:,.1f} MB in all)",
    )
    return dossier


# ---------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a fast smoke run: small inputs")
    parser.add_argument(
        "--only", default="1,2,3,4,5,6", help="the sections to run, such as 1,5 (default: all)"
    )
    parser.add_argument(
        "--no-fast-path",
        action="store_true",
        help="read JSON through cattrs only, as without msgspec installed",
    )
    args = parser.parse_args(argv)
    only = set(args.only.split(","))
    if args.no_fast_path:
        from catdomain import serialization as module

        module._fast_reader = lambda: None  # type: ignore[attr-defined]
    s = Settings(args.quick)
    started = time.perf_counter()
    t = Table()
    if "1" in only:
        serialization(t, s)
    if "2" in only:
        extraction(t, s)
    if "3" in only:
        adversarial(t, s)
    if only & {"4", "6"}:
        large = s.observations[-1]
        data = gen.observations_json(large)
        dossiers = {n: from_json(gen.observations_json(n)) for n in s.observations[:-1]}
        dossiers[large] = memory(t, s, data, large) if "6" in only else from_json(data)
        if "4" in only:
            validation(t, s, dossiers)
    if "5" in only:
        imports(t, s)
    t.rows.sort(key=lambda row: row[0])
    libraries = ", ".join(
        f"{name} {version(name)}" for name in ("attrs", "cattrs", "orjson", "pydantic", "msgspec")
    )
    flags = " ".join(
        f for f, on in (("--quick", s.quick), ("--no-fast-path", args.no_fast_path)) if on
    )
    print(
        f"catdomain {version('catdomain')} benchmarks{f' ({flags})' if flags else ''}: "
        f"Python {platform.python_version()} on {platform.machine()}, {libraries}"
    )
    print(
        f"Each time: median of {s.repeats} repeats ({s.big_repeats} for the large inputs, "
        f"{s.adversarial_repeats} for the adversarial ones, {s.throughput_repeats} for the "
        "throughput), "
        f"after {s.warmups} warm-up(s), a repeat being as many calls as fill "
        f"{s.min_sample * 1e3:.0f} ms; imports: median of {s.import_runs} fresh interpreters."
    )
    t.print()
    misses = sum(1 for row in t.rows if row[4] == "MISS")
    print(f"{misses} target(s) missed; {time.perf_counter() - started:.0f} s in all.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
