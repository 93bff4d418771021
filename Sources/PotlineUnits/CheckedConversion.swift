extension Int {
    /// `value` rounded by `rule`, or nil when it is not finite or lies beyond `Int`'s range,
    /// where `Int(_:)` would trap. Every Double that becomes an Int goes through this.
    public init?(checked value: Double, rounding rule: FloatingPointRoundingRule = .toNearestOrEven) {
        guard value.isFinite else { return nil }
        let rounded = value.rounded(rule)
        // 2^63 is the first double beyond Int.max; Int(exactly:) rejects it, but be explicit.
        guard rounded >= -9.223372036854775808e18, rounded < 9.223372036854775808e18 else { return nil }
        self.init(rounded)
    }

    /// `value` rounded by `rule` and clamped to `range` (a non-finite value takes the nearer end;
    /// NaN the lower): for counts and digits where "more than any real case" is enough.
    public static func clamped(_ value: Double, to range: ClosedRange<Int>, rounding rule: FloatingPointRoundingRule = .toNearestOrEven) -> Int {
        if value.isNaN { return range.lowerBound }
        if value >= Double(range.upperBound) { return range.upperBound }
        if value <= Double(range.lowerBound) { return range.lowerBound }
        return Int(checked: value, rounding: rule) ?? range.lowerBound
    }
}
