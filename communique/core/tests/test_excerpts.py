import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from communique.core.excerpts import ELLIPSIS, first_graphemes, html_to_text, truncate_text

GRAPHEME = regex.compile(r"\X")

GREEK = (
    "Την Παγκόσμια Ημέρα Προσφύγων στεκόμαστε δίπλα στους ανθρώπους που διέσχισαν θάλασσες "
    "και σύνορα για να βρουν ασφάλεια, και δίπλα στους λιμενεργάτες και τους γείτονες."
)
POLISH = (
    "Zastrzelenie pracowników w Paryżu spotkało się z niemal uniwersalnym potępieniem, "
    "a żądania związków zawodowych są wszędzie te same: płaca, czas i godność."
)
ARABIC = (
    "في اليوم العالمي للاجئين نقف إلى جانب الذين عبروا البحار والحدود بحثاً عن الأمان، "
    "وإلى جانب عمال الموانئ والصيادين والمعلمين والجيران الذين استقبلوهم على الشاطئ."
)
KOREAN = (
    "배달 앱과 대리운전 앱으로 일하는 노동자들은 하루 열두 시간 넘게 도로 위에 있지만 "
    "법적으로는 노동자로 인정받지 못하고 있습니다."
)
CHINESE = "全世界的工人在五月一日走上街头，口号不同，要求相同：足以生活的工资，留出生活时间的工时，无所畏惧地组织起来的权利。"


def graphemes(text):
    return GRAPHEME.findall(text)


def body_of(excerpt):
    assert excerpt.endswith(ELLIPSIS)
    return excerpt[: -len(ELLIPSIS)]


def test_short_text_is_returned_whole():
    assert truncate_text("Short and sweet.", 400) == "Short and sweet."


def test_cut_counts_characters_not_bytes_in_greek():
    excerpt = truncate_text(GREEK, 60)
    # The byte-counting site gave Greek half the length of English; here the length is in
    # characters, so a Greek excerpt is as long as an English one.
    assert 50 <= len(excerpt) <= 60
    assert len(excerpt.encode()) > 60
    assert GREEK.startswith(body_of(excerpt))


def test_cut_falls_at_a_word_boundary():
    for text in (GREEK, POLISH, ARABIC, KOREAN):
        kept = body_of(truncate_text(text, 50))
        assert text.startswith(kept)
        following = text[len(kept)]
        assert following.isspace() or not following.isalnum(), (text, kept)


def test_polish_diacritics_survive_whole():
    kept = body_of(truncate_text(POLISH, 40))
    assert kept == "Zastrzelenie pracowników w Paryżu"


def test_arabic_is_cut_between_words():
    kept = body_of(truncate_text(ARABIC, 30))
    assert ARABIC.startswith(kept)
    assert ARABIC[len(kept)] == " "


def test_korean_is_cut_at_the_spaces_between_word_groups():
    kept = body_of(truncate_text(KOREAN, 20))
    assert kept == "배달 앱과 대리운전 앱으로 일하는"


def test_chinese_without_spaces_is_cut_between_characters_near_the_limit():
    excerpt = truncate_text(CHINESE, 20)
    assert len(graphemes(excerpt)) == 20
    assert CHINESE.startswith(body_of(excerpt).rstrip("，"))


def test_a_single_overlong_word_is_cut_inside_it():
    excerpt = truncate_text("Donaudampfschifffahrtsgesellschaftskapitän", 10)
    assert excerpt == "Donaudamp" + ELLIPSIS


def test_html_is_stripped_and_entities_decoded():
    html = "<h2>Title</h2><p>Fish &amp; chips&nbsp;<b>now</b></p><script>alert(1)</script><p>x</p>"
    assert html_to_text(html) == "Title Fish & chips\xa0now x".replace("\xa0", " ")


def test_excerpt_never_ends_in_half_an_entity():
    excerpt = truncate_text(html_to_text("<p>" + "word &amp; " * 30 + "</p>"), 25)
    assert "&amp" not in excerpt
    assert excerpt.startswith("word & word &")


def test_combining_marks_and_emoji_are_never_split():
    text = "e\u0301" * 30 + " " + "👩‍👩‍👧" * 30
    excerpt = truncate_text(text, 45)
    assert all(cluster in ("e\u0301", "👩‍👩‍👧", " ", ELLIPSIS) for cluster in graphemes(excerpt))


texts = st.text(
    alphabet=st.characters(exclude_categories=("Cs",)), min_size=0, max_size=600
) | st.lists(
    st.sampled_from([GREEK, POLISH, ARABIC, KOREAN, CHINESE, " ", "e\u0301", "🇬🇷", "&amp;"]),
    max_size=12,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=texts, limit=st.integers(min_value=2, max_value=450))
@example(text=GREEK * 4, limit=400)
def test_excerpt_properties(text, limit):
    excerpt = truncate_text(text, limit)
    folded = " ".join(text.split())  # white space as str.split() knows it (fold_spaces)
    clusters = graphemes(excerpt)
    assert len(clusters) <= max(limit, 1)
    if excerpt.endswith(ELLIPSIS) and len(graphemes(folded)) > limit:
        kept = excerpt[: -len(ELLIPSIS)]
        assert folded.startswith(kept)
        # Never a broken grapheme: the kept part ends where a grapheme of the source ends.
        assert graphemes(folded[: len(kept)]) == graphemes(kept)
    else:
        assert excerpt == folded


@settings(max_examples=500, deadline=None)
@given(text=texts | st.text(alphabet=st.sampled_from(
    "aé\u0301\u200d👩🇬🇷\r\n한\u1100\u1161\u11a8\u0915\u094d\u0937\u0e01\u0e31 \u0600\u0308"
)), count=st.integers(min_value=0, max_value=500))  # fmt: skip
def test_first_graphemes_are_the_segmenters(text, count):
    """Joining characters (marks, joiners, jamo, flags, CR LF, prepended signs) anywhere,
    including right after the last grapheme asked for."""
    assert first_graphemes(text, count) == graphemes(text)[:count]
