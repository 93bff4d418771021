import LinearModel
import PotlineFormulation
import PotlineNetwork
import PotlineUnits

/// A sweep's model as an affine function of the swept value, fitted to full formulations at
/// the two ends of the grid: what lets the sweep change one model in place between values
/// instead of re-reading, re-validating and re-formulating the network at each.
///
/// Most inputs enter the model affinely (a power price times kWh/t in a cost, a demand in a
/// right-hand side, a distance times a rate in a freight cost). Some do not: a tier threshold
/// steps a surcharge, a zero capacity drops a column. So the fit is used only when
/// - both ends give models of the same shape (rows, columns, names, kinds, nonzero pattern),
/// - full formulations at grid values a third and two thirds along the range equal the fit
///   there entry for entry (to ``Tolerance/affineModel``), and
/// - the answers solved through the fit at those values equal the full path's
/// (``agrees(_:with:)``); otherwise the sweep rebuilds the model at every value and says why.
/// Every value between the ends passed the network's checks at both ends, and those checks are
/// ranges (a price ≥ 0, a share within [0, 1]), so they hold in between too; the numbers the
/// fit hands the solver are checked again by ``LinearModel/applying(_:)``.
struct InPlaceSweepModel: Sendable {
    let lowValue: Double
    let highValue: Double
    /// The formulation at ``lowValue``: its map, and its network for names.
    let low: Formulation
    /// ``low``'s map, which every point solved through the fit is placed in.
    let map: PlanMap
    private let changedCosts: [Entry]
    private let changedColumnLowers: [Entry]
    private let changedColumnUppers: [Entry]
    private let changedRowLowers: [Entry]
    private let changedRowUppers: [Entry]
    private let changedCoefficients: [Entry]
    private let changedFootprints: [(column: Int, low: Footprint, high: Footprint)]
    private let objectiveConstant: Entry?

    /// One number of the model at the two ends.
    private struct Entry: Sendable {
        var index: Int
        var low: Double
        var high: Double
    }

    /// Why the model cannot change in place, in words; nil when it can.
    enum Fit {
        case fitted(InPlaceSweepModel)
        case rebuild(String)
    }

    /// Fits the model between the formulations at `lowValue` and `highValue`.
    static func fit(low: Formulation, at lowValue: Double, high: Formulation, at highValue: Double) -> Fit {
        let a = low.model, b = high.model
        if a.isMixedInteger { return .rebuild("the model is mixed-integer (siting): each value runs its own branch-and-bound") }
        guard a.rows.count == b.rows.count, a.columns.count == b.columns.count, a.coefficients.count == b.coefficients.count,
            low.columnFootprints.count == high.columnFootprints.count
        else {
            return .rebuild(
                "the model's shape changes over the range (\(a.rows.count) × \(a.columns.count) at \(NumberText.format(lowValue)), "
                    + "\(b.rows.count) × \(b.columns.count) at \(NumberText.format(highValue)))")
        }
        for (p, q) in zip(a.columns, b.columns) where p.name != q.name || p.kind != q.kind {
            return .rebuild("column \(p.name) at \(NumberText.format(lowValue)) is \(q.name) at \(NumberText.format(highValue))")
        }
        for (p, q) in zip(a.rows, b.rows) where p.name != q.name {
            return .rebuild("row \(p.name) at \(NumberText.format(lowValue)) is \(q.name) at \(NumberText.format(highValue))")
        }
        for (p, q) in zip(a.coefficients, b.coefficients) where p.row != q.row || p.column != q.column {
            return .rebuild("the nonzero pattern changes over the range (\(a.rows[p.row].name) × \(a.columns[p.column].name))")
        }
        func changed(_ values: (Int) -> (Double, Double), count: Int) -> [Entry]? {
            var entries: [Entry] = []
            for k in 0..<count {
                let (x, y) = values(k)
                guard x != y else { continue }
                // An infinite bound at one end and a finite one at the other is not a line.
                guard x.isFinite, y.isFinite else { return nil }
                entries.append(Entry(index: k, low: x, high: y))
            }
            return entries
        }
        let columns = a.columns.count, rows = a.rows.count
        guard let costs = changed({ (a.columns[$0].cost, b.columns[$0].cost) }, count: columns),
            let columnLowers = changed({ (a.columns[$0].lower, b.columns[$0].lower) }, count: columns),
            let columnUppers = changed({ (a.columns[$0].upper, b.columns[$0].upper) }, count: columns),
            let rowLowers = changed({ (a.rows[$0].lower, b.rows[$0].lower) }, count: rows),
            let rowUppers = changed({ (a.rows[$0].upper, b.rows[$0].upper) }, count: rows),
            let coefficients = changed({ (a.coefficients[$0].value, b.coefficients[$0].value) }, count: a.coefficients.count)
        else { return .rebuild("a bound is infinite at one end of the range and finite at the other") }
        let footprints = zip(low.columnFootprints, high.columnFootprints).enumerated().compactMap { j, pair in
            pair.0 == pair.1 ? nil : (column: j, low: pair.0, high: pair.1)
        }
        let constant = a.objectiveConstant == b.objectiveConstant ? nil : Entry(index: 0, low: a.objectiveConstant, high: b.objectiveConstant)
        return .fitted(
            InPlaceSweepModel(
                lowValue: lowValue, highValue: highValue, low: low, map: PlanMap(low), changedCosts: costs, changedColumnLowers: columnLowers,
                changedColumnUppers: columnUppers, changedRowLowers: rowLowers, changedRowUppers: rowUppers,
                changedCoefficients: coefficients, changedFootprints: footprints, objectiveConstant: constant))
    }

    /// Whether anything in the model moves with the value.
    var isConstant: Bool {
        changedCosts.isEmpty && changedColumnLowers.isEmpty && changedColumnUppers.isEmpty && changedRowLowers.isEmpty
            && changedRowUppers.isEmpty && changedCoefficients.isEmpty && changedFootprints.isEmpty && objectiveConstant == nil
    }

    /// How far along the range `value` lies (0 at the low end, 1 at the high end).
    private func share(_ value: Double) -> Double { (value - lowValue) / (highValue - lowValue) }

    private func interpolate(_ entry: Entry, _ t: Double) -> Double {
        t == 1 ? entry.high : entry.low + t * (entry.high - entry.low)
    }

    /// The changes that take the low end's model to the fit at `value`.
    func changes(at value: Double) -> ModelChanges {
        let t = share(value)
        var changes = ModelChanges()
        changes.costs = changedCosts.map { .init(index: $0.index, value: interpolate($0, t)) }
        changes.coefficients = changedCoefficients.map { .init(index: $0.index, value: interpolate($0, t)) }
        if let constant = objectiveConstant { changes.objectiveConstant = interpolate(constant, t) }
        func bounds(_ lowers: [Entry], _ uppers: [Entry], current: (Int) -> (Double, Double)) -> [ModelChanges.Bounds] {
            var byIndex: [Int: (Double, Double)] = [:]
            for entry in lowers { byIndex[entry.index, default: current(entry.index)].0 = interpolate(entry, t) }
            for entry in uppers { byIndex[entry.index, default: current(entry.index)].1 = interpolate(entry, t) }
            return byIndex.keys.sorted().map { .init(index: $0, lower: byIndex[$0]!.0, upper: byIndex[$0]!.1) }
        }
        let model = low.model
        changes.columnBounds = bounds(changedColumnLowers, changedColumnUppers) { (model.columns[$0].lower, model.columns[$0].upper) }
        changes.rowBounds = bounds(changedRowLowers, changedRowUppers) { (model.rows[$0].lower, model.rows[$0].upper) }
        return changes
    }

    /// The formulation to read a solve at `value` through: the low end's map with `model` (the
    /// session's, at `value`) and the footprints of the fit there.
    func formulation(at value: Double, model: LinearModel) -> Formulation {
        low.withNumbers(model, columnFootprints: footprints(at: value))
    }

    private func footprints(at value: Double) -> [Footprint] {
        let t = share(value)
        var footprints = low.columnFootprints
        for change in changedFootprints {
            footprints[change.column] = t == 1 ? change.high : change.low + (change.high + change.low * -1) * t
        }
        return footprints
    }

    /// Nil when the full formulation `probe` at `value` equals the fit there, entry for entry;
    /// otherwise the first entry that differs, in words.
    func mismatch(_ probe: Formulation, at value: Double) -> String? {
        guard case .fitted = Self.fit(low: low, at: lowValue, high: probe, at: value) else {
            return "the model's shape at \(NumberText.format(value)) differs from the ends'"
        }
        let at = " at \(NumberText.format(value))"
        let expected: LinearModel
        do { expected = try low.model.applying(changes(at: value)) } catch { return "the fit\(at) is not a model a solver takes: \(error)" }
        let model = probe.model
        let fittedFootprints = footprints(at: value)
        for (j, (p, q)) in zip(expected.columns, model.columns).enumerated() {
            if !close(p.cost, q.cost) { return "the cost of \(p.name) is not a line in the value\(at)" }
            if !close(p.lower, q.lower) || !close(p.upper, q.upper) { return "the bounds of \(p.name) are not a line in the value\(at)" }
            let fitted = fittedFootprints[j]
            let full = probe.columnFootprints[j]
            if !close(fitted.co2Tonnes, full.co2Tonnes)
                || zip(fitted.cost.named, full.cost.named).contains(where: { !close($0.value, $1.value) })
            {
                return "the cost components of \(p.name) are not a line in the value\(at)"
            }
        }
        for (p, q) in zip(expected.rows, model.rows) where !close(p.lower, q.lower) || !close(p.upper, q.upper) {
            return "the bounds of \(p.name) are not a line in the value\(at)"
        }
        for (p, q) in zip(expected.coefficients, model.coefficients) where !close(p.value, q.value) {
            return "the coefficient of \(model.columns[p.column].name) in \(model.rows[p.row].name) is not a line in the value\(at)"
        }
        if !close(expected.objectiveConstant, model.objectiveConstant) { return "the objective constant is not a line in the value\(at)" }
        return nil
    }

    private func close(_ x: Double, _ y: Double) -> Bool {
        x == y || abs(x - y) <= Tolerance.affineModel * max(abs(x), abs(y))
    }

    /// Nil when a point solved through the fit answers as the full path's did; otherwise what differs.
    static func agrees(_ inPlace: EvaluatedPoint, with full: EvaluatedPoint) -> String? {
        let at = " at \(NumberText.format(full.value))"
        guard inPlace.status == full.status else { return "the in-place solve ends \(inPlace.status.words), the full one \(full.status.words)\(at)" }
        guard inPlace.signature == full.signature else { return "the in-place solve finds another plan than the full one\(at)" }
        func same(_ x: Double?, _ y: Double?) -> Bool {
            guard let x, let y else { return x == nil && y == nil }
            return abs(x - y) <= Tolerance.affineModel * max(1, abs(x), abs(y))
        }
        guard same(inPlace.totalCostYuan, full.totalCostYuan) else { return "the in-place total cost differs from the full one\(at)" }
        for (p, q) in zip(inPlace.deliveredCosts, full.deliveredCosts)
        where !same(p.marginalCostYuanPerTonne, q.marginalCostYuanPerTonne) || !same(p.averageCostYuanPerTonne, q.averageCostYuanPerTonne) {
            return "the in-place delivered cost of \(p.commodity) in \(p.region) differs from the full one\(at)"
        }
        return nil
    }
}

/// What an in-place fit is made from and checked against, formulated ahead of any solve.
struct FitFormulations: Sendable {
    struct Check: Sendable {
        var value: Double
        var formulation: Formulation
    }
    var low: (value: Double, formulation: Formulation)
    var high: (value: Double, formulation: Formulation)
    var checks: [Check]
}
