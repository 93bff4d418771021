import Foundation
import Testing

/// Runs the built `potline` executable as a user would.
@Suite struct CommandLineTests {
    static let repository = Programs.repository

    func potline(_ arguments: String...) throws -> Programs.Run {
        try Programs.run("potline", arguments)
    }

    let example = "Networks/examples/two_smelters"

    @Test func solvePrintsTablesAndExitsZero() throws {
        let run = try potline("solve", example)
        #expect(run.status == 0)
        #expect(run.output.contains("Network two_smelters (base year 2024): optimal"))
        #expect(run.output.contains("Total delivered cost: 1,633.4 M yuan/y"))
    }

    @Test func solveJSONIsOneDocument() throws {
        let run = try potline("solve", example, "--json")
        #expect(run.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
        #expect(object?["schema"] as? String == "potline.solution/2")
        #expect(object?["total_cost_yuan"] as? Double == 1_633_392_000)
    }

    /// CBC prints nothing of its own (stdout stays one JSON document) and agrees with GLPK on a
    /// siting case: the same optimum and the same delivered costs.
    @Test func solveWithCBCMatchesGLPK() throws {
        let scenario = example + "/scenarios/north_site.yaml"
        var totals: [Double] = []
        var marginals: [[Double]] = []
        for solver in ["glpk", "cbc"] {
            let run = try potline("solve", example, "--scenario", scenario, "--solver", solver, "--json")
            #expect(run.status == 0)
            let object = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
            totals.append(object?["total_cost_yuan"] as? Double ?? .nan)
            let delivered = object?["delivered_costs"] as? [[String: Any]] ?? []
            marginals.append(delivered.compactMap { $0["marginal_cost_yuan_per_t"] as? Double })
        }
        #expect(abs(totals[0] - totals[1]) <= 1e-6 * abs(totals[0]))
        #expect(marginals[0].count == marginals[1].count && !marginals[0].isEmpty)
        for (a, b) in zip(marginals[0], marginals[1]) { #expect(abs(a - b) <= 1e-6 * max(1, abs(a))) }
        let unknown = try potline("solve", example, "--solver", "cplex")
        #expect(unknown.status == 64)
    }

    /// README "Install": completion scripts for the three shells, naming every command.
    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsNameEveryCommand(_ shell: String) throws {
        let run = try potline("--generate-completion-script", shell)
        #expect(run.status == 0)
        for command in ["solve", "compare", "sweep", "robust", "robust-merge", "tornado", "validate", "export", "import"] {
            #expect(run.output.contains(command), "\(shell): \(command)")
        }
        #expect(run.output.contains("section"))
    }

    /// An option's help states its default once: in words, or as the parser adds it, not both.
    @Test(arguments: ["solve", "compare", "sweep", "robust", "robust-merge", "tornado", "validate", "export"])
    func helpStatesEachDefaultOnce(_ command: String) throws {
        let run = try potline(command, "--help")
        #expect(run.status == 0)
        let text = run.output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(text.firstMatch(of: try Regex(#"\(default: [^)]*\)\.? \(default:"#)) == nil, "\(command)")
    }

    /// Help prose wraps as paragraphs at the terminal's width: no line is as wide as COLUMNS, and
    /// no line of the discussion ends where the next line's first word would still have fitted.
    @Test(arguments: ["solve", "compare", "sweep", "robust", "robust-merge", "tornado", "validate", "export"])
    func helpWrapsAsParagraphs(_ command: String) throws {
        let width = 64
        let run = try Programs.run("potline", [command, "--help"], environment: ["COLUMNS": "\(width)"])
        #expect(run.status == 0)
        let discussion = run.output.components(separatedBy: "\nUSAGE:")[0].split(separator: "\n", omittingEmptySubsequences: false)
        // The usage line and option names are the parser's own; the prose is ours.
        for line in discussion { #expect(line.count < width, "\(command): «\(line)»") }
        for (line, next) in zip(discussion, discussion.dropFirst())
        where !line.isEmpty && !next.isEmpty && !(line.first?.isWhitespace ?? true) && !(next.first?.isWhitespace ?? true)
            && !next.hasPrefix("- ")
        {
            let word = next.prefix { $0 != " " }
            // The parser fills lines to one column short of the width.
            #expect(line.count + 1 + word.count >= width, "\(command): «\(line)» could take «\(word)»")
        }
    }

    @Test func theReportIsShortUnlessAskedForMore() throws {
        let summary = try potline("solve", example)
        #expect(summary.status == 0)
        #expect(summary.output.contains("--full for every table") && !summary.output.contains("Supplies:"))
        let section = try potline("solve", example, "--section", "supplies")
        #expect(section.status == 0)
        #expect(section.output.contains("Supplies:") && !section.output.contains("Flows ("))
        let both = try potline("solve", example, "--full", "--section", "flows")
        #expect(both.status == 64)
        #expect(both.error.contains("give --full or --section, not both"))
        let unknown = try potline("solve", example, "--section", "everything")
        #expect(unknown.status == 64)
        #expect(unknown.error.contains("flows"))
    }

    @Test func validateReportsEveryProblemAndExitsTwo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("potline-cli-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent(example), to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "id,region,process,capacity_t_per_y\nwest_smelter,wset,smelting,-1\n".write(
            to: folder.appendingPathComponent("plants.csv"), atomically: true, encoding: .utf8)
        let run = try potline("validate", folder.path)
        #expect(run.status == 2)
        #expect(run.error.contains("plants.csv, row 2, column capacity_t_per_y: '-1' is negative"))
        let solve = try potline("solve", folder.path)
        #expect(solve.status == 2)
        let good = try potline("validate", example)
        #expect(good.status == 0)
        #expect(good.output.contains("valid"))
    }

    @Test func exportWritesLPThatGlpsolSolvesToTheSameOptimum() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("potline-lp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let lp = folder.appendingPathComponent("model.lp").path
        let mps = folder.appendingPathComponent("model.mps").path
        let run = try potline("export", example, "--lp", lp, "--mps", mps)
        #expect(run.status == 0)
        let text = try String(contentsOfFile: lp, encoding: .utf8)
        #expect(text.contains("make.west_smelter"))
        #expect(text.contains("balance.east.aluminium"))
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/glpsol") else { return }
        let glpsol = Process()
        glpsol.executableURL = URL(fileURLWithPath: "/usr/bin/glpsol")
        glpsol.arguments = ["--lp", lp, "-o", folder.appendingPathComponent("out.txt").path]
        glpsol.standardOutput = FileHandle.nullDevice
        try glpsol.run()
        glpsol.waitUntilExit()
        let report = try String(contentsOf: folder.appendingPathComponent("out.txt"), encoding: .utf8)
        #expect(report.contains("Objective:  total_cost = 1633392000 (MINimum)"))
    }

    @Test func helpExplainsInDomainWords() throws {
        let run = try potline("solve", "--help")
        #expect(run.status == 0)
        #expect(run.output.contains("delivered cost"))
    }

    @Test func badCommandLineExits64() throws {
        #expect(try potline("export", example).status == 64)
        #expect(try potline("solve", example, "--time-limit", "-3").status == 64)
    }

    @Test func infeasibleExitsThree() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("potline-inf-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent(example), to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "region,commodity,demand_t_per_y\neast,aluminium,500000\n".write(
            to: folder.appendingPathComponent("demands.csv"), atomically: true, encoding: .utf8)
        let run = try potline("solve", folder.path)
        #expect(run.status == 3)
        #expect(run.output.contains("east"))
        #expect(run.output.contains("340.0"))  // 500 − 160 kt/y unmet
    }
}
