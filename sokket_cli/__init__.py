"""sokket: merge subordinate units' review reports into one Vietnamese draft report."""

__version__ = "0.1.0"
