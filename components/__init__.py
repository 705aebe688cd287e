"""Custom NLU components, referenced by module path in config.yml."""
