"""Use cases: one unit of work per act at the counter."""
