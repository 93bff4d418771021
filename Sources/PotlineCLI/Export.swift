import ArgumentParser
import Foundation
import Potline

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a network's linear program in CPLEX LP or MPS format.",
        discussion: HelpText.paragraphs(
            """
            The files use readable names: make.PLANT (t/y made), buy.SUPPLY (t/y bought), \
            ship.LINK.COMMODITY[.rev] (t/y carried), balance.REGION.COMMODITY and linkcap.LINK[.rev] \
            rows. Solve them with `glpsol --lp FILE` or `glpsol --freemps FILE`, or any other solver.
            """))

    @Argument(help: "Network folder.")
    var network: String

    @Option(name: .customLong("scenario"), help: ArgumentHelp("Apply this scenario file first (repeatable, stacked in order).", valueName: "file"))
    var scenarioFiles: [String] = []

    @Option(help: ArgumentHelp("Write CPLEX LP format to this file.", valueName: "file"))
    var lp: String?

    @Option(help: ArgumentHelp("Write free MPS format to this file.", valueName: "file"))
    var mps: String?

    func validate() throws {
        if lp == nil && mps == nil { throw ValidationError("give --lp FILE, --mps FILE or both") }
    }

    func run() throws {
        let loaded = try loadNetwork(network, scenarios: scenarioFiles)
        for (format, path) in [(ModelFileFormat.cplexLP, lp), (.mps, mps)] {
            guard let path else { continue }
            // GLPK reports neither a full disk nor a failed close: it writes a scratch file, and
            // Swift copies it to `path`, checking every write.
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("potline-export-\(getpid())-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: scratch) }
            do {
                try loaded.writeModel(format: format, to: scratch.path)
            } catch {
                printError("error: \(error)")
                throw ExitCode(ExitStatus.badInput)
            }
            do {
                try Data(contentsOf: scratch).write(to: URL(fileURLWithPath: path))
            } catch {
                printError("error: could not write \(path): \(error.localizedDescription)")
                throw ExitCode(ExitStatus.writeFailure)
            }
            StandardStreams.writeOutput("wrote \(path)\n")
        }
    }
}
