import Foundation
import Testing

/// `potline compare`, `potline sweep` and the CompareSiting example, run as a user would, on
/// two_smelters and its siting scenarios (derived by hand in Networks/examples/two_smelters).
@Suite struct ScenarioCommandTests {
    let example = "Networks/examples/two_smelters"
    let scenarios = [
        "Networks/examples/two_smelters/scenarios/west_expansion.yaml",
        "Networks/examples/two_smelters/scenarios/east_new_smelter.yaml",
        "Networks/examples/two_smelters/scenarios/north_site.yaml",
    ]
    let westPrice = "plants[id=west_smelter].electricity_price_yuan_per_kwh"

    func potline(_ arguments: [String]) throws -> Programs.Run {
        try Programs.run("potline", arguments)
    }

    /// python3 on this machine, if any: the script test needs it and is skipped without it.
    static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    @Test func compareShowsTheCasesSideBySide() throws {
        let run = try potline(["compare", example] + scenarios)
        #expect(run.status == 0)
        #expect(run.error.isEmpty)  // no progress line when standard error is not a terminal
        let text = run.output
        #expect(text.contains("Comparison on two_smelters (base year 2024): base and 3 scenarios"))
        // The kind of change in words, the values in columns of their own; a whole added row cut to 60 characters.
        #expect(text.contains("west_expansion    west_expansion    plants.csv     2  id=west_smelter   capacity_t_per_y  changed  60000   120000"))
        #expect(text.contains("north_site        north_site        regions.csv       id=north                            added            id=north, name=North (new site), kind=province, latitude_de…"))
        #expect(text.contains("(… a row cut short: --json and input_changes.csv of --out hold it in full)"))
        #expect(text.contains("total cost M yuan/y  1,633.4         1,588.3   -45.1           1,613.4  -20.0     1,570.8  -62.6"))
        #expect(text.contains("east    aluminium  17,010.0        15,883.2  -1,126.8          16,510.0  -500.0    15,883.2  -1,126.8"))
        #expect(text.contains("smelting  north      –               –                        –             50.0  +50.0"))
        #expect(text.contains("north_smelter  north   smelting     –"))
    }

    @Test func stackedScenariosJoinWithPlus() throws {
        let run = try potline(["compare", example, scenarios[0] + "+" + scenarios[2], "--json"])
        #expect(run.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
        let cases = object?["scenarios"] as? [[String: Any]]
        #expect(cases?.first?["name"] as? String == "west_expansion + north_site")
        #expect(cases?.first?["total_cost_yuan"] as? Double == 1_570_770_000)
        #expect((cases?.first?["scenario_files"] as? [String])?.count == 2)
    }

    @Test(.enabled(if: python != nil, "python3 is not installed"))
    func compareJSONIsReadByAStandardLibraryPythonScript() throws {
        let folder = try Programs.scratchFolder("potline-python")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try potline(["compare", example] + scenarios + ["--json"])
        #expect(run.status == 0)
        let file = folder.appendingPathComponent("compare.json")
        try Data(run.output.utf8).write(to: file)
        let script = Programs.repository.appendingPathComponent("Tests/Scripts/read_compare.py").path
        let read = try Programs.run(Self.python!, [script, file.path])
        #expect(read.status == 0, "\(read.error)")
        let lines = read.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "network two_smelters (2024)")
        #expect(lines.contains("base: optimal, total 1,633,392,000 yuan/y"))
        #expect(lines.contains("west_expansion: optimal, total 1,588,320,000 yuan/y (-45,072,000)"))
        #expect(lines.contains("east_new_smelter: optimal, total 1,613,392,000 yuan/y (-20,000,000)"))
        #expect(lines.contains("north_site: optimal, total 1,570,770,000 yuan/y (-62,622,000)"))
        #expect(lines.contains("  plant north_smelter added +50,000 t/y"))
        #expect(lines.contains("  input plants.csv id=west_smelter capacity_t_per_y: changed 60000 -> 120000"))
        // A schema the script does not know is refused, not misread.
        try Data(#"{"schema": "potline.compare/2"}"#.utf8).write(to: file)
        #expect(try Programs.run(Self.python!, [script, file.path]).status == 2)
    }

    @Test func compareWritesCSVTables() throws {
        let folder = try Programs.scratchFolder("potline-compare-out")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try potline(["compare", example, scenarios[1], "--out", folder.path])
        #expect(run.status == 0)
        let delivered = try String(contentsOf: folder.appendingPathComponent("delivered_costs.csv"), encoding: .utf8)
        #expect(delivered.contains("east_new_smelter,east,aluminium,100000,0,16510,-500,16133.92,-200"))
        let inputs = try String(contentsOf: folder.appendingPathComponent("input_changes.csv"), encoding: .utf8)
        #expect(inputs.hasPrefix("case,scenario,file,row,key,column,kind,old_value,new_value"))
        #expect(inputs.contains("east_new_smelter,east_new_smelter,plants.csv,,id=east_new,,added,"))
    }

    @Test func badScenariosExitTwoNamingTheFile() throws {
        let folder = try Programs.scratchFolder("potline-bad-scenario")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("typo.yaml")
        try "changes:\n  - table: regions\n    where: {id: eats}\n    scale: {grid_price_yuan_per_kwh: 1.2}\n".write(
            to: file, atomically: true, encoding: .utf8)
        let run = try potline(["compare", example, file.path])
        #expect(run.status == 2)
        #expect(run.error.contains("typo: 1 problem in the scenario"))
        #expect(run.error.contains("\(file.path), line 2, key change 1 (regions.csv where id = eats): selects no row"))
        #expect(run.error.contains("(did you mean 'east'?)"))
        #expect(run.output.isEmpty)

        let missing = try potline(["compare", example, "no/such/scenario.yaml"])
        #expect(missing.status == 2)
        #expect(missing.error.contains("no/such/scenario.yaml: cannot be read (no such scenario file)"))
        #expect(try potline(["compare", example]).status == 64)
        #expect(try potline(["compare", "no/such/network", scenarios[0]]).status == 2)
    }

    @Test func anInfeasibleCaseExitsThreeAndStillPrints() throws {
        let folder = try Programs.scratchFolder("potline-infeasible-scenario")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("boom.yaml")
        try "changes:\n  - table: demands\n    where: '*'\n    scale: {demand_t_per_y: 2}\n".write(
            to: file, atomically: true, encoding: .utf8)
        let run = try potline(["compare", example, file.path])
        #expect(run.status == 3)
        #expect(run.output.contains("not optimal: boom (infeasible)"))
        #expect(run.output.contains("boom  east    aluminium        200.0        40.0"))  // 200 wanted, 160 can be made
    }

    @Test func sweepFindsTheHandDerivedBreakpoint() throws {
        let run = try potline(["sweep", example, "--set", westPrice, "--from", "0.3", "--to", "0.5", "--steps", "4"])
        #expect(run.status == 0)
        #expect(run.error.isEmpty)
        #expect(run.output.contains("Sweep of \(westPrice) on two_smelters: 5 values from 0.3 to 0.5"))
        #expect(run.output.contains("23 solves (5 values + 18 bisecting)"))
        #expect(run.output.contains("   0.35  optimal         1,673.9               17,010.0  A"))
        #expect(run.output.contains("A → B"))
        #expect(run.output.contains("plant west_smelter, route trunk alumina east→west"))

        let json = try potline(["sweep", example, "--set", westPrice, "--values", "0.3,0.5", "--json", "--tolerance", "1e-9"])
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        #expect(object?["schema"] as? String == "potline.sweep/1")
        let breakpoint = (object?["breakpoints"] as? [[String: Any]])?.first
        let value = try #require(breakpoint?["value"] as? Double)
        #expect(abs(value - (0.30 + 1_126.8 / 13_500)) <= 1e-9)
    }

    @Test func sweepShowsChosenDemandsAndPlanDifferences() throws {
        let eastGrid = "regions[id=east].grid_price_yuan_per_kwh"
        let run = try potline([
            "sweep", example, "--set", westPrice, "--set", eastGrid, "--scale", "--values", "0.4,1", "--no-refine",
            "--show", "east/aluminium",
        ])
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output.contains("Sweep of \(westPrice) & \(eastGrid) (× base) on\n  two_smelters: 2 values"))
        // f = 0.4: east alone at 10,260 + 6,750 × 0.4 yuan/t; f = 1: west at 15,883.2 for 60 kt, east marginal at 17,010.
        #expect(run.output.contains("    0.4  optimal         1,296.0               12,960.0  A"))
        #expect(run.output.contains("  A  plants east_smelter\n"))
        #expect(run.output.contains("  B  from A:\n     plants + west_smelter\n"))
        #expect(run.output.contains("Plan changes (each lies between two neighbouring values; --no-refine did not locate them):"))
        #expect(run.output.contains("  0.4…1    A → B"))
        #expect(!run.output.contains("located"))
        #expect(run.output.split(separator: "\n").allSatisfy { $0.count <= 120 })

        let unknown = try potline(["sweep", example, "--set", westPrice, "--values", "1", "--show", "east/alumnium"])
        #expect(unknown.status == 64)
        #expect(unknown.error.contains("--show east/alumnium: the network has no such demand (did you mean 'east/aluminium'?)"))
        #expect(try potline(["sweep", example, "--set", westPrice, "--values", "1", "--show", "east"]).status == 64)
    }

    @Test func sweepScaleModeAndCSV() throws {
        let folder = try Programs.scratchFolder("potline-sweep-out")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try potline([
            "sweep", example, "--set", "regions[id=east].grid_price_yuan_per_kwh", "--scale", "--values", "0.9,1",
            "--out", folder.path,
        ])
        #expect(run.status == 0)
        #expect(run.output.contains("(× base)"))
        #expect(run.output.contains("Breakpoints: none"))
        // The cost moves with the value, so no note that the input is not read.
        #expect(!run.output.contains("does not move the optimum"))
        let points = try String(contentsOf: folder.appendingPathComponent("points.csv"), encoding: .utf8)
        #expect(points.contains("0.9,optimal,1606392000,A,"))
        #expect(points.contains("1,optimal,1633392000,A,"))
        for file in ["points.csv", "delivered_costs.csv", "plans.csv", "breakpoints.csv"] {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            #expect(data.allSatisfy { $0 < 0x80 }, "\(file) is not plain ASCII")
        }
        let plans = try String(contentsOf: folder.appendingPathComponent("plans.csv"), encoding: .utf8)
        #expect(plans.contains("trunk alumina east->west"))
    }

    @Test func sweepOnTopOfAScenarioFile() throws {
        // With west at 120,000 t/y it serves all demand until its cost passes east's 17,010: the
        // breakpoint does not move (the comparison is per tonne), but the cost at 0.30 does.
        let run = try potline([
            "sweep", example, "--scenario", scenarios[0], "--set", westPrice, "--values", "0.3,0.5", "--json",
        ])
        #expect(run.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
        let points = object?["points"] as? [[String: Any]]
        #expect(points?.first?["total_cost_yuan"] as? Double == 1_588_320_000)
        let breakpoint = (object?["breakpoints"] as? [[String: Any]])?.first
        #expect(abs((breakpoint?["value"] as? Double ?? 0) - (0.30 + 1_126.8 / 13_500)) <= 1e-7)
    }

    @Test func sweepErrorsAreClear() throws {
        let syntax = try potline(["sweep", example, "--set", "plants[id=west_smelter]", "--values", "1"])
        #expect(syntax.status == 64)
        #expect(syntax.error.contains("no column after the table"))
        let nothing = try potline(["sweep", example, "--set", "plants[id=wets].capacity_t_per_y", "--values", "1,2"])
        #expect(nothing.status == 2)
        #expect(nothing.error.contains("selects no row; id in plants.csv: west_smelter, east_smelter"))
        #expect(try potline(["sweep", example, "--set", westPrice]).status == 64)
        #expect(try potline(["sweep", example, "--set", westPrice, "--values", "1", "--from", "0"]).status == 64)
        #expect(try potline(["sweep", example, "--set", westPrice, "--values", "a,b"]).status == 64)
        #expect(try potline(["sweep", example, "--set", westPrice, "--values", "1", "--scale", "--add"]).status == 64)
        #expect(try potline(["sweep", example, "--set", westPrice, "--values", "1", "--benchmark", "--out", "x"]).status == 64)
    }

    /// util-linux `script` runs a command on a pseudo-terminal, as a person at a terminal would.
    static let script: String? = ["/usr/bin/script"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: script != nil, "util-linux script is not installed"))
    func sweepShowsProgressOnlyOnATerminal() throws {
        let folder = try Programs.scratchFolder("potline-progress")
        defer { try? FileManager.default.removeItem(at: folder) }
        let typescript = folder.appendingPathComponent("typescript").path
        let results = folder.appendingPathComponent("results.txt").path
        let command = "'\(Programs.executable("potline").path)' sweep \(example) --set '\(westPrice)' --values 0.3,0.5 > '\(results)'"
        let run = try Programs.run(Self.script!, ["-qc", command, typescript])
        #expect(run.status == 0)
        let terminal = try String(contentsOfFile: typescript, encoding: .utf8)
        #expect(terminal.contains("sweep: 1/"))
        #expect(terminal.contains("solved,") && terminal.contains("elapsed"))
        #expect(terminal.contains("\r\u{1B}[K"))  // the line is cleared before the results
        // The results on standard output carry no progress, and a pipe gets none either.
        let printed = try String(contentsOfFile: results, encoding: .utf8)
        #expect(printed.hasPrefix("Sweep of \(westPrice)") && !printed.contains("elapsed,"))
        #expect(try potline(["sweep", example, "--set", westPrice, "--values", "0.3,0.5"]).error.isEmpty)
    }

    @Test func sweepBenchmarkComparesFourWays() throws {
        let run = try potline([
            "sweep", example, "--set", "demands[region=east,commodity=aluminium].demand_t_per_y", "--from", "35000", "--to",
            "155000", "--steps", "12", "--benchmark", "--repeats", "1", "--threads", "2",
        ])
        #expect(run.status == 0)
        for way in ["cold, serial", "warm, serial", "cold, 2 threads", "warm, 2 threads"] {
            #expect(run.output.contains(way))
        }
        #expect(!run.output.contains("NO"))
    }

    @Test func exampleProgramComparesThreeSitingScenarios() throws {
        let run = try Programs.run("CompareSiting", [])
        #expect(run.status == 0, "\(run.error)")
        #expect(
            run.output == """
                Siting scenarios on two_smelters, cheapest first (base 1,633,392,000 yuan/y):
                1. north_site: 1,570,770,000 yuan/y (-62,622,000); east aluminium 15,883.2 yuan/t (-1,126.8); \
                decreased west_smelter -10,000 t/y; stopped east_smelter -40,000 t/y; added north_smelter +50,000 t/y
                2. west_expansion: 1,588,320,000 yuan/y (-45,072,000); east aluminium 15,883.2 yuan/t (-1,126.8); \
                increased west_smelter +40,000 t/y; stopped east_smelter -40,000 t/y
                3. east_new_smelter: 1,613,392,000 yuan/y (-20,000,000); east aluminium 16,510.0 yuan/t (-500.0); \
                stopped east_smelter -40,000 t/y; added east_new +40,000 t/y

                """)
        let bad = try Programs.run("CompareSiting", [example, "no/such.yaml"])
        #expect(bad.status == 2)
        #expect(bad.error.contains("no/such.yaml: cannot be read"))
    }
}
