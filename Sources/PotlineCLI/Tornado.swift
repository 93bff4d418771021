import ArgumentParser
import Foundation
import Potline

struct TornadoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tornado",
        abstract: "Put each uncertain input alone at its low and its high and rank the inputs by how much they move the total cost and the plan.",
        discussion: HelpText.paragraphs(
            """
            The inputs are the factors of --uncertainty FILE (Networks/UNCERTAINTY.md; a correlated \
            group moves together) or, without it, the rows of the network's ranges.csv. Each is set to \
            its low and then its high with every other input at the network's values (after the \
            scenarios), and the network solved: 1 + 2 × inputs solves on --threads threads. The report \
            ranks the inputs by |cost at high − cost at low| and shows, at each end, what the plan \
            gains (+), loses (−) or resizes (~) against the deterministic plan.
            """))

    @OptionGroup var inputs: StudyInputs

    func run() throws {
        let (files, stack, file) = try inputs.load()
        let tornado: Tornado
        do {
            tornado = try withProgress("tornado") { progress in
                try Tornado.run(
                    base: files, scenarios: stack, uncertainty: file, threads: inputs.threads, solve: inputs.solveOptions,
                    progress: progress)
            }
        } catch {
            throw failureExit(error)
        }
        try inputs.output.publish(tornado, text: TornadoReport.render, tables: TornadoReport.tables)
    }
}
