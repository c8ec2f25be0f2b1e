import Testing
@testable import Dialogs

struct HTMLTests {
    @Test func escapesTheFourCharactersTelegramNeeds() {
        #expect(HTML.escape("a < b & c > \"d\" 'e'") == "a &lt; b &amp; c &gt; &quot;d&quot; 'e'")
        #expect(HTML.escape("Кыргызча 👩🏽‍⚕️") == "Кыргызча 👩🏽‍⚕️")
    }

    @Test func plainTextUndoesTagsAndEntities() {
        #expect(HTML.plainText("<b>x &amp; y</b> &lt;3 &copy;") == "x & y <3 &copy;")
    }

    @Test func truncateNeverSplitsAnEntityOrLeavesATagOpen() {
        let text = "<b>" + String(repeating: "&amp;", count: 10) + "</b>"
        #expect(HTML.visibleCount(ofEscaped: text) == 10)
        #expect(HTML.truncate(escaped: text, toVisible: 10) == text)
        #expect(HTML.truncate(escaped: text, toVisible: 4) == "<b>&amp;&amp;&amp;…</b>")
    }

    @Test func staffTextIsEscapedAndPlaceholdersAreKept() {
        let template = TextTemplate(staffText: "A & {alias} <{answer.x}> {not a placeholder} {")
        #expect(template.placeholders == [.alias, .answer(stepId: "x")])
        #expect(template.render { _ in "Z" } == "A &amp; Z &lt;Z&gt; {not a placeholder} {")
    }
}
