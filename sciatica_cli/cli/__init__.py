"""Command layer: Typer commands as thin glue over the domain and presentation layers."""
