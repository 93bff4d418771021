/// The widest value Potline accepts for a figure of each unit: far outside anything real, yet
/// small enough that the model built from them stays within the magnitudes GLPK can scale
/// (``LinearModel/coefficientRange``). A column's unit is the end of its name
/// (`capacity_t_per_y` → t/y); the table is documented in Networks/README.md, "Plausible values".
package enum Plausibility {
    struct Limit {
        var suffix: String
        var range: ClosedRange<Double>
        var unit: String
    }

    /// A nonzero figure smaller than this is a typing or unit error in any unit Potline reads
    /// (1 g per tonne, a thousandth of a fen), and it would make a coefficient GLPK cannot scale.
    static let smallestNonzero = 1e-6

    /// Most specific suffix first: the first that ends a column's name applies.
    static let limits: [Limit] = [
        Limit(suffix: "step_kwh_per_t", range: 1...100_000, unit: "kWh/t"),
        Limit(suffix: "transfer_ratio", range: 0.01...100, unit: "t/t"),
        Limit(suffix: "circuity", range: 1...10, unit: ""),
        Limit(suffix: "lifetime_y", range: 1...200, unit: "years"),
        Limit(suffix: "cap_t_per_y", range: 0...1e12, unit: "t/y"),
        Limit(suffix: "yuan_per_kwh_per_step", range: 0...100, unit: "yuan/kWh"),
        Limit(suffix: "t_per_t", range: 0...1e6, unit: "t/t"),
        Limit(suffix: "kwh_per_t", range: 0...100_000, unit: "kWh/t"),
        Limit(suffix: "kwh_per_y", range: 0...1e13, unit: "kWh/y"),
        Limit(suffix: "yuan_per_kwh", range: 0...100, unit: "yuan/kWh"),
        Limit(suffix: "kg_per_kwh", range: 0...10, unit: "kg/kWh"),
        Limit(suffix: "yuan_per_t_per_y", range: 0...1e7, unit: "yuan/t/y"),
        Limit(suffix: "yuan_per_tkm", range: 0...1_000, unit: "yuan/t-km"),
        Limit(suffix: "yuan_per_t", range: 0...1e6, unit: "yuan/t"),
        Limit(suffix: "yuan_per_y", range: 0...1e12, unit: "yuan/y"),
        Limit(suffix: "yuan", range: 0...1e13, unit: "yuan"),
        Limit(suffix: "t_per_y", range: 0...1e10, unit: "t/y"),
        Limit(suffix: "_km", range: 0...100_000, unit: "km"),
        Limit(suffix: "_mw", range: 0...1e6, unit: "MW"),
    ]

    /// Why `value` in `column` is not plausible, or nil. Signs and 0…1 bounds are checked by the
    /// column's own rule; this catches magnitudes.
    package static func violation(column: String, value: Double) -> String? {
        let magnitude = abs(value)
        if magnitude > 0, magnitude < smallestNonzero {
            return "is implausibly small: a nonzero value must be at least \(smallestNonzero) (or 0)"
        }
        guard let limit = limits.first(where: { column.hasSuffix($0.suffix) }) else { return nil }
        if magnitude > limit.range.upperBound {
            return "is outside the plausible \(NumberText.exact(limit.range.lowerBound))…\(NumberText.exact(limit.range.upperBound))"
                + (limit.unit.isEmpty ? "" : " \(limit.unit)")
        }
        if magnitude < limit.range.lowerBound {
            return "is below the plausible \(NumberText.exact(limit.range.lowerBound))" + (limit.unit.isEmpty ? "" : " \(limit.unit)")
        }
        return nil
    }
}

/// The sign or share rule of a figure, as its column documents it (`number ≥ 0`, `number 0…1`).
package enum NumberRange: Sendable {
    case any, nonNegative, positive, fraction

    package func violation(_ value: Double) -> String? {
        switch self {
        case .any: nil
        case .nonNegative: value < 0 ? "is negative" : nil
        case .positive: value <= 0 ? "must be greater than 0" : nil
        case .fraction: (0...1).contains(value) ? nil : "must be between 0 and 1"
        }
    }
}
