import CSV
import Foundation
import PotlineNetwork

/// Writes a CSV table the way every Potline table is written (network tables and result tables
/// alike): RFC 4180 quoting by CSV.swift, numbers as the shortest text that reads back exactly.
package enum CSVFile {
    /// Shortest decimal that reads back to the same double; blank for a missing value.
    package static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return NumberText.exact(value)
    }

    /// Writes `folder/file` atomically. `byteOrderMark` starts it with the UTF-8 BOM, by which
    /// Excel tells UTF-8 from the system's legacy code page.
    package static func write(_ folder: URL, _ file: String, _ header: [String], _ rows: [[String]], byteOrderMark: Bool = false) throws {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: header)
        for row in rows { try writer.write(row: row) }
        writer.stream.close()
        guard var data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
            throw CocoaError(.fileWriteUnknown)
        }
        data.append(contentsOf: Array("\n".utf8))  // CSV.swift ends the last row without one
        if byteOrderMark { data.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0) }
        try data.write(to: folder.appendingPathComponent(file), options: .atomic)
    }
}
