#!/usr/bin/env python3
"""Replay review histories through the reference FSRS implementation.

Same contract as `lectern fsrs replay` (Sources/LecternCore/Scheduling/FSRSReplay.swift),
so the two can be diffed:

    .venv/bin/python Tests/reference/fsrs_replay.py [--fuzz-seed N] [FILE]

Input (FILE or stdin): JSON lines, one history of a new card per line,
    {"id": 7, "reviews": [{"rating": 3, "time": "2026-01-01T00:00:00Z"}, ...]}
Output (stdout): one line per good history, in input order,
    {"id": 7, "states": [{"stability": ..., "difficulty": ..., "state": "learning",
                          "interval_days": ..., "due": "2026-01-01T00:10:00Z"}, ...]}
Errors (stderr): "line N: ..." for each bad line; exit status 1 if there was any.
Exit status 2 if the `fsrs` package (6.x) is missing.

The scheduler is the package's own `fsrs.Scheduler` with its defaults. With
--fuzz-seed, fuzz is enabled and the package's call to `random()` is answered
with the same SplitMix64 draw the Swift FuzzSource makes, so fuzzed runs
can be compared exactly too.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from datetime import datetime, timedelta, timezone

try:
    from importlib.metadata import version as _package_version

    import fsrs.scheduler as _fsrs_scheduler
    from fsrs import Card, Rating, Scheduler, State
except ImportError as error:  # pragma: no cover - depends on the environment
    sys.stderr.write(
        f"fsrs_replay.py: cannot import the fsrs package ({error}); run `make test`, "
        "which creates .venv and installs it\n"
    )
    sys.exit(2)

MASK64 = (1 << 64) - 1
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
ONE_DAY = timedelta(days=1)
STATE_NAMES = {State.Learning: "learning", State.Review: "review", State.Relearning: "relearning"}
TIMESTAMP = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})"
    r"(?:\.([0-9]{1,6}))?(Z|[+-][0-9]{2}:[0-9]{2})"
)


class LineError(Exception):
    pass


def splitmix64(state: int) -> tuple[int, int]:
    """Advance a SplitMix64 state; return (new state, output)."""
    state = (state + 0x9E3779B97F4A7C15) & MASK64
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return state, z ^ (z >> 31)


def card_seed(seed: int, card_id: int) -> int:
    _, first = splitmix64(seed & MASK64)
    return first ^ (card_id & MASK64)


def fuzz_unit(seed: int, reps: int, micros: int) -> float:
    _, a = splitmix64(seed)
    _, b = splitmix64(a ^ (micros & MASK64))
    _, c = splitmix64(b ^ (reps & MASK64))
    return (c >> 11) * 2.0**-53


def micros_of(moment: datetime) -> int:
    return (moment - EPOCH) // timedelta(microseconds=1)


def format_time(moment: datetime) -> str:
    text = (
        f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"
        f"T{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}"
    )
    if moment.microsecond:
        text += f".{moment.microsecond:06d}"
    return text + "Z"


def parse_time(text: str) -> datetime | None:
    match = TIMESTAMP.fullmatch(text)
    if not match:
        return None
    year, month, day, hour, minute, second = (int(g) for g in match.groups()[:6])
    fraction, zone = match.group(7), match.group(8)
    micro = int(fraction.ljust(6, "0")) if fraction else 0
    try:
        moment = datetime(year, month, day, hour, minute, second, micro, tzinfo=timezone.utc)
        if zone != "Z":
            hours, minutes = int(zone[1:3]), int(zone[4:6])
            if hours >= 24 or minutes >= 60:
                return None
            sign = 1 if zone[0] == "+" else -1
            moment -= sign * timedelta(hours=hours, minutes=minutes)
    except (ValueError, OverflowError):
        return None
    return moment


def render(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def is_integer(value: object) -> bool:
    return type(value) is int and -(2**63) <= value < 2**63


def reject_constant(name: str) -> object:
    raise ValueError(f"not JSON: {name}")


def replay_line(line: str, scheduler: Scheduler, fuzz_seed: int | None) -> str:
    try:
        document = json.loads(line, parse_constant=reject_constant)
    except (ValueError, RecursionError):
        raise LineError("not valid JSON") from None
    if not isinstance(document, dict):
        raise LineError("expected a JSON object")
    if "id" not in document:
        raise LineError('missing field "id"')
    card_id = document["id"]
    if not is_integer(card_id):
        raise LineError(f'"id" must be an integer, got {render(card_id)}')
    if "reviews" not in document:
        raise LineError('missing field "reviews"')
    reviews = document["reviews"]
    if not isinstance(reviews, list):
        raise LineError(f'"reviews" must be an array, got {render(reviews)}')

    seed = card_seed(fuzz_seed, card_id) if fuzz_seed is not None else None
    card: Card | None = None
    previous: tuple[datetime, str] | None = None
    states = []
    for offset, review in enumerate(reviews):
        place = f"(review {offset + 1})"
        if not isinstance(review, dict):
            raise LineError(f"review {offset + 1} must be a JSON object, got {render(review)}")
        if "rating" not in review:
            raise LineError(f'missing field "rating" {place}')
        rating = review["rating"]
        if not is_integer(rating) or rating not in (1, 2, 3, 4):
            raise LineError(f"rating must be 1, 2, 3 or 4, got {render(rating)} {place}")
        if "time" not in review:
            raise LineError(f'missing field "time" {place}')
        text = review["time"]
        moment = parse_time(text) if isinstance(text, str) else None
        if moment is None:
            raise LineError(
                f"time must be a timestamp like 2026-01-01T00:00:00Z, got {render(text)} {place}"
            )
        if previous is not None and moment < previous[0]:
            raise LineError(f"time goes backwards: {text} is before {previous[1]} {place}")
        previous = (moment, text)

        if card is None:
            card = Card(card_id=card_id, due=moment)
        if seed is not None:
            draw = fuzz_unit(seed, offset, micros_of(moment))
            _fsrs_scheduler.random = lambda draw=draw: draw
        try:
            card, _ = scheduler.review_card(card, Rating(rating), moment)
        except OverflowError:
            raise LineError(f"due date is past year 9999 {place}") from None
        days = (card.due - moment) / ONE_DAY
        states.append(
            f'{{"stability": {number(card.stability)}, "difficulty": {number(card.difficulty)}, '
            f'"state": "{STATE_NAMES[card.state]}", "interval_days": {number(days)}, '
            f'"due": "{format_time(card.due)}"}}'
        )
    return f'{{"id": {card_id}, "states": [{", ".join(states)}]}}'


def number(value: float) -> str:
    return repr(float(value)) if math.isfinite(value) else "null"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", nargs="?", help="JSON lines input (default: stdin)")
    parser.add_argument("--fuzz-seed", type=int, default=None, help="enable fuzz with this seed")
    arguments = parser.parse_args()

    installed = _package_version("fsrs")
    if not installed.startswith("6."):
        sys.stderr.write(f"fsrs_replay.py: need fsrs 6.x, found {installed}; run `make test`\n")
        return 2

    if arguments.file:
        with open(arguments.file, "rb") as handle:
            raw = handle.read()
    else:
        raw = sys.stdin.buffer.read()
    text = raw.decode("utf-8", errors="replace")

    if arguments.fuzz_seed is not None and not callable(getattr(_fsrs_scheduler, "random", None)):
        sys.stderr.write(
            f"fsrs_replay.py: fsrs {installed} no longer draws fuzz through fsrs.scheduler.random; "
            "--fuzz-seed cannot be honoured\n"
        )
        return 2
    scheduler = Scheduler(enable_fuzzing=arguments.fuzz_seed is not None)
    output = sys.stdout
    failed = False
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for number_, line in enumerate(lines, start=1):
        if line.strip(" \t\r") == "":
            continue
        try:
            output.write(replay_line(line, scheduler, arguments.fuzz_seed) + "\n")
        except LineError as error:
            failed = True
            sys.stderr.write(f"line {number_}: {error}\n")
    output.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
