"""Placeholder: filled by the mail helper."""
