"""HTML -> plain text and blocks: what a reader sees is what offsets count."""
import pytest

from plugin.adapters.html import html_blocks, html_to_text


@pytest.mark.parametrize("html, text", [
    ("Tom &amp; Jerry", "Tom & Jerry"),
    ("&ldquo;Yes,&rdquo; she said &#8212; twice&#x21;", "“Yes,” she said — twice!"),
    ("a&nbsp;b", "a\xa0b"),  # a no-break space is text, not markup
    ("<b>bold <i>and <a href='#'>linked <span>deep</span></a></i></b> end", "bold and linked deep end"),
    ("No<em>space</em>added", "Nospaceadded"),
    ("  spread \n  over\tlines  ", "spread over lines"),
    ("Hello <em> world</em>", "Hello world"),
    ("line one<br>line two<br/>line three", "line one\nline two\nline three"),
    ("trailing break<br>", "trailing break"),
    ("<p>one</p><p>two</p>", "one\ntwo"),
    ("<h2>Title</h2>text after", "Title\ntext after"),
    ("visible<script>var hidden = 1;</script><style>p{}</style>!", "visible!"),
    ("text <!-- a comment --> more", "text more"),
    ("<p>unclosed <b>bold", "unclosed bold"),
    ("", ""),
    (None, ""),
    # A NUL or U+0001 in the text is dropped, as browsers drop a NUL; neither may
    # pass for a block or line break (they serve as such inside the flattening).
    ("one\x00two", "onetwo"),
    ("<p>one\x00</p>\x00<p>two\x01three</p>", "one\ntwothree"),
    ("<pre>a\x01\nb</pre>", "a\nb"),
])
def test_html_to_text(html, text):
    assert html_to_text(html) == text


def test_offsets_in_the_text_are_code_points_of_the_decoded_text():
    text = html_to_text("<p>Caf&eacute; <em>&#x1F600;</em> &amp; more</p>")
    assert text == "Café 😀 & more"
    assert text.index("&") == 7  # one code point each for é and the emoji


def test_blocks_of_a_body():
    html = ("<h2>Heading</h2><p>Para &amp; <em>graph</em></p>"
            "<figure><img src='a.jpg' alt='Alt text'>"
            "<figcaption>Caption <b>here</b>. AFP</figcaption></figure>"
            "<blockquote><p>Quoted words.</p><cite>A Person</cite></blockquote>"
            "<ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul>"
            "<hr><table><tr><td>cell</td></tr></table><p><img src='b.jpg'></p><p>   </p>")
    assert html_blocks(html) == [
        {"type": "heading", "text": "Heading"},
        {"type": "paragraph", "text": "Para & graph"},
        {"type": "image", "caption": "Caption here. AFP", "alt": "Alt text"},
        {"type": "quote", "text": "Quoted words.", "attribution": "A Person"},
        {"type": "paragraph", "text": "one"},
        {"type": "paragraph", "text": "two"},
        {"type": "paragraph", "text": "nested"},
        {"type": "embed", "text": "cell"},
        {"type": "image", "caption": ""},
    ]


def test_loose_text_splits_into_paragraphs_on_blank_lines():
    assert html_blocks("first <b>para</b>\n\nsecond para\n<p>third</p>") == [
        {"type": "paragraph", "text": "first para"},
        {"type": "paragraph", "text": "second para"},
        {"type": "paragraph", "text": "third"},
    ]


def test_deep_nesting_is_unwrapped_not_a_recursion_error():
    # Every walk of the tree recurses; 500 nested <div>s used to exhaust the stack.
    html = "<div>" * 500 + "<p>Deep text</p>" + "<div/>" * 3 + "</div>" * 500 + "<p>Tail</p>"
    assert html_blocks(html) == [{"type": "paragraph", "text": "Deep text"},
                                 {"type": "paragraph", "text": "Tail"}]


def test_nested_figures_are_read_once_each_and_quickly():
    # find_all on every level made nested figures take time exponential in the depth.
    import time
    started = time.perf_counter()
    html_blocks("<figure><figcaption>" * 60 + "cap")
    assert time.perf_counter() - started < 2
    gallery = "<figure><figure><img src=a.jpg><figcaption>A</figcaption></figure>" \
              "<figure><img src=b.jpg><figcaption>B</figcaption></figure></figure>"
    assert [b["caption"] for b in html_blocks(gallery)] == ["A", "B"]
