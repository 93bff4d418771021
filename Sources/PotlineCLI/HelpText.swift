/// Help discussions are written wrapped in the source; the parser wraps them again to the
/// terminal's width, so each prose paragraph is joined into one line first. Blank lines end a
/// paragraph; indented lines (examples, lists) stay as written.
enum HelpText {
    static func paragraphs(_ text: String) -> String {
        var lines: [String] = []
        var joinable = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let indented = line.first?.isWhitespace ?? false
            if line.isEmpty || indented || !joinable || line.hasPrefix("- ") {
                lines.append(line)
            } else {
                lines[lines.count - 1] += " " + line
            }
            joinable = !line.isEmpty && !indented
        }
        return lines.joined(separator: "\n")
    }
}
