"""A document in the format asked for. Each writer is imported when its format is asked for:
the HTML writer brings the chart library, a document format its own library, and a command
that prints text pays for none of them."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from interview.render.document import Document


def write_document(document: Document, form: str, width: int | None = None) -> str:
    """The document as text, Markdown or HTML (``form``: text, md, html); text is wrapped to
    ``width`` columns (the text writer's default when None)."""
    if form == "md":
        from interview.render.markdown import write_markdown

        return write_markdown(document)
    if form == "html":
        from interview.render.html import write_html

        return write_html(document)
    from interview.render.text import write_text

    return write_text(document) if width is None else write_text(document, width)


BINARY_WRITERS: dict[str, str] = {
    "docx": "interview.render.word:write_docx",
    "xlsx": "interview.render.workbook:write_xlsx",
    "pdf": "interview.render.pdf:write_pdf",
}
"""The writers of the formats that are files of bytes (``-o FILE``), not printed, by format:
``module:function``, imported only when the format is asked for."""
BINARY_FORMATS = tuple(BINARY_WRITERS)
TEXT_FORMATS = ("text", "md", "html")


def write_document_bytes(document: Document, form: str) -> bytes:
    """The document as the bytes of a file in a binary format (one of BINARY_FORMATS)."""
    module, _, function = BINARY_WRITERS[form].partition(":")
    writer: Callable[[Document], bytes] = getattr(importlib.import_module(module), function)
    return writer(document)


def written(document: Document, form: str, width: int | None = None) -> str | bytes:
    """The document in any format: text for the text formats, bytes for the others."""
    if form in BINARY_WRITERS:
        return write_document_bytes(document, form)
    return write_document(document, form, width)
