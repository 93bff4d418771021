import ArgumentParser
import Foundation
import Potline

@main
struct PotlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "potline",
        abstract: "Optimise where China's aluminium and carbon chain produces and how material moves.",
        discussion: HelpText.paragraphs(
            """
            A network is a folder of CSV tables (regions, plants, supplies, demands, links, and optionally \
            candidate sites, retrofits, captive power, tollers, seasons) and a network.yaml manifest with \
            the policy (capacity ceiling and transfer, energy standards, tiered power surcharge, carbon); \
            see Networks/README.md. Potline turns it into a linear or mixed-integer program that \
            minimises total delivered cost (materials, grid and captive power with fees and surcharge, \
            other plant costs, tolling fees, annualised capital, freight, carbon) and solves it with GLPK, or with COIN-OR CBC/Clp (--solver cbc).

            Exit codes: 0 solved to optimality; 2 bad input; 3 infeasible or unbounded; \
            4 time limit reached; 5 solver failure or a result that overflows; 64 bad command line; \
            74 a write to standard output, standard error or --out failed.
            """),
        version: potlineVersion,
        subcommands: [Solve.self, CompareCommand.self, SweepCommand.self, RobustCommand.self, RobustMergeCommand.self, TornadoCommand.self, Validate.self, Export.self, Import.self],
        defaultSubcommand: Solve.self)
}

/// Exit codes scripts can rely on (documented in the README).
enum ExitStatus {
    static let badInput: Int32 = 2
    static let infeasible: Int32 = 3
    static let timeLimit: Int32 = 4
    static let solverFailure: Int32 = 5
    static let writeFailure = StandardStreams.writeFailure
}

/// Prints `message` to standard error.
func printError(_ message: String) {
    StandardStreams.writeError(message.hasSuffix("\n") ? message : message + "\n")
}

/// Checks `--out DIR` before any solving, so a refused or unwritable folder fails at once.
func prepareOutputFolder(_ out: String?) throws {
    guard let out else { return }
    let folder: URL
    do {
        folder = try ResultFolder.check(out)
    } catch {
        printError("error: \(error)")
        throw ExitCode(ExitStatus.badInput)
    }
    let parent = folder.deletingLastPathComponent()
    do {
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    } catch {
        printError("error: cannot write tables into \(out): \(error.localizedDescription)")
        throw ExitCode(ExitStatus.badInput)
    }
    let writable = FileManager.default.fileExists(atPath: folder.path) ? folder : parent
    guard access(writable.path, W_OK) == 0, access(parent.path, W_OK) == 0 else {
        printError("error: cannot write tables into \(out): \(parent.path) is not writable")
        throw ExitCode(ExitStatus.badInput)
    }
}

/// Checks `--xlsx FILE` before any solving: a name ending in `.xlsx` (so no other file is
/// overwritten by mistake), not a folder, in a writable folder that exists.
func prepareWorkbook(_ path: String?) throws {
    guard let path else { return }
    let url = URL(fileURLWithPath: path)
    var isDirectory: ObjCBool = false
    let problem: String? =
        if url.pathExtension.lowercased() != "xlsx" {
            "--xlsx \(path): the workbook's name must end in .xlsx"
        } else if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            "--xlsx \(path) is a folder"
        } else if access(url.deletingLastPathComponent().path, W_OK) != 0 {
            "--xlsx \(path): the folder \(url.deletingLastPathComponent().path) does not exist or is not writable"
        } else {
            nil
        }
    if let problem {
        printError("error: \(problem)")
        throw ExitCode(ExitStatus.badInput)
    }
}

/// Writes the result's tables as one workbook, replacing `path` all at once; a failed write
/// leaves the old file and exits 74.
func writeWorkbook(_ tables: [ResultTable], to path: String) throws {
    do {
        try XLSXWorkbook.write(tables, to: URL(fileURLWithPath: path))
    } catch {
        printError("error: cannot write the workbook \(path): \(error); the file keeps its previous contents")
        throw ExitCode(ExitStatus.writeFailure)
    }
}

/// Writes a result's CSV tables into `--out DIR` all at once (``ResultFolder``); a failed
/// write leaves the old tables and exits 74.
func writeTables(_ out: String, _ write: (URL) throws -> Void) throws {
    do {
        try ResultFolder.publish(to: ResultFolder.check(out), write)
    } catch {
        printError("error: cannot write CSV tables to \(out): \(error); the folder keeps its previous tables")
        throw ExitCode(ExitStatus.writeFailure)
    }
}

/// Loads a network, with scenario files applied in order, or exits with the list of problems.
func loadNetwork(_ path: String?, scenarios scenarioFiles: [String] = []) throws -> ValidatedNetwork {
    let folder: String
    if let path {
        folder = path
    } else if let bundled = BundledNetwork.locate("china") {
        folder = bundled
    } else {
        printError("error: no network given and the bundled Networks/china was not found; pass a network folder")
        throw ExitCode(ExitStatus.badInput)
    }
    let stack = try scenarioFiles.flatMap(loadScenarioStack)
    do {
        if stack.isEmpty { return try NetworkLoader.load(from: folder) }
        return try ScenarioCase(base: NetworkFiles.read(from: URL(fileURLWithPath: folder)), scenarios: stack).network()
    } catch {
        printError("error: \(folder): \(error)")
        throw ExitCode(ExitStatus.badInput)
    }
}

/// Finds a network bundled in the repository's `Networks/` folder: from the working directory,
/// then from the executable's location upwards (`.build/debug/potline` sits two levels down).
enum BundledNetwork {
    static func locate(_ name: String) -> String? {
        var candidates = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(directory)
            directory = directory.deletingLastPathComponent()
        }
        for base in candidates {
            let path = base.appendingPathComponent("Networks").appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: path + "/network.yaml") { return path }
        }
        return nil
    }
}
