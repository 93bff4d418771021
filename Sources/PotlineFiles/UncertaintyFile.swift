import Foundation
import Yams
import PotlineNetwork

/// One uncertain factor: a distribution and the inputs it moves together (one target is an
/// independent input; several are a correlated group, e.g. every coal-fired captive unit's cost).
/// Format in `Networks/UNCERTAINTY.md`.
public struct UncertainFactor: Sendable, Equatable {
    public var name: String
    public var distribution: Distribution
    /// How a sampled value acts on each target: replaces it, multiplies it or is added to it.
    public var mode: SweepMode
    public var targets: [SweepParameter]
    public var source: String

    public init(name: String, distribution: Distribution, mode: SweepMode, targets: [SweepParameter], source: String = "") {
        self.name = name
        self.distribution = distribution
        self.mode = mode
        self.targets = targets
        self.source = source
    }

    /// The scenario changes that put this factor at `value`.
    package func changes(_ value: Double, numbering first: Int) -> [Scenario.Change] {
        targets.enumerated().map { i, target in
            target.scenario(mode, value).changes.map { change in
                var change = change
                change.number = first + i
                return change
            }[0]
        }
    }
}

extension UncertainFactor {
    /// The scenario that puts each factor at its value (`values[i]` for `factors[i]`).
    package static func scenario(_ name: String, file: String, _ factors: [UncertainFactor], at values: [Double]) -> Scenario {
        var changes: [Scenario.Change] = []
        for (factor, value) in zip(factors, values) { changes += factor.changes(value, numbering: changes.count + 1) }
        return Scenario(name: name, file: file, changes: changes)
    }
}

/// An uncertainty file: the factors a robust study samples.
public struct UncertaintyFile: Sendable, Equatable {
    public var name: String
    public var file: String
    public var factors: [UncertainFactor]

    public init(name: String, file: String, factors: [UncertainFactor]) {
        self.name = name
        self.file = file
        self.factors = factors
    }

    public static let keys = ["name", "description", "factors"]
    public static let factorKeys = ["name", "distribution", "low", "high", "mode", "mean", "sd", "apply", "target", "targets", "source"]

    public static func load(from path: String) throws(NetworkError) -> UncertaintyFile {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw NetworkError([NetworkProblem(file: path, message: "cannot be read (no such UTF-8 uncertainty file)")])
        }
        return try parse(text, file: path)
    }

    /// Parses uncertainty YAML; every problem names the file, line and key.
    public static func parse(_ text: String, file: String) throws(NetworkError) -> UncertaintyFile {
        let root: Node?
        do { root = try composeYAML(text) } catch {
            throw NetworkError([NetworkProblem(file: file, message: "is not valid YAML: \(error)")])
        }
        var problems: [NetworkProblem] = []
        func problem(_ node: Node?, _ key: String, _ message: String) {
            problems.append(NetworkProblem(file: file, row: node?.mark?.line, column: key, message: message))
        }
        var result = UncertaintyFile(name: URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent, file: file, factors: [])
        guard let mapping = root?.mapping else {
            throw NetworkError([NetworkProblem(file: file, message: "must be a mapping with name and factors")])
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "name": result.name = value.string ?? result.name
            case "description": break
            case "factors":
                guard let list = value.sequence, !list.isEmpty else {
                    problem(value, key, "must be a non-empty list of factors")
                    continue
                }
                for (i, item) in list.enumerated() {
                    let place = "factors[\(i + 1)]"
                    guard let fields = item.mapping else {
                        problem(item, place, "must be a mapping {name, distribution, low, high, targets}")
                        continue
                    }
                    var entries: [String: Node] = [:]
                    for (k, v) in fields {
                        let name = k.string ?? ""
                        if factorKeys.contains(name) { entries[name] = v } else {
                            problem(k, "\(place).\(name)", "unknown key" + Suggestion.didYouMean(name, among: factorKeys))
                        }
                    }
                    func number(_ name: String, required: Bool = true) -> Double? {
                        guard let node = entries[name] else {
                            if required { problem(item, "\(place).\(name)", "is required") }
                            return nil
                        }
                        guard let text = node.string, let value = Double(text), value.isFinite else {
                            problem(node, "\(place).\(name)", "must be a number")
                            return nil
                        }
                        return value
                    }
                    let factorName = entries["name"]?.string ?? "factor \(i + 1)"
                    let kind = entries["distribution"]?.string ?? "uniform"
                    var distribution: Distribution?
                    let low = number("low"), high = number("high")
                    if let low, let high {
                        if !(low <= high) { problem(item, "\(place).low", "low \(low) is above high \(high)") }
                        switch kind {
                        case "uniform": distribution = .uniform(low: low, high: high)
                        case "triangular":
                            if let mode = number("mode") {
                                if !(low <= mode && mode <= high) { problem(entries["mode"], "\(place).mode", "must lie from low to high") }
                                distribution = .triangular(low: low, mode: mode, high: high)
                            }
                        case "normal":
                            if let mean = number("mean"), let sd = number("sd") {
                                if !(sd > 0) { problem(entries["sd"], "\(place).sd", "must be positive") }
                                distribution = .truncatedNormal(mean: mean, sd: sd, low: low, high: high)
                            }
                        default:
                            problem(entries["distribution"], "\(place).distribution", "must be uniform, triangular or normal")
                        }
                    }
                    var mode = SweepMode.set
                    if let apply = entries["apply"] {
                        if let parsed = apply.string.flatMap(SweepMode.init(rawValue:)) { mode = parsed } else {
                            problem(apply, "\(place).apply", "must be set, scale or add")
                        }
                    }
                    var paths: [String] = []
                    if let target = entries["target"]?.string { paths.append(target) }
                    for node in entries["targets"]?.sequence ?? [] { if let text = node.string { paths.append(text) } }
                    if paths.isEmpty { problem(item, "\(place).targets", "needs target: PATH or targets: [PATH, …] (as sweep --set)") }
                    var targets: [SweepParameter] = []
                    for path in paths {
                        do throws(NetworkError) { targets.append(try SweepParameter(parsing: path)) } catch {
                            for p in error.problems { problem(entries["targets"] ?? entries["target"], "\(place).targets", p.message) }
                        }
                    }
                    if let distribution {
                        result.factors.append(
                            UncertainFactor(name: factorName, distribution: distribution, mode: mode, targets: targets,
                                            source: entries["source"]?.string ?? ""))
                    }
                }
            default:
                problem(keyNode, key, "unknown key" + Suggestion.didYouMean(key, among: keys))
            }
        }
        if result.factors.isEmpty && problems.isEmpty { problem(root, "factors", "is required") }
        if !problems.isEmpty { throw NetworkError(problems) }
        return result
    }
}
