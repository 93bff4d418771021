import CSV
import Foundation
import Testing
import PotlineTestSupport
@testable import PotlineFiles

/// The byte-level CSV reader: RFC 4180 quoting, every line ending, trimming outside quotes, and
/// a located error for malformed quoting.
@Suite struct CSVRecordsTests {
    func records(_ text: String) -> [[String]]? { try? CSVRecords.parse(text).get() }

    @Test func quotingAndLineEndings() {
        #expect(records("id,name\na,\"b, c\"\n") == [["id", "name"], ["a", "b, c"]])
        #expect(records("id,source\r\nx,\"say \"\"3\"\" , 4 \"\r\n") == [["id", "source"], ["x", "say \"3\" , 4 "]])
        // CR alone, no final line ending, a quoted line break, an empty last field.
        #expect(records("a,b\rc,d") == [["a", "b"], ["c", "d"]])
        #expect(records("a,b\n\"x\ny\",\n") == [["a", "b"], ["x\ny", ""]])
        #expect(records("a,b\nc,") == [["a", "b"], ["c", ""]])
        // A blank line is a record of one empty field (the table reader skips it).
        #expect(records("a\n\nb\n") == [["a"], [""], ["b"]])
        #expect(records("") == [])
        // A quote inside an unquoted field is kept as written.
        #expect(records("a\n5\" pipe\n") == [["a"], ["5\" pipe"]])
        // Chinese text passes through byte for byte.
        #expect(records("id,source\nx,发改价格〔2021〕1239号\n") == [["id", "source"], ["x", "发改价格〔2021〕1239号"]])
    }

    @Test func spacesOutsideQuotesAreTrimmed() {
        #expect(records(" a ,\t\"b \" , c\n") == [["a", "b ", "c"]])
        #expect(records("id\na\u{3000}\n") == [["id"], ["a"]])
        #expect(records("id\n\"\u{3000}a\"\n") == [["id"], ["\u{3000}a"]])
    }

    @Test func malformedQuotingNamesItsRecord() {
        #expect(CSVRecords.parse("id,name\na,\"b\nc,d\n") == .failure(.init(record: 2, message: "has a quoted field that never closes")))
        guard case .failure(let error) = CSVRecords.parse("id,name\na,b\nc,\"d\"x\n") else {
            Issue.record("text after a closing quote was accepted")
            return
        }
        #expect(error.record == 3)
        #expect(error.message.hasPrefix("has text after the closing quote of field 2"))
    }

    /// Through the loader: the file, the record and what is wrong, and nothing solved.
    @Test func loaderReportsMalformedQuoting() throws {
        let problems = try Fixtures.problems(replacing: [
            "plants.csv": "id,region,process,capacity_t_per_y\nwest_smelter,west,smelting,60000\neast_smelter,\"east\"x,smelting,1\n"
        ])
        #expect(problems.contains { $0.file == "plants.csv" && $0.row == 3 && $0.message.contains("closing quote of field 2") })
    }
}

/// Every bundled table reads exactly as CSV.swift (the general reader Potline used before, and
/// still writes with) reads it, trimming on.
@Suite struct CSVRecordsOracleTests {
    @Test func bundledTablesReadAsCSVSwiftReadsThem() throws {
        let files = try FileManager.default.subpathsOfDirectory(atPath: Fixtures.networks.path).filter { $0.hasSuffix(".csv") }
        #expect(files.count > 30)
        for file in files {
            var text = try String(contentsOf: Fixtures.networks.appendingPathComponent(file), encoding: .utf8)
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            let reader = try CSVReader(string: text, hasHeaderRow: false, trimFields: true)
            var expected: [[String]] = []
            while let row = reader.next() { expected.append(row) }
            #expect(try CSVRecords.parse(text).get() == expected, "\(file)")
        }
    }
}
