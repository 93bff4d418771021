import ArgumentParser
import Foundation
import Potline

/// `--siting free|fixed|none` and `--plan FILE`, shared by solve, compare and sweep.
struct SitingOptions: ParsableArguments {
    enum Mode: String, ExpressibleByArgument, CaseIterable {
        case free, fixed, none
    }

    @Option(
        help: ArgumentHelp(
            "For siting: free (the optimiser builds, closes and retrofits), fixed (held at the base's plan, or at --plan: operations only) or none (the no-build baseline).",
            valueName: "mode"))
    var siting: Mode = .free

    @Option(
        help: ArgumentHelp(
            "With --siting fixed: hold the plan of this `potline solve --json` output instead of the base's.",
            valueName: "file"))
    var plan: String?

    func validate() throws {
        if plan != nil && siting != .fixed { throw ValidationError("--plan needs --siting fixed") }
    }

    /// The held plan from `--plan`, or nil; exits with status 2 when the file holds no plan.
    func planFromFile() throws -> SitingDecisions? {
        guard let plan else { return nil }
        guard let data = FileManager.default.contents(atPath: plan) else {
            printError("error: \(plan): cannot be read")
            throw ExitCode(ExitStatus.badInput)
        }
        do {
            return try SitingDecisions.read(json: data, source: plan)
        } catch let error as SitingPlanFileError {
            printError("error: \(error)")
            throw ExitCode(ExitStatus.badInput)
        } catch {
            printError("error: \(plan): not a `potline solve --json` document (\(error))")
            throw ExitCode(ExitStatus.badInput)
        }
    }

    /// The mode of one solve: with `fixed` and no `--plan`, the plan `base` chooses freely
    /// (described as `source`) is held.
    func mode(_ options: SolveOptions, base: () throws -> ValidatedNetwork, source: String) throws -> SitingMode {
        switch try request() {
        case .free: return .free
        case .none: return .none
        case .held(let decisions): return .fixed(decisions)
        case .heldAtBase:
            var baseOptions = options
            baseOptions.analysePlan = false
            baseOptions.siting = .free
            guard let plan = try base().solve(options: baseOptions).plan else { return .free }
            return .fixed(SitingDecisions(plan, source: source))
        }
    }

    /// What a comparison or sweep does with the siting decisions.
    func request() throws -> SitingRequest {
        switch siting {
        case .free: return .free
        case .none: return .none
        case .fixed: return try planFromFile().map(SitingRequest.held) ?? .heldAtBase
        }
    }
}
