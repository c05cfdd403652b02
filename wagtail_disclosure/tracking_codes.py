"""Tracking codes: shown once to the person who filed, stored only as a hash.

80 random bits in base32 (``ABCD-EFGH-JKLM-NPQR``): unguessable, and easy to copy down or read out
over the phone. A leaked database does not let anyone follow a complaint.
"""

import base64
import hashlib
import secrets


def normalise(code):
    """Upper case, no spaces or dashes: what people type back is compared in this form."""
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def hash_code(code):
    return hashlib.sha256(normalise(code).encode()).hexdigest()


def new_code():
    """A fresh code and its hash: ``(code, hash)``."""
    raw = base64.b32encode(secrets.token_bytes(10)).decode()
    code = "-".join(raw[i : i + 4] for i in range(0, 16, 4))
    return code, hash_code(code)
