"""Write a synthetic WXR export: N posts in three languages, grouped by Polylang."""

import random
import sys
from xml.sax.saxutils import escape

WORDS = {
    "en": [
        "workers",
        "strike",
        "solidarity",
        "union",
        "port",
        "wages",
        "safety",
        "contract",
        "network",
        "appeal",
    ],
    "el": [
        "εργάτες",
        "απεργία",
        "αλληλεγγύη",
        "σωματείο",
        "λιμάνι",
        "μισθοί",
        "ασφάλεια",
        "σύμβαση",
        "δίκτυο",
    ],
    "pl": [
        "pracownicy",
        "strajk",
        "solidarność",
        "związek",
        "port",
        "płace",
        "bezpieczeństwo",
        "umowa",
        "sieć",
    ],
}
LANGUAGES = list(WORDS)


def paragraph(rng, language, words=90):
    return " ".join(rng.choice(WORDS[language]) for _ in range(words)).capitalize() + "."


def item(rng, wp_id, language, day):
    title = " ".join(rng.choice(WORDS[language]) for _ in range(6)).capitalize()
    body = "".join(
        f"<!-- wp:paragraph --><p>{paragraph(rng, language)}</p><!-- /wp:paragraph -->"
        for _ in range(4)
    )
    return f"""<item><title>{escape(title)}</title>
<link>https://bench.example.org/{language}/{wp_id}/</link>
<category domain="category" nicename="c{wp_id % 12}"><![CDATA[Category {wp_id % 12}]]></category>
<category domain="language" nicename="{language}"><![CDATA[{language}]]></category>
<content:encoded><![CDATA[{body}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>{wp_id}</wp:post_id><wp:post_date_gmt>{day} 10:00:00</wp:post_date_gmt>
<wp:post_name>post-{wp_id}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
"""


def write(path, count, seed=1):
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:wp="http://wordpress.org/export/1.2/"><channel>'
            "<title>Bench</title><link>https://bench.example.org</link>"
            "<language>en</language><wp:wxr_version>1.2</wp:wxr_version>"
            "<wp:base_blog_url>https://bench.example.org</wp:base_blog_url>\n"
        )
        groups = []
        for number in range(count):
            wp_id = number + 1
            language = LANGUAGES[number % 3]
            if language == "en":
                groups.append([])
            groups[-1].append((language, wp_id))
        for group_number, group in enumerate(groups):
            mapping = "".join(f's:2:"{lang}";i:{wp_id};' for lang, wp_id in group)
            out.write(
                f"<wp:term><wp:term_taxonomy>post_translations</wp:term_taxonomy>"
                f"<wp:term_slug>pll_{group_number}</wp:term_slug><wp:term_description>"
                f"<![CDATA[a:{len(group)}:{{{mapping}}}]]></wp:term_description></wp:term>\n"
            )
        for number in range(count):
            day = f"{2000 + number // 3 % 26}-{number % 12 + 1:02d}-{number % 28 + 1:02d}"
            out.write(item(rng, number + 1, LANGUAGES[number % 3], day))
        out.write("</channel></rss>\n")


if __name__ == "__main__":
    write(sys.argv[1], int(sys.argv[2]))
