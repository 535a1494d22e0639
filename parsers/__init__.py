"""Pure parsing: a file in, a :class:`schemas.ParsedDocument` out.

Nothing here touches DuckDB or the command line (those live in ``ingest``), so
notebooks and other tools can call ``parsers.parse_file`` directly::

    from parsers import parse_file
    doc = parse_file("corpus/seeds/000_01a5e076a0b86895.txt")
    for task in doc.tasks:
        print(task.label, [u.text for u in task.lead], task.deadline)
"""

from __future__ import annotations

from typing import Any

__all__ = ["parse_bytes", "parse_file", "parse_raw"]


def __getattr__(name: str) -> Any:
    # Lazy, so that importing a submodule (a reader in a worker) does not pull in the
    # whole pipeline and its NLP models.
    if name in __all__:
        from parsers import pipeline  # noqa: PLC0415

        return getattr(pipeline, name)
    raise AttributeError(name)
