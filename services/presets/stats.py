"""Usage statistics of presets, measured from the batches that used them, in SQL.

A use is one batch that recorded the preset (``playground_batch_presets``); a fork is a preset of its own, so its
uses never count for its origin. Images delivered and failed come from those batches; the median processing time
from their successful provider calls. Two statements for any number of presets (a page of presets runs no N+1).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from tortoise import connections

# The median of each preset's successful provider calls, with window functions (PostgreSQL and SQLite alike).
MEDIAN_SQL = """
SELECT preset_id, AVG(ms) AS median_ms FROM (
  SELECT u.preset_id AS preset_id, i.processing_time_ms AS ms,
         ROW_NUMBER() OVER (PARTITION BY u.preset_id ORDER BY i.processing_time_ms) AS rn,
         COUNT(*) OVER (PARTITION BY u.preset_id) AS cnt
  FROM playground_batch_presets u
  JOIN playground_batch_items i ON i.batch_job_id = u.batch_job_id
  WHERE u.preset_id IN ({ids}) AND i.processing_time_ms IS NOT NULL AND i.status = 'SUCCEEDED'
) ranked
WHERE rn IN ((cnt + 1) / 2, (cnt + 2) / 2)
GROUP BY preset_id
"""
TOTALS_SQL = """
SELECT u.preset_id AS preset_id, COUNT(*) AS uses,
       COALESCE(SUM(b.completed_images), 0) AS delivered, COALESCE(SUM(b.failed_images), 0) AS failed
FROM playground_batch_presets u
JOIN playground_batch_jobs b ON b.id = u.batch_job_id
WHERE u.preset_id IN ({ids})
GROUP BY u.preset_id
"""


@dataclass(frozen=True, slots=True)
class PresetStats:
    uses: int = 0
    images_delivered: int = 0
    images_failed: int = 0
    median_processing_ms: int | None = None

    @property
    def success_rate(self) -> float | None:
        """Delivered / (delivered + failed) images; cancelled ones do not count; None before any outcome."""
        settled = self.images_delivered + self.images_failed
        return round(self.images_delivered / settled, 4) if settled else None


async def _rows(sql: str, ids: list[uuid.UUID]) -> list[dict[str, Any]]:
    connection = connections.get("default")
    if connection.capabilities.dialect == "postgres":
        placeholders = ", ".join(f"${n}" for n in range(1, len(ids) + 1))
        values: list[Any] = list(ids)
    else:
        placeholders = ", ".join("?" for _ in ids)
        values = [str(ident) for ident in ids]
    rows: list[dict[str, Any]] = await connection.execute_query_dict(sql.format(ids=placeholders), values)
    return rows


async def stats_of(preset_ids: list[uuid.UUID]) -> dict[uuid.UUID, PresetStats]:
    """Statistics for each preset (an unused preset gets zeros)."""
    if not preset_ids:
        return {}
    totals = {uuid.UUID(str(row["preset_id"])): row for row in await _rows(TOTALS_SQL, preset_ids)}
    medians = {uuid.UUID(str(row["preset_id"])): row["median_ms"] for row in await _rows(MEDIAN_SQL, preset_ids)}
    result: dict[uuid.UUID, PresetStats] = {}
    for ident in preset_ids:
        row = totals.get(ident)
        median = medians.get(ident)
        result[ident] = PresetStats(
            uses=int(row["uses"]) if row else 0,
            images_delivered=int(row["delivered"]) if row else 0,
            images_failed=int(row["failed"]) if row else 0,
            median_processing_ms=round(float(median)) if median is not None else None,
        )
    return result
