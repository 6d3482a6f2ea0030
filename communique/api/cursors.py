"""Opaque cursors for keyset pagination over (date, id), newest first: no OFFSET scans."""

import base64
import binascii
import datetime

from django.db.models import Q


class InvalidCursor(ValueError):
    pass


def encode_cursor(page):
    raw = f"{page.date.isoformat()}|{page.pk}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor):
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        date_text, pk_text = base64.urlsafe_b64decode(padded).decode().split("|")
        return datetime.date.fromisoformat(date_text), int(pk_text)
    except (ValueError, binascii.Error, UnicodeDecodeError) as error:
        raise InvalidCursor(cursor) from error


def after_cursor(queryset, cursor):
    """Filter `published_versions()` (ordered by listed date and page, newest first) to what
    comes after `cursor`."""
    date, pk = decode_cursor(cursor)
    return queryset.filter(Q(listed_date__lt=date) | Q(listed_date=date, listed_page__lt=pk))
