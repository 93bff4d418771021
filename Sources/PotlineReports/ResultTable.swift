import Foundation
import PotlineFiles

/// One cell of a result table, typed, so a workbook holds numbers as numbers and a CSV file
/// writes each the one way Potline writes numbers.
public enum ResultCell: Sendable, Equatable {
    case text(String)
    /// A missing value (`nil`, or not finite) is a blank cell.
    case number(Double?)
    /// A missing value is a blank cell.
    case integer(Int?)
    case flag(Bool)

    /// The cell as CSV text: numbers as the shortest decimal that reads back exactly.
    var csvText: String {
        switch self {
        case .text(let text): text
        case .number(let value): CSVFile.number(value)
        case .integer(let value): value.map(String.init) ?? ""
        case .flag(let value): value ? "true" : "false"
        }
    }
}

/// A column of a result table: its header (snake_case, carrying its unit, as the JSON key), the
/// kind of its cells and what it means. A header with `{…}` stands for one column per item (one
/// per period, per cost component), named by putting the item in its place.
public struct ResultColumn: Sendable {
    public enum Kind: String, Sendable {
        case text, number, integer, flag
    }

    public let name: String
    public let kind: Kind
    public let meaning: String

    public init(_ name: String, _ kind: Kind, _ meaning: String) {
        self.name = name
        self.kind = kind
        self.meaning = meaning
    }

    /// The placeholder of a repeated column (`period` in `tonnes_{period}`), if it is one.
    var placeholder: String? {
        guard let open = name.firstIndex(of: "{"), let close = name[open...].firstIndex(of: "}") else { return nil }
        return String(name[name.index(after: open)..<close])
    }
}

/// What a result file holds: its name, what one row is, its columns. The one description of a
/// table, from which the CSV header, the workbook sheet and the README's table are all made.
public struct ResultTableSchema: Sendable {
    /// The CSV file name, `plants.csv`; the workbook sheet is named without `.csv`.
    public let file: String
    /// What one row is, and when the table is written at all.
    public let row: String
    public let columns: [ResultColumn]

    public var sheet: String { String(file.dropLast(file.hasSuffix(".csv") ? 4 : 0)) }

    /// The header: each column, a repeated one once per item of its placeholder, with the
    /// schema column it comes from.
    func header(_ items: [String: [String]]) -> [(name: String, column: ResultColumn)] {
        columns.flatMap { column -> [(name: String, column: ResultColumn)] in
            guard let placeholder = column.placeholder else { return [(column.name, column)] }
            return (items[placeholder] ?? []).map { (column.name.replacingOccurrences(of: "{\(placeholder)}", with: $0), column) }
        }
    }
}

/// A result table with its rows: what `--out` writes as one CSV file and `--xlsx` as one sheet.
public struct ResultTable: Sendable {
    public let schema: ResultTableSchema
    public let header: [String]
    /// The schema column of each header column, in the header's order.
    public let headerColumns: [ResultColumn]
    public let rows: [[ResultCell]]

    /// `items` names the columns a repeated column stands for (`["period": ["dry", "wet"]]`).
    /// Every row has one cell per header column, of the column's kind (or a blank number).
    public init(_ schema: ResultTableSchema, items: [String: [String]] = [:], rows: [[ResultCell]]) {
        self.schema = schema
        let expanded = schema.header(items)
        header = expanded.map(\.name)
        headerColumns = expanded.map(\.column)
        for row in rows {
            precondition(row.count == header.count, "\(schema.file): a row of \(row.count) cells for \(header.count) columns")
        }
        self.rows = rows
    }

    /// Whether any header or cell needs more than ASCII (a scenario's description in Chinese).
    var needsUnicode: Bool {
        header.contains { !$0.allSatisfy(\.isASCII) }
            || rows.contains { row in row.contains { if case .text(let text) = $0 { !text.allSatisfy(\.isASCII) } else { false } } }
    }
}

/// Writing a result's tables: CSV files into a folder, or one workbook (``XLSXWorkbook``).
public enum ResultTables {
    /// Every file name a result table may have, so a folder's earlier tables can be told from notes.
    static var fileNames: Set<String> {
        Set(ResultTableSchema.byCommand.flatMap { $0.tables.map(\.file) })
    }

    /// Writes each table as a CSV file into `folder` (created if missing), after removing the
    /// tables an earlier run wrote there, so a table this run does not write cannot be mistaken
    /// for this run's; other files stay. A table with non-ASCII text starts with a UTF-8 byte
    /// order mark, which Excel needs to read it as UTF-8; the others are plain ASCII.
    public static func writeCSV(_ tables: [ResultTable], to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in fileNames {
            let url = folder.appendingPathComponent(file)
            if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
        }
        for table in tables {
            try CSVFile.write(
                folder, table.schema.file, table.header, table.rows.map { $0.map(\.csvText) }, byteOrderMark: table.needsUnicode)
        }
    }
}

extension ResultTableSchema {
    /// The README's description of every result table, command by command: a table of columns
    /// per file. Generated from the schemas, so the two cannot drift (a test compares them).
    public static var markdown: String {
        byCommand.map { command, tables in
            "### `\(command) --out`\n\n"
                + tables.map { table in
                    "**`\(table.file)`**: \(table.row).\n\n| column | type | meaning |\n|---|---|---|\n"
                        + table.columns.map { "| `\($0.name)` | \($0.kind.rawValue) | \($0.meaning) |\n" }.joined()
                }.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
