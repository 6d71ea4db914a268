"""API keys as clients see them, and which root fields each key scope reaches (``scopes``)."""
