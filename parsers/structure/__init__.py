"""Document structure: the Decree 30 parts and the section tree of the body."""
