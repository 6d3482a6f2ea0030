import datetime


def to_seconds(moment):
    """Drop sub-second precision, so every machine-readable output states the same instant."""
    return moment.replace(microsecond=0) if moment is not None else None


def first_of_next_month(day):
    """The first day of the month after the one `day` falls in."""
    return (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
