import Foundation
import Testing
import Potline
import PotlineTestSupport
@testable import PotlineReports

/// The HTML report rendered in a real browser (Debian's chromium, headless): it loads without
/// console errors, and the DOM it builds holds the expected map and chart elements.
@Suite struct HTMLReportTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Renders `html` headless: the DOM after load, the console messages, and a screenshot.
    static func render(_ html: String, name: String) throws -> (dom: String, console: [String]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("potline-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let page = folder.appendingPathComponent("\(name).html")
        try html.write(to: page, atomically: true, encoding: .utf8)
        func run(_ arguments: [String]) throws -> (String, String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: chromium!)
            process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(folder.path)/profile"] + arguments
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let output = out.fileHandleForReading.readDataToEndOfFile()
            let errors = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
        }
        let (dom, log) = try run(["--enable-logging=stderr", "--v=0", "--dump-dom", page.absoluteString])
        let shot = ProcessInfo.processInfo.environment["POTLINE_SCREENSHOTS"].map { URL(fileURLWithPath: $0) } ?? folder
        _ = try run(["--screenshot=\(shot.appendingPathComponent("\(name).png").path)", "--window-size=1280,2000", page.absoluteString])
        #expect(FileManager.default.fileExists(atPath: shot.appendingPathComponent("\(name).png").path), "no screenshot taken")
        let console = log.split(separator: "\n").map(String.init).filter { $0.contains("CONSOLE") || $0.contains("Uncaught") }
        return (dom, console)
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    /// The plan letters of the sweep charts, in document order (the class comes before x and y).
    static func planLetters(in dom: String) -> [String] {
        let pattern = try! Regex(#"class="plan-letter"[^>]*>([^<]*)<"#)
        return dom.matches(of: pattern).compactMap { $0.output[1].substring.map(String.init) }
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed: apt-get install chromium (CI installs it)"))
    func twoSmeltersReportRendersItsPlantsFlowsAndNumbers() throws {
        let network = try NetworkLoader.load(from: Fixtures.twoSmelters)
        let solution = try network.solve(options: SolveOptions(explainPrices: true))
        let (dom, console) = try Self.render(HTMLReport.solve(solution, shapes: nil), name: "two_smelters")
        #expect(console.isEmpty, "console: \(console)")
        #expect(dom.contains("<svg class=\"map\""))
        // One symbol per producing plant, one line per flow in use, a point per region (no shapes).
        #expect(Self.count("<circle class=\"plant", in: dom) == solution.plants.filter { $0.productionTonnesPerYear > 0 }.count)
        #expect(Self.count("<line class=\"flow\"", in: dom) == solution.flows.count)
        #expect(Self.count("class=\"region-point\"", in: dom) == network.regions.count)
        #expect(Self.count("class=\"curve-bar\"", in: dom) == 2)
        // Numbers shown are the solution's: 1,633.4 M yuan/y and the east price 17,010.
        #expect(dom.contains("<b id=\"total-cost\">1,633.4</b>"))
        #expect(dom.contains("<span class=\"marginal\">17,010</span>"))
        #expect(dom.contains("next tonne from <b>east_smelter</b>"))
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed: apt-get install chromium (CI installs it)"))
    func chinaMapHasOneShapePerProvince() throws {
        let folder = Fixtures.networks.appendingPathComponent("china")
        let network = try NetworkLoader.load(from: folder)
        let shapes = try #require(try MapShapes.load(folder: folder))
        let html = HTMLReport.page(title: "map", body: FlowMap(
            regions: network.regions.map {
                .init(id: $0.id, name: $0.name, kind: $0.kind, area: $0.area, latitudeDegrees: $0.latitudeDegrees, longitudeDegrees: $0.longitudeDegrees)
            }, processes: [], plants: [], shapes: shapes).render(FlowMap.Layer(), title: "China"))
        let (dom, console) = try Self.render(html, name: "china_map")
        #expect(console.isEmpty, "console: \(console)")
        let provinces = network.regions.filter { $0.kind == .province }
        #expect(provinces.count == 31)
        #expect(Self.count("class=\"region-shape\"", in: dom) == provinces.count)
        for province in provinces { #expect(dom.contains("data-region=\"\(province.id)\" d=\"M"), "no shape for \(province.id)") }
        // Ports and overseas suppliers have no outline: points.
        #expect(Self.count("class=\"region-point\"", in: dom) == network.regions.count - provinces.count)
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed: apt-get install chromium (CI installs it)"))
    func comparisonReportShowsTheChanges() throws {
        let scenarios = Fixtures.twoSmelters.appendingPathComponent("scenarios")
        let comparison = try Comparison.run(
            base: NetworkFiles.read(from: Fixtures.twoSmelters),
            cases: [[Scenario.load(from: scenarios.appendingPathComponent("west_expansion.yaml"))]])
        let network = try NetworkLoader.load(from: Fixtures.twoSmelters)
        let (dom, console) = try Self.render(HTMLReport.compare(comparison, shapes: nil), name: "compare")
        #expect(console.isEmpty, "console: \(console)")
        // README of the scenarios: west at 120 kt/y saves 45.1 M yuan/y and 1,126.8 yuan/t in the east.
        #expect(dom.contains("<td class=\"n\">-45.1</td>"))
        #expect(dom.contains(">-1,126.8</text>"))
        // West ships 60 kt/y more aluminium east, and more inputs west: three changed flows.
        #expect(Self.count("<line class=\"flow\"", in: dom) == 3)
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed: apt-get install chromium (CI installs it)"))
    func sweepReportMarksTheBreakpoint() throws {
        let sweep = try Sweep.run(
            base: NetworkFiles.read(from: Fixtures.twoSmelters), scenarios: [],
            parameter: SweepParameter(parsing: "regions[id=east].grid_price_yuan_per_kwh"), mode: .set,
            values: Sweep.values(from: 0.3, to: 0.7, steps: 4), options: SweepOptions())
        let (dom, console) = try Self.render(HTMLReport.sweep(sweep), name: "sweep")
        #expect(console.isEmpty, "console: \(console)")
        #expect(sweep.breakpoints.count == 1)
        // Two line charts, each with the breakpoint and the plan letters A and B.
        #expect(Self.count("<line class=\"marker\"", in: dom) == 2 * sweep.breakpoints.count)
        #expect(Self.planLetters(in: dom) == ["A", "B", "A", "B"])
        #expect(Self.count("<polyline class=\"series\"", in: dom) == 2)
    }

    /// West's power price uniform over 0.35–0.42 yuan/kWh around its breakpoint 0.383466: two
    /// plans (west runs full below it, east makes everything above), 48 of 100 samples below.
    @Test(.enabled(if: chromium != nil, "chromium is not installed: apt-get install chromium (CI installs it)"))
    func robustReportShowsSharesHistogramsAndDrivers() throws {
        let file = try UncertaintyFile.load(from: Fixtures.twoSmelters.appendingPathComponent("uncertainty/west_power.yaml").path)
        let study = try RobustStudy.run(
            base: NetworkFiles.read(from: Fixtures.twoSmelters), uncertainty: file, options: RobustOptions(samples: 100, seed: 7))
        let (dom, console) = try Self.render(HTMLReport.robust(study), name: "robust")
        #expect(console.isEmpty, "console: \(console)")
        #expect(study.plans.count == 2)
        // One bar per plan, ten per histogram (cost and regret), one per driver.
        #expect(Self.count("class=\"bar\"", in: dom) == study.plans.count + 2 * HTMLReport.histogramBins + study.drivers.count)
        let deterministic = try #require(study.plans.first { $0.plan.label == study.deterministicPlan })
        #expect(dom.contains("<b id=\"deterministic-share\">\(Format.percent(deterministic.share))</b>"))
        #expect(dom.contains("west power price"))
        #expect(abs(deterministic.share - 0.48) <= 0.01 || abs(deterministic.share - 0.52) <= 0.01)
    }

}
