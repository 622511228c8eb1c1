"""Text of PDF attachments, extracted once per file version with pypdf."""

import logging

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from ..models import AttachmentText

logger = logging.getLogger(__name__)
MAX_CHARS = 200_000


def extract_pdf_text(file) -> str:
    try:
        reader = PdfReader(file)
        return "\n".join(page.extract_text() or "" for page in reader.pages)[:MAX_CHARS]
    except (PyPdfError, OSError, ValueError, KeyError, TypeError) as error:
        # A damaged file must not stop the page from being indexed.
        logger.warning("无法读取附件 PDF 文本：%s（%s）", getattr(file, "name", file), error)
        return ""


def document_text(document) -> str:
    """The searchable text of a Wagtail document: its title, plus the PDF's text."""
    if not document.file or not document.file.name.lower().endswith(".pdf"):
        return document.title
    size = document.file_size
    cached = AttachmentText.objects.filter(document=document).first()
    if cached is None or cached.file_name != document.file.name or cached.file_size != size:
        with document.open_file() as handle:
            text = extract_pdf_text(handle)
        cached, _ = AttachmentText.objects.update_or_create(
            document=document, defaults={"file_name": document.file.name, "file_size": size, "text": text}
        )
    return f"{document.title}\n{cached.text}"
