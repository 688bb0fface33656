"""A document in the format asked for. Each writer is imported when its format is asked for:
the HTML writer brings the chart library, and a command that prints text pays for neither."""

from __future__ import annotations

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
