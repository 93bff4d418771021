import Foundation
import LinearModel
import PotlineFiles
import PotlineFormulation
import PotlineNetwork
import PotlineResults
import PotlineSolve
import PotlineStudies

/// Charts as SVG: the industry cost curve, horizontal bars, and line charts against a parameter.
enum Charts {
    /// Plants of `process` sorted by unit cost, each a bar as wide as its capacity; the output
    /// needed and the marginal delivered price marked.
    static func costCurve(_ solution: Solution, process: String) -> String {
        let plants = solution.plants.filter { $0.process == process && ($0.capacityTonnesPerYear ?? $0.productionTonnesPerYear) > 0 && !$0.closed }
        let costed = plants.filter { $0.unitCostYuanPerTonne != nil }.sorted { $0.unitCostYuanPerTonne! < $1.unitCostYuanPerTonne! }
        let idle = plants.filter { $0.unitCostYuanPerTonne == nil }
        guard !costed.isEmpty else { return "<p>No \(Markup.escape(process)) plant produced, so there is no cost curve.</p>" }
        let output = plants.first?.output ?? ""
        let prices = solution.deliveredCosts.filter { $0.commodity == output }.compactMap(\.marginalCostYuanPerTonne)
        let totalCapacity = plants.reduce(0) { $0 + ($1.capacityTonnesPerYear ?? $1.productionTonnesPerYear) }
        let made = plants.reduce(0) { $0 + $1.productionTonnesPerYear }
        let top = max(costed.map { $0.unitCostYuanPerTonne! }.max()!, prices.max() ?? 0) * 1.05
        let bottom = min(costed.map { $0.unitCostYuanPerTonne! }.min()!, prices.min() ?? .infinity) * 0.9
        let (w, h, left, right, topPad, bottomPad) = (900.0, 360.0, 70.0, 20.0, 20.0, 44.0)
        func x(_ t: Double) -> Double { left + (w - left - right) * t / totalCapacity }
        func y(_ v: Double) -> Double { topPad + (h - topPad - bottomPad) * (top - v) / (top - bottom) }
        var svg = "<svg class=\"chart cost-curve\" viewBox=\"0 0 \(Int(w)) \(Int(h))\" role=\"img\" aria-label=\"\(Markup.escape(process)) cost curve\">"
        for tick in ticks(bottom, top, count: 5) {
            svg += "<line class=\"grid\" x1=\"\(left)\" x2=\"\(w - right)\" y1=\"\(Markup.coordinate(y(tick)))\" y2=\"\(Markup.coordinate(y(tick)))\"/>"
            svg += "<text class=\"axis\" x=\"\(left - 6)\" y=\"\(Markup.coordinate(y(tick) + 4))\" text-anchor=\"end\">\(Format.number(tick))</text>"
        }
        for tick in ticks(0, totalCapacity / 1e3, count: 6) {
            svg += "<text class=\"axis\" x=\"\(Markup.coordinate(x(tick * 1e3)))\" y=\"\(h - bottomPad + 16)\" text-anchor=\"middle\">\(Format.number(tick))</text>"
        }
        svg += "<text class=\"axis-title\" x=\"\(w / 2)\" y=\"\(h - 6)\" text-anchor=\"middle\">cumulative capacity, kt/y</text>"
        svg += "<text class=\"axis-title\" x=\"14\" y=\"\(h / 2)\" transform=\"rotate(-90 14 \(h / 2))\" text-anchor=\"middle\">unit cost at the gate, yuan/t</text>"
        var cumulative = 0.0
        let regions = costed.map(\.region)
        for plant in costed {
            let capacity = plant.capacityTonnesPerYear ?? plant.productionTonnesPerYear
            let cost = plant.unitCostYuanPerTonne!
            let x0 = x(cumulative), x1 = x(cumulative + capacity)
            let used = x(cumulative + plant.productionTonnesPerYear)
            svg += "<rect class=\"curve-bar\" data-plant=\"\(Markup.escape(plant.id))\" x=\"\(Markup.coordinate(x0))\" y=\"\(Markup.coordinate(y(cost)))\" width=\"\(Markup.coordinate(max(0.5, x1 - x0)))\" height=\"\(Markup.coordinate(y(bottom) - y(cost)))\" fill=\"\(Palette.category(plant.region, among: regions))\" fill-opacity=\"0.35\"/>"
            svg += "<rect x=\"\(Markup.coordinate(x0))\" y=\"\(Markup.coordinate(y(cost)))\" width=\"\(Markup.coordinate(max(0.5, used - x0)))\" height=\"\(Markup.coordinate(y(bottom) - y(cost)))\" fill=\"\(Palette.category(plant.region, among: regions))\"><title>\(Markup.escape(plant.id)) (\(Markup.escape(plant.region))): \(Format.number(cost)) yuan/t, \(Format.kilotonnes(plant.productionTonnesPerYear)) of \(Format.kilotonnes(capacity)) kt/y</title></rect>"
            cumulative += capacity
        }
        for plant in idle {
            let capacity = plant.capacityTonnesPerYear ?? 0
            svg += "<rect class=\"curve-idle\" x=\"\(Markup.coordinate(x(cumulative)))\" y=\"\(topPad)\" width=\"\(Markup.coordinate(x(cumulative + capacity) - x(cumulative)))\" height=\"\(Markup.coordinate(y(bottom) - topPad))\"><title>\(Markup.escape(plant.id)): idle, cost not computed</title></rect>"
            cumulative += capacity
        }
        svg += "<line class=\"marker\" x1=\"\(Markup.coordinate(x(made)))\" x2=\"\(Markup.coordinate(x(made)))\" y1=\"\(topPad)\" y2=\"\(Markup.coordinate(y(bottom)))\"/>"
        svg += "<text class=\"marker-label\" x=\"\(Markup.coordinate(x(made) - 4))\" y=\"\(topPad + 12)\" text-anchor=\"end\">output needed \(Format.kilotonnes(made)) kt/y</text>"
        if let low = prices.min(), let high = prices.max() {
            svg += "<rect class=\"price-band\" x=\"\(left)\" width=\"\(w - left - right)\" y=\"\(Markup.coordinate(y(high)))\" height=\"\(Markup.coordinate(max(1, y(low) - y(high))))\"/>"
            svg += "<text class=\"marker-label\" x=\"\(left + 6)\" y=\"\(Markup.coordinate(y(high) - 4))\">marginal delivered \(Markup.escape(output)) \(Format.number(low))–\(Format.number(high)) yuan/t</text>"
        }
        svg += "</svg>"
        let legend = Array(Set(regions)).sorted().map {
            "<span class=\"swatch\" style=\"background:\(Palette.category($0, among: regions))\"></span>\(Markup.escape($0))"
        }.joined(separator: " ")
        return "<figure>\(svg)<figcaption>\(Markup.escape(process)) plants by unit cost at the gate (inputs as delivered, power, other, capital, carbon); width = capacity, solid = output. Colour = region: \(legend)</figcaption></figure>"
    }

    /// Horizontal bars, one per label; stacked by component when several values per row.
    static func bars(_ rows: [(label: String, parts: [(name: String, value: Double)])], unit: String, diverging: Bool = false, decimals: Int = 1) -> String {
        guard !rows.isEmpty else { return "" }
        let names = Array(Set(rows.flatMap { $0.parts.map(\.name) })).sorted()
        let positives = rows.map { $0.parts.filter { $0.value > 0 }.reduce(0) { $0 + $1.value } }
        let negatives = rows.map { $0.parts.filter { $0.value < 0 }.reduce(0) { $0 + $1.value } }
        let high = max(positives.max() ?? 0, 1e-9), low = min(negatives.min() ?? 0, 0)
        let (w, rowHeight, left, right) = (900.0, 20.0, 210.0, 110.0)
        let h = Double(rows.count) * rowHeight + 30
        func x(_ v: Double) -> Double { left + (w - left - right) * (v - low) / (high - low) }
        var svg = "<svg class=\"chart bars\" viewBox=\"0 0 \(Int(w)) \(Int(h))\" role=\"img\">"
        for (i, row) in rows.enumerated() {
            let top = Double(i) * rowHeight + 4
            svg += "<text class=\"axis\" x=\"\(left - 6)\" y=\"\(Markup.coordinate(top + 13))\" text-anchor=\"end\">\(Markup.escape(row.label))</text>"
            var up = 0.0, down = 0.0
            for part in row.parts where part.value != 0 {
                let (a, b): (Double, Double) = part.value > 0 ? (up, up + part.value) : (down + part.value, down)
                if part.value > 0 { up += part.value } else { down += part.value }
                let colour = names.count == 1 ? (part.value < 0 ? "#0072B2" : "#D55E00") : Palette.category(part.name, among: names)
                svg += "<rect class=\"bar\" x=\"\(Markup.coordinate(x(a)))\" y=\"\(Markup.coordinate(top))\" width=\"\(Markup.coordinate(max(0.5, x(b) - x(a))))\" height=\"\(rowHeight - 6)\" fill=\"\(colour)\"><title>\(Markup.escape(row.label)) \(Markup.escape(part.name)): \(Format.number(part.value, decimals: 1)) \(Markup.escape(unit))</title></rect>"
            }
            let total = up + down
            svg += "<text class=\"value\" x=\"\(Markup.coordinate(x(max(up, 0)) + 4))\" y=\"\(Markup.coordinate(top + 13))\">\(diverging ? Format.signed(total, decimals: decimals) : Format.number(total, decimals: decimals))</text>"
        }
        if low < 0 { svg += "<line class=\"zero\" x1=\"\(Markup.coordinate(x(0)))\" x2=\"\(Markup.coordinate(x(0)))\" y1=\"0\" y2=\"\(h - 24)\"/>" }
        svg += "<text class=\"axis-title\" x=\"\(w / 2)\" y=\"\(h - 6)\" text-anchor=\"middle\">\(Markup.escape(unit))</text></svg>"
        let legend = names.count > 1
            ? "<figcaption>" + names.map { "<span class=\"swatch\" style=\"background:\(Palette.category($0, among: names))\"></span>\(Markup.escape($0.replacingOccurrences(of: "_", with: " ")))" }.joined(separator: " ") + "</figcaption>" : ""
        return "<figure>\(svg)\(legend)</figure>"
    }

    /// Lines against a parameter, with vertical marks and letters where the plan changes.
    static func lines(
        x values: [Double], xLabel: String, series: [(name: String, values: [Double?])], yLabel: String,
        marks: [(x: Double, label: String)] = [], letters: [String] = []
    ) -> String {
        let all = series.flatMap { $0.values.compactMap { $0 } }
        guard let lowX = values.min(), let highX = values.max(), var low = all.min(), var high = all.max() else { return "" }
        if high == low { high += 1; low -= 1 }
        let margin = (high - low) * 0.08
        low -= margin; high += margin
        let (w, h, left, right, topPad, bottomPad) = (900.0, 300.0, 80.0, 140.0, 24.0, 44.0)
        func x(_ v: Double) -> Double { left + (w - left - right) * (highX > lowX ? (v - lowX) / (highX - lowX) : 0.5) }
        func y(_ v: Double) -> Double { topPad + (h - topPad - bottomPad) * (high - v) / (high - low) }
        var svg = "<svg class=\"chart lines\" viewBox=\"0 0 \(Int(w)) \(Int(h))\" role=\"img\">"
        for tick in ticks(low, high, count: 5) {
            svg += "<line class=\"grid\" x1=\"\(left)\" x2=\"\(w - right)\" y1=\"\(Markup.coordinate(y(tick)))\" y2=\"\(Markup.coordinate(y(tick)))\"/>"
            svg += "<text class=\"axis\" x=\"\(left - 6)\" y=\"\(Markup.coordinate(y(tick) + 4))\" text-anchor=\"end\">\(Format.number(tick))</text>"
        }
        for tick in ticks(lowX, highX, count: 6) {
            svg += "<text class=\"axis\" x=\"\(Markup.coordinate(x(tick)))\" y=\"\(h - bottomPad + 16)\" text-anchor=\"middle\">\(Format.number(tick, decimals: abs(highX - lowX) < 10 ? 2 : 0))</text>"
        }
        svg += "<text class=\"axis-title\" x=\"\(Markup.coordinate((left + w - right) / 2))\" y=\"\(h - 6)\" text-anchor=\"middle\">\(Markup.escape(xLabel))</text>"
        svg += "<text class=\"axis-title\" x=\"14\" y=\"\(h / 2)\" transform=\"rotate(-90 14 \(h / 2))\" text-anchor=\"middle\">\(Markup.escape(yLabel))</text>"
        for mark in marks {
            svg += "<line class=\"marker\" x1=\"\(Markup.coordinate(x(mark.x)))\" x2=\"\(Markup.coordinate(x(mark.x)))\" y1=\"\(topPad)\" y2=\"\(h - bottomPad)\"/>"
        }
        for (i, letter) in letters.enumerated() where i < values.count && (i == 0 || letters[i - 1] != letter) {
            svg += "<text class=\"plan-letter\" x=\"\(Markup.coordinate(x(values[i]) + 3))\" y=\"\(topPad - 6)\">\(Markup.escape(letter))</text>"
        }
        let names = series.map(\.name)
        for (k, line) in series.enumerated() {
            let colour = Palette.categories[k % Palette.categories.count]
            let points = zip(values, line.values).compactMap { v, value in value.map { "\(Markup.coordinate(x(v))),\(Markup.coordinate(y($0)))" } }
            svg += "<polyline class=\"series\" points=\"\(points.joined(separator: " "))\" stroke=\"\(colour)\"/>"
            for point in points { svg += "<circle cx=\"\(point.split(separator: ",")[0])\" cy=\"\(point.split(separator: ",")[1])\" r=\"2.5\" fill=\"\(colour)\"/>" }
            if let last = Array(zip(values, line.values)).last(where: { $0.1 != nil }) {
                svg += "<text class=\"series-label\" x=\"\(Markup.coordinate(x(last.0) + 6))\" y=\"\(Markup.coordinate(y(last.1!) + 4))\" fill=\"\(colour)\">\(Markup.escape(names[k]))</text>"
            }
        }
        return "<figure>\(svg)</figure>"
    }

    /// About `count` round tick values covering low…high.
    static func ticks(_ low: Double, _ high: Double, count: Int) -> [Double] {
        guard high > low, count > 0 else { return [low] }
        let raw = (high - low) / Double(count)
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        var out: [Double] = []
        var t = ceil(low / step) * step
        while t <= high + step * 1e-9 { out.append(t); t += step }
        return out
    }
}
