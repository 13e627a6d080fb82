"""Render a template against a context of nested dicts."""
from templating.lexer import tokenize

_MISSING = object()


def lookup(context, dotted):
    """Follow a dotted path through nested dicts; return _MISSING when any step is absent."""
    value = context
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return _MISSING
        value = value[part]
    return value


def render(source, context):
    out = []
    for token in tokenize(source):
        if token.kind == "text":
            out.append(token.value)
            continue
        value = lookup(context, token.value)
        out.append("" if value is _MISSING or value is None else str(value))
    return "".join(out)
