import Foundation
import Testing
import Potline
import PotlineTestSupport
@testable import PotlineFiles

/// Seeded mutation fuzzing in process (issue 10): hundreds of mutated copies of the bundled
/// networks' tables and of their scenario files, each read, validated and (when valid) solved.
/// Every outcome must be a located problem list or a solution; nothing may trap, no problem may
/// lack its file and place, no model may reach the solver with a figure GLPK cannot take, and
/// the bundled folders must not change. `Tests/Benchmarks/fuzz.py` runs thousands through the CLI.
@Suite struct MutationFuzzTests {
    /// Copies per run: a few hundred by default (seconds); `POTLINE_FUZZ_COUNT=10000 swift test
    /// --filter MutationFuzzTests` for a long run.
    static let count = ProcessInfo.processInfo.environment["POTLINE_FUZZ_COUNT"].flatMap { Int($0) } ?? 360

    static let extremes = [
        "-1", "0", "-0", "1e-320", "1e-300", "1e-7", "1e308", "9.2e18", "1e306", "nan", "inf", "", "abc", "1,5", "0.5",
        "1e6", "12345678901234567890", "1_000",
    ]

    /// One random change to one table: a cell, a row removed or repeated, a header renamed.
    static func mutate(_ files: inout NetworkFiles, _ random: inout SeededGenerator) {
        let names = files.tables.keys.sorted()
        guard let name = names.randomElement(using: &random), var table = files.tables[name], !table.rows.isEmpty else { return }
        let r = Int.random(in: 0..<table.rows.count, using: &random)
        switch Int.random(in: 0..<10, using: &random) {
        case 0..<6:
            guard let column = table.header.randomElement(using: &random) else { return }
            table.rows[r].fields[column] = extremes.randomElement(using: &random)!
        case 6:
            let column = table.header.randomElement(using: &random)!
            table.rows[r].fields[column] = (table.rows[r].fields[column] ?? "") + "x"  // an id typo
        case 7: table.rows.remove(at: r)
        case 8: table.rows.append(table.rows[r])
        default:
            let i = Int.random(in: 0..<table.header.count, using: &random)
            let old = table.header[i]
            table.header[i] = old + "s"
            for k in table.rows.indices { table.rows[k].fields[old + "s"] = table.rows[k].fields.removeValue(forKey: old) }
        }
        files.tables[name] = table
    }

    /// Every problem names its file and a row, line, column or key.
    static func located(_ problem: NetworkProblem) -> Bool {
        problem.file.map { !$0.isEmpty } == true && (problem.row != nil || problem.column != nil || problem.message.contains("missing"))
    }

    static func digest(_ folder: URL) throws -> [String: Data] {
        var contents: [String: Data] = [:]
        let names = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
        for name in names { contents[name] = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) }
        return contents
    }

    @Test func mutatedNetworksNeverTrapAndAlwaysLocateTheirProblems() throws {
        let twoSmelters = try NetworkFiles.read(from: Fixtures.twoSmelters)
        let china = try NetworkFiles.read(from: Fixtures.networks.appendingPathComponent("china"))
        let before = try Self.digest(Fixtures.networks)
        var random = SeededGenerator(seed: 2026)
        var outcomes: [String: Int] = [:]
        for i in 0..<Self.count {
            // Most copies are two_smelters (solved in milliseconds); one in six is China (validated only).
            let isChina = i % 6 == 5
            var files = isChina ? china : twoSmelters
            for _ in 0..<Int.random(in: 1...3, using: &random) { Self.mutate(&files, &random) }
            let network: ValidatedNetwork
            do {
                network = try NetworkLoader.parse(files)
            } catch {
                outcomes["rejected", default: 0] += 1
                for problem in error.problems where !Self.located(problem) { Issue.record("#\(i): unlocated problem: \(problem)") }
                continue
            }
            guard !isChina else {
                outcomes["china valid", default: 0] += 1
                continue
            }
            do {
                let solution = try network.solve(options: SolveOptions(timeLimitSeconds: 5, analysePlan: false))
                outcomes[solution.status.rawValue, default: 0] += 1
                if solution.status == .optimal { #expect(solution.totalCostYuan?.isFinite == true, "#\(i)") }
                _ = try JSONReport.encode(solution)  // every figure finite
            } catch {
                Issue.record("#\(i): a valid network failed to solve: \(error)")
            }
        }
        #expect(outcomes["rejected", default: 0] > Self.count / 4)
        #expect(outcomes["optimal", default: 0] > Self.count / 20)
        print("mutation fuzz: \(Self.count) network copies: \(outcomes.sorted { $0.key < $1.key })")
        #expect(try Self.digest(Fixtures.networks) == before)
    }

    /// Scenario files with mutated numbers and keys: a located problem or a network, never a trap.
    @Test func mutatedScenariosAreLocatedProblemsOrNetworks() throws {
        let base = try NetworkFiles.read(from: Fixtures.twoSmelters)
        let folder = Fixtures.twoSmelters.appendingPathComponent("scenarios")
        let texts = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted().map {
            try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)
        }
        var random = SeededGenerator(seed: 77)
        let number = try Regex(": (-?[0-9][0-9_.e+-]*)")
        for i in 0..<max(150, Self.count / 2) {
            var text = texts.randomElement(using: &random)!
            let matches = text.matches(of: number)
            switch Int.random(in: 0..<4, using: &random) {
            case 0, 1:
                if let match = matches.randomElement(using: &random) {
                    text.replaceSubrange(match.range, with: ": " + Self.extremes.randomElement(using: &random)!)
                }
            case 2: text = String(text.prefix(Int.random(in: 0...text.count, using: &random)))
            default: text = text.replacingOccurrences(of: "set: {", with: "set: {" + String(repeating: "a.", count: Int.random(in: 1...40, using: &random)))
            }
            do {
                let scenario = try Scenario.parse(text, file: "s\(i).yaml")
                _ = try ScenarioCase(base: base, scenarios: [scenario]).network()
            } catch {
                for problem in error.problems where !Self.located(problem) { Issue.record("#\(i): unlocated problem: \(problem)") }
            }
        }
    }
}
