"""Render: templates to report markup to .docx, and the text/JSON views of problems and status."""
