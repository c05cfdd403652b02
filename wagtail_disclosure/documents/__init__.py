"""What the app needs from documents: their text, for the checks and for search."""
