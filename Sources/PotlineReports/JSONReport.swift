import Foundation
import LinearModel
import PotlineFiles
import PotlineFormulation
import PotlineNetwork
import PotlineResults
import PotlineSolve
import PotlineStudies

/// The solution as one JSON document (schema `potline.solution/1`, documented in the README):
/// snake_case keys that carry their unit (`production_t_per_y`, `marginal_cost_yuan_per_t`).
public enum JSONReport {
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        if let document = JSONDocumentEncoder.encode(value) { return document }
        return try foundationEncode(value)
    }

    /// The same document by Foundation's encoder: what ``JSONDocumentEncoder`` matches byte for
    /// byte, and what names the figure of a result that cannot be encoded.
    static func foundationEncode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    public static func decodeSolution(_ data: Data) throws -> Solution {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Solution.self, from: data)
    }
}
