"""One module per extractor: tasks, units, targets, deadlines, criteria, references."""
