"""Placeholder: filled by the freshness rule."""
