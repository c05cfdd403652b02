"""The service side of the public submissions (O8, O17, O28, O30), once they are filed.

The pages that take them (``models/submission_pages.py``) serve their own forms; what happens next
lives here: who may see complaints (``permissions``), the e-mails to officers and to the people who
filed (``notifications``), the PDPA purge and per-person search (``privacy``), and the officers'
admin forms (``forms``). The figures the pages and reports show are ``models/submission_stats.py``.
"""
