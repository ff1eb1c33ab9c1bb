"""Writing an export to files: the JSON or JSONL document, one CSV per table, or an SQLite database.

Only the JSON and JSONL documents are built from the export models (llama4ref.export.document,
pydantic): the CSV tables and the database are written from :mod:`llama4ref.export.tables`
without them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from llama4ref.export.tables import Table, build_tables

if TYPE_CHECKING:
    from llama4ref.store.knowledge_base import KnowledgeBase
    from llama4ref.store.shapes.core import ExportSummaryJSON

__all__ = ["FORMATS", "ExportSummary", "Format", "export_text_counted", "write_csv", "write_export"]

Format = Literal["json", "jsonl", "csv", "sqlite"]
FORMATS: tuple[Format, ...] = ("json", "jsonl", "csv", "sqlite")


@dataclass(frozen=True)
class ExportSummary:
    """What an export wrote: the format, the path, the files and the row count of each table or list."""

    format: str
    path: str
    files: list[str] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> ExportSummaryJSON:
        return {"format": self.format, "path": self.path, "files": self.files, "rows": self.rows}


def write_csv(kb: KnowledgeBase, directory: Path) -> ExportSummary:
    """One ``<table>.csv`` per table in ``directory`` (created if missing; its parent must exist),
    UTF-8 with a header row. Existing ``<table>.csv`` files are replaced, all of them or, on a
    failure, none; other files in the directory are left alone."""
    import csv

    from llama4ref.export.outfile import OutputPathError, OutputWriteError, check_write_dir, write_all_atomically

    if not str(directory):
        raise OutputPathError("the output path is empty")
    if directory.exists() and not directory.is_dir():
        raise OutputPathError(f"{directory}: not a directory; --format csv writes one <table>.csv per table into a directory")
    created = not directory.exists()
    if created:
        check_write_dir(directory.parent)
        try:
            directory.mkdir()
        except OSError as exc:
            raise OutputWriteError(f"{directory}: cannot create the directory: {exc.strerror}") from exc
    tables = build_tables(kb)

    def writer(table: Table) -> Callable[[Path], None]:
        def write(tmp: Path) -> None:
            with tmp.open("w", encoding="utf-8", newline="") as fh:
                out = csv.writer(fh, lineterminator="\n")
                out.writerow(table.column_names)
                out.writerows(table.rows)

        return write

    try:
        write_all_atomically([(directory / f"{name}.csv", writer(table)) for name, table in tables.items()])
    except BaseException:
        if created:
            with contextlib.suppress(OSError):
                directory.rmdir()
        raise
    return ExportSummary("csv", str(directory), [f"{name}.csv" for name in tables], {n: len(t.rows) for n, t in tables.items()})


def write_export(kb: KnowledgeBase, fmt: Format, out: Path) -> ExportSummary:
    """Write the export in ``fmt`` to ``out`` (a file; a directory for CSV).

    An existing regular file at ``out`` is replaced atomically (see :mod:`llama4ref.export.outfile`);
    a directory, symbolic link, device, FIFO or socket is refused with
    :class:`~llama4ref.export.outfile.OutputPathError` (``L4R-U010``), and a write that fails
    raises :class:`~llama4ref.export.outfile.OutputWriteError` (``L4R-U014``; nothing is left behind).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "csv":
        return write_csv(kb, out)
    if fmt == "sqlite":
        from llama4ref.export.sqlite import write_sqlite

        return write_sqlite(kb, out)
    from llama4ref.export.outfile import check_target, write_atomically

    check_target(out)  # before the work of rendering
    text, counts = export_text_counted(kb, fmt)

    def write(tmp: Path) -> None:
        tmp.write_text(text, encoding="utf-8")

    write_atomically(out, write)
    return ExportSummary(fmt, str(out), [out.name], counts)


def export_text_counted(kb: KnowledgeBase, fmt: Literal["json", "jsonl"]) -> tuple[str, dict[str, int]]:
    """The JSON or JSONL export as text, and the number of items in each list. The shipped data's
    documents are kept in the export cache (llama4ref.export.cached): rendering them costs several
    times the start-up floor, copying them almost nothing."""
    from llama4ref.export import cached

    hit = cached.read_text(kb, fmt)
    if hit is not None:
        return hit
    from llama4ref.export.document import export_document, render_json, render_jsonl  # pydantic: only on a miss

    doc = export_document(kb)
    text = render_json(doc) if fmt == "json" else render_jsonl(doc)
    cached.store_text(kb, fmt, text, dict(doc.counts))
    return text, dict(doc.counts)
