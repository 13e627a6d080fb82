"""Filters applied to placeholder values: {{ value | name }} or {{ value | name:arg }}."""
from decimal import Decimal, InvalidOperation


class FilterError(ValueError):
    """A filter was misused; the renderer turns this into a positioned TemplateError."""


def _text(value):
    return "" if value is None else str(value)


def _default(value, arg):
    return arg if value is None or value == "" else value


def _fixed(value, digits):
    if not isinstance(digits, int) or digits < 0:
        raise FilterError(f"fixed needs a non-negative whole number of digits, got {digits!r}")
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise FilterError(f"fixed cannot format {value!r}: not a number") from None
    return f"{number:.{digits}f}"


def _truncate(value, length):
    if not isinstance(length, int) or length < 1:
        raise FilterError(f"truncate needs a positive length, got {length!r}")
    text = _text(value)
    return text if len(text) <= length else text[: length - 1] + "…"


# name -> (function, whether it takes an argument)
FILTERS = {
    "upper": (lambda value: _text(value).upper(), False),
    "lower": (lambda value: _text(value).lower(), False),
    "trim": (lambda value: _text(value).strip(), False),
    "default": (_default, True),
    "fixed": (_fixed, True),
    "truncate": (_truncate, True),
}


def check_filter(name, has_arg):
    """Raise FilterError when the filter does not exist or is called with the wrong arity."""
    if name not in FILTERS:
        raise FilterError(f"unknown filter {name!r}; known filters: {', '.join(sorted(FILTERS))}")
    takes_arg = FILTERS[name][1]
    if takes_arg and not has_arg:
        raise FilterError(f"filter {name!r} needs an argument, as in {name}:…")
    if has_arg and not takes_arg:
        raise FilterError(f"filter {name!r} takes no argument")


def apply_filter(name, value, arg=None, has_arg=False):
    check_filter(name, has_arg)
    function, takes_arg = FILTERS[name]
    return function(value, arg) if takes_arg else function(value)
