import re

from django.conf import settings
from django.middleware.locale import LocaleMiddleware

_LANGUAGE_LIKE = re.compile(r"^/([a-z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})?)(/|$)")


class CommuniqueLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that an unknown language prefix is a plain 404.

    Django would redirect `/zz/` to `/en/zz/`, which hides the mistake from the reader.
    """

    def process_response(self, request, response):
        match = _LANGUAGE_LIKE.match(request.path_info)
        known = {code for code, _name in settings.LANGUAGES}
        if response.status_code == 404 and match and match.group(1) not in known:
            return response
        return super().process_response(request, response)
