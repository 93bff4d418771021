import Foundation
import LinearModel
import PotlineFiles
import PotlineFormulation
import PotlineNetwork
import PotlineResults
import PotlineSolve
import PotlineStudies

/// Region outlines for the report's map, read from a network folder's optional `shapes.geojson`
/// (see Networks/README.md "Map").
public struct MapShapes: Sendable {
    /// Rings of (longitude, latitude) per feature, keyed by the feature's `region`.
    public var rings: [(region: String, rings: [[(lon: Double, lat: Double)]])]

    /// The folder's shapes, or nil when it has none.
    public static func load(folder: URL) throws -> MapShapes? {
        let file = folder.appendingPathComponent("shapes.geojson")
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        struct Collection: Decodable {
            struct Feature: Decodable {
                struct Properties: Decodable { let region: String }
                struct Geometry: Decodable { let type: String; let coordinates: [[[[Double]]]] }
                let properties: Properties
                let geometry: Geometry
            }
            let features: [Feature]
        }
        let collection: Collection
        do {
            collection = try JSONDecoder().decode(Collection.self, from: Data(contentsOf: file))
        } catch {
            throw NetworkError([NetworkProblem(file: "shapes.geojson", message: "not a GeoJSON FeatureCollection of MultiPolygons with properties.region: \(error)")])
        }
        return MapShapes(
            rings: collection.features.map { feature in
                (feature.properties.region, feature.geometry.coordinates.flatMap { polygon in
                    polygon.map { ring in ring.compactMap { $0.count >= 2 ? (lon: $0[0], lat: $0[1]) : nil } }
                })
            })
    }
}

/// Longitude/latitude to SVG pixels: equirectangular, stretched by cos(mid-latitude) so shapes at
/// China's latitudes keep their proportions; fitted to a box with a margin.
struct MapProjection {
    let minLon: Double, maxLat: Double, scale: Double, xScale: Double, margin: Double
    let width: Double, height: Double

    init(lon: ClosedRange<Double>, lat: ClosedRange<Double>, width: Double, margin: Double = 24) {
        let mid = (lat.lowerBound + lat.upperBound) / 2 * .pi / 180
        xScale = cos(mid)
        let spanX = max(1e-6, (lon.upperBound - lon.lowerBound) * xScale)
        let spanY = max(1e-6, lat.upperBound - lat.lowerBound)
        scale = (width - 2 * margin) / spanX
        minLon = lon.lowerBound
        maxLat = lat.upperBound
        self.margin = margin
        self.width = width
        height = spanY * scale + 2 * margin
    }

    func point(lon: Double, lat: Double) -> (x: Double, y: Double) {
        (margin + (lon - minLon) * xScale * scale, margin + (maxLat - lat) * scale)
    }

    /// Keeps a far-away point (an overseas supplier) just inside the frame.
    func clamped(lon: Double, lat: Double) -> (x: Double, y: Double, clamped: Bool) {
        let p = point(lon: lon, lat: lat)
        let x = min(width - margin / 2, max(margin / 2, p.x))
        let y = min(height - margin / 2, max(margin / 2, p.y))
        return (x, y, x != p.x || y != p.y)
    }
}
