"""Named, commented data: numbering, header words, unit vocabulary, deadline phrases."""
