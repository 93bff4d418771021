import Foundation
import Potline
import PotlineTestSupport
import Testing
import ZIPFoundation

@testable import PotlineReports

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Workbooks opened by a real spreadsheet: LibreOffice (Debian's libreoffice-calc-nogui,
/// headless) converts each to flat OpenDocument XML, and its cells are read back and compared
/// with the tables that made it. Without LibreOffice the tests are skipped, except under CI,
/// which installs it and where they fail rather than pass unseen.
@Suite struct XLSXWorkbookTests {
    static let soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let runs = soffice != nil || ProcessInfo.processInfo.environment["CI"] != nil

    /// A cell as LibreOffice read it: its value type and its value or text.
    struct ReadCell: Equatable {
        var type: String
        var value: String
    }

    /// The workbook's sheets as LibreOffice reads them, by name, in order.
    static func readBack(_ data: Data) throws -> [(name: String, rows: [[ReadCell]])] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("potline-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = folder.appendingPathComponent("book.xlsx")
        try data.write(to: book)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(soffice, "LibreOffice is not installed: apt-get install libreoffice-calc-nogui"))
        process.arguments = [
            "-env:UserInstallation=\(folder.appendingPathComponent("profile").absoluteString)", "--headless", "--convert-to", "fods",
            "--outdir", folder.path, book.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let flat = try Data(contentsOf: folder.appendingPathComponent("book.fods"))
        let reader = FlatODSReader()
        let parser = XMLParser(data: flat)
        parser.delegate = reader
        #expect(parser.parse(), "LibreOffice's flat XML does not parse")
        return reader.sheets
    }

    /// What a table's cell should read as in LibreOffice.
    static func expected(_ cell: ResultCell) -> ReadCell? {
        switch cell {
        case .text(let text): text.isEmpty ? nil : ReadCell(type: "string", value: text)
        case .number(let value): value.flatMap { $0.isFinite ? ReadCell(type: "float", value: NumberText.exact($0)) : nil }
        case .integer(let value): value.map { ReadCell(type: "float", value: String($0)) }
        case .flag(let value): ReadCell(type: "boolean", value: value ? "true" : "false")
        }
    }

    /// Every sheet, header and cell of `tables` as LibreOffice read them; numbers to 12 significant digits, as it writes them.
    static func expectSame(_ tables: [ResultTable], _ sheets: [(name: String, rows: [[ReadCell]])]) {
        #expect(sheets.map(\.name) == tables.map(\.schema.sheet))
        for (table, sheet) in zip(tables, sheets) {
            #expect(sheet.rows.first == table.header.map { ReadCell(type: "string", value: $0) }, "\(table.schema.sheet): header")
            #expect(sheet.rows.count == table.rows.count + 1, "\(table.schema.sheet): rows")
            for (row, read) in zip(table.rows, sheet.rows.dropFirst()) {
                for (column, cell) in row.enumerated() {
                    let got = column < read.count && !read[column].type.isEmpty ? read[column] : nil
                    let want = expected(cell)
                    if want?.type == "float", got?.type == "float", let a = Double(want!.value), let b = Double(got!.value) {
                        #expect(abs(a - b) <= 1e-11 * max(abs(a), 1), "\(table.schema.sheet) \(table.header[column]): \(a) read as \(b)")
                    } else {
                        #expect(got == want, "\(table.schema.sheet) \(table.header[column])")
                    }
                }
            }
        }
    }

    @Test func columnLettersCountLikeASpreadsheet() {
        #expect([1, 2, 26, 27, 52, 53, 702, 703].map(XLSXWorkbook.columnLetters) == ["A", "B", "Z", "AA", "AZ", "BA", "ZZ", "AAA"])
    }

    @Test(.enabled(if: runs, "LibreOffice is not installed: apt-get install libreoffice-calc-nogui (CI installs it)"))
    func solutionWorkbookReadsBackInLibreOffice() throws {
        let solution = try NetworkLoader.load(from: Fixtures.twoSmelters.path).solve()
        let tables = SolutionTables.tables(solution)
        let sheets = try Self.readBack(try XLSXWorkbook.data(tables))
        Self.expectSame(tables, sheets)
        // By hand (TwoSmeltersTests): the optimum is 1,633,392,000 yuan/y, east's aluminium 17,010 yuan/t.
        let summary = try #require(sheets.first { $0.name == "summary" })
        #expect(summary.rows.contains([ReadCell(type: "string", value: "total_cost_yuan"), ReadCell(type: "float", value: "1633392000"),
            ReadCell(type: "string", value: "yuan/y")]))
        let delivered = try #require(sheets.first { $0.name == "delivered_costs" })
        #expect(delivered.rows[1].prefix(4) == [
            ReadCell(type: "string", value: "east"), ReadCell(type: "string", value: "aluminium"), ReadCell(type: "float", value: "100000"),
            ReadCell(type: "float", value: "17010"),
        ])
    }

    @Test(.enabled(if: runs, "LibreOffice is not installed: apt-get install libreoffice-calc-nogui (CI installs it)"))
    func textNumbersAndFlagsKeepTheirKinds() throws {
        let schema = ResultTableSchema(
            file: "odd.csv", row: "test",
            columns: [
                ResultColumn("name", .text, ""), ResultColumn("{period}_t", .number, ""), ResultColumn("count", .integer, ""),
                ResultColumn("closed", .flag, ""),
            ])
        let table = ResultTable(
            schema, items: ["period": ["dry", "wet"]],
            rows: [
                [.text("a & b <c> \"d\" 'e'  电解铝 "), .number(0.1 + 0.2), .number(-1.5e-9), .integer(7), .flag(true)],
                [.text("bell\u{7}ends"), .number(nil), .number(.infinity), .integer(nil), .flag(false)],
                [.text(""), .number(1e15), .number(123_456.789), .integer(-3), .flag(true)],
            ])
        #expect(table.header == ["name", "dry_t", "wet_t", "count", "closed"])
        let sheets = try Self.readBack(try XLSXWorkbook.data([table]))
        // XML has no place for a bell character: it is dropped, the rest kept.
        let cleaned = ResultTable(
            schema, items: ["period": ["dry", "wet"]], rows: [table.rows[0], [.text("bellends")] + table.rows[1].dropFirst(), table.rows[2]])
        Self.expectSame([cleaned], sheets)
    }

    /// The header row is bold and frozen: the sheet's own XML says so (a headless conversion has
    /// no window, so LibreOffice writes no view settings to read this back from).
    @Test func headerRowIsFrozenAndBold() throws {
        let solution = try NetworkLoader.load(from: Fixtures.twoSmelters.path).solve()
        let archive = try Archive(data: try XLSXWorkbook.data(SolutionTables.tables(solution)), accessMode: .read)
        var xml = Data()
        _ = try archive.extract(try #require(archive["xl/worksheets/sheet3.xml"])) { xml.append($0) }
        let sheet = String(decoding: xml, as: UTF8.self)
        #expect(sheet.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen" />"#))
        #expect(sheet.contains(#"<c r="A1" t="inlineStr" s="1"><is><t xml:space="preserve">id</t></is></c>"#))
        #expect(!sheet.contains(#"<c r="A2" t="inlineStr" s="1">"#))
    }

    @Test func sameTablesGiveTheSameFile() throws {
        let solution = try NetworkLoader.load(from: Fixtures.twoSmelters.path).solve()
        let tables = SolutionTables.tables(solution)
        #expect(try XLSXWorkbook.data(tables) == XLSXWorkbook.data(tables))
    }
}

/// Reads the sheets of a flat OpenDocument spreadsheet: each cell's `office:value-type` and its
/// `office:value` (numbers), `office:boolean-value` or text; repeated cells and rows expanded,
/// trailing empty cells and rows dropped. A boolean LibreOffice keeps as `=TRUE()` reads as one.
final class FlatODSReader: NSObject, XMLParserDelegate {
    var sheets: [(name: String, rows: [[XLSXWorkbookTests.ReadCell]])] = []
    private var row: [XLSXWorkbookTests.ReadCell?] = []
    private var rowRepeat = 1
    private var cell: (type: String, value: String?, repeatCount: Int)?
    private var text = ""
    /// Inside a cell's paragraph, where its text is (the rest is the file's indentation).
    private var inParagraph = false

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        switch element {
        case "table:table": sheets.append((attributes["table:name"] ?? "", []))
        case "table:table-row":
            row = []
            rowRepeat = Int(attributes["table:number-rows-repeated"] ?? "1") ?? 1
        case "table:table-cell", "table:covered-table-cell":
            var type = attributes["office:value-type"] ?? ""
            var value = attributes["office:value"]
            if let formula = attributes["table:formula"], formula == "of:=TRUE()" || formula == "of:=FALSE()" {
                type = "boolean"
                value = formula == "of:=TRUE()" ? "true" : "false"
            }
            if let boolean = attributes["office:boolean-value"] { value = boolean }
            cell = (type, value, Int(attributes["table:number-columns-repeated"] ?? "1") ?? 1)
            text = ""
        case "text:p":
            if !text.isEmpty { text += "\n" }
            inParagraph = true
        case "text:s": text += String(repeating: " ", count: Int(attributes["text:c"] ?? "1") ?? 1)
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if inParagraph { text += string } }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "text:p": inParagraph = false
        case "table:table-cell", "table:covered-table-cell":
            guard let cell else { return }
            let read = cell.type.isEmpty ? nil : XLSXWorkbookTests.ReadCell(type: cell.type, value: cell.value ?? text)
            row += Array(repeating: read, count: min(cell.repeatCount, 1024))
            self.cell = nil
        case "table:table-row":
            while let last = row.last, last == nil { row.removeLast() }
            let cells = row.map { $0 ?? XLSXWorkbookTests.ReadCell(type: "", value: "") }
            if !cells.isEmpty, !sheets.isEmpty { sheets[sheets.count - 1].rows += Array(repeating: cells, count: min(rowRepeat, 1024)) }
        default: break
        }
    }
}
