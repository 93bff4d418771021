/// One thing wrong with a network's input, located as precisely as the input allows:
/// file, spreadsheet row (the header is row 1) and column; for a YAML file, line and key.
public struct NetworkProblem: Sendable, Equatable, Codable, CustomStringConvertible {
    public var file: String?
    public var row: Int?
    public var column: String?
    public var message: String

    public init(file: String? = nil, row: Int? = nil, column: String? = nil, message: String) {
        self.file = file
        self.row = row
        self.column = column
        self.message = message
    }

    public init(at location: SourceLocation?, column: String? = nil, message: String) {
        self.init(file: location?.file, row: location?.row, column: column, message: message)
    }

    /// `plants.csv, row 7, column capacity_t_per_y: "-5" is negative`
    public var description: String {
        var place: [String] = []
        if let file { place.append(file) }
        // YAML files have lines and keys; CSV files spreadsheet rows and columns.
        let yaml = file.map { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") } ?? false
        if let row { place.append(yaml ? "line \(row)" : "row \(row)") }
        if let column { place.append(yaml ? "key \(column)" : "column \(column)") }
        return place.isEmpty ? message : place.joined(separator: ", ") + ": " + message
    }
}

/// A network that cannot be solved as given: every problem found, not just the first.
public struct NetworkError: Error, Sendable, CustomStringConvertible {
    public var problems: [NetworkProblem]
    public init(_ problems: [NetworkProblem]) { self.problems = problems }
    public var description: String {
        let noun = problems.count == 1 ? "problem" : "problems"
        // Problems all in scenario files (YAML other than the manifest) are the scenario's, not the network's.
        let inScenario = !problems.isEmpty && problems.allSatisfy { problem in
            guard let file = problem.file else { return false }
            return (file.hasSuffix(".yaml") || file.hasSuffix(".yml")) && !file.hasSuffix("network.yaml")
        }
        return "\(problems.count) \(noun) in the \(inScenario ? "scenario" : "network"):\n"
            + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}

package enum Suggestion {
    /// " (did you mean 'shandong'?)" when a known name is close to `name`, else "".
    package static func didYouMean(_ name: String, among known: some Sequence<String>) -> String {
        closest(name, among: known).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// The known name close enough to `name` to suggest, if any.
    package static func closest(_ name: String, among known: some Sequence<String>) -> String? {
        let lowered = name.lowercased()
        var best: (name: String, distance: Int)?
        for candidate in known {
            let distance = editDistance(lowered, candidate.lowercased())
            // Ties go to the first name in order, so the suggestion never depends on hash order.
            if let current = best, (distance, candidate) >= (current.distance, current.name) { continue }
            best = (candidate, distance)
        }
        guard let best, best.distance <= max(2, lowered.count / 3) else { return nil }
        return best.name
    }

    /// Levenshtein distance.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
