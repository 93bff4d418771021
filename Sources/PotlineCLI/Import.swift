import ArgumentParser
import Foundation
import Potline

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn a published benchmark instance into a Potline network folder.",
        subcommands: [ORLibCapacitated.self])

    struct ORLibCapacitated: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "orlib-cap",
            abstract: "Import an OR-Library capacitated warehouse location instance (Beasley 1988, e.g. cap41).",
            discussion: HelpText.paragraphs(
            """
                Sites become one-module candidate plants (capacity, fixed cost as a yearly charge), \
                customers become demand regions, and each (site, customer) pair a one-way link whose \
                handling charge is the cost of serving the customer's whole demand from that site divided \
                by the demand. Solving the folder with `potline solve` gives the instance's optimum.
                """))

        @Argument(help: "The instance file (m n, capacities and fixed costs, demands and costs).")
        var file: String

        @Argument(help: "Folder to write the network into; it must not exist or be empty.")
        var outdir: String

        func run() throws {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                printError("error: \(file): cannot be read")
                throw ExitCode(ExitStatus.badInput)
            }
            let name = sanitizedID(URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent)
            do {
                let instance = try CapacitatedWarehouseInstance.parse(text, file: file)
                try writeValidated(instance.network(name: name), to: URL(fileURLWithPath: outdir))
                StandardStreams.writeOutput(
                    "wrote \(outdir): \(instance.sites.count) candidate sites, \(instance.customers.count) customers, "
                        + "\(instance.sites.count * instance.customers.count) links\n")
            } catch let error as ImportError {
                printError("error: \(error)")
                throw ExitCode(ExitStatus.badInput)
            } catch let exit as ExitCode {
                throw exit
            } catch {
                printError("error: cannot write \(outdir): \(error.localizedDescription)")
                throw ExitCode(ExitStatus.badInput)
            }
        }

        /// Writes the network beside `folder`, reads it back as `validate` would, and moves it into
        /// place only if it loads: an import never leaves a folder that `validate` rejects.
        private func writeValidated(_ network: Network, to folder: URL) throws {
            let manager = FileManager.default
            if manager.fileExists(atPath: folder.path), !((try? manager.contentsOfDirectory(atPath: folder.path)) ?? []).isEmpty {
                throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: folder.path])
            }
            let parent = folder.deletingLastPathComponent()
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            let staging = parent.appendingPathComponent(".\(folder.lastPathComponent).potline-import-\(getpid())")
            try? manager.removeItem(at: staging)
            defer { try? manager.removeItem(at: staging) }
            try NetworkWriter.write(network, to: staging)
            do {
                _ = try NetworkLoader.load(from: staging)
            } catch {
                printError(
                    "error: \(file): the instance gives a network that does not validate, so nothing was written:\n"
                        + error.problems.map { "  - \($0)" }.joined(separator: "\n"))
                throw ExitCode(ExitStatus.badInput)
            }
            if manager.fileExists(atPath: folder.path) { try manager.removeItem(at: folder) }  // empty, checked above
            try manager.moveItem(at: staging, to: folder)
        }

        private func sanitizedID(_ name: String) -> String {
            String(name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
        }
    }
}
