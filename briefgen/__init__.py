"""briefgen: offline weekly briefs from Persian and English news articles."""

__version__ = "0.1.0"
