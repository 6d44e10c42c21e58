"""The CLI layer: each module parses one command's arguments, calls the core and prints."""
