import Foundation
import LinearModel
import PotlineFiles
import PotlineFormulation
import PotlineNetwork
import PotlineResults
import PotlineSolve
import PotlineStudies

/// One self-contained HTML file per result: inline SVG and CSS, no script, no network access.
public enum HTMLReport {
    /// The default cost curve: the process whose plants draw the most power, the one whose cost
    /// curve a power-intensive chain is argued about (smelting for aluminium).
    static func mostPowerHungryProcess(_ solution: Solution) -> String {
        let kWhByProcess = Dictionary(solution.plants.map { ($0.process, $0.electricityKWh) }, uniquingKeysWith: +)
        return kWhByProcess.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? ""
    }

    /// The report of a solve: headline, map, cost curve, prices explained, costs by province and
    /// component, the siting plan.
    public static func solve(_ solution: Solution, shapes: MapShapes?, costCurveProcess requested: String? = nil) -> String {
        let costCurveProcess = requested ?? mostPowerHungryProcess(solution)
        var body = "<h1>\(Markup.escape(solution.network)) — cheapest supply plan, base year \(solution.baseYear)</h1>"
        body += "<p class=\"status\">Status: <b>\(Markup.escape(solution.statusText))</b>"
        guard let total = solution.totalCostYuan, let breakdown = solution.costBreakdownYuan else {
            return page(title: solution.network, body: body + "</p><p>No plan: the network has no feasible solution.</p>")
        }
        body += " · total delivered cost <b id=\"total-cost\">\(Format.millionYuan(total))</b> M yuan/y"
        if let co2 = solution.co2T, co2 > 0 { body += " · CO<sub>2</sub> \(Format.number(co2 / 1e6, decimals: 2)) Mt/y" }
        body += "</p>"
        let output = solution.plants.first { $0.process == costCurveProcess }?.output ?? solution.demands.first?.commodity ?? ""
        body += headline(solution, commodity: output)

        // Map.
        var layer = FlowMap.Layer()
        for cost in solution.deliveredCosts where cost.commodity == output {
            if let value = cost.marginalCostYuanPerTonne { layer.regionValues[cost.region] = value }
        }
        layer.valueLabel = "marginal delivered \(output), yuan/t"
        layer.flows = solution.flows
        layer.plants = solution.plants.filter { $0.productionTonnesPerYear > 0 }
        layer.built = Set(solution.plan?.builds.map(\.candidate) ?? [])
        layer.closed = Set(solution.plan?.closures.map(\.plant) ?? [])
        layer.retrofitted = Set(solution.plan?.retrofits.map(\.plant) ?? [])
        body += "<section><h2>Map: plants, flows and delivered cost</h2>"
        body += FlowMap(solution: solution, shapes: shapes).render(layer, title: "Plants by output, flows by tonnes, regions by marginal delivered \(output) cost")
        body += "</section>"

        body += "<section class=\"page\"><h2>Cost curve: \(Markup.escape(costCurveProcess))</h2>" + Charts.costCurve(solution, process: costCurveProcess) + "</section>"
        body += pricesExplained(solution, commodity: output)
        body += costs(solution, breakdown: breakdown, total: total)
        if let plan = solution.plan { body += siting(plan) }
        return page(title: "\(solution.network) — Potline", body: body)
    }

    /// The answer per area: where delivered `commodity` is cheapest and which chain sets it.
    static func headline(_ solution: Solution, commodity: String) -> String {
        let areas = Dictionary(solution.regions.map { ($0.id, $0.area ?? $0.kind.rawValue) }, uniquingKeysWith: { a, _ in a })
        let explanations = Dictionary(
            (solution.priceExplanations ?? []).map { ("\($0.region)|\($0.commodity)", $0) }, uniquingKeysWith: { a, _ in a })
        let costs = solution.deliveredCosts.filter { $0.commodity == commodity && $0.marginalCostYuanPerTonne != nil }
        let grouped = Dictionary(grouping: costs) { areas[$0.region] ?? "" }
        var rows: [[(String, Bool)]] = []
        for (area, members) in grouped.sorted(by: { $0.key < $1.key }) {
            let cheapest = members.min { $0.marginalCostYuanPerTonne! < $1.marginalCostYuanPerTonne! }!
            let why = explanations["\(cheapest.region)|\(commodity)"]
            let origin = why?.origins.first
            rows.append([
                (area, false), (cheapest.region, false), (Format.optional(cheapest.marginalCostYuanPerTonne), true),
                (why?.settingPlant ?? "–", false),
                (origin.map { "\($0.source) \(Format.percent($0.share)) at \(Format.optional($0.costToServeYuanPerTonne))" } ?? "–", false),
            ])
        }
        return "<section class=\"headline\"><h2>Cheapest delivered \(Markup.escape(commodity)) by area</h2>"
            + Markup.table(
                ["area", "region", "marginal yuan/t", "next tonne made at", "largest origin (share, cost to serve yuan/t)"], rows)
            + "<p class=\"note\">Marginal: the dual of the region's balance, what one more tonne delivered there costs. "
            + "“Next tonne made at”: the plant whose output rises when the demand rises by a tonne (re-solved from the optimal basis).</p></section>"
    }

    static func pricesExplained(_ solution: Solution, commodity: String) -> String {
        guard let explanations = solution.priceExplanations, !explanations.isEmpty else { return "" }
        var out = "<section class=\"page\"><h2>Prices explained</h2><p class=\"note\">For each demand: what one more tonne sets in motion "
            + "(largest costs first; negative = displaced), and where today's tonnes come from.</p>"
        for explanation in explanations.sorted(by: { ($0.commodity == commodity ? 0 : 1, $0.marginalCostYuanPerTonne) < ($1.commodity == commodity ? 0 : 1, $1.marginalCostYuanPerTonne) }) {
            out += "<details class=\"price\" data-region=\"\(Markup.escape(explanation.region))\"><summary><b>\(Markup.escape(explanation.region))</b> \(Markup.escape(explanation.commodity)): "
                + "<span class=\"marginal\">\(Format.number(explanation.marginalCostYuanPerTonne))</span> yuan/t"
                + (explanation.settingPlant.map { " — next tonne from <b>\(Markup.escape($0))</b>" } ?? "") + "</summary>"
            let chain = explanation.chain.prefix(12).map { step -> [(String, Bool)] in
                [(step.kind.rawValue, false), (step.id, false), (step.region, false), (step.commodity, false),
                 (Format.number(step.unitsPerTonne, decimals: 3), true), (Format.number(step.costYuanPerTonne), true)]
            }
            out += Markup.table(["step", "what", "where", "commodity", "per t delivered", "yuan/t"], Array(chain),
                caption: "Next tonne: \(Format.number(explanation.nextTonneCostYuanPerTonne)) yuan/t" + (explanation.chain.count > 12 ? " (\(explanation.chain.count - 12) smaller steps not shown)" : ""))
            let origins = explanation.origins.prefix(8).map { origin -> [(String, Bool)] in
                [(origin.source, false), (origin.region, false), (Format.kilotonnes(origin.tonnesPerYear), true), (Format.percent(origin.share), true),
                 (Format.optional(origin.gateCostYuanPerTonne), true), (Format.number(origin.freightYuanPerTonne), true), (Format.optional(origin.costToServeYuanPerTonne), true)]
            }
            out += Markup.table(["origin", "region", "kt/y", "share", "gate yuan/t", "freight yuan/t", "cost to serve yuan/t"], Array(origins), caption: "Where its tonnes come from")
            out += "</details>"
        }
        return out + "</section>"
    }

    static func costs(_ solution: Solution, breakdown: CostComponents, total: Double) -> String {
        var out = "<section class=\"page\"><h2>Costs by component</h2>"
        out += Charts.bars(breakdown.named.filter { $0.value != 0 }.map { ($0.name.replacingOccurrences(of: "_", with: " "), [(name: "cost", value: $0.value / 1e6)]) }, unit: "M yuan/y")
        // By province: purchases where bought, plant costs where made, freight where it leaves.
        var byRegion: [String: CostComponents] = [:]
        for supply in solution.supplies { byRegion[supply.region, default: CostComponents()].materials += supply.costYuan }
        for plant in solution.plants { byRegion[plant.region, default: CostComponents()] = byRegion[plant.region, default: CostComponents()] + plant.costYuan }
        for flow in solution.flows { byRegion[flow.from, default: CostComponents()].freight += flow.freightCostYuan }
        let top = byRegion.filter { $0.value.total > 0 }.sorted { $0.value.total > $1.value.total }.prefix(20)
        out += "<h2>Costs by province (top \(top.count))</h2>"
        out += Charts.bars(top.map { region, cost in
            (region, [("materials", cost.materials), ("electricity", cost.electricity), ("freight", cost.freight), ("other", cost.other + cost.tollingFees),
                      ("capital", cost.capital), ("carbon", cost.carbon)].map { (name: $0.0, value: $0.1 / 1e6) })
        }, unit: "M yuan/y")
        out += "<p class=\"note\">Purchases count where bought, plant costs where made, freight where a shipment leaves.</p></section>"
        return out
    }

    static func siting(_ plan: SitingPlan) -> String {
        var out = "<section class=\"page\"><h2>Siting plan</h2>"
        if plan.builds.isEmpty && plan.closures.isEmpty && plan.retrofits.isEmpty { out += "<p>No sites built, no closures, no retrofits.</p>" }
        if !plan.builds.isEmpty {
            out += Markup.table(["build", "region", "process", "capacity kt/y", "output kt/y", "capex M yuan", "capital M yuan/y"], plan.builds.map {
                [($0.candidate, false), ($0.region, false), ($0.process, false), (Format.kilotonnes($0.capacityTonnesPerYear), true), (Format.kilotonnes($0.productionTonnesPerYear), true),
                 (Format.millionYuan($0.capexYuan), true), (Format.millionYuan($0.annualCapitalYuan), true)]
            }, caption: "Built")
        }
        if !plan.closures.isEmpty {
            out += Markup.table(["close", "region", "process", "capacity freed kt/y", "cost M yuan/y"], plan.closures.map {
                [($0.plant, false), ($0.region, false), ($0.process, false), (Format.kilotonnes($0.capacityFreedTonnesPerYear), true), (Format.millionYuan($0.closureCostYuanPerYear), true)]
            }, caption: "Closed")
        }
        if !plan.retrofits.isEmpty {
            out += Markup.table(["retrofit", "plant", "kWh/t before", "kWh/t after", "capex M yuan"], plan.retrofits.map {
                [($0.retrofit, false), ($0.plant, false), (Format.number($0.fromKWhPerTonne), true), (Format.number($0.toKWhPerTonne), true), (Format.millionYuan($0.capexYuan), true)]
            }, caption: "Retrofitted")
        }
        if !plan.rejected.isEmpty {
            out += Markup.table(["candidate", "region", "reason", "break-even M yuan/y", "of its charges"], plan.rejected.map {
                [($0.candidate, false), ($0.region, false), ($0.reason.words, false), ($0.breakEvenReductionYuanPerYear.map(Format.millionYuan) ?? "–", true),
                 ($0.breakEvenReductionShare.map(Format.percent) ?? "–", true)]
            }, caption: "Not built (break-even: how much its yearly charges must fall for it to enter)")
        }
        return out + "</section>"
    }

    /// The page around a body: print-friendly CSS, no script.
    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Markup.escape(title))</title>
        <style>
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#222;max-width:1180px;margin:0 auto;padding:16px 24px}
        h1{font-size:22px;margin:4px 0}h2{font-size:17px;margin:18px 0 6px;border-bottom:1px solid #ddd;padding-bottom:2px}
        .status{font-size:15px}.note{color:#555;font-size:12px}
        table{border-collapse:collapse;margin:6px 0 12px;font-size:12.5px}caption{text-align:left;font-weight:600;padding:2px 0}
        th,td{padding:2px 8px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}th,td.n{white-space:nowrap}th{background:#f5f5f5}td.n{text-align:right;font-variant-numeric:tabular-nums}
        figure{margin:6px 0}figcaption{font-size:12px;color:#444}svg{width:100%;height:auto;display:block}
        .mapbox{display:grid;grid-template-columns:minmax(0,1fr) 190px;gap:10px;align-items:start}.mapbox figcaption{grid-column:1/3}
        .legend{font-size:12px;line-height:1.7}.legend>div{margin-bottom:10px}
        .swatch{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-2px;border:1px solid #999}
        .dot{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:4px}.dot.ring{border:2px solid #000;width:8px;height:8px}
        .flowkey{display:inline-block;width:18px;height:4px;margin-right:4px;vertical-align:3px}.cross{font-weight:700;color:#B00}
        .region-shape{stroke:#fff;stroke-width:.8}.background-shape{fill:#e4e4e4;stroke:#fff;stroke-width:.8}
        .region-point{stroke:#555;stroke-width:.8}.region-label{font-size:11px;fill:#333}
        .flow{stroke-opacity:.6;stroke-linecap:round}.plant{stroke:#fff;stroke-width:.7;fill-opacity:.92}
        .plant.built{stroke:#000;stroke-width:2.2}.plant.retrofitted{stroke:#000;stroke-dasharray:2 1.5;stroke-width:1.5}.site-closed{stroke:#B00;stroke-width:2.2;fill:none}
        .grid{stroke:#e5e5e5}.axis{font-size:11px;fill:#444}.axis-title{font-size:12px;fill:#222}
        .marker{stroke:#222;stroke-dasharray:4 3}.marker-label{font-size:12px;fill:#222;font-weight:600}
        .price-band{fill:#D55E00;fill-opacity:.18;stroke:#D55E00;stroke-width:.6}.curve-idle{fill:#f3f3f3;stroke:#ccc}
        .value{font-size:11px;fill:#222}.zero{stroke:#444}.series{fill:none;stroke-width:2}.series-label{font-size:12px;font-weight:600}.plan-letter{font-size:12px;font-weight:700;fill:#555}
        details.price{margin:2px 0;border-bottom:1px solid #f0f0f0}details.price summary{cursor:pointer}
        .headline table td:nth-child(2),.headline table td:nth-child(4){font-weight:600}
        @media print{body{max-width:none;padding:0;font-size:11px}details.price{display:block}details.price>*{display:block}section.page{break-before:page}h2{break-after:avoid}figure,table{break-inside:avoid}}
        </style></head><body>
        \(body)
        <p class="note">Generated by Potline. Numbers carry their units; marginal costs are duals of the optimal LP (for a plan: with the siting decisions fixed).</p>
        </body></html>

        """
    }
}
