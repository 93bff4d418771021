/// How numbers are written in network files: decimal, with optional `_` between digits.
enum NumberText {
    static func parse(_ text: String) -> Double? {
        guard let value = Double(text.replacingOccurrences(of: "_", with: "")), value.isFinite else { return nil }
        return value
    }

    /// The shortest text that reads back as `value`, after rounding away floating-point noise
    /// (0.3 × 1.2 is written 0.36, not 0.36000000000000004).
    static func format(_ value: Double) -> String {
        exact(tidy(value))
    }

    /// The shortest text that reads back as exactly `value` (`100000`, `0.38346666666666673`).
    static func exact(_ value: Double) -> String {
        // Whole numbers below 1e15 print without ".0"; larger ones keep the exponent form.
        if value == value.rounded(), abs(value) < 1e15, let whole = Int(checked: value) { return String(whole) }
        return String(value)
    }
}
