"""The dialect's INSERT, for writes made idempotent with ON CONFLICT."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Float, func, type_coerce
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Base


def insert_for(session: AsyncSession, model: type[Base]) -> postgresql.Insert | sqlite.Insert:
    """The dialect's INSERT, which knows ON CONFLICT (both backends spell it the same)."""
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(model)
    return sqlite.insert(model)


def epoch_seconds(session: AsyncSession, column: Any) -> ColumnElement[float]:
    """A timestamp column as Unix seconds (a plain float: no date parsing per row)."""
    if session.get_bind().dialect.name == "postgresql":
        return type_coerce(func.extract("epoch", column), Float)
    # SQLite keeps UTC timestamps as text; julianday reads them, 2440587.5 is 1970-01-01.
    return type_coerce((func.julianday(column) - 2440587.5) * 86400.0, Float)
