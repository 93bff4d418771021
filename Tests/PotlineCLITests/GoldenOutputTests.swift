import Foundation
import Testing

/// The text, JSON and CSV outputs of every bundled network and scenario, byte for byte against
/// the files in `Tests/Fixtures/golden/`, so a restructuring that changes no behaviour can prove
/// it. Timings differ between runs and are masked; hashing is made deterministic.
///
/// After a deliberate change of output, rewrite the fixtures with
/// `POTLINE_WRITE_GOLDEN=1 swift test --filter GoldenOutputTests` and review the diff.
@Suite struct GoldenOutputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let arguments: [String]
        /// The `--out` folder's CSV files are part of the case.
        var writesFolder = false
        var testDescription: String { name }
    }

    static let folder = Programs.repository.appendingPathComponent("Tests/Fixtures/golden")

    static let cases: [Case] = {
        var cases: [Case] = []
        func solve(_ name: String, _ network: String, _ extra: [String] = []) {
            cases.append(Case(name: "\(name).txt", arguments: ["solve", network, "--full"] + extra))
            cases.append(Case(name: "\(name).json", arguments: ["solve", network, "--json"] + extra))
        }
        for network in ["examples/two_smelters", "china", "china_silicon"] {
            let path = "Networks/\(network)"
            let stem = network.replacingOccurrences(of: "examples/", with: "")
            solve(stem, path)
            // The default report: one screen.
            cases.append(Case(name: "\(stem).summary.txt", arguments: ["solve", path]))
            cases.append(Case(name: "\(stem).csv", arguments: ["solve", path, "--out"], writesFolder: true))
            let scenarioFolder = Programs.repository.appendingPathComponent("\(path)/scenarios")
            let scenarios = (try? FileManager.default.contentsOfDirectory(atPath: scenarioFolder.path)) ?? []
            for scenario in scenarios.sorted() where scenario.hasSuffix(".yaml") {
                solve("\(stem)+\(scenario.dropLast(5))", path, ["--scenario", "\(path)/scenarios/\(scenario)"])
            }
            let all = scenarios.sorted().filter { $0.hasSuffix(".yaml") }.map { "\(path)/scenarios/\($0)" }
            if !all.isEmpty {
                cases.append(Case(name: "\(stem).compare.txt", arguments: ["compare", path] + all))
                cases.append(Case(name: "\(stem).compare.json", arguments: ["compare", path] + all + ["--json"]))
            }
        }
        let sweep = [
            "sweep", "Networks/examples/two_smelters", "--set", "regions[id=west].grid_price_yuan_per_kwh",
            "--from", "0.2", "--to", "0.5", "--steps", "6",
        ]
        cases.append(Case(name: "two_smelters.sections.txt", arguments: ["solve", "Networks/examples/two_smelters", "--section", "flows", "--section", "costs"]))
        cases.append(Case(name: "two_smelters.sweep.txt", arguments: sweep))
        cases.append(Case(name: "two_smelters.sweep.json", arguments: sweep + ["--json"]))
        let chinaSweep = [
            "sweep", "Networks/china", "--set", "regions[id=xinjiang].grid_price_yuan_per_kwh",
            "--values", "0.3,0.35,0.4,0.45", "--threads", "1",
        ]
        cases.append(Case(name: "china.sweep.json", arguments: chinaSweep + ["--json"]))
        cases.append(Case(name: "china.validate.txt", arguments: ["validate", "Networks/china"]))
        return cases
    }()

    @Test(arguments: cases)
    func outputIsUnchanged(_ golden: Case) throws {
        var arguments = golden.arguments
        var outFolder: URL?
        if golden.writesFolder {
            let scratch = try Programs.scratchFolder("golden")
            outFolder = scratch.appendingPathComponent("out")
            arguments.append(outFolder!.path)
        }
        defer { if let outFolder { try? FileManager.default.removeItem(at: outFolder.deletingLastPathComponent()) } }
        // Swift seeds its hashing per process, so where a report adds up or ties values in
        // dictionary order the last digit or the order of equals can move between runs.
        let run = try Programs.run("potline", arguments, environment: ["SWIFT_DETERMINISTIC_HASHING": "1"])
        #expect(run.status == 0 || run.status == 3, "\(golden.name): \(run.error)")
        var produced: [(name: String, text: String)] = [(golden.name, Self.masked(run.output))]
        if let outFolder {
            produced = try FileManager.default.contentsOfDirectory(atPath: outFolder.path).sorted().map { file in
                ("\(golden.name)/\(file)", Self.masked(try String(contentsOf: outFolder.appendingPathComponent(file), encoding: .utf8)))
            }
        }
        for (name, text) in produced {
            let fixture = Self.folder.appendingPathComponent(name)
            if ProcessInfo.processInfo.environment["POTLINE_WRITE_GOLDEN"] == "1" {
                try FileManager.default.createDirectory(at: fixture.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: fixture, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOf: fixture, encoding: .utf8)
            #expect(text == expected, "\(name) differs from its golden file; \(Self.firstDifference(text, expected))")
        }
    }

    /// Replaces wall-clock figures, the one thing that changes from run to run.
    static func masked(_ text: String) -> String {
        let patterns = [
            (#""([a-z_]*seconds[a-z_]*)" : [-0-9.e+]+"#, #""$1" : "?""#),
            (#"^([a-z_]*seconds[a-z_]*),[^,]*,"#, "$1,?,"),
            (#"(?:[0-9][0-9.,]*|\?) ?(?:ms|s)\b(?=[ ,;)]|$)"#, "(time)"),
        ]
        var masked = text
        for (pattern, template) in patterns {
            let regex = try! NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
            masked = regex.stringByReplacingMatches(
                in: masked, range: NSRange(masked.startIndex..., in: masked), withTemplate: template)
        }
        return masked
    }

    static func firstDifference(_ a: String, _ b: String) -> String {
        let left = a.split(separator: "\n", omittingEmptySubsequences: false)
        let right = b.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, pair) in zip(left, right).enumerated() where pair.0 != pair.1 {
            return "line \(i + 1): got «\(pair.0)», expected «\(pair.1)»"
        }
        return "lengths \(left.count) vs \(right.count) lines"
    }
}
