"""Storage layer: what the program keeps between runs (the pain diary)."""
