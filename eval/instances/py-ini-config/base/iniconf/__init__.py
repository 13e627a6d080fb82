"""INI configuration files."""
