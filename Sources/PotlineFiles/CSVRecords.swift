import Foundation

/// Reads CSV text into records, byte by byte over its UTF-8: RFC 4180 quoting (`""` inside a
/// quoted field is one `"`), records ended by LF, CRLF or CR, and spaces around a field outside
/// its quotes trimmed. Fields become Strings only once each; the general reader this replaced
/// built every field scalar by scalar and bridged it through NSString to trim it (26% of a
/// cap41 solve). Malformed quoting is an error naming its record, not a silent guess.
package enum CSVRecords {
    package struct ParseError: Error, Equatable {
        /// The record (1-based, the header being 1) where the problem is.
        package var record: Int
        package var message: String
    }

    /// Every record of `text`, or the first malformed one's error.
    package static func parse(_ text: String) -> Result<[[String]], ParseError> {
        var text = text
        return text.withUTF8 { bytes in parse(bytes) }
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"),
        cr = UInt8(ascii: "\r"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<[[String]], ParseError> {
        var records: [[String]] = []
        var record: [String] = []
        var i = 0
        let n = bytes.count
        func isSpace(_ b: UInt8) -> Bool { b == space || b == tab }
        func string(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        while i < n {
            // One field, starting at i.
            while i < n, isSpace(bytes[i]) { i += 1 }
            var field: String
            let quoted = i < n && bytes[i] == quote
            if quoted {
                i += 1
                var start = i
                var pieces = ""
                var closed = false
                while i < n {
                    if bytes[i] == quote {
                        if i + 1 < n, bytes[i + 1] == quote {  // "" is one "
                            pieces += string(start, i + 1)
                            i += 2
                            start = i
                            continue
                        }
                        pieces += string(start, i)
                        i += 1
                        closed = true
                        break
                    }
                    i += 1
                }
                guard closed else {
                    return .failure(ParseError(record: records.count + 1, message: "has a quoted field that never closes"))
                }
                while i < n, isSpace(bytes[i]) { i += 1 }
                if i < n, bytes[i] != comma, bytes[i] != lf, bytes[i] != cr {
                    return .failure(
                        ParseError(
                            record: records.count + 1,
                            message: "has text after the closing quote of field \(record.count + 1) (quote the whole field, doubling any quote inside)"))
                }
                field = pieces
            } else {
                let start = i
                while i < n, bytes[i] != comma, bytes[i] != lf, bytes[i] != cr { i += 1 }
                var end = i
                while end > start, isSpace(bytes[end - 1]) { end -= 1 }
                field = string(start, end)
            }
            // Other Unicode spaces (U+3000, no-break space) are rare: trim them the slow way.
            if !quoted, let first = field.utf8.first, let last = field.utf8.last, first >= 0x80 || last >= 0x80 {
                field = field.trimmingCharacters(in: .whitespaces)
            }
            record.append(field)
            // The field ends at a comma, a line ending (LF, CR or CRLF) or the end of the text.
            if i < n, bytes[i] == comma {
                i += 1
                if i < n { continue }
                record.append("")  // a comma ends the text: one more, empty field
            } else if i < n, bytes[i] == cr {
                i += 1
                if i < n, bytes[i] == lf { i += 1 }
            } else if i < n, bytes[i] == lf {
                i += 1
            }
            records.append(record)
            record = []
        }
        return .success(records)
    }
}
