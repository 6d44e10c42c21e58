"""Merge: the valid units' items into one outline, and their figures into one table."""
