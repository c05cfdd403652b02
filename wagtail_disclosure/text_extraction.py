"""Extract the plain text of an uploaded PDF or DOCX file.

The kind of file is told by its content, never by its name: by ``uploads.sniff_kind``, the same
reading that accepted the upload.
"""

import io

from wagtail_disclosure.uploads import sniff_kind


def extract_text(fileobj, max_pages=500):
    """Return the text of a PDF or DOCX file object ('' for other kinds or unreadable files)."""
    fileobj.seek(0)
    data = fileobj.read()
    fileobj.seek(0)
    kind = sniff_kind(data)
    if kind == "pdf":
        return _pdf_text(data, max_pages)
    if kind == "docx":
        return _docx_text(data)
    return ""


def _pdf_text(data, max_pages):
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        return "\n".join((page.extract_text() or "") for page in reader.pages[:max_pages])
    except (PdfReadError, ValueError, KeyError, OSError):
        return ""


def _docx_text(data):
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(parts)
