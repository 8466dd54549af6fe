"""vnsum: structured, faithful briefs of Vietnamese meeting reports."""

__version__ = "0.1.0"
