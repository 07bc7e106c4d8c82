"""Domain layer: plain Python rules (safety gate, session plans, the hold timer).

Nothing here imports Rich or Typer; the presentation and command layers call in.
"""
