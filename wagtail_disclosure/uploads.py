"""Uploaded files checked by their content, never by their name, and photos cleaned of location data.

``check_upload(file, allowed_kinds, max_bytes)`` is the one gate for every upload (images and
documents in the library, evidence attached to complaints): it reads the first bytes to tell the
kind, verifies the file really is that kind, refuses a name whose extension claims another kind
(a PDF named ``.html`` would be served as a web page), and enforces a size limit.
"""

import io
import os
import zipfile

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from wagtail_disclosure import conf

IMAGE_KINDS = frozenset({"jpeg", "png", "gif", "webp"})
DOCUMENT_KINDS = frozenset(
    {"pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "ole", "jpeg", "png"}
)
EVIDENCE_KINDS = frozenset({"pdf", "docx", "jpeg", "png", "webp"})

# Extensions a name may carry for each kind (the content decides the kind; the name must agree).
EXTENSIONS = {
    "jpeg": {".jpg", ".jpeg", ".jpe", ".jfif"},
    "png": {".png"},
    "gif": {".gif"},
    "webp": {".webp"},
    "pdf": {".pdf"},
    "docx": {".docx"},
    "xlsx": {".xlsx"},
    "pptx": {".pptx"},
    "odt": {".odt"},
    "ods": {".ods"},
    "odp": {".odp"},
    "ole": {".doc", ".xls", ".ppt"},
}
IMAGE_EXTENSIONS = frozenset().union(*(EXTENSIONS[k] for k in IMAGE_KINDS))
KIND_LABELS = {
    "jpeg": "JPEG",
    "png": "PNG",
    "gif": "GIF",
    "webp": "WebP",
    "pdf": "PDF",
    "docx": "Word (DOCX)",
    "xlsx": "Excel (XLSX)",
    "pptx": "PowerPoint (PPTX)",
    "odt": "OpenDocument Text",
    "ods": "OpenDocument Spreadsheet",
    "odp": "OpenDocument Presentation",
    "ole": "Word/Excel 97–2003",
}
_ZIP_MARKERS = {
    "word/document.xml": "docx",
    "xl/workbook.xml": "xlsx",
    "ppt/presentation.xml": "pptx",
}
_OPENDOCUMENT = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.presentation": "odp",
}


def max_upload_bytes():
    return int(conf.get("MAX_UPLOAD_MB")) * 1024 * 1024


def _read(file):
    if hasattr(file, "seek"):
        file.seek(0)
    data = file.read()
    if hasattr(file, "seek"):
        file.seek(0)
    return data


def sniff_kind(data):
    """The kind of file ``data`` (bytes) holds, by its content; ``None`` when not recognised."""
    head = data[:16]
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                for marker, kind in _ZIP_MARKERS.items():
                    if marker in names:
                        return kind
                if "mimetype" in names:
                    return _OPENDOCUMENT.get(archive.read("mimetype").strip())
        except (zipfile.BadZipFile, KeyError, OSError):
            return None
    return None


def _verify(kind, data):
    """True when the content really is a well-formed file of ``kind`` (not just its magic bytes)."""
    if kind in IMAGE_KINDS:
        from PIL import Image

        try:
            with Image.open(io.BytesIO(data)) as image:
                image.verify()
            return True
        except Exception:  # noqa: BLE001  (Pillow raises many kinds, incl. DecompressionBombError)
            return False
    if kind == "pdf":
        return b"%%EOF" in data[-2048:]
    return True


def _labels(kinds):
    return ", ".join(sorted({KIND_LABELS[k] for k in kinds}))


def check_upload(file, allowed_kinds, max_bytes=None):
    """Return the kind of ``file`` after checking it, or raise ``ValidationError``.

    ``allowed_kinds``: a set such as ``IMAGE_KINDS``, ``DOCUMENT_KINDS`` or ``EVIDENCE_KINDS``;
    ``max_bytes``: the size limit (default ``MAX_UPLOAD_MB`` of the office's settings).
    """
    if max_bytes is None:
        max_bytes = max_upload_bytes()
    size = getattr(file, "size", None)
    if size is not None and size > max_bytes:
        raise ValidationError(
            _("The file is %(size)s; the largest accepted is %(limit)s."),
            code="file_too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(max_bytes)},
        )
    data = _read(file)
    if len(data) > max_bytes:
        raise ValidationError(
            _("The file is %(size)s; the largest accepted is %(limit)s."),
            code="file_too_large",
            params={"size": filesizeformat(len(data)), "limit": filesizeformat(max_bytes)},
        )
    if not data:
        raise ValidationError(_("The file is empty."), code="file_empty")
    kind = sniff_kind(data)
    if kind is None or kind not in allowed_kinds:
        raise ValidationError(
            _("This kind of file is not accepted. Accepted: %(kinds)s."),
            code="file_kind",
            params={"kinds": _labels(allowed_kinds)},
        )
    if not _verify(kind, data):
        raise ValidationError(
            _("The file looks like %(kind)s but is damaged or not what it claims to be."),
            code="file_damaged",
            params={"kind": KIND_LABELS[kind]},
        )
    extension = os.path.splitext(getattr(file, "name", "") or "")[1].lower()
    # A PNG saved as .jpg is common and harmless (served as an image either way); a PDF or a
    # photo named .html or .svg is not.
    expected = IMAGE_EXTENSIONS if kind in IMAGE_KINDS else EXTENSIONS[kind]
    if extension and extension not in expected:
        raise ValidationError(
            _("The file's name ends in “%(extension)s” but its content is %(kind)s: rename it."),
            code="file_extension",
            params={"extension": extension, "kind": KIND_LABELS[kind]},
        )
    return kind


# EXIF tags that locate a photo or identify the camera (and so its owner).
GPS_IFD = 0x8825
EXIF_IFD = 0x8769
IDENTIFYING_EXIF_TAGS = {
    0xA430,  # CameraOwnerName
    0xA431,  # BodySerialNumber
    0xA435,  # LensSerialNumber
    0xA420,  # ImageUniqueID
    0x927C,  # MakerNote (vendors keep serial numbers there)
    0xC62F,  # CameraSerialNumber (DNG)
}


def strip_identifying_exif(file):
    """A copy of the photo ``file`` without GPS and camera serial data; ``None`` if it had none.

    Pixels are not re-encoded for JPEG (``quality="keep"``); orientation and colour profile stay.
    """
    from PIL import Image

    data = _read(file)
    with Image.open(io.BytesIO(data)) as image:
        if image.format not in ("JPEG", "PNG", "WEBP"):
            return None
        exif = image.getexif()
        changed = False
        if GPS_IFD in exif:
            del exif[GPS_IFD]
            changed = True
        for tag in IDENTIFYING_EXIF_TAGS & set(exif):
            del exif[tag]
            changed = True
        sub = exif.get_ifd(EXIF_IFD)
        for tag in IDENTIFYING_EXIF_TAGS & set(sub):
            del sub[tag]
            changed = True
        xmp = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp")
        if xmp and (b"GPS" in xmp if isinstance(xmp, bytes) else "GPS" in xmp):
            changed = True  # saving without passing it on drops the XMP packet
        if not changed:
            return None
        options = {"exif": exif.tobytes()}
        if image.info.get("icc_profile"):
            options["icc_profile"] = image.info["icc_profile"]
        if image.format == "JPEG":
            options["quality"] = "keep"
        elif image.format == "WEBP":
            options["lossless"] = image.info.get("lossless", False)
            options["quality"] = 90
        out = io.BytesIO()
        image.save(out, format=image.format, **options)
    name = os.path.basename(getattr(file, "name", "") or "photo")
    return SimpleUploadedFile(
        name, out.getvalue(), content_type=getattr(file, "content_type", None) or ""
    )


def check_and_clean(file, allowed_kinds, max_bytes=None):
    """``(file, kind)``: the upload checked by content (``check_upload``), and, for a photo, the
    copy without GPS and camera serials. The one path of library uploads and complaint evidence:
    an anonymous complainant's photo must not say where it was taken or whose camera took it."""
    kind = check_upload(file, allowed_kinds, max_bytes)
    if kind in IMAGE_KINDS:
        cleaned = strip_identifying_exif(file)
        if cleaned is not None:
            return cleaned, kind
    return file, kind
