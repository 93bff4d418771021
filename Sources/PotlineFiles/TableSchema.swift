import PotlineNetwork
/// One column of a network table as `Networks/README.md` documents it: its header name, the
/// type and unit of its values, what a blank cell means, and its meaning. The loader takes its
/// header checks and numeric defaults from here and the writer its columns, so the three agree.
package struct TableColumn: Sendable, Equatable {
    package var name: String
    /// As documented: `number ≥ 0`, `region id`, `` `input` | `output` ``.
    package var type: String
    package var unit: String
    /// What a blank cell means: `required`, a value (`25`, `` `optional` ``), or words (`the region's`).
    package var blank: String
    package var meaning: String

    package init(_ name: String, type: String, unit: String, blank: String, meaning: String) {
        self.name = name
        self.type = type
        self.unit = unit
        self.blank = blank
        self.meaning = meaning
    }

    /// A required column must be in the header (and its cells filled).
    package var isRequired: Bool { blank.hasPrefix("required") }

    /// The values the loader accepts for a numeric column, from its documented type. Wider
    /// bounds (latitude −90…90) are the validator's, which checks networks built in code too.
    package var numberRange: NumberRange? {
        switch type {
        case "number ≥ 0": .nonNegative
        case "number > 0": .positive
        case "number 0…1": .fraction
        case "number", "number −90…90", "number −180…180": .any
        default: nil
        }
    }

    /// The number a blank cell stands for, when the documented default is one.
    package var defaultNumber: Double? { Double(blank) }
}

/// The columns of one network table (`plants.csv`), in the order the writer writes them.
package struct TableSchema: Sendable, Equatable {
    package var file: String
    /// An optional table switches its mechanism off when the folder lacks it.
    package var isOptional: Bool
    /// True when the README's header names the file (two tables share one section).
    package var namedInHeader = false
    package var columns: [TableColumn]

    package var columnNames: [String] { columns.map(\.name) }
    package var requiredColumns: [String] { columns.filter(\.isRequired).map(\.name) }

    /// The documented default of a numeric column: the loader's value for a blank cell.
    package func defaultNumber(_ column: String) -> Double {
        guard let value = columns.first(where: { $0.name == column })?.defaultNumber else {
            preconditionFailure("\(file) documents no numeric default for \(column)")
        }
        return value
    }

    /// The documented range of a numeric column (≥ 0 for one the schema does not call a number).
    package func numberRange(_ column: String) -> NumberRange {
        columns.first { $0.name == column }?.numberRange ?? .nonNegative
    }

    /// The README's column table for this schema.
    package var markdown: String {
        func row(_ cells: [String]) -> String {
            "|" + cells.map { $0.isEmpty ? " |" : " \($0.replacingOccurrences(of: "|", with: "\\|")) |" }.joined()
        }
        let header = "| \(namedInHeader ? "`\(file)` " : "")column | type | unit | default | meaning |"
        let rows = columns.map { row(["`\($0.name)`", $0.type, $0.unit, $0.blank, $0.meaning]) }
        return ([header, "|---|---|---|---|---|"] + rows).joined(separator: "\n")
    }
}
