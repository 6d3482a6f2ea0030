from urllib.parse import urljoin

import lxml.html


def absolutize_html(html, base_url):
    """Return `html` with every link and image address made absolute against `base_url`."""
    if not html.strip():
        return html
    fragment = lxml.html.fragment_fromstring(html, create_parent="div")
    fragment.rewrite_links(lambda link: urljoin(base_url, link))
    inner = (fragment.text or "") + "".join(
        lxml.html.tostring(child, encoding="unicode") for child in fragment
    )
    return inner
