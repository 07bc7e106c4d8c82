"""sciatica: a terminal guide to safe self-massage for sciatica."""

__version__ = "0.1.0"
