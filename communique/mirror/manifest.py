"""The exporter's record of a mirror: when it was exported, and for each page its cache tags
(core/page_cache.py), the statements it shows and which stretch of which listing it is
(statements/windows.py).

Kept in an SQLite file in the mirror's directory (`.communique-mirror.sqlite`) so that
`--changed` asks it, through indexes, for the few pages a change touches: a mirror of
100,000 statements holds some 600,000 pages, whose record as JSON took seconds to read and
write. Each export writes its pages' records in one transaction.
"""

import sqlite3
from pathlib import Path

NAME = ".communique-mirror.sqlite"
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS pages (
    id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, locale TEXT, scope TEXT,
    number INTEGER, newest_date TEXT, newest_id INTEGER, statement INTEGER);
CREATE INDEX IF NOT EXISTS pages_window ON pages (scope, locale, number);
CREATE INDEX IF NOT EXISTS pages_newest ON pages (scope, locale, newest_date);
CREATE INDEX IF NOT EXISTS pages_statement ON pages (statement);
CREATE INDEX IF NOT EXISTS pages_unwindowed ON pages (id) WHERE scope IS NULL AND statement IS NULL;
CREATE INDEX IF NOT EXISTS pages_statements ON pages (locale, statement)
    WHERE statement IS NOT NULL;
CREATE TABLE IF NOT EXISTS tags (tag TEXT NOT NULL, page INTEGER NOT NULL,
    PRIMARY KEY (tag, page)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS tags_page ON tags (page);
CREATE TABLE IF NOT EXISTS shown (statement INTEGER NOT NULL, page INTEGER NOT NULL,
    PRIMARY KEY (statement, page)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS shown_page ON shown (page);
"""
CHUNK = 500  # values per IN (…): under SQLite's limit on variables


def locale_of(path):
    """The language a page is in, by its address (`/el/…` → "el"); "" for the site's root
    files (the sitemap, robots.txt)."""
    first = path.split("/", 2)[1]
    return "" if "." in first or not first else first


def _row(path, tags, window):
    """(the `pages` row's values after its path, the statements it shows) of a page."""
    window = window or {}
    newest = window.get("newest") or (None, None)
    values = (locale_of(path), window.get("scope"), window.get("number"), *newest,
              statement_id(tags))  # fmt: skip
    return values, window.get("pages", ())


def statement_id(tags):
    """The page id of a statement's own page (tagged `page:<id>`), else None."""
    return next((int(tag[len("page:") :]) for tag in tags if tag.startswith("page:")), None)


class Manifest:
    """The record of the mirror in `directory`, on one connection from the first question
    to `close()` (an export asks it a hundred small questions; opening the file for each
    was a third of the time they took)."""

    def __init__(self, directory):
        self.path = Path(directory) / NAME
        self._db = None

    def exists(self):
        return self.path.exists()

    def _connection(self):
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, isolation_level=None)
            self._db.executescript(SCHEMA)
        return self._db

    def close(self):
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self):
        return self

    def __exit__(self, *_exception):
        self.close()

    def exported_at(self):
        row = self._connection().execute("SELECT value FROM meta WHERE key = 'exported_at'")
        row = row.fetchone()
        return row and row[0]

    def paths(self):
        return {path for (path,) in self._connection().execute("SELECT path FROM pages")}

    def count(self):
        return self._connection().execute("SELECT count(*) FROM pages").fetchone()[0]

    def save(self, exported_at, pages, removed=(), replace=False):
        """Record `pages` ({path: (tags, window or None)}), forget `removed`, and note the
        time of the export; `replace`: `pages` is the whole mirror."""
        db = self._connection()
        db.execute("BEGIN")
        try:
            if replace:
                self._replace(db, pages)
            else:
                self._forget(db, list(removed))
                recorded = self._ids(db, list(pages))
                for path, (tags, window) in pages.items():
                    values, shown = _row(path, tags, window)
                    if path in recorded:
                        self._update(db, recorded[path], values, tags, shown)
                        continue
                    page = db.execute(
                        "INSERT INTO pages (path, locale, scope, number, newest_date, newest_id,"
                        " statement) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (path, *values),
                    ).lastrowid
                    db.executemany("INSERT INTO tags VALUES (?, ?)", [(tag, page) for tag in tags])
                    db.executemany("INSERT OR IGNORE INTO shown VALUES (?, ?)",
                                   [(statement, page) for statement in shown])  # fmt: skip
            db.execute("INSERT OR REPLACE INTO meta VALUES ('exported_at', ?)", (exported_at,))
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    @staticmethod
    def _replace(db, pages):
        """The whole record written anew: the rows numbered here, each table's rows
        inserted at once and its indexes made again after them (a row at a time, with the
        indexes kept up at every insert, it took a third longer: 1.73 s against 1.33 on
        10,000 statements)."""
        for table in ("tags", "shown", "pages"):
            db.execute(f"DELETE FROM {table}")  # noqa: S608 - our own names
        indexes = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                             " AND sql IS NOT NULL").fetchall()  # fmt: skip
        for name, _sql in indexes:
            db.execute(f"DROP INDEX {name}")  # noqa: S608 - our own names
        rows, tagged, showing = [], [], []
        for page, (path, (tags, window)) in enumerate(pages.items(), start=1):
            values, shown = _row(path, tags, window)
            rows.append((page, path, *values))
            tagged += [(tag, page) for tag in tags]
            showing += [(statement, page) for statement in shown]
        db.executemany("INSERT INTO pages (id, path, locale, scope, number, newest_date,"
                       " newest_id, statement) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)  # fmt: skip
        db.executemany("INSERT INTO tags VALUES (?, ?)", tagged)
        db.executemany("INSERT OR IGNORE INTO shown VALUES (?, ?)", showing)
        for _name, sql in indexes:
            db.execute(sql)

    def _ids(self, db, paths):
        """{path: row id} of those of `paths` the manifest holds."""
        sql = "SELECT path, id FROM pages WHERE path IN ({marks})"
        return dict(self._select(sql, (), paths))

    @staticmethod
    def _update(db, page, values, tags, shown):
        """A page rendered again keeps its row: only the tags and shown statements that
        changed are written. A feed shows 50 statements and usually one more or less; when
        its row was replaced, its 50 rows in `shown` (a table of millions on 100,000
        statements) were deleted and written again, most of saving `--changed`."""
        db.execute("UPDATE pages SET locale = ?, scope = ?, number = ?, newest_date = ?,"
                   " newest_id = ?, statement = ? WHERE id = ?", (*values, page))  # fmt: skip
        for table, column, new in (("tags", "tag", set(tags)), ("shown", "statement", set(shown))):
            old = {value for (value,) in db.execute(
                f"SELECT {column} FROM {table} WHERE page = ?", (page,))}  # noqa: S608  # fmt: skip
            db.executemany(f"DELETE FROM {table} WHERE {column} = ? AND page = ?",  # noqa: S608
                           [(value, page) for value in old - new])  # fmt: skip
            db.executemany(f"INSERT INTO {table} VALUES (?, ?)",  # noqa: S608
                           [(value, page) for value in new - old])  # fmt: skip

    @staticmethod
    def _forget(db, paths):
        for start in range(0, len(paths), CHUNK):
            chunk = paths[start : start + CHUNK]
            marks = ",".join("?" * len(chunk))
            ids = f"SELECT id FROM pages WHERE path IN ({marks})"  # noqa: S608 - marks only
            db.execute(f"DELETE FROM tags WHERE page IN ({ids})", chunk)  # noqa: S608
            db.execute(f"DELETE FROM shown WHERE page IN ({ids})", chunk)  # noqa: S608
            db.execute(f"DELETE FROM pages WHERE path IN ({marks})", chunk)  # noqa: S608

    def _select(self, sql, values, chunked=None):
        """Rows of `sql`, given the fixed `values` and, where `{marks}` stands for them, the
        `chunked` values, a chunk at a time."""
        db = self._connection()
        if chunked is None:
            return db.execute(sql, values).fetchall()
        rows, chunked = [], list(chunked)
        for start in range(0, len(chunked), CHUNK):
            chunk = chunked[start : start + CHUNK]
            query = sql.format(marks=",".join("?" * len(chunk)))
            rows += db.execute(query, [*values, *chunk]).fetchall()
        return rows

    def tagged(self, tags):
        """Paths of the pages carrying any of `tags`."""
        sql = "SELECT path FROM pages JOIN tags ON tags.page = pages.id WHERE tag IN ({marks})"
        return {path for (path,) in self._select(sql, (), tags)}

    def tagged_without_window(self, tag):
        """Paths of the pages carrying `tag` that did not say what they show, statements'
        own pages aside (they carry their statement's tag, never `listings`: see
        page_cache.tags_of). A few dozen pages, read through their own index: from the
        tag's side, `listings` is on four pages in five (50 ms on 100,000 statements)."""
        sql = ("SELECT path FROM pages INDEXED BY pages_unwindowed CROSS JOIN tags"
               " ON tags.page = pages.id WHERE scope IS NULL AND statement IS NULL"
               " AND tag IN ({marks})")  # fmt: skip
        return {path for (path,) in self._select(sql, (), [tag])}

    def showing(self, statements):
        """(path, locale, scope, number) of the pages showing any of these statements."""
        sql = ("SELECT DISTINCT path, locale, scope, number FROM pages JOIN shown"
               " ON shown.page = pages.id WHERE shown.statement IN ({marks})")  # fmt: skip
        return self._select(sql, (), statements)

    def shown_in(self, scopes):
        """The statements that the pages of these listings show, in any language."""
        sql = ("SELECT DISTINCT shown.statement FROM shown JOIN pages ON shown.page = pages.id"
               " WHERE pages.scope IN ({marks})")  # fmt: skip
        return {page_id for (page_id,) in self._select(sql, (), scopes)}

    def in_scope(self, locale, scope):
        """(path, number, (newest date, newest id)) of the pages of a listing in `locale`."""
        return self.in_scopes([(locale, scope)]).get((locale, scope), [])

    def in_scopes(self, listings, only_from=None):
        """{(locale, scope): in_scope(locale, scope)} for the `listings`.

        `only_from` (archive number or None, newest date or None): only the pages that may
        change when a statement comes or goes from there, leaving out a long listing's
        unmoved middle (on 100,000 statements a locale's listing has 10,000 pages): the
        front and newest pages (numbered 0 and below), each listing's last archive page, and
        those numbered from that number or whose newest statement is from that date on.
        Each is a range of an index, (scope, locale, number) or (scope, locale,
        newest_date): asked as one question with ORs, or for the last page with a GROUP
        BY, SQLite read every page of the listings (0.13 s on 100,000 statements).
        """
        wanted = set(listings)
        scopes = {scope for _locale, scope in wanted}
        locales = sorted({locale for locale, _scope in wanted})  # a dozen at most
        columns = "locale, scope, path, number, newest_date, newest_id"
        # marks: the scopes, a chunk at a time
        where = f"locale IN ({','.join('?' * len(locales))}) AND scope IN ({{marks}})"
        if only_from is None:
            ranges = [("", ())]
        else:
            number, date = only_from
            ranges = [("number <= 0 AND ", ())]
            ranges += [("number >= ? AND ", (number,))] * (number is not None)
            ranges += [("newest_date >= ? AND ", (date,))] * (date is not None)
        rows = set()
        for near, values in ranges:
            sql = f"SELECT {columns} FROM pages WHERE {near}{where}"  # noqa: S608 - marks only
            rows.update(self._select(sql, (*values, *locales), scopes))
        if only_from is not None:
            last = (f"SELECT {columns} FROM pages WHERE scope = ? AND locale = ?"  # noqa: S608
                    " ORDER BY number DESC LIMIT 1")  # fmt: skip
            for locale, scope in wanted:
                rows.update(self._select(last, (scope, locale)))
        found = {}
        for locale, scope, path, number, date, page_id in rows:
            if (locale, scope) in wanted:
                found.setdefault((locale, scope), []).append((path, number, (date, page_id)))
        return found

    def scopes_present(self, scopes):
        """Those of the listings `scopes` the mirror has a page of, in any language (a
        question each, the first page of the index: DISTINCT read all their pages)."""
        sql = "SELECT 1 FROM pages WHERE scope = ? LIMIT 1"
        return {scope for scope in scopes if self._select(sql, (scope,))}

    def scopes_starting(self, locale, prefix):
        """The listings in `locale` whose names start with `prefix` ("month:2026-"): a
        range of the scope index (SQLite's LIKE, case-insensitive, cannot use it and read
        all the mirror's rows: 20 ms a language on 100,000 statements)."""
        after = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        sql = "SELECT DISTINCT scope FROM pages WHERE scope >= ? AND scope < ? AND locale = ?"
        return {scope for (scope,) in self._select(sql, (prefix, after, locale))}

    def known(self, paths):
        """Those of `paths` the mirror holds."""
        return {path for (path,) in self._select("SELECT path FROM pages WHERE path IN ({marks})",
                                                  (), paths)}  # fmt: skip

    def statement_ids(self, paths):
        """The page ids of those of `paths` that are statements' own pages."""
        sql = "SELECT statement FROM pages WHERE statement IS NOT NULL AND path IN ({marks})"
        return {page_id for (page_id,) in self._select(sql, (), paths)}


def statement_pages(pages):
    """{language: {page id: path}} of the statements' own pages among `pages` ({path: (tags,
    window)}, as Manifest.save takes them)."""
    found = {}
    for path, (tags, _window) in pages.items():
        page_id = statement_id(tags)
        if page_id is not None:
            found.setdefault(locale_of(path), {})[page_id] = path
    return found


class IndexedStatements:
    """The statements' own pages in the manifest, as the search index asks for them
    (search_index.build): per language, the highest page id and the pages in a run of ids,
    through the index on (locale, statement). Reading every statement's row instead took
    0.15–0.3 s on 100,000 statements, most of `--changed`'s time after the crawl.
    `languages`: the languages that may have statements (the site's)."""

    def __init__(self, manifest, languages):
        self.manifest, self.candidates = manifest, languages

    def languages(self):
        return [language for language in self.candidates if self.top(language) is not None]

    def top(self, language):
        """The highest page id of the language's statements, or None."""
        sql = "SELECT max(statement) FROM pages WHERE locale = ? AND statement IS NOT NULL"
        return self.manifest._select(sql, (language,))[0][0]

    def between(self, language, start, stop):
        """{page id: path} of the language's statements with ids from `start` to before
        `stop`."""
        sql = ("SELECT statement, path FROM pages WHERE locale = ? AND statement >= ?"
               " AND statement < ?")  # fmt: skip
        return dict(self.manifest._select(sql, (language, start, stop)))

    def any_between(self, language, start, stop):
        sql = ("SELECT 1 FROM pages WHERE locale = ? AND statement >= ? AND statement < ?"
               " LIMIT 1")  # fmt: skip
        return bool(self.manifest._select(sql, (language, start, stop)))
