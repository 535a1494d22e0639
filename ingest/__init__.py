"""Orchestration: batches of files into DuckDB, and the ``vanban`` command line.

The library API (``ingest.api``) is what notebooks and other tools call; the click
commands in ``ingest.cli`` are a thin layer over it.
"""
