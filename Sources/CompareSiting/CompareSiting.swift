import Foundation
import Potline

/// Compares three siting scenarios against a base network through Potline's library API, and
/// ranks them by total cost: the pattern a strategy script follows.
///
///     swift run CompareSiting [NETWORK [SCENARIO.yaml …]]
///
/// Without arguments it compares the three siting options beside
/// `Networks/examples/two_smelters` (expand the west smelter, build at the market, open a north
/// site); their results are derived by hand in that folder's `scenarios/README.md`.
@main
struct CompareSiting {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let network = arguments.first ?? "Networks/examples/two_smelters"
        let scenarioPaths =
            arguments.count > 1
            ? Array(arguments.dropFirst())
            : ["west_expansion", "east_new_smelter", "north_site"].map { "\(network)/scenarios/\($0).yaml" }
        do {
            print(try compare(network: network, scenarios: scenarioPaths), terminator: "")
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            exit(2)
        }
    }

    static func compare(network: String, scenarios paths: [String]) throws -> String {
        // 1. Read the base network's files and the scenario files.
        let base = try NetworkFiles.read(from: URL(fileURLWithPath: network))
        var scenarios: [Scenario] = []
        for path in paths { scenarios.append(try Scenario.load(from: path)) }

        // 2. Solve the base and each scenario on its own (one case each), in parallel.
        let comparison = try Comparison.run(base: base, cases: scenarios.map { [$0] })

        // 3. Read the results as Swift values.
        guard let baseCost = comparison.base.totalCostYuan else {
            return "The base network is \(comparison.base.status.words).\n"
        }
        var lines = ["Siting scenarios on \(comparison.network), cheapest first (base \(yuan(baseCost)) yuan/y):"]
        let ranked = comparison.scenarios.sorted { ($0.totalCostYuan ?? .infinity) < ($1.totalCostYuan ?? .infinity) }
        for (rank, option) in ranked.enumerated() {
            guard let cost = option.totalCostYuan, let change = option.totalCostChangeYuan else {
                lines.append("\(rank + 1). \(option.name): \(option.status.words)")
                continue
            }
            var parts = ["\(yuan(cost)) yuan/y (\(Format.signed(change)))"]
            for delivered in option.deliveredCosts {
                parts.append(
                    "\(delivered.region) \(delivered.commodity) \(Format.optional(delivered.marginalCostYuanPerTonne, decimals: 1)) yuan/t"
                        + " (\(delivered.marginalCostChangeYuanPerTonne.map { Format.signed($0, decimals: 1) } ?? "new"))")
            }
            for plant in option.plantChanges {
                parts.append("\(plant.change.rawValue) \(plant.id) \(Format.signed(plant.changeTonnesPerYear)) t/y")
            }
            lines.append("\(rank + 1). \(option.name): " + parts.joined(separator: "; "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func yuan(_ value: Double) -> String { Format.number(value) }
}
