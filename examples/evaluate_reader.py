"""Score catdomain's reader on the bundled Kazakhstan reply against the curated dossier.

Run: python examples/evaluate_reader.py

It reads the bundled reply text with `catdomain.extract`, compares the result
with the hand-curated dossier and prints precision, recall and F1 per kind of
object (sections, citations, instruments, statistics, dates, measures).
"""

from __future__ import annotations

import catdomain as cd
from catdomain import datasets
from catdomain.reading.evaluation import evaluate, format_scores


def main() -> None:
    """Extract, score and print the table."""
    gold = datasets.load()
    reply = gold.get("kaz-2024-follow-up")
    found = cd.extract(datasets.text(), document_id=reply.id, received=reply.received)
    print(f"Reader scores on {reply.title}")
    print(format_scores(evaluate(found, gold)))


if __name__ == "__main__":
    main()
