"""Intake: finding the plan and the unit files, decoding bytes, composing YAML safely."""
