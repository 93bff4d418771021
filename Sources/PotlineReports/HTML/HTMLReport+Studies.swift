import Foundation
import LinearModel
import PotlineFiles
import PotlineFormulation
import PotlineNetwork
import PotlineResults
import PotlineSolve
import PotlineStudies

extension HTMLReport {
    /// A comparison: per case, bars of Δ cost by component and Δ marginal delivered cost by
    /// region, and a map of the flows and sites that changed.
    public static func compare(_ comparison: Comparison, shapes: MapShapes?) -> String {
        var body = "<h1>\(Markup.escape(comparison.network)) — scenarios against the base</h1>"
        body += "<p class=\"status\">Base: total delivered cost <b>\(comparison.base.totalCostYuan.map(Format.millionYuan) ?? "–")</b> M yuan/y (\(Markup.escape(comparison.base.status.words)))</p>"
        var summary: [[(String, Bool)]] = []
        for scenario in comparison.scenarios {
            summary.append([
                (scenario.name, false), (scenario.status.words, false), (scenario.totalCostYuan.map(Format.millionYuan) ?? "–", true),
                (scenario.totalCostChangeYuan.map { Format.signed($0 / 1e6, decimals: 1) } ?? "–", true), (String(scenario.siteChanges.count), true),
            ])
        }
        body += Markup.table(["case", "status", "total M yuan/y", "Δ M yuan/y", "site changes"], summary)
        for scenario in comparison.scenarios {
            body += "<section class=\"page case\" data-case=\"\(Markup.escape(scenario.name))\"><h2>\(Markup.escape(scenario.name))</h2>"
            if !scenario.description.isEmpty { body += "<p>\(Markup.escape(scenario.description))</p>" }
            if let change = scenario.costBreakdownChangeYuan {
                body += "<h3>Δ cost by component</h3>" + Charts.bars(
                    change.named.filter { abs($0.value) > 0.5 }.map { ($0.name.replacingOccurrences(of: "_", with: " "), [(name: "Δ", value: $0.value / 1e6)]) },
                    unit: "Δ M yuan/y against the base", diverging: true)
            }
            let deltas = scenario.deliveredCosts.compactMap { cost in cost.marginalCostChangeYuanPerTonne.map { (cost, $0) } }
                .filter { abs($0.1) >= 0.5 }.sorted { $0.1 > $1.1 }
            if !deltas.isEmpty {
                body += "<h3>Δ marginal delivered cost by region</h3>" + Charts.bars(
                    deltas.prefix(30).map { ("\($0.0.region) \($0.0.commodity)", [(name: "Δ", value: $0.1)]) }, unit: "Δ yuan/t", diverging: true)
            } else {
                body += "<p>No marginal delivered cost changes by half a yuan per tonne or more.</p>"
            }
            if let base = comparison.base.solution, let solution = scenario.solution {
                body += changeMap(shapes: shapes, base: base, case: solution, scenario: scenario)
            }
            if !scenario.siteChanges.isEmpty {
                body += Markup.table(["site", "region", "process", "change", "capacity kt/y"], scenario.siteChanges.map {
                    [($0.site, false), ($0.region ?? "", false), ($0.process ?? "", false), ($0.change.rawValue.replacingOccurrences(of: "_", with: " "), false),
                     ($0.capacityTonnesPerYear.map(Format.kilotonnes) ?? "–", true)]
                }, caption: "Siting changes")
            }
            body += "</section>"
        }
        return page(title: "\(comparison.network) comparison — Potline", body: body)
    }

    /// Flows whose tonnes changed (width = |Δ|), regions coloured by Δ marginal cost, sites that changed.
    static func changeMap(shapes: MapShapes?, base: Solution, case solution: Solution, scenario: Comparison.Case) -> String {
        struct Key: Hashable { let link: String, commodity: String, from: String, to: String }
        var change: [Key: (flow: Solution.FlowResult, delta: Double)] = [:]
        for flow in base.flows { change[Key(link: flow.link, commodity: flow.commodity, from: flow.from, to: flow.to)] = (flow, -flow.tonnesPerYear) }
        for flow in solution.flows {
            let key = Key(link: flow.link, commodity: flow.commodity, from: flow.from, to: flow.to)
            change[key] = (flow, (change[key]?.delta ?? 0) + flow.tonnesPerYear)
        }
        var layer = FlowMap.Layer()
        layer.flows = change.values.filter { abs($0.delta) > 1 }.map { var flow = $0.flow; flow.tonnesPerYear = abs($0.delta); return flow }
            .sorted { ($0.link, $0.commodity) < ($1.link, $1.commodity) }
        let output = solution.demands.first?.commodity ?? ""
        for cost in scenario.deliveredCosts where cost.commodity == output { if let d = cost.marginalCostChangeYuanPerTonne { layer.regionValues[cost.region] = d } }
        layer.valueLabel = "Δ marginal delivered \(output), yuan/t"
        layer.diverging = true
        let built = scenario.siteChanges.filter { $0.change == .built }.map(\.site)
        layer.built = Set(built)
        layer.closed = Set(scenario.siteChanges.filter { $0.change == .closed }.map(\.site))
        layer.plants = solution.plants.filter { built.contains($0.id) && $0.productionTonnesPerYear > 0 }
        return "<h3>Changed flows and sites</h3>" + FlowMap(solution: solution, shapes: shapes).render(
            layer, title: "Flows whose tonnes changed (width = |Δ t/y|), sites built or closed, regions by Δ marginal cost")
    }

    /// A sweep: total cost and marginal delivered costs against the parameter, breakpoints and plan letters.
    public static func sweep(_ sweep: Sweep) -> String {
        var body = "<h1>\(Markup.escape(sweep.network)) — sweep of \(Markup.escape(sweep.parameter))</h1>"
        // Grid and bisection points, in the parameter's order.
        let points = sweep.points.sorted { $0.value < $1.value }
        let values = points.map(\.value)
        let letters = points.map(\.plan)
        let marks = sweep.breakpoints.map { (x: $0.value, label: "\($0.planBelow)→\($0.planAbove)") }
        body += "<section><h2>Total delivered cost</h2>" + Charts.lines(
            x: values, xLabel: sweep.parameter, series: [("total", points.map { $0.totalCostYuan.map { $0 / 1e6 } })], yLabel: "M yuan/y",
            marks: marks, letters: letters) + "</section>"
        // The demands whose marginal cost moves most across the sweep, at most six lines.
        var series: [String: [Double?]] = [:]
        for (i, point) in points.enumerated() {
            for cost in point.deliveredCosts {
                series["\(cost.region) \(cost.commodity)", default: Array(repeating: nil, count: points.count)][i] = cost.marginalCostYuanPerTonne
            }
        }
        let spread = series.mapValues { v in (v.compactMap { $0 }.max() ?? 0) - (v.compactMap { $0 }.min() ?? 0) }
        let chosen = series.keys.sorted { spread[$0]! != spread[$1]! ? spread[$0]! > spread[$1]! : $0 < $1 }.prefix(6).sorted()
        body += "<section><h2>Marginal delivered cost (the six demands that move most)</h2>" + Charts.lines(
            x: values, xLabel: sweep.parameter, series: chosen.map { ($0, series[$0]!) }, yLabel: "yuan/t", marks: marks, letters: letters) + "</section>"
        body += "<section><h2>Plans and breakpoints</h2>" + Markup.table(["plan", "status", "sites", "plants", "routes"], sweep.plans.map {
            [($0.label, false), ($0.status.words, false), ($0.sites.joined(separator: ", "), false), (String($0.plants.count), true), (String($0.routes.count), true)]
        })
        body += Markup.table(["breakpoint", "between", "plan below → above", "entering", "leaving"], sweep.breakpoints.map {
            [(Format.number($0.value, decimals: 4), true), ("\(Format.number($0.lowerValue, decimals: 4))–\(Format.number($0.upperValue, decimals: 4))", false),
             ("\($0.planBelow) → \($0.planAbove)", false), ($0.entering.joined(separator: ", "), false), ($0.leaving.joined(separator: ", "), false)]
        }) + "</section>"
        return page(title: "\(sweep.network) sweep — Potline", body: body)
    }
}

private func < (a: (String, String), b: (String, String)) -> Bool { a.0 != b.0 ? a.0 < b.0 : a.1 < b.1 }
