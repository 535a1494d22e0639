"""Text-level helpers shared by every format: decoding and normalisation."""
