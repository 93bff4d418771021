import Foundation
import Yams
import PotlineNetwork

/// A YAML syntax error at its line: Yams describes it as `LINE:COLUMN: error: …`.
func yamlSyntaxProblem(_ error: any Error, file: String) -> NetworkProblem {
    let text = "\(error)"
    let line = text.split(separator: ":", maxSplits: 1).first.flatMap { Int($0) }
    return NetworkProblem(file: file, row: line, message: "is not valid YAML: \(text)")
}

/// The raw contents of a network folder: the manifest as a YAML node tree and every CSV table
/// as rows of strings keyed by column, each remembering the file and row it came from.
/// Scenarios edit this form before it is parsed, so every column of every table can be
/// overlaid, and problems in changed rows still point at a file and row.
public struct NetworkFiles {
    /// One CSV table of a network folder, as read: header and rows with their line numbers.
    public struct Table: Sendable {
        public var file: String
        public var header: [String]
        public var rows: [Row]
        /// Where a column not read from the file came from (a scenario that added it); problems
        /// with such a header name it instead of row 1 of the file.
        public var columnLocations: [String: SourceLocation] = [:]
        /// The scenario change that created this table, for a table the folder does not have.
        public var createdBy: SourceLocation?
    }

    /// One data row, with the line it came from for located errors.
    public struct Row: Sendable {
        public var location: SourceLocation
        public var fields: [String: String]
    }

    public var folder: URL
    public var manifest: Node?
    /// Tables by file name (`plants.csv`); a missing file has no entry.
    public var tables: [String: Table]
    /// Problems found while reading (unreadable files, malformed CSV rows).
    public var readProblems: [NetworkProblem]
    /// Files present but unreadable (already in ``readProblems``): not also "missing".
    public var unreadable: Set<String> = []

    /// Reads every `*.csv` and `network.yaml` in `folder`; never writes to it.
    public static func read(from folder: URL) throws(NetworkError) -> NetworkFiles {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw NetworkError([NetworkProblem(file: folder.path, message: "is not a network folder (no such directory)")])
        }
        let log = ProblemLog()
        var files = NetworkFiles(folder: folder, manifest: nil, tables: [:], readProblems: [])
        files.manifest = readManifest(folder, log: log)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".csv") {
            if let table = readTable(name, in: folder, log: log) { files.tables[name] = table } else { files.unreadable.insert(name) }
        }
        files.readProblems = log.problems
        return files
    }

    private static func text(of file: String, in folder: URL, log: ProblemLog) -> String? {
        let path = folder.appendingPathComponent(file).path
        guard let data = FileManager.default.contents(atPath: path) else {
            log.add(NetworkProblem(file: file, message: "cannot be read (check that it is a readable file, not a folder, and its permissions)"))
            return nil
        }
        guard var text = String(data: data, encoding: .utf8) else {
            let (row, byte) = firstInvalidUTF8(data)
            log.add(
                NetworkProblem(
                    file: file, row: row,
                    message: String(format: "is not UTF-8 text (first bad byte 0x%02X)", byte)
                        + "; save it as \"CSV UTF-8\" (Excel on a Chinese Windows saves GBK by default)"))
            return nil
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }  // spreadsheet byte-order mark
        return text
    }

    /// The line (1-based) and value of the first byte that is not valid UTF-8.
    static func firstInvalidUTF8(_ data: Data) -> (line: Int, byte: UInt8) {
        let bytes = [UInt8](data)
        var line = 1, i = 0
        while i < bytes.count {
            let lead = bytes[i]
            let length = lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
            guard length > 0, i + length <= bytes.count,
                String(bytes: bytes[i..<(i + length)], encoding: .utf8) != nil
            else { return (line, lead) }
            if lead == 0x0A { line += 1 }
            i += length
        }
        return (line, 0)
    }

    private static func readManifest(_ folder: URL, log: ProblemLog) -> Node? {
        let file = NetworkLoader.manifestFile
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path) else {
            log.add(NetworkProblem(file: file, message: "file is missing (expected at \(folder.appendingPathComponent(file).path))"))
            return nil
        }
        guard let text = text(of: file, in: folder, log: log) else { return nil }
        do {
            return try composeYAML(text)
        } catch {
            log.add(yamlSyntaxProblem(error, file: file))
            return nil
        }
    }

    private static func readTable(_ file: String, in folder: URL, log: ProblemLog) -> Table? {
        guard let text = text(of: file, in: folder, log: log) else { return nil }
        let records: [[String]]
        switch CSVRecords.parse(text) {
        case .success(let parsed): records = parsed
        case .failure(let error):
            log.add(NetworkProblem(file: file, row: error.record, message: "cannot be parsed as CSV: record \(error.record) \(error.message)"))
            return nil
        }
        guard let header = records.first else {
            log.add(NetworkProblem(file: file, row: 1, message: "has no readable header row"))
            return nil
        }
        var rows: [Row] = []
        for (index, fields) in records.enumerated().dropFirst() {
            let row = index + 1
            if fields.allSatisfy(\.isEmpty) { continue }  // blank line
            if fields.count != header.count {
                log.add(
                    NetworkProblem(file: file, row: row, message: "has \(fields.count) fields but the header has \(header.count)"))
                continue
            }
            var values: [String: String] = [:]
            for (name, value) in zip(header, fields) { values[name] = value }
            rows.append(Row(location: SourceLocation(file: file, row: row), fields: values))
        }
        return Table(file: file, header: header, rows: rows)
    }

    /// The records of the schema's table, its header checked against the schema: unknown columns
    /// (other than `source` and `note`) and missing required columns are problems. Nil if the
    /// file is missing (a problem unless the table is optional).
    func records(_ schema: TableSchema, log: ProblemLog) -> [CSVRecord]? {
        let file = schema.file, columns = schema.columnNames, required = schema.requiredColumns
        let optionalFile = schema.isOptional
        log.tablesRead.insert(file)
        guard let table = tables[file] else {
            if optionalFile || unreadable.contains(file) { return optionalFile ? [] : nil }
            log.add(NetworkProblem(file: file, message: "file is missing (expected at \(folder.appendingPathComponent(file).path))"))
            return nil
        }
        let allowed = Set(columns + ["source", "note"])
        var seen = Set<String>()
        func header(_ name: String) -> SourceLocation {
            table.columnLocations[name] ?? table.createdBy ?? SourceLocation(file: file, row: 1)
        }
        let missing = Set(required.filter { !table.header.contains($0) })
        var explained = Set<String>()
        for (position, name) in table.header.enumerated() {
            if name.isEmpty {
                log.add(NetworkProblem(at: header(name), column: "#\(position + 1)", message: "the header cell is blank"))
                continue
            }
            if !allowed.contains(name) {
                // A misspelt required column is one problem, not "unknown" plus "missing" plus a blank per row.
                let suggestion = Suggestion.closest(name, among: columns)
                let required = suggestion.map { missing.contains($0) } ?? false
                if let suggestion, required { explained.insert(suggestion) }
                log.add(
                    NetworkProblem(
                        at: header(name), column: name,
                        message: "unknown column" + Suggestion.didYouMean(name, among: columns)
                            + (required ? "; '\(suggestion!)' is required" : "")))
            }
            if !seen.insert(name).inserted {
                log.add(NetworkProblem(at: header(name), column: name, message: "column appears twice"))
            }
        }
        for name in required where !seen.contains(name) && !explained.contains(name) {
            log.add(NetworkProblem(at: header(name), column: name, message: "required column is missing"))
        }
        return table.rows.map {
            CSVRecord(location: $0.location, values: $0.fields, log: log, schema: schema, missingColumns: missing)
        }
    }
}

/// One data row; its accessors check and convert a field, logging a located problem when it is bad.
struct CSVRecord {
    let location: SourceLocation
    let values: [String: String]
    let log: ProblemLog
    let schema: TableSchema
    /// Required columns the header lacks: reported once at the header, not again on every row.
    var missingColumns: Set<String> = []

    private func problem(_ column: String, _ message: String) {
        if missingColumns.contains(column) { return }
        log.add(NetworkProblem(at: location, column: column, message: message))
    }

    func isBlank(_ column: String) -> Bool { (values[column] ?? "").isEmpty }

    /// A required id: lower-case letters, digits and `_`, at most 64 characters.
    func id(_ column: String) -> String? {
        guard let value = values[column], !value.isEmpty else {
            problem(column, "is required")
            return nil
        }
        guard Self.isValidID(value) else {
            problem(column, "'\(value)' is not a valid id (use lower-case letters, digits and _, at most 64 characters)")
            return nil
        }
        return value
    }

    static func isValidID(_ value: String) -> Bool {
        !value.isEmpty && value.utf8.count <= 64
            && value.utf8.allSatisfy { (0x61...0x7a).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5f }
    }

    func text(_ column: String, default defaultValue: String = "") -> String {
        let value = values[column] ?? ""
        return value.isEmpty ? defaultValue : value
    }

    /// A number in its documented range; nil (and no problem) when blank and `required` is false.
    func number(_ column: String, required: Bool = true) -> Double? {
        let range = schema.numberRange(column)
        guard let raw = values[column], !raw.isEmpty else {
            if required { problem(column, "is required") }
            return nil
        }
        guard let value = NumberText.parse(raw) else {
            problem(column, "'\(raw)' is not a number")
            return nil
        }
        if let message = range.violation(value) ?? Plausibility.violation(column: column, value: value) {
            problem(column, "'\(raw)' \(message)")
            return nil
        }
        return value
    }

    /// A number in its documented range, or the documented default when blank.
    func numberOrDefault(_ column: String) -> Double {
        number(column, required: false) ?? schema.defaultNumber(column)
    }

    func integer(_ column: String) -> Int? {
        guard let raw = values[column], !raw.isEmpty else {
            problem(column, "is required")
            return nil
        }
        guard let value = Int(raw) else {
            problem(column, "'\(raw)' is not a whole number")
            return nil
        }
        return value
    }

    func boolean(_ column: String, default defaultValue: Bool) -> Bool {
        switch (values[column] ?? "").lowercased() {
        case "": return defaultValue
        case "true", "yes", "1": return true
        case "false", "no", "0": return false
        case let raw:
            problem(column, "'\(raw)' is not true or false")
            return defaultValue
        }
    }

    /// One of `cases`, or `defaultValue` when blank.
    func choice<T: RawRepresentable & CaseIterable>(_ column: String, default defaultValue: T) -> T?
    where T.RawValue == String {
        let raw = values[column] ?? ""
        if raw.isEmpty { return defaultValue }
        if let value = T(rawValue: raw) { return value }
        problem(column, "'\(raw)' is not one of " + T.allCases.map(\.rawValue).joined(separator: ", "))
        return nil
    }

    /// A `;`-separated list of ids; nil when blank.
    func idList(_ column: String) -> [String]? {
        let raw = values[column] ?? ""
        if raw.isEmpty { return nil }
        let items = raw.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        for item in items where !Self.isValidID(item) {
            problem(column, "'\(item)' is not a valid id")
        }
        return items
    }
}

