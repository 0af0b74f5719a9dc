"""The PySide6 counter application."""
