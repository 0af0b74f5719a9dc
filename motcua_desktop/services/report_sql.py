"""The one SQL pass of a periodic report: each dossier's cell computed by SQLite, counted per row.

Times in the read model's columns are UTC keys (``storage.timekeys``); times inside its JSON
state keep their offset and are turned into the same key form (to the millisecond). Since schema
0004 every fact the report needs has a column of its own (``fact_sql`` finds them); the JSON state
is read only for a fact the table has no column for (reading the JSON costs more than the scan).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping

from ..domain.reports import Cell, GroupBy, Origin, Outcome


def _iso_key(path: str) -> str:
    return f"strftime('%Y-%m-%dT%H:%M:%f000Z', json_extract(state, '$.{path}'))"


# fact -> how to read it from the JSON state (as a UTC key for times)
JSON_FACTS: Mapping[str, str] = {
    "responsible_unit": "COALESCE(json_extract(state, '$.responsible_unit'), '')",
    "closed_at": _iso_key("closed_at"),
    "last_event_at": _iso_key("last_event_at"),
    "supplement_requested_at": _iso_key("supplement_requested_at"),
    "supplement_requests_count": "json_extract(state, '$.supplement_requests_count')",
    "satisfaction": "COALESCE(json_extract(state, '$.satisfaction'), '')",
    "result_digitised": "json_extract(state, '$.result_digitised')",
    "refusal_reason": "COALESCE(json_extract(state, '$.refusal_reason'), '')",
    "components_count": "json_extract(state, '$.components_count')",
    "components_digitised": "json_extract(state, '$.components_digitised')",
    "payment": "COALESCE(json_extract(state, '$.payment'), '')",
}

_COLUMNS = ("code", "status", "channel", "received_at", "appointment", "resolved_at")
SEPARATOR = "\x1f"  # between codes in group_concat (a control character no code contains)

_KEYS = {
    GroupBy.FIELD: ("field", "field"),
    GroupBy.PROCEDURE: ("procedure_code", "procedure_name"),
    GroupBy.UNIT: ("{responsible_unit}", "{responsible_unit}"),
}

# Each dossier's cell as one integer (mixed radix, decoded by ``decode_cell``), so that SQLite
# sorts and groups by (row, cell) only. The digits, lowest first: origin (4), outcome (7),
# waiting (2), satisfaction (4), result (3), payment (3), refold (2).
ORIGINS = (Origin.CARRIED, Origin.ONLINE, Origin.DIRECT, Origin.POSTAL)
OUTCOMES = (
    Outcome.EARLY, Outcome.ON_TIME, Outcome.LATE, Outcome.WITHDRAWN, Outcome.STOPPED,
    Outcome.WITHIN, Outcome.OVERDUE,
)  # fmt: skip
LEVELS = ("", "very_satisfied", "satisfied", "unsatisfied")
RESULTS = ("", "digitised", "paper")
PAYMENTS = ("", "online", "other")
_RADICES = (len(ORIGINS), len(OUTCOMES), 2, len(LEVELS), len(RESULTS), len(PAYMENTS), 2)
REFOLD_BASE = 4 * 7 * 2 * 4 * 3 * 3

# The outer LIMIT keeps SQLite from flattening this into the aggregate (each cell is computed
# once per dossier); the inner query is flattened, so the JSON state is read only where needed.
# Rows that play a part in [s, e): received before the end, not resolved or closed before the
# start. "Refold": pending at the end, with supplements in its history and acts after the end —
# its state at the end (appointment in force, waiting) may differ from the current one, so it is
# folded from its events instead.
_CELLS = """
SELECT code, k, label,
  (CASE WHEN received_at < :s THEN 0 WHEN channel = 'online' THEN 1
        WHEN channel = 'postal' THEN 3 ELSE 2 END)
  + 4 * (CASE
      WHEN resolved_at < :e THEN
        CASE WHEN resolved_at > appointment THEN 2
             WHEN date(resolved_at, :shift) < date(appointment, :shift) THEN 0 ELSE 1 END
      WHEN status = 'withdrawn' AND {closed_at} < :e THEN 3
      WHEN status = 'stopped' AND {closed_at} < :e THEN 4
      WHEN status = 'waiting_supplement' THEN
        CASE WHEN {supplement_requested_at} > appointment THEN 6 ELSE 5 END
      WHEN appointment < :e THEN 6 ELSE 5 END)
  + 28 * (status = 'waiting_supplement')
  + 56 * (CASE WHEN resolved_at < :e THEN
        CASE COALESCE({satisfaction}, '') WHEN 'very_satisfied' THEN 1 WHEN 'satisfied' THEN 2
             WHEN 'unsatisfied' THEN 3 ELSE 0 END ELSE 0 END)
  + 224 * (CASE WHEN resolved_at < :e THEN
        CASE WHEN status = 'refused' OR (status = 'returned' AND {refusal_reason} != '') THEN 0
             WHEN {result_digitised} THEN 1 ELSE 2 END ELSE 0 END)
  + 672 * (CASE WHEN received_at >= :s THEN
        CASE COALESCE({payment}, '') WHEN '' THEN 0 WHEN 'online' THEN 1 ELSE 2 END ELSE 0 END)
  + 2016 * ({supplement_requests_count} > 0 AND {last_event_at} >= :e
            AND (resolved_at IS NULL OR resolved_at >= :e)
            AND NOT (status IN ('withdrawn', 'stopped') AND {closed_at} < :e)) AS cell,
  CASE WHEN received_at >= :s THEN {components_count} ELSE 0 END AS comps,
  CASE WHEN received_at >= :s THEN {components_digitised} ELSE 0 END AS digs
FROM (
    SELECT {columns}, {key} AS k, {label} AS label
    FROM dossiers
    WHERE received_at < :e
      AND (resolved_at IS NULL OR resolved_at >= :s)
      AND NOT (status IN ('withdrawn', 'stopped') AND {closed_at} < :s)
      {field_filter}
)
LIMIT -1
"""

_AGGREGATE = """
SELECT k, MAX(label), cell, COUNT(*), TOTAL(comps), TOTAL(digs), TOTAL(comps > 0 AND digs = comps),
       group_concat(CASE WHEN cell >= 2016 {late_codes} THEN code END, char(31))
FROM ({cells})
GROUP BY k, cell
"""
_LATE = "OR (cell / 4) % 7 IN (2, 6)"


def decode_cell(number: int) -> tuple[Cell, bool]:
    """The cell an integer from the report's SQL stands for, and whether to fold it again."""
    digits = []
    for radix in _RADICES:
        number, digit = divmod(number, radix)
        digits.append(digit)
    origin, outcome, waiting, level, result, payment, refold = digits
    cell = Cell(
        ORIGINS[origin], OUTCOMES[outcome], bool(waiting), LEVELS[level], RESULTS[result],
        PAYMENTS[payment],
    )  # fmt: skip
    return cell, bool(refold)


def fact_sql(conn: sqlite3.Connection) -> dict[str, str]:
    """How to read each fact on this database: its column if the read model has one, else JSON."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(dossiers)")}
    return {name: name if name in columns else sql for name, sql in JSON_FACTS.items()}


def aggregate_sql(facts: Mapping[str, str], by: GroupBy, *, field: bool, late: bool) -> str:
    """The report's one statement; parameters :s, :e (UTC keys), :shift, and :field if filtered."""
    key, label = (part.format(**facts) for part in _KEYS[by])
    columns = [*_COLUMNS, *(name for name, sql in facts.items() if sql == name)]
    if any(sql != name for name, sql in facts.items()):
        columns.append("state")
    cells = _CELLS.format(
        columns=", ".join(columns), key=key, label=label,
        field_filter="AND field = :field" if field else "", **facts,
    )  # fmt: skip
    return _AGGREGATE.format(cells=cells, late_codes=_LATE if late else "")
