"""The OIT's public channels: Q&A (O8), corruption complaints (O28, O29), feedback (O30) and the
satisfaction survey (O16, O17). Models are in ``models/channels.py`` and ``models/channel_pages.py``.
"""
