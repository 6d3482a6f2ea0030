def to_seconds(moment):
    """Drop sub-second precision, so every machine-readable output states the same instant."""
    return moment.replace(microsecond=0) if moment is not None else None
