import LinearModel
import PotlineFormulation
import PotlineNetwork

/// Which siting mode a solve ran in, so that every report can say whether its plan was chosen
/// or held (JSON `siting`).
public struct SitingModeResult: Sendable, Codable, Equatable {
    /// `free`, `fixed` or `none`.
    public var mode: String
    /// For `fixed`: where the held plan came from ("the base's plan", a file).
    public var planSource: String?
    /// Decisions of the held plan that name a site this network lacks (not held).
    @OmittedWhenEmpty public var missingDecisions: [String] = []

    /// Records `mode` and marks the plan's rejected candidates as held out rather than not economic.
    public init(_ mode: SitingMode, network: Network, plan: inout SitingPlan?) {
        self.mode = mode.name
        switch mode {
        case .free:
            break
        case .fixed(let decisions):
            planSource = decisions.source
            missingDecisions = decisions.missing(in: network)
            relabel(&plan, .notInHeldPlan)
        case .none:
            relabel(&plan, .noBuildBaseline)
        }
    }

    /// One sentence for text reports.
    public var words: String {
        switch mode {
        case "fixed":
            "Siting: fixed at \(planSource ?? "a given plan") — operations only"
                + (missingDecisions.isEmpty ? "" : "; not in this network, so not held: " + missingDecisions.joined(separator: ", "))
        case "none": "Siting: none — the no-build baseline (no sites, closures or retrofits)"
        default: "Siting: free — the optimiser builds, closes and retrofits"
        }
    }

    private func relabel(_ plan: inout SitingPlan?, _ reason: RejectionReason) {
        guard var held = plan else { return }
        for r in held.rejected.indices where held.rejected[r].reason == .notEconomic {
            held.rejected[r].reason = reason
        }
        plan = held
    }
}

/// An array that is left out of the JSON when empty ("absent keys mean not applicable"), and
/// read back as empty when absent.
@propertyWrapper
public struct OmittedWhenEmpty<Element: Codable & Sendable>: Codable, Sendable {
    public var wrappedValue: [Element]
    public init(wrappedValue: [Element]) { self.wrappedValue = wrappedValue }
    public init(from decoder: any Decoder) throws { wrappedValue = try [Element](from: decoder) }
    public func encode(to encoder: any Encoder) throws { try wrappedValue.encode(to: encoder) }
}

extension OmittedWhenEmpty: Equatable where Element: Equatable {}

extension KeyedEncodingContainer {
    public mutating func encode<Element>(_ value: OmittedWhenEmpty<Element>, forKey key: Key) throws {
        if !value.wrappedValue.isEmpty { try encode(value.wrappedValue, forKey: key) }
    }
}

extension KeyedDecodingContainer {
    public func decode<Element>(_ type: OmittedWhenEmpty<Element>.Type, forKey key: Key) throws -> OmittedWhenEmpty<Element> {
        OmittedWhenEmpty(wrappedValue: try decodeIfPresent([Element].self, forKey: key) ?? [])
    }
}
