import Foundation
import LinearModel
import PotlineFiles
import PotlineFormulation
import PotlineNetwork
import PotlineResults
import PotlineSolve
import PotlineStudies

/// The network map as SVG: region shapes (or points) coloured by delivered cost, flows as lines
/// whose width is tonnes, plants as circles sized by output and coloured by process, siting
/// decisions marked.
struct FlowMap {
    /// What is drawn: the network's regions, its process ids (the colour order) and plants.
    let regions: [Solution.RegionInfo]
    let processes: [String]
    let plants: [Solution.PlantResult]
    let shapes: MapShapes?
    let width = 900.0

    /// The map of the network `solution` was solved on.
    init(solution: Solution, shapes: MapShapes?) {
        self.init(regions: solution.regions, processes: solution.processes, plants: solution.plants, shapes: shapes)
    }

    init(regions: [Solution.RegionInfo], processes: [String], plants: [Solution.PlantResult], shapes: MapShapes?) {
        self.regions = regions
        self.processes = processes
        self.plants = plants
        self.shapes = shapes
    }

    struct Layer {
        /// Marginal delivered cost per region (the colour), and the commodity it is for.
        var regionValues: [String: Double] = [:]
        var valueLabel = ""
        var diverging = false
        var flows: [Solution.FlowResult] = []
        var plants: [Solution.PlantResult] = []
        var built: Set<String> = []
        var closed: Set<String> = []
        var retrofitted: Set<String> = []
    }

    func render(_ layer: Layer, title: String) -> String {
        let byID = Dictionary(regions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        // Frame: the shapes, else the domestic regions' points.
        var lons: [Double] = [], lats: [Double] = []
        for shape in shapes?.rings ?? [] { for ring in shape.rings { for p in ring { lons.append(p.lon); lats.append(p.lat) } } }
        if lons.isEmpty {
            for region in regions where region.kind != .foreign {
                lons.append(region.longitudeDegrees)
                lats.append(region.latitudeDegrees)
            }
        }
        guard let minLon = lons.min(), let maxLon = lons.max(), let minLat = lats.min(), let maxLat = lats.max() else { return "" }
        let pad = lons.count < 3 ? 2.0 : 0.5
        let projection = MapProjection(lon: (minLon - pad)...(maxLon + pad), lat: (minLat - pad)...(maxLat + pad), width: width)
        func position(_ id: String) -> (x: Double, y: Double, clamped: Bool)? {
            byID[id].map { projection.clamped(lon: $0.longitudeDegrees, lat: $0.latitudeDegrees) }
        }
        let values = layer.regionValues.values
        let low = values.min() ?? 0, high = values.max() ?? 1
        let extent = max(abs(low), abs(high))
        func fill(_ value: Double?) -> String {
            guard let value else { return "#EEEEEE" }
            if layer.diverging { return Palette.diverging(extent > 0 ? value / extent : 0) }
            return Palette.sequential(high > low ? (value - low) / (high - low) : 0.5)
        }

        var svg = "<svg class=\"map\" viewBox=\"0 0 \(Int(width)) \(Int(projection.height))\" role=\"img\" aria-label=\"\(Markup.escape(title))\">"
        // Shapes.
        var drawn: Set<String> = []
        for shape in shapes?.rings ?? [] {
            let d = shape.rings.map { ring in
                "M" + ring.map { p in let q = projection.point(lon: p.lon, lat: p.lat); return Markup.coordinate(q.x) + "," + Markup.coordinate(q.y) }
                    .joined(separator: "L") + "Z"
            }.joined()
            if byID[shape.region] != nil {
                drawn.insert(shape.region)
                let value = layer.regionValues[shape.region]
                svg += "<path class=\"region-shape\" data-region=\"\(Markup.escape(shape.region))\" d=\"\(d)\" fill=\"\(fill(value))\">"
                    + "<title>\(Markup.escape(byID[shape.region]!.name))\(value.map { ": " + Format.number($0) + " " + layer.valueLabel } ?? "")</title></path>"
            } else {
                svg += "<path class=\"background-shape\" d=\"\(d)\"/>"
            }
        }
        // Regions without a shape: points.
        for region in regions where !drawn.contains(region.id) {
            guard let p = position(region.id) else { continue }
            let value = layer.regionValues[region.id]
            svg += "<circle class=\"region-point\" data-region=\"\(Markup.escape(region.id))\" cx=\"\(Markup.coordinate(p.x))\" cy=\"\(Markup.coordinate(p.y))\" r=\"5\" fill=\"\(fill(value))\"><title>\(Markup.escape(region.name))</title></circle>"
            if region.kind == .foreign || shapes == nil {
                let right = p.x > width / 2
                svg += "<text class=\"region-label\" x=\"\(Markup.coordinate(right ? p.x - 7 : p.x + 7))\" y=\"\(Markup.coordinate(p.y + 4))\" text-anchor=\"\(right ? "end" : "start")\">\(Markup.escape(region.kind == .foreign && p.clamped ? region.name + " (off map)" : region.name))</text>"
            }
        }
        // Flows: one line per flow in use; width ∝ √tonnes, colour per commodity.
        let commodities = layer.flows.map(\.commodity)
        let biggest = layer.flows.map(\.tonnesPerYear).max() ?? 1
        for flow in layer.flows.sorted(by: { $0.tonnesPerYear > $1.tonnesPerYear }) {
            guard let a = position(flow.from), let b = position(flow.to) else { continue }
            let w = 0.6 + 7 * sqrt(abs(flow.tonnesPerYear) / biggest)
            let colour = Palette.category(flow.commodity, among: commodities)
            svg += "<line class=\"flow\" data-link=\"\(Markup.escape(flow.link))\" data-commodity=\"\(Markup.escape(flow.commodity))\" x1=\"\(Markup.coordinate(a.x))\" y1=\"\(Markup.coordinate(a.y))\" x2=\"\(Markup.coordinate(b.x))\" y2=\"\(Markup.coordinate(b.y))\" stroke=\"\(colour)\" stroke-width=\"\(Markup.coordinate(w))\"><title>\(Markup.escape(flow.commodity)) \(Markup.escape(flow.from)) → \(Markup.escape(flow.to)): \(Format.kilotonnes(flow.tonnesPerYear)) kt/y</title></line>"
        }
        // Plants: spread round their region's point so they do not hide each other.
        let largest = layer.plants.map(\.productionTonnesPerYear).max() ?? 1
        let byRegion = Dictionary(grouping: layer.plants, by: \.region)
        for (region, plants) in byRegion.sorted(by: { $0.key < $1.key }) {
            guard let centre = position(region) else { continue }
            for (k, plant) in plants.sorted(by: { $0.productionTonnesPerYear > $1.productionTonnesPerYear }).enumerated() {
                let angle = Double(k) * 2.4
                let offset = k == 0 ? 0 : 5 + 3 * sqrt(Double(k))
                let x = centre.x + offset * cos(angle), y = centre.y + offset * sin(angle)
                let r = 1.5 + 9 * sqrt(max(0, plant.productionTonnesPerYear) / largest)
                let mark = layer.built.contains(plant.id) ? " built" : layer.closed.contains(plant.id) ? " closed" : layer.retrofitted.contains(plant.id) ? " retrofitted" : ""
                svg += "<circle class=\"plant\(mark)\" data-plant=\"\(Markup.escape(plant.id))\" cx=\"\(Markup.coordinate(x))\" cy=\"\(Markup.coordinate(y))\" r=\"\(Markup.coordinate(r))\" fill=\"\(Palette.category(plant.process, among: processes))\"><title>\(Markup.escape(plant.id)) (\(Markup.escape(plant.process))\(mark)): \(Format.kilotonnes(plant.productionTonnesPerYear)) kt/y</title></circle>"
            }
        }
        for id in layer.closed.sorted() {
            guard let plant = plants.first(where: { $0.id == id }), let p = position(plant.region) else { continue }
            svg += "<path class=\"site-closed\" data-plant=\"\(Markup.escape(id))\" d=\"M\(Markup.coordinate(p.x - 6)),\(Markup.coordinate(p.y - 6))l12,12m0,-12l-12,12\"><title>\(Markup.escape(id)) closed</title></path>"
        }
        svg += "</svg>"

        // Legends: HTML beside the map, so they never overlap it.
        var legend = "<div class=\"legend\">"
        if !layer.regionValues.isEmpty {
            legend += "<div><b>\(Markup.escape(layer.valueLabel))</b><br>"
            let steps = high > low || layer.diverging ? (layer.diverging ? [-extent, -extent / 2, 0, extent / 2, extent] : (0...4).map { low + (high - low) * Double($0) / 4 }) : [low]
            legend += steps.map { "<span class=\"swatch\" style=\"background:\(fill($0))\"></span>\(layer.diverging ? Format.signed($0) : Format.number($0))" }.joined(separator: "<br>")
            legend += "</div>"
        }
        let usedProcesses = Array(Set(layer.plants.map(\.process))).sorted()
        if !usedProcesses.isEmpty {
            legend += "<div><b>Plants (area ∝ output)</b><br>" + usedProcesses.map {
                "<span class=\"dot\" style=\"background:\(Palette.category($0, among: processes))\"></span>\(Markup.escape($0))"
            }.joined(separator: "<br>")
            legend += "<br><span class=\"dot ring\"></span>built &nbsp;<span class=\"cross\">×</span> closed</div>"
        }
        let usedCommodities = Array(Set(commodities)).sorted()
        if !usedCommodities.isEmpty {
            legend += "<div><b>Flows (width ∝ √t)</b><br>" + usedCommodities.map {
                "<span class=\"flowkey\" style=\"background:\(Palette.category($0, among: commodities))\"></span>\(Markup.escape($0))"
            }.joined(separator: "<br>") + "</div>"
        }
        legend += "</div>"
        return "<figure class=\"mapbox\">\(svg)\(legend)<figcaption>\(Markup.escape(title))</figcaption></figure>"
    }
}
