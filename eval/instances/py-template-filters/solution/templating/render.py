"""Render a template against a context of nested dicts."""
from templating.errors import TemplateError
from templating.filters import FilterError, apply_filter
from templating.lexer import tokenize

_MISSING = object()


class UndefinedVariable(TemplateError):
    """Strict rendering met a placeholder with no value in the context."""

    def __init__(self, name, line, column):
        super().__init__(f"undefined variable {name!r}", line, column)
        self.name = name


def lookup(context, dotted):
    """Follow a dotted path through nested dicts; return _MISSING when any step is absent."""
    value = context
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return _MISSING
        value = value[part]
    return value


def _render_var(token, context, strict):
    value = lookup(context, token.value)
    has_default = any(name == "default" for name, _, _ in token.filters)
    if value is _MISSING:
        if strict and not has_default:
            raise UndefinedVariable(token.value, token.line, token.column)
        value = None
    for name, arg, has_arg in token.filters:
        try:
            value = apply_filter(name, value, arg, has_arg)
        except FilterError as error:
            raise TemplateError(str(error), token.line, token.column) from None
    return "" if value is None else str(value)


def render(source, context, strict=False):
    """Render; with strict=True a missing variable without a default filter raises UndefinedVariable."""
    out = []
    for token in tokenize(source):
        out.append(token.value if token.kind == "text" else _render_var(token, context, strict))
    return "".join(out)
