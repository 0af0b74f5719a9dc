"""The provincial hub that nodes sync upward to."""
