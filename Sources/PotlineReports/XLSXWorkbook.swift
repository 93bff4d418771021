import Foundation
import PotlineUnits
import XMLCoder
import ZIPFoundation

/// A result's tables as one Excel workbook (`--xlsx FILE`, Office Open XML SpreadsheetML): one
/// sheet per table, named as its CSV file without `.csv`; numbers as numbers, flags as booleans,
/// the header row (the column names, which carry their units) bold and frozen. The XML is
/// encoded by XMLCoder and zipped by ZIPFoundation; the file is replaced all at once.
public enum XLSXWorkbook {
    /// The workbook's bytes. Entries carry a fixed date, so the same tables give the same file.
    public static func data(_ tables: [ResultTable]) throws -> Data {
        var parts: [(path: String, xml: Data)] = []
        let sheets = tables.enumerated().map { (index: $0.offset + 1, table: $0.element) }
        parts.append(("[Content_Types].xml", try encode(ContentTypes(sheets: sheets.count), root: "Types")))
        parts.append(("_rels/.rels", try encode(Relationships.package, root: "Relationships")))
        parts.append(("xl/workbook.xml", try encode(Workbook(names: sheets.map(\.table.schema.sheet)), root: "workbook")))
        parts.append(("xl/_rels/workbook.xml.rels", try encode(Relationships.workbook(sheets: sheets.count), root: "Relationships")))
        parts.append(("xl/styles.xml", Data(stylesXML.utf8)))
        for sheet in sheets {
            parts.append(("xl/worksheets/sheet\(sheet.index).xml", try encode(Worksheet(sheet.table), root: "worksheet")))
        }
        let archive = try Archive(accessMode: .create)
        for part in parts {
            try archive.addEntry(
                with: part.path, type: .file, uncompressedSize: Int64(part.xml.count), modificationDate: fixedDate,
                compressionMethod: .deflate
            ) { position, size in part.xml.subdata(in: Int(position)..<Int(position) + size) }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    /// Writes the workbook to `url` atomically: a complete new file, or the old one untouched.
    public static func write(_ tables: [ResultTable], to url: URL) throws {
        try data(tables).write(to: url, options: .atomic)
    }

    /// 1980-01-01, the earliest date a ZIP entry can carry.
    static let fixedDate = Date(timeIntervalSince1970: 315_532_800)

    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private static func encode<T: Encodable>(_ value: T, root: String) throws -> Data {
        let encoder = XMLEncoder()
        return try encoder.encode(value, withRootKey: root, header: XMLHeader(version: 1.0, encoding: "UTF-8", standalone: "yes"))
    }

    /// Two cell formats: 0 the default, 1 bold (the header row). Fixed text: it holds no data.
    static let stylesXML = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="\(mainNamespace)"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>\
        <font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill>\
        <fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/>\
        </border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>
        """

    /// `A`, …, `Z`, `AA`, …: the letters of the 1-based column `index`.
    static func columnLetters(_ index: Int) -> String {
        var letters = ""
        var rest = index
        while rest > 0 {
            let digit = (rest - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + digit))) + letters
            rest = (rest - 1) / 26
        }
        return letters
    }

    /// XML 1.0 allows no control characters but tab, line feed and carriage return.
    static func xmlSafe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 && !"\t\n\r".unicodeScalars.contains($0) }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 || "\t\n\r".unicodeScalars.contains($0) }))
    }
}

// MARK: - The parts, as XMLCoder encodes them

/// Marks which keys of a part are attributes; the rest are elements.
private protocol XMLAttributes: Encodable, DynamicNodeEncoding {
    static var attributes: Set<String> { get }
}

extension XMLAttributes {
    static func nodeEncoding(for key: CodingKey) -> XMLEncoder.NodeEncoding {
        attributes.contains(key.stringValue) ? .attribute : .element
    }
}

private struct ContentTypes: XMLAttributes {
    struct ByExtension: XMLAttributes {
        static let attributes: Set = ["Extension", "ContentType"]
        let Extension: String
        let ContentType: String
    }
    struct ByPart: XMLAttributes {
        static let attributes: Set = ["PartName", "ContentType"]
        let PartName: String
        let ContentType: String
    }
    static let attributes: Set = ["xmlns"]
    let xmlns = "http://schemas.openxmlformats.org/package/2006/content-types"
    let defaults: [ByExtension]
    let overrides: [ByPart]

    enum CodingKeys: String, CodingKey {
        case xmlns
        case defaults = "Default"
        case overrides = "Override"
    }

    init(sheets: Int) {
        let office = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        defaults = [
            ByExtension(Extension: "rels", ContentType: "application/vnd.openxmlformats-package.relationships+xml"),
            ByExtension(Extension: "xml", ContentType: "application/xml"),
        ]
        let sheetParts = (0..<sheets).map { ByPart(PartName: "/xl/worksheets/sheet\($0 + 1).xml", ContentType: "\(office).worksheet+xml") }
        overrides =
            [
                ByPart(PartName: "/xl/workbook.xml", ContentType: "\(office).sheet.main+xml"),
                ByPart(PartName: "/xl/styles.xml", ContentType: "\(office).styles+xml"),
            ] + sheetParts
    }
}

private struct Relationships: XMLAttributes {
    struct Link: XMLAttributes {
        static let attributes: Set = ["Id", "Type", "Target"]
        let id: String
        let kind: String
        let target: String
        enum CodingKeys: String, CodingKey {
            case id = "Id"
            case kind = "Type"
            case target = "Target"
        }
    }
    static let attributes: Set = ["xmlns"]
    let xmlns = "http://schemas.openxmlformats.org/package/2006/relationships"
    let links: [Link]
    enum CodingKeys: String, CodingKey {
        case xmlns
        case links = "Relationship"
    }

    static let package = Relationships(links: [
        Link(id: "rId1", kind: "\(XLSXWorkbook.relationshipNamespace)/officeDocument", target: "xl/workbook.xml")
    ])

    /// Sheet i is `rId<i>`; the styles come after the sheets.
    static func workbook(sheets: Int) -> Relationships {
        let kind = XLSXWorkbook.relationshipNamespace
        let sheetLinks = (0..<sheets).map { Link(id: "rId\($0 + 1)", kind: "\(kind)/worksheet", target: "worksheets/sheet\($0 + 1).xml") }
        return Relationships(links: sheetLinks + [Link(id: "rId\(sheets + 1)", kind: "\(kind)/styles", target: "styles.xml")])
    }
}

private struct Workbook: XMLAttributes {
    struct Sheets: Encodable {
        let sheet: [Sheet]
    }
    struct Sheet: XMLAttributes {
        static let attributes: Set = ["name", "sheetId", "r:id"]
        let name: String
        let sheetId: Int
        let relationship: String
        enum CodingKeys: String, CodingKey {
            case name, sheetId
            case relationship = "r:id"
        }
    }
    static let attributes: Set = ["xmlns", "xmlns:r"]
    let xmlns = XLSXWorkbook.mainNamespace
    let relationshipNamespace = XLSXWorkbook.relationshipNamespace
    let sheets: Sheets

    enum CodingKeys: String, CodingKey {
        case xmlns
        case relationshipNamespace = "xmlns:r"
        case sheets
    }

    init(names: [String]) {
        sheets = Sheets(sheet: names.enumerated().map { Sheet(name: $0.element, sheetId: $0.offset + 1, relationship: "rId\($0.offset + 1)") })
    }
}

private struct Worksheet: XMLAttributes {
    struct SheetViews: Encodable {
        let sheetView: SheetView
    }
    struct SheetView: XMLAttributes {
        static let attributes: Set = ["workbookViewId"]
        let workbookViewId = 0
        let pane: Pane
    }
    /// The header row frozen: everything below row 1 scrolls.
    struct Pane: XMLAttributes {
        static let attributes: Set = ["ySplit", "topLeftCell", "activePane", "state"]
        let ySplit = 1
        let topLeftCell = "A2"
        let activePane = "bottomLeft"
        let state = "frozen"
    }
    struct Columns: Encodable {
        let col: [Column]
    }
    struct Column: XMLAttributes {
        static let attributes: Set = ["min", "max", "width", "customWidth"]
        let min: Int
        let max: Int
        let width: Int
        let customWidth = 1
    }
    struct SheetData: Encodable {
        let row: [Row]
    }
    struct Row: XMLAttributes {
        static let attributes: Set = ["r"]
        let r: Int
        let c: [Cell]
    }
    /// `t`: `inlineStr` for text, `b` for a flag, absent for a number; `s`: the style (1 bold).
    struct Cell: XMLAttributes {
        static let attributes: Set = ["r", "t", "s"]
        let r: String
        let t: String?
        let s: Int?
        let v: String?
        let inline: InlineString?
        enum CodingKeys: String, CodingKey {
            case r, t, s, v
            case inline = "is"
        }
    }
    struct InlineString: Encodable {
        let t: Text
    }
    /// Kept as written, spaces included.
    struct Text: XMLAttributes {
        static let attributes: Set = ["xml:space"]
        let space = "preserve"
        let value: String
        enum CodingKeys: String, CodingKey {
            case space = "xml:space"
            case value = ""
        }
    }

    static let attributes: Set = ["xmlns"]
    let xmlns = XLSXWorkbook.mainNamespace
    let sheetViews = SheetViews(sheetView: SheetView(pane: Pane()))
    let cols: Columns?
    let sheetData: SheetData

    init(_ table: ResultTable) {
        let letters = (1...max(table.header.count, 1)).map(XLSXWorkbook.columnLetters)
        let header = Row(
            r: 1, c: table.header.enumerated().map { Self.text($0.element, at: "\(letters[$0.offset])1", style: 1) }.compactMap { $0 })
        let body = table.rows.enumerated().map { index, cells in
            Row(r: index + 2, c: cells.enumerated().compactMap { Self.cell($0.element, at: "\(letters[$0.offset])\(index + 2)") })
        }
        // Wide enough for the header and the longest cell, within 8–60 characters.
        let widths = table.header.indices.map { column in
            table.rows.reduce(table.header[column].count) { widest, row in max(widest, row[column].csvText.count) }
        }
        cols = widths.isEmpty ? nil : Columns(col: widths.enumerated().map { Column(min: $0.offset + 1, max: $0.offset + 1, width: min(max($0.element + 2, 8), 60)) })
        sheetData = SheetData(row: [header] + body)
    }

    private static func text(_ text: String, at reference: String, style: Int? = nil) -> Cell? {
        guard !text.isEmpty else { return nil }
        return Cell(r: reference, t: "inlineStr", s: style, v: nil, inline: InlineString(t: Text(value: XLSXWorkbook.xmlSafe(text))))
    }

    /// A blank cell is left out, as spreadsheets do.
    private static func cell(_ cell: ResultCell, at reference: String) -> Cell? {
        switch cell {
        case .text(let value): text(value, at: reference)
        case .number(let value): value.flatMap { $0.isFinite ? Cell(r: reference, t: nil, s: nil, v: NumberText.exact($0), inline: nil) : nil }
        case .integer(let value): value.map { Cell(r: reference, t: nil, s: nil, v: String($0), inline: nil) }
        case .flag(let value): Cell(r: reference, t: "b", s: nil, v: value ? "1" : "0", inline: nil)
        }
    }
}
