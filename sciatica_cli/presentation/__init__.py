"""Presentation layer: the only code that knows about Rich and the terminal."""
