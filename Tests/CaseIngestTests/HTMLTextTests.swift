import CaseCorpus
@testable import CaseIngest
import Foundation
import Testing

/// The byte reader of HTML pages gives exactly the text the character-by-character definition
/// gives: on pages, on the places where a scalar beyond ASCII could join a delimiter, and on
/// mutations of the development corpus's HTML page.
@Suite struct HTMLTextTests {
    static let tricky = [
        "<p>a &amp; b</p>",
        "<\u{0301}p>x</p><p>y</p>",
        "<p>x</p>\u{0600}<p>y</p>",
        "<p>a &amp;\u{0301} b</p>",
        "<p>caf&#769; x</p><p>a &#32;&#769;b &#x600; c</p>",
        "<script>var s = '<p>'; </SCRIPT><p>text</p>",
        "<style>p{}</style ><p>t</p>",
        "<script>ſ</script><p>after the script</p>",
        "<div id=\"site-header\"><a>Skip to content</a></div><p>The European Parliament,</p>",
        "<P CLASS='main_nav'>x</P><p>y</p><div class=\"résumé nav\">z</div>",
        "<p>line\r\n  with   spaces <br/> and\ttabs</p>\r\n<p> a \r\n b </p>",
        "<p>&#x110000; &#xD800; &#65; &+12; &#+65; &amp &verylongentityname; &;</p>",
        "<p>unterminated <b",
        "text > with > gt & amp",
        "<p>Ελληνικά &laquo;x&raquo; — Ruritanian «quotes» Zoë Ödön</p>",
        "<table><tr><td>a</td><td>b</td></tr></table>",
        "<p>x</p><p>\u{1F1EB}\u{1F1F7} flag &#x1F1EB;&#x1F1F7;</p>",
        "<ul><li>one</li><li>two<br>three</li></ul><img src=x><hr/>",
        "<head><title>Texts adopted</title><script>x</script></head><body><nav>menu</nav><p>body</p></body>",
    ]

    @Test(arguments: tricky)
    func readsBytesAsTheCharactersAre(html: String) {
        #expect(HTMLText.plainText(html) == HTMLText.characterPlainText(html))
    }

    @Test func readsMutatedPagesAsTheCharactersAre() throws {
        let root = try #require(Bundle.module.url(forResource: "dev", withExtension: nil, subdirectory: "Fixtures"))
        let page = try String(contentsOf: root.appendingPathComponent("composed/02-china.html"), encoding: .utf8)
        #expect(HTMLText.plainText(page) == HTMLText.characterPlainText(page))
        let mutator = TextMutator()
        for seed in 1...150 {
            let mutated = String(decoding: mutator.mutate(page, seed: UInt64(seed)).bytes, as: UTF8.self)
            #expect(HTMLText.plainText(mutated) == HTMLText.characterPlainText(mutated), "seed \(seed)")
        }
    }
}
