import Foundation
import Testing

/// `--out DIR` as a user's script meets it: killed at random moments, run twice at once, pointed
/// at the wrong folder. DIR must always hold one complete set of tables, old or new.
@Suite(.serialized) struct ResultFolderTests {
    let example = "Networks/examples/two_smelters"
    let scenario = "Networks/examples/two_smelters/scenarios/west_expansion.yaml"

    /// The tables of a folder by name, without the one line that differs between identical runs.
    static func tables(_ folder: URL) -> [String: String] {
        var tables: [String: String] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            let text = (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? "<unreadable>"
            tables[name] = text.split(separator: "\n").filter { !$0.hasPrefix("solve_seconds,") }.joined(separator: "\n")
        }
        return tables
    }

    func arguments(_ variant: Int, _ out: URL) -> [String] {
        ["solve", example, "--out", out.path] + (variant == 1 ? ["--scenario", scenario] : [])
    }

    func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = Programs.executable("potline")
        process.arguments = arguments
        process.currentDirectoryURL = Programs.repository
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The two complete sets a run can leave: the base case's and the scenario's.
    func references(in scratch: URL) throws -> [[String: String]] {
        try (0...1).map { variant throws -> [String: String] in
            let folder = scratch.appendingPathComponent("reference\(variant)")
            #expect(try Programs.run("potline", arguments(variant, folder)).status == 0)
            return Self.tables(folder)
        }
    }

    @Test func killedAtAnyMomentTheFolderHoldsACompleteSet() throws {
        let scratch = try Programs.scratchFolder("potline-kill")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let sets = try references(in: scratch)
        #expect(sets[0] != sets[1] && sets[0].count >= 5)
        let out = scratch.appendingPathComponent("out")
        let started = Date()
        #expect(try Programs.run("potline", arguments(0, out)).status == 0)
        let duration = Date().timeIntervalSince(started)
        var random = SeededLCG(seed: 42)
        var complete = 0, killedWhileRunning = 0
        for attempt in 0..<24 {
            let process = try start(arguments(attempt % 2, out))
            usleep(UInt32(Double(random.next() % 1_000) / 1_000 * duration * 1.2 * 1_000_000))
            if process.isRunning { killedWhileRunning += 1 }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let found = Self.tables(out)
            #expect(found == sets[0] || found == sets[1], "attempt \(attempt): \(found.keys.sorted())")
            if found == sets[0] || found == sets[1] { complete += 1 }
        }
        #expect(complete == 24)
        #expect(killedWhileRunning > 0)
        // The next run removes what killed runs left beside the folder.
        #expect(try Programs.run("potline", arguments(0, out)).status == 0)
        let beside = try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted()
        #expect(beside == ["out", "reference0", "reference1"])
    }

    @Test func overlappingRunsNeverMixTheirTables() throws {
        let scratch = try Programs.scratchFolder("potline-overlap")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let sets = try references(in: scratch)
        let out = scratch.appendingPathComponent("out")
        for round in 0..<3 {
            let runs = try (0..<4).map { try start(arguments(($0 + round) % 2, out)) }
            for run in runs { run.waitUntilExit() }
            #expect(runs.allSatisfy { $0.terminationStatus == 0 })
            let found = Self.tables(out)
            #expect(found == sets[0] || found == sets[1])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted() == ["out", "reference0", "reference1"])
    }

    @Test func foldersThatMustNotReceiveResultsAreRefused() throws {
        let scratch = try Programs.scratchFolder("potline-refuse")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let network = scratch.appendingPathComponent("net")
        try FileManager.default.copyItem(at: Programs.repository.appendingPathComponent(example), to: network)
        let before = ResultFolderTests.tables(network)
        for (out, message) in [
            ("", "--out needs a folder name"), (network.path, "is a network folder"),
            (network.appendingPathComponent("results").path, "lies inside the network folder"),
            (network.appendingPathComponent("plants.csv").path, "is a file, not a folder"),
        ] {
            let run = try Programs.run("potline", ["solve", network.path, "--out", out])
            #expect(run.status == 2)
            #expect(run.error.contains(message))
            #expect(run.output.isEmpty)  // refused before solving
        }
        #expect(ResultFolderTests.tables(network) == before)
        // Files a user keeps in the folder stay; tables an earlier run wrote and this one does not go.
        let out = scratch.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try "keep".write(to: out.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        try "old".write(to: out.appendingPathComponent("plan_builds.csv"), atomically: true, encoding: .utf8)
        try "old".write(to: out.appendingPathComponent("samples.csv"), atomically: true, encoding: .utf8)  // a robust study's
        #expect(try Programs.run("potline", ["solve", example, "--out", out.path]).status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(files.contains("notes.txt") && !files.contains("plan_builds.csv") && !files.contains("samples.csv") && files.contains("flows.csv"))
    }

    /// `--xlsx`: the tables of `--out` in one workbook; a destination that cannot be right is
    /// refused before any solve, and nothing is written.
    @Test func workbookBesideTheTablesAndBadNamesRefused() throws {
        let scratch = try Programs.scratchFolder("potline-xlsx")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let book = scratch.appendingPathComponent("result.xlsx")
        let run = try Programs.run("potline", ["solve", example, "--xlsx", book.path, "--out", scratch.appendingPathComponent("out").path])
        #expect(run.status == 0, "\(run.error)")
        let bytes = try Data(contentsOf: book)
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), "a workbook is a ZIP file")
        // An earlier file is replaced whole, not written into.
        try Data(repeating: 0x41, count: 200_000).write(to: book)
        #expect(try Programs.run("potline", ["solve", example, "--xlsx", book.path]).status == 0)
        let again = try Data(contentsOf: book)
        #expect(again.starts(with: [0x50, 0x4B, 0x03, 0x04]) && again.count < 200_000)
        let folder = scratch.appendingPathComponent("folder.xlsx")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (path, message) in [
            (scratch.appendingPathComponent("result.csv").path, "must end in .xlsx"), (folder.path, "is a folder"),
            (scratch.appendingPathComponent("missing/result.xlsx").path, "does not exist or is not writable"),
        ] {
            let refused = try Programs.run("potline", ["solve", example, "--xlsx", path])
            #expect(refused.status == 2, "\(path)")
            #expect(refused.error.contains(message), "\(refused.error)")
            #expect(refused.output.isEmpty)  // refused before solving
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("result.csv").path))
    }
}

/// Knuth's MMIX linear congruential generator: reproducible kill times and fuzz choices.
struct SeededLCG: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 11
    }
}
