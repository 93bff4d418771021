import Foundation
import Testing

/// One test per crash class of issue 10: each input once killed the process (a trap, a GLPK
/// abort, a stack overflow) or ended with an undocumented exit. Now each ends with a
/// documented exit code and a message naming the file, row and column at fault.
@Suite struct CrashRegressionTests {
    let example = "Networks/examples/two_smelters"
    let china = "Networks/china"

    func potline(_ arguments: String...) throws -> Programs.Run { try Programs.run("potline", arguments) }

    /// A copy of `network` in a scratch folder with `edit` applied to its files.
    func copy(_ network: String, _ edit: (URL) throws -> Void) throws -> URL {
        let folder = try Programs.scratchFolder("potline-crash")
        let copy = folder.appendingPathComponent(URL(fileURLWithPath: network).lastPathComponent)
        try FileManager.default.copyItem(at: Programs.repository.appendingPathComponent(network), to: copy)
        try edit(copy)
        return copy
    }

    func write(_ text: String, _ file: String, in folder: URL) throws {
        try text.write(to: folder.appendingPathComponent(file), atomically: true, encoding: .utf8)
    }

    /// Replaces column `column` of data row `row` (spreadsheet row, header = 1) of a CSV file.
    func setCell(_ file: String, row: Int, column: String, to value: String, in folder: URL) throws {
        let url = folder.appendingPathComponent(file)
        var lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        let position = try #require(header.firstIndex(of: column))
        // The bundled tables quote only their last (source) column: split the rest on commas.
        var fields = lines[row - 1].split(separator: ",", maxSplits: header.count - 1, omittingEmptySubsequences: false)
            .map(String.init)
        fields[position] = value
        lines[row - 1] = fields.joined(separator: ",")
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
    }

    func remove(_ folder: URL) { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }

    // 1. A retrofit of a plant whose own process is unknown, giving a process of its own.
    @Test func retrofitOfAPlantWithAnUnknownProcess() throws {
        let net = try copy(example) { folder in
            try setCell("plants.csv", row: 2, column: "process", to: "smeltin", in: folder)
            try write("id,plant,process,capex_yuan\nr1,west_smelter,smelting,1000\n", "retrofits.csv", in: folder)
        }
        defer { remove(net) }
        let run = try potline("validate", net.path)
        #expect(run.status == 2)
        #expect(run.error.contains("plants.csv, row 2, column process: unknown process 'smeltin' (did you mean 'smelting'?)"))
    }

    // 2. Double → Int: a tiny surcharge step, a huge kWh/t, a tiny sweep tolerance.
    @Test func surchargeStepsOfExtremeInputsAreRejectedWithTheirKey() throws {
        let net = try copy(example) { folder in
            let manifest = try String(contentsOf: folder.appendingPathComponent("network.yaml"), encoding: .utf8)
            try write(
                manifest + "policy:\n  surcharge:\n    threshold_kwh_per_t: 13000\n    step_kwh_per_t: 1e-300\n", "network.yaml",
                in: folder)
            try setCell("plants.csv", row: 3, column: "electricity_price_yuan_per_kwh", to: "", in: folder)
            try write(
                "id,name,output,electricity_kwh_per_t,other_cost_yuan_per_t\nsmelting,Smelting,aluminium,1e300,2000\n",
                "processes.csv", in: folder)
        }
        defer { remove(net) }
        let run = try potline("solve", net.path)
        #expect(run.status == 2)
        #expect(run.error.contains("network.yaml, line 16, key policy.surcharge.step_kwh_per_t: '1e-300' is implausibly small"))
        #expect(run.error.contains("processes.csv, row 2, column electricity_kwh_per_t: '1e300' is outside the plausible 0…100000 kWh/t"))
    }

    @Test func aTinySweepToleranceEndsNormally() throws {
        let run = try potline(
            "sweep", example, "--set", "plants[id=west_smelter].electricity_price_yuan_per_kwh", "--from", "0.3", "--to",
            "0.5", "--steps", "2", "--tolerance", "1e-320")
        #expect([0, 3, 4, 5].contains(run.status))
        #expect(run.output.contains("breakpoint") || run.output.contains("Sweep"))
    }

    // 3. GLPK aborts: extreme module sizes and a demand of 1e308 (the infeasibility diagnosis).
    @Test func extremeMagnitudesNeverReachGLPK() throws {
        for (value, message) in [
            ("1e-300", "is implausibly small"), ("1e308", "is outside the plausible 0…10000000000 t/y"),
            ("1e-320", "is implausibly small"),
        ] {
            let net = try copy(china) { try setCell("candidates.csv", row: 2, column: "module_t_per_y", to: value, in: $0) }
            defer { remove(net) }
            let run = try potline("validate", net.path)
            #expect(run.status == 2)
            #expect(run.error.contains("candidates.csv, row 2, column module_t_per_y: '\(value)' \(message)"))
            #expect(!run.error.contains("give either"))  // the bad value is the cause; no cascade
        }
        let net = try copy(example) { try write("region,commodity,demand_t_per_y\neast,aluminium,1e308\n", "demands.csv", in: $0) }
        defer { remove(net) }
        let run = try potline("solve", net.path)
        #expect(run.status == 2)
        #expect(run.error.contains("demands.csv, row 2, column demand_t_per_y: '1e308' is outside the plausible"))
    }

    // 4. A dotted key of thousands of segments, from a scenario file and from sweep --set.
    @Test func aDottedKeyOfThousandsOfSegmentsIsAnError() throws {
        let key = Array(repeating: "a", count: 5_000).joined(separator: ".")
        let folder = try Programs.scratchFolder("potline-deep")
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("deep.yaml")
        try "name: deep\nchanges:\n  - manifest:\n      set:\n        ? \(key)\n        : 1\n".write(to: scenario, atomically: true, encoding: .utf8)
        let run = try potline("solve", example, "--scenario", scenario.path)
        #expect(run.status == 2)
        #expect(run.error.contains("has 5000 segments; a network.yaml key has at most 16"))
        #expect(run.error.contains("deep.yaml"))
        let sweep = try potline("sweep", example, "--set", "manifest." + key, "--values", "1,2")
        #expect(sweep.status == 64 || sweep.status == 2)
        #expect(sweep.error.contains("segments"))
    }

    // 5. Closed and full standard output and error.
    @Test func failedWritesToStandardStreamsExit74() throws {
        let binary = Programs.executable("potline").path
        for (redirect, status) in [
            ("--json >/dev/full", 74), (">/dev/full", 74), ("--json >&-", 74), (">&-", 74),
            ("--json 2>&- >/dev/null", 0),
        ] {
            let run = try Programs.run("/bin/sh", ["-c", "exec '\(binary)' solve \(example) \(redirect)"])
            #expect(run.status == Int32(status), "\(redirect): \(run.error)")
        }
        // A model file to a full disk (GLPK itself does not notice).
        #expect(try potline("export", example, "--lp", "/dev/full").status == 74)
        // An error message to a closed standard error: the bad-input exit stays.
        let bad = try Programs.run("/bin/sh", ["-c", "exec '\(binary)' solve /no/such/network 2>&-"])
        #expect(bad.status == 2)
        // A reader that stops early: no signal, documented exit.
        let pipe = try Programs.run("/bin/sh", ["-c", "'\(binary)' compare \(example) \(example)/scenarios/west_expansion.yaml --json | head -c 1 >/dev/null; exit 0"])
        #expect(pipe.status == 0)
    }

    // 6 and 7. Absurd but finite inputs: validate rejects them, naming file, row and column.
    @Test func absurdInputsAreRejectedByValidate() throws {
        let cases: [(file: String, row: Int, column: String, value: String)] = [
            ("supplies.csv", 2, "price_yuan_per_t", "1e306"),
            ("plants.csv", 2, "capacity_t_per_y", "9.2e18"),
            ("links.csv", 2, "distance_km", "1e300"),
        ]
        for c in cases {
            let net = try copy(example) { try setCell(c.file, row: c.row, column: c.column, to: c.value, in: $0) }
            defer { remove(net) }
            let run = try potline("validate", net.path)
            #expect(run.status == 2)
            #expect(run.error.contains("\(c.file), row \(c.row), column \(c.column): '\(c.value)' is outside the plausible"))
        }
        let net = try copy(china) { try setCell("candidates.csv", row: 2, column: "lifetime_y", to: "1e-320", in: $0) }
        defer { remove(net) }
        let run = try potline("validate", net.path)
        #expect(run.status == 2)
        #expect(run.error.contains("candidates.csv, row 2, column lifetime_y: '1e-320'"))
    }

    // 8. OR-Library imports that would give a network validate rejects.
    @Test func importNeverWritesANetworkValidateRejects() throws {
        let folder = try Programs.scratchFolder("potline-orlib")
        defer { try? FileManager.default.removeItem(at: folder) }
        let zeroCapacity = folder.appendingPathComponent("zero.txt")
        try "2 1\n0 100\n50 100\n10 5 6\n".write(to: zeroCapacity, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("zero")
        let run = try potline("import", "orlib-cap", zeroCapacity.path, out.path)
        #expect(run.status == 2)
        #expect(run.error.contains("zero.txt, line 2: site 1 has capacity 0"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let tinyDemand = folder.appendingPathComponent("tiny.txt")
        try "1 1\n50 100\n1e-300 5\n".write(to: tinyDemand, atomically: true, encoding: .utf8)
        let tiny = try potline("import", "orlib-cap", tinyDemand.path, folder.appendingPathComponent("tiny").path)
        #expect(tiny.status == 2)
        #expect(tiny.error.contains("tiny.txt, line 3"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("tiny").path))
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() == ["tiny.txt", "zero.txt"])
    }
}
