"""Persistence: SQLAlchemy models, the event log and its read models."""
