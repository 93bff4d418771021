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
    let digits = 11 - decimalExponent(abs(value))
    let scale = digits >= 0 && digits <= 22 ? powersOfTen[digits + 22] : pow(10, Double(digits))
    let rounded = (value * scale).rounded() / scale
    return rounded.isFinite ? rounded : value
}

/// ⌊log₁₀ `magnitude`⌋ as `log10` gives it. Clear of a power of ten, the power-of-two exponent
/// and one comparison with the table say it without `log10` (which was most of ``tidy(_:)``, a
/// sixth of reading a sweep's point); next to a power, where `log10`'s own rounding (within
/// 2 ulp) decides, `log10` is asked.
private func decimalExponent(_ magnitude: Double) -> Int {
    // log₁₀ 2: ⌊log₁₀ m⌋ is this estimate or the next integer.
    var k = Int((Double(Int(magnitude.exponent)) * 0.301_029_995_663_981_2).rounded(.down))
    if k >= -22 && k < 21 {
        if magnitude >= powersOfTen[k + 1 + 22] { k += 1 }
        let margin = 1e-12
        if k < 22 && magnitude > powersOfTen[k + 22] * (1 + margin) && magnitude < powersOfTen[k + 1 + 22] * (1 - margin) {
            return k
        }
    }
    return Int.clamped(log10(magnitude), to: -400...400, rounding: .down)
}

/// 10⁻²²…10²² as `pow` gives them (from 10⁰ up every one a double exactly): what ``tidy(_:)``
/// scales by and compares with, without a `pow` per figure.
private let powersOfTen: [Double] = (-22...22).map { pow(10, Double($0)) }
