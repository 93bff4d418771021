import ArgumentParser
import Foundation
import Potline

struct RobustMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "robust-merge",
        abstract: "Merge the shard files of a robust study (potline robust --shard K/N --partial FILE) into its report.",
        discussion: HelpText.paragraphs(
            """
            Every shard of one study must be given once (any order), all written for the same network, \
            scenarios, uncertainty file, seed and sample count. The report equals a single run's, \
            number for number; only the statistics (solves, times, shards) differ. A missing, repeated \
            or foreign shard is bad input (exit 2), named with its file.
            """))

    @Argument(help: "Shard files (JSON, schema potline.robust-shard/1).")
    var files: [String]

    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Also write a self-contained HTML report (plan and decision shares, cost and regret histograms, drivers) to this file.", valueName: "file"))
    var html: String?

    func validate() throws {
        if files.isEmpty { throw ValidationError("give the shard files to merge") }
    }

    func run() throws {
        try output.prepare()
        let study: RobustStudy
        do throws(NetworkError) {
            var shards: [RobustShard] = []
            var problems: [NetworkProblem] = []
            for file in files {
                do { shards.append(try RobustShard.load(from: file)) } catch { problems += error.problems }
            }
            if !problems.isEmpty { throw NetworkError(problems) }
            study = try RobustStudy.merge(shards, names: files)
        } catch {
            printError("error: the shard files do not make one study:\n" + error.problems.map { "  - \($0)" }.joined(separator: "\n"))
            throw ExitCode(ExitStatus.badInput)
        }
        try output.publish(study, text: RobustReport.render, tables: RobustReport.tables, html: html, page: { HTMLReport.robust(study) })
    }
}
