import Foundation
import PotlineFormulation
import PotlineResults

extension SitingDecisions {
    /// Reads the plan of a `potline solve --json` document (its `plan` object).
    public static func read(json data: Data, source: String) throws -> SitingDecisions {
        let solution = try JSONReport.decodeSolution(data)
        guard let plan = solution.plan else {
            throw SitingPlanFileError(file: source, message: "has no plan: solve a network with candidate sites, closures or retrofits")
        }
        return SitingDecisions(plan, source: source)
    }
}

/// A `--plan` file that holds no plan.
public struct SitingPlanFileError: Error, CustomStringConvertible {
    public var file: String
    public var message: String
    public var description: String { "\(file): \(message)" }
}
