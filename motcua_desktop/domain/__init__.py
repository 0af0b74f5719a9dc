"""Pure domain model: procedures, dossiers, events, calendar, codes. No Qt, no SQL."""
