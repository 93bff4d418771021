import Foundation

/// Number formatting for people: thousands separators, fixed decimals, no locale surprises.
public enum Format {
    /// `1 solve`, `3 solves`: a count with its noun, plural when it is not one.
    public static func count(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// `1234567.891, decimals: 1` → `1,234,567.9`.
    public static func number(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : (value > 0 ? "∞" : "−∞") }
        // Beyond what an Int holds (and any real quantity), fall back to scientific notation.
        guard abs(value) < 1e15 else { return String(format: "%.3e", value) }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        var rounded = (abs(value) * scale).rounded() / scale
        if rounded == 0 { rounded = 0 }
        let negative = value < 0 && rounded != 0
        guard let whole = Int(checked: rounded, rounding: .down) else { return String(format: "%.3e", value) }
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        grouped = digits + grouped
        if decimals > 0 {
            let fraction = Int.clamped((rounded - Double(whole)) * scale, to: 0...Int(Int32.max))
            let text = String(fraction)
            grouped += "." + String(repeating: "0", count: max(0, decimals - text.count)) + text
        }
        return (negative ? "-" : "") + grouped
    }

    /// Tonnes as kt, one decimal: `1234567` → `1,234.6`.
    public static func kilotonnes(_ tonnes: Double) -> String { number(tonnes / 1_000, decimals: 1) }

    /// Yuan as million yuan, one decimal.
    public static func millionYuan(_ yuan: Double) -> String { number(yuan / 1_000_000, decimals: 1) }

    /// The scale a report shows its money in: million yuan, one decimal, when its largest amount
    /// has at least four figures there; otherwise whole yuan, so a small network's optimum
    /// (cap41's 1,040,444 yuan/y) is not shown as "1.0".
    public enum MoneyScale: Sendable {
        case millionYuan
        case yuan

        /// From this amount up, million yuan keep four significant figures.
        static let millionYuanFrom = 100_000_000.0

        /// The scale for a report whose largest amount is `largest` yuan.
        public init(largest: Double) {
            self = abs(largest) >= Self.millionYuanFrom ? .millionYuan : .yuan
        }

        /// `yuan` in this scale, without its unit.
        public func text(_ yuan: Double) -> String {
            switch self {
            case .millionYuan: Format.millionYuan(yuan)
            case .yuan: Format.number(yuan, decimals: 0)
            }
        }

        /// The unit for headers and sentences: `M yuan` or `yuan`.
        public var unit: String {
            switch self {
            case .millionYuan: "M yuan"
            case .yuan: "yuan"
            }
        }
    }

    /// A 0…1 share as a percentage with one decimal: `0.9583` → `95.8%`.
    public static func percent(_ share: Double) -> String { number(share * 100, decimals: 1) + "%" }

    public static func optional(_ value: Double?, decimals: Int = 0) -> String {
        value.map { number($0, decimals: decimals) } ?? "–"
    }

    /// A change with its sign: `+1,126.8`, `-45.1`, and `0.0` when it rounds to nothing.
    public static func signed(_ value: Double, decimals: Int = 0) -> String {
        let text = number(value, decimals: decimals)
        return text.hasPrefix("-") || text.allSatisfy({ "0.,".contains($0) }) ? text : "+" + text
    }

    /// A duration: `85 ms` below a second, `2.35 s` above.
    public static func seconds(_ value: Double) -> String {
        value < 1 ? "\(number(value * 1000)) ms" : "\(number(value, decimals: 2)) s"
    }
}
