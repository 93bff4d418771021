/// Something in a ``LinearModel`` that no solver should be handed.
public struct LinearModelError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }

    /// The first of `problems`, with the count of the rest; nil when there are none.
    init?(summarising problems: [LinearModelError]) {
        guard let first = problems.first else { return nil }
        message = first.message + (problems.count > 1 ? " (and \(problems.count - 1) more problems)" : "")
    }

    init(message: String) { self.message = message }
}

extension LinearModel {
    /// Longest name GLPK and the LP/MPS writers accept.
    public static let maximumNameLength = 255

    /// Magnitudes a backend is handed (README, "Numeric range"). A nonzero matrix coefficient
    /// outside this range makes GLPK's scaling give wrong answers (measured: a coefficient of
    /// 1e-30 or 1e200 in the China model turned it infeasible) or abort the process (1e-320).
    /// The China model spans 0.006…1.5e6.
    public static let coefficientRange: ClosedRange<Double> = 1e-12...1e12
    /// Largest objective coefficient (China: 1e9 yuan/y for a site).
    public static let largestCost = 1e13
    /// Largest finite bound; GLPK's branch-and-bound asserts on bounds near ±DBL_MAX.
    public static let largestBound = 1e15

    /// Checks everything a backend relies on, so that no C library ever sees a bad model
    /// (GLPK aborts the process on duplicate entries, out-of-range indices, lower > upper,
    /// or names over 255 bytes). Returns every problem found, not just the first.
    /// `forFiles` adds what only an LP or MPS file needs: names unique among columns and among
    /// rows, so another solver reads the model back as written. A solve does not look names up,
    /// so it skips that check (a set of every name, on every solve of a sweep).
    public func problems(forFiles: Bool = false) -> [LinearModelError] {
        var problems: [LinearModelError] = []
        func report(_ message: String) { problems.append(LinearModelError(message: message)) }

        checkName(name, what: "model name", report)
        if forFiles {
            var names = Set<String>(minimumCapacity: columns.count + rows.count)
            for (j, column) in columns.enumerated() where !names.insert(column.name).inserted {
                report("column \(j) '\(column.name)': name used twice")
            }
            names.removeAll(keepingCapacity: true)
            for (i, row) in rows.enumerated() where !names.insert(row.name).inserted {
                report("row \(i) '\(row.name)': name used twice")
            }
        }
        for j in columns.indices { checkColumn(j, report) }
        for i in rows.indices { checkRow(i, report) }
        checkObjectiveConstant(report)

        var seen = Set<Int64>()
        seen.reserveCapacity(coefficients.count)
        let columnCount = Int64(columns.count)
        for entry in coefficients {
            guard rows.indices.contains(entry.row), columns.indices.contains(entry.column) else {
                report("coefficient at (row \(entry.row), column \(entry.column)) is out of range")
                continue
            }
            checkCoefficient(entry, report)
            if !seen.insert(Int64(entry.row) * columnCount + Int64(entry.column)).inserted {
                report("'\(columns[entry.column].name)' appears twice in row '\(rows[entry.row].name)'")
            }
        }
        return problems
    }

    /// Throws the first problem ``problems()`` finds, with the count of the rest.
    public func validate(forFiles: Bool = false) throws(LinearModelError) {
        if let error = LinearModelError(summarising: problems(forFiles: forFiles)) { throw error }
    }

    /// The checks of one column: its name, bounds, cost and kind.
    func checkColumn(_ j: Int, _ report: (String) -> Void) {
        let column = columns[j]
        let what = "column \(j) '\(column.name)'"
        checkName(column.name, what: what, report)
        checkBounds(column.lower, column.upper, what: what, report)
        if !column.cost.isFinite {
            report("\(what): cost \(column.cost) is not finite")
        } else if abs(column.cost) > Self.largestCost {
            report("\(what): cost \(column.cost) is beyond ±\(Self.largestCost)")
        }
        if column.kind == .binary, column.lower < 0 || column.upper > 1 {
            report("\(what): binary column must have bounds within [0, 1]")
        }
    }

    func checkRow(_ i: Int, _ report: (String) -> Void) {
        let what = "row \(i) '\(rows[i].name)'"
        checkName(rows[i].name, what: what, report)
        checkBounds(rows[i].lower, rows[i].upper, what: what, report)
    }

    func checkObjectiveConstant(_ report: (String) -> Void) {
        if !objectiveConstant.isFinite || abs(objectiveConstant) > Self.largestBound {
            report("objective constant \(objectiveConstant) is not finite or beyond ±\(Self.largestBound)")
        }
    }

    /// The magnitude of one nonzero whose row and column are in range.
    func checkCoefficient(_ entry: Coefficient, _ report: (String) -> Void) {
        if !entry.value.isFinite {
            report("coefficient of '\(columns[entry.column].name)' in '\(rows[entry.row].name)' is not finite")
        } else if entry.value != 0, !Self.coefficientRange.contains(abs(entry.value)) {
            report(
                "coefficient \(entry.value) of '\(columns[entry.column].name)' in '\(rows[entry.row].name)' is outside "
                    + "±\(Self.coefficientRange.lowerBound)…\(Self.coefficientRange.upperBound)")
        }
    }

    private func checkName(_ name: String, what: String, _ report: (String) -> Void) {
        if name.utf8.count > Self.maximumNameLength {
            report("\(what): name is longer than \(Self.maximumNameLength) bytes")
        }
        if name.utf8.contains(where: { $0 < 0x21 || $0 == 0x7f }) {
            report("\(what): name contains a space or control character")
        }
    }

    private func checkBounds(_ lower: Double, _ upper: Double, what: String, _ report: (String) -> Void) {
        if lower.isNaN || upper.isNaN { report("\(what): a bound is NaN") }
        if lower == .infinity { report("\(what): lower bound is +infinity") }
        if upper == -.infinity { report("\(what): upper bound is -infinity") }
        if lower > upper { report("\(what): lower bound \(lower) exceeds upper bound \(upper)") }
        for bound in [lower, upper] where bound.isFinite && abs(bound) > Self.largestBound {
            report("\(what): bound \(bound) is beyond ±\(Self.largestBound)")
        }
    }
}

extension LinearModel {
    /// The worst bound a point breaks, relative to the size of what is compared (the bound, or the
    /// largest term of the row), with the name of the row or column; nil if the point keeps every
    /// bound within `tolerance`. Backends check their answer with it, so a numerically broken
    /// solve is never reported as optimal.
    public func worstViolation(of x: [Double], tolerance: Double = 1e-6) -> (name: String, relative: Double)? {
        func breach(_ value: Double, _ lower: Double, _ upper: Double, scale: Double) -> Double {
            // Within its bounds a value breaks nothing (both terms ≤ 0): most values, and no divisions.
            if value.isFinite, value >= lower, value <= upper { return 0 }
            let below = lower.isFinite ? (lower - value) / max(scale, abs(lower)) : 0
            let above = upper.isFinite ? (value - upper) / max(scale, abs(upper)) : 0
            return value.isFinite ? max(below, above) : .infinity
        }
        // The worst so far, by place; named once at the end (not a name retained per row).
        var worst: (row: Int?, column: Int?, relative: Double)?
        func consider(row: Int? = nil, column: Int? = nil, _ relative: Double) {
            if relative > tolerance, relative > (worst?.relative ?? 0) { worst = (row, column, relative) }
        }
        // Through buffers, not indexed arrays: every solve of a sweep runs this check, and with
        // bounds and uniqueness checks on each access it cost a tenth of a warm re-solve.
        var activity = [Double](repeating: 0, count: rows.count)
        var largestTerm = [Double](repeating: 1, count: rows.count)
        x.withUnsafeBufferPointer { x in
            activity.withUnsafeMutableBufferPointer { activity in
                largestTerm.withUnsafeMutableBufferPointer { largestTerm in
                    for entry in coefficients {
                        let term = entry.value * x[entry.column]
                        activity[entry.row] += term
                        largestTerm[entry.row] = max(largestTerm[entry.row], abs(term))
                    }
                }
            }
        }
        rows.withUnsafeBufferPointer { rows in
            for i in rows.indices { consider(row: i, breach(activity[i], rows[i].lower, rows[i].upper, scale: largestTerm[i])) }
        }
        // A column's bound is judged at the size it has in its rows: -6e-6 kWh on a grid column whose
        // row balances 10⁹ kWh is the solver's tolerance, not a broken point (GLPK works on scaled columns).
        // A scale of 1 judges strictest (a larger scale only shrinks a breach), so the scales, a
        // second pass over the matrix, are worked out only when a column breaks a bound at 1.
        let columnsBreak = columns.withUnsafeBufferPointer { columns in
            columns.indices.contains { breach(x[$0], columns[$0].lower, columns[$0].upper, scale: 1) > tolerance }
        }
        if columnsBreak {
            var columnScale = [Double](repeating: 1, count: columns.count)
            for entry in coefficients where entry.value != 0 {
                columnScale[entry.column] = max(columnScale[entry.column], largestTerm[entry.row] / abs(entry.value))
            }
            for (j, column) in columns.enumerated() {
                consider(column: j, breach(x[j], column.lower, column.upper, scale: columnScale[j]))
            }
        }
        guard let worst else { return nil }
        let name = worst.row.map { rows[$0].name } ?? worst.column.map { columns[$0].name } ?? ""
        return (name, worst.relative)
    }
}
