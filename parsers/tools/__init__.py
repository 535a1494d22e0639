"""Maintainer scripts that regenerate vanban's versioned data files (run with ``python -m``)."""
