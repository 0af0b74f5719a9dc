"""Một Cửa Desktop: the offline-first one-stop counter for Vietnamese communes."""

__version__ = "0.1.0"
