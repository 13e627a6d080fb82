"""Errors raised by the template engine."""


class TemplateError(Exception):
    """Base class; carries the 1-based line and column of the problem."""

    def __init__(self, message, line, column):
        super().__init__(f"{message} (line {line}, column {column})")
        self.line = line
        self.column = column


class TemplateSyntaxError(TemplateError):
    """The template text itself is malformed."""
