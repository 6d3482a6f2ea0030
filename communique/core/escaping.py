"""HTML escaping for the public templates' output, as markupsafe's `escape` does it, cheaper.

Jinja escapes every `{{ … }}` of an autoescaped template with markupsafe's `escape`, which
wraps the escaped text in `Markup(…)`: a Python call that first asks the text for an
`__html__` method (for a plain string, a failed attribute lookup each time). A page
outputs about a hundred values: 490 ns each that way, 214 here, 3 % of the instructions of
the static export's pages (bench/HISTORY.md, the seventeenth stop). Here a plain string's
escaped text becomes a `Markup` without that call, and a `Markup` is given back as it is
(its `__html__` is itself: markupsafe would copy it); anything else goes to markupsafe. A
property test holds this to markupsafe's result for any text.
"""

import markupsafe
from markupsafe import Markup

# markupsafe's C escaping of a str (its own `escape` calls it): private, so a test checks it.
_escape_text = markupsafe._escape_inner
_as_markup = str.__new__


def escape(value):
    kind = type(value)
    if kind is str:
        return _as_markup(Markup, _escape_text(value))
    if kind is Markup:
        return value
    return markupsafe.escape(value)
