"""vanban's record types and storage schema.

This package is the bottom of the dependency chain (``schemas`` ← ``parsers`` ←
``ingest``): it imports nothing of ours, so any tool can read vanban's records by
importing it alone.
"""

from schemas.models import (
    SCHEMA_VERSION,
    Deadline,
    Document,
    ParsedDocument,
    Provenance,
    Reference,
    Section,
    Target,
    Task,
    UnitMention,
    json_schema,
)

__all__ = [
    "SCHEMA_VERSION",
    "Deadline",
    "Document",
    "ParsedDocument",
    "Provenance",
    "Reference",
    "Section",
    "Target",
    "Task",
    "UnitMention",
    "json_schema",
]
