import Foundation

/// How numbers are written in network files: decimal, with optional `_` between digits.
package enum NumberText {
    package static func parse(_ text: String) -> Double? {
        // Most cells have no `_`; skipping Foundation's replacement for them halves a table's read.
        let digits = text.utf8.contains(UInt8(ascii: "_")) ? text.replacingOccurrences(of: "_", with: "") : text
        guard let value = Double(digits), value.isFinite else { return nil }
        return value
    }

    /// The shortest text that reads back as `value`, after rounding away floating-point noise
    /// (0.3 × 1.2 is written 0.36, not 0.36000000000000004).
    package static func format(_ value: Double) -> String {
        exact(tidy(value))
    }

    /// The shortest text that reads back as exactly `value` (`100000`, `0.38346666666666673`).
    package static func exact(_ value: Double) -> String {
        // Whole numbers below 1e15 print without ".0"; larger ones keep the exponent form.
        if value == value.rounded(), abs(value) < 1e15, let whole = Int(checked: value) { return String(whole) }
        return String(value)
    }
}

/// Rounds away floating-point noise (17009.999999999996 → 17010): 12 significant digits,
/// far beyond the precision of any input figure.
package func tidy(_ value: Double) -> Double {
    guard value.isFinite, value != 0 else { return value }
    let digits = 11 - Int.clamped(log10(abs(value)), to: -400...400, rounding: .down)
    let scale = pow(10, Double(digits))
    let rounded = (value * scale).rounded() / scale
    return rounded.isFinite ? rounded : value
}
