"""Row writers for exports: JSONL, CSV and Parquet, written once, generic over row dicts.

Every export (articles, quotes, events ...) is a stream of dicts, so each format is
one function that streams them out: JSONL and CSV row by row, Parquet in row
groups. Flat formats (CSV, Parquet) carry nested values (lists, dicts) as one
JSON string cell, so no export needs its own flattening.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

PARQUET_ROW_GROUP = 2000


def _cell(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value


def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False).encode("utf-8") + b"\n")
        count += 1
    return count


def write_csv(rows: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    """CSV with a header from the first row's keys (one export has one shape)."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer: csv.DictWriter | None = None
    count = 0
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(text, fieldnames=list(row), extrasaction="ignore")
            writer.writeheader()
        writer.writerow({k: _cell(v) for k, v in row.items()})
        count += 1
    text.detach()  # leave ``out`` open for the caller
    return count


def _arrow_type(values: list[Any]) -> pa.DataType:
    """Numbers stay numbers; anything else (or nothing seen yet) is a string column."""
    seen = [v for v in values if v is not None]
    if seen and all(isinstance(v, bool) for v in seen):
        return pa.bool_()
    if seen and all(isinstance(v, int) and not isinstance(v, bool) for v in seen):
        return pa.int64()
    if seen and all(isinstance(v, int | float) and not isinstance(v, bool) for v in seen):
        return pa.float64()
    return pa.string()


def _coerce(value: Any, kind: pa.DataType) -> Any:
    if value is None:
        return None
    if kind == pa.string():
        cell = _cell(value)
        return cell if isinstance(cell, str) else str(cell)
    return value


def _chunks(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


def write_parquet(rows: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    """Parquet in row groups; column types are fixed by the first group."""
    writer: pq.ParquetWriter | None = None
    schema: pa.Schema | None = None
    count = 0
    for chunk in _chunks(rows, PARQUET_ROW_GROUP):
        if schema is None:
            names = list(chunk[0])
            schema = pa.schema([(n, _arrow_type([r.get(n) for r in chunk])) for n in names])
            writer = pq.ParquetWriter(out, schema)
        columns = {
            field.name: [_coerce(r.get(field.name), field.type) for r in chunk]
            for field in schema
        }
        writer.write_table(pa.table(columns, schema=schema))
        count += len(chunk)
    if writer is None:  # no rows: still a valid, empty Parquet file
        pq.write_table(pa.table({}), out)
    else:
        writer.close()
    return count


WRITERS: dict[str, Callable[[Iterable[dict[str, Any]], IO[bytes]], int]] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "parquet": write_parquet,
}
