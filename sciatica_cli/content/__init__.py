"""Content layer: YAML files, the typed models they become, and the loader."""
