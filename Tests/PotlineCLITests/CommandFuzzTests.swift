import Foundation
import Testing

/// Seeded fuzzing through the binary (the in-process part is PotlineTests' MutationFuzzTests):
/// mutated network files and sweep arguments end with a documented exit code, never a signal
/// (Programs.run records one), and every listed problem is located.
@Suite struct CommandFuzzTests {
    static let documented: Set<Int32> = [0, 2, 3, 4, 5, 64, 74]
    static let extremes = ["-1", "0", "1e-320", "1e308", "9.2e18", "nan", "", "abc", "1e-7", "0.5"]

    static func unlocated(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").map(String.init).filter { line in
            guard line.hasPrefix("  - ") else { return false }
            let place = line.dropFirst(4).split(separator: ":", maxSplits: 1).first ?? ""
            return !(place.contains(".csv") || place.contains(".yaml") || place.hasPrefix("--set"))
        }
    }

    @Test func mutatedFilesThroughValidateAndSolve() throws {
        var random = SeededLCG(seed: 5)
        let example = Programs.repository.appendingPathComponent("Networks/examples/two_smelters")
        for i in 0..<16 {
            let scratch = try Programs.scratchFolder("potline-fuzz")
            defer { try? FileManager.default.removeItem(at: scratch) }
            let folder = scratch.appendingPathComponent("net")
            try FileManager.default.copyItem(at: example, to: folder)
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }.sorted()
            let file = folder.appendingPathComponent(files[Int(random.next() % UInt64(files.count))])
            var lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
            let r = 1 + Int(random.next() % UInt64(max(1, lines.count - 1)))
            if r < lines.count {
                var fields = lines[r].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                fields[Int(random.next() % UInt64(fields.count))] = Self.extremes[Int(random.next() % UInt64(Self.extremes.count))]
                lines[r] = fields.joined(separator: ",")
            }
            try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
            let written = try Data(contentsOf: file)
            for command in [["validate", folder.path], ["solve", folder.path, "--json"]] {
                let run = try Programs.run("potline", command)
                #expect(Self.documented.contains(run.status), "#\(i) \(command[0]): exit \(run.status): \(run.error)")
                #expect(Self.unlocated(run.error).isEmpty, "#\(i): \(Self.unlocated(run.error))")
            }
            #expect(try Data(contentsOf: file) == written)  // inputs unchanged
        }
    }

    @Test func fuzzedSweepArguments() throws {
        var random = SeededLCG(seed: 9)
        let parameters = [
            "plants.capacity_t_per_y", "regions.grid_price_yuan_per_kwh", "manifest.base_year", "links[id=nope].distance_km",
            "manifest." + Array(repeating: "k", count: 40).joined(separator: "."), "plants.", "[]",
        ]
        for i in 0..<14 {
            let values = (0...Int(random.next() % 3)).map { _ in Self.extremes[Int(random.next() % UInt64(Self.extremes.count))] }
            var arguments = [
                "sweep", "Networks/examples/two_smelters", "--set", parameters[i % parameters.count], "--values",
                values.joined(separator: ","),
            ]
            if i % 2 == 0 { arguments += ["--tolerance", ["1e-320", "0", "-1", "1e308"][i / 2 % 4]] }
            let run = try Programs.run("potline", arguments)
            #expect(Self.documented.contains(run.status), "\(arguments): exit \(run.status): \(run.error)")
            #expect(Self.unlocated(run.error).isEmpty, "\(arguments)")
        }
    }
}
