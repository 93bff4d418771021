import Foundation
import Testing
import PotlineTestSupport

/// README "Five questions an analyst asks": every command shown there runs, exits 0, and prints
/// each line shown under it (as the start of one of its lines; `…` marks lines left out).
@Suite struct ReadmeQuestionsTests {
    struct Example: CustomTestStringConvertible, Sendable {
        var command: String
        var shown: [String]
        var testDescription: String { command }
    }

    static let examples: [Example] = {
        guard let readme = try? String(contentsOf: Fixtures.repository.appendingPathComponent("README.md"), encoding: .utf8),
            let start = readme.range(of: "## Five questions an analyst asks")
        else { return [] }
        let section = readme[start.upperBound...].components(separatedBy: "\n## ")[0]
        let blocks = section.components(separatedBy: "```").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        return blocks.map { block in
            let lines = block.split(separator: "\n").map(String.init)
            return Example(command: lines[0], shown: Array(lines.dropFirst()).filter { $0 != "…" })
        }
    }()

    @Test func theSectionAnswersFiveQuestions() {
        #expect(Self.examples.count == 5)
        #expect(Self.examples.allSatisfy { $0.command.hasPrefix("$ potline ") && !$0.shown.isEmpty })
    }

    @Test(arguments: examples)
    func commandPrintsWhatTheReadmeShows(_ example: Example) throws {
        let arguments = example.command.dropFirst("$ potline ".count).split(separator: " ").map(String.init)
        let run = try Programs.run("potline", arguments)
        #expect(run.status == 0, "\(example.command): \(run.error)")
        let printed = run.output.split(separator: "\n").map { $0.replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression) }
        for line in example.shown {
            #expect(printed.contains { $0.hasPrefix(line) }, "\(example.command) does not print «\(line)»")
        }
    }
}
