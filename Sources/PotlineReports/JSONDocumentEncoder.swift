import Foundation

/// Writes an Encodable value as Foundation's `JSONEncoder` does with `.convertToSnakeCase` and
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, byte for byte (tested against it on
/// every kind of result), at a tenth of its cost: `JSONEncoder` spent about 300 instructions per
/// byte (boxing every value, converting every key at every use), which made the JSON of a
/// sweep a tenth of its run.
///
/// It writes only what Potline's results hold: numbers, strings, booleans, nulls, arrays and
/// objects. A value of a type `JSONEncoder` writes its own way (dates, data, URLs, decimals), a
/// key outside ASCII, or any failure (a non-finite number) returns nil, and the caller encodes
/// with `JSONEncoder`, which then names the figure.
enum JSONDocumentEncoder {
    static func encode<T: Encodable>(_ value: T) -> Data? {
        let context = EncodingContext()
        let root = Node()
        do {
            try context.encode(value, into: root)
        } catch {
            return nil
        }
        guard !context.needsFoundationEncoder else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        root.write(to: &out, indent: 0)
        return Data(out)
    }
}

/// Why the document is left to `JSONEncoder`.
private struct NeedsFoundationEncoder: Error {}

/// One JSON value as it is built: its kind is set by the first container asked of it.
private final class Node {
    enum Content {
        case unset
        case scalar([UInt8])
        case object([(key: String, value: Node)])
        case array([Node])
    }
    var content = Content.unset

    func set(_ text: String) { content = .scalar(Array(text.utf8)) }

    func write(to out: inout [UInt8], indent: Int) {
        switch content {
        case .unset:
            // A value that encoded nothing: JSONEncoder writes an empty object.
            Node.writeEmpty(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), to: &out, indent: indent)
        case .scalar(let bytes):
            out.append(contentsOf: bytes)
        case .object(let members):
            guard !members.isEmpty else {
                return Node.writeEmpty(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), to: &out, indent: indent)
            }
            // Sorted by key (ASCII keys by their bytes, the order String's `<` gives them); a key
            // encoded twice keeps its last value, as in JSONEncoder.
            func precedes(_ a: String, _ b: String) -> Bool {
                var x = a, y = b
                let bytes = x.withUTF8 { x in
                    y.withUTF8 { y in x.allSatisfy { $0 < 0x80 } && y.allSatisfy { $0 < 0x80 } ? x.lexicographicallyPrecedes(y) : nil }
                }
                return bytes ?? (a < b)
            }
            let order = members.indices.sorted { i, j in
                precedes(members[i].key, members[j].key) || (!precedes(members[j].key, members[i].key) && i < j)
            }
            out.append(UInt8(ascii: "{"))
            var written = 0
            for (k, i) in order.enumerated() where k + 1 == order.count || members[order[k + 1]].key != members[i].key {
                if written > 0 { out.append(UInt8(ascii: ",")) }
                out.append(0x0A)
                written += 1
                Node.pad(&out, indent + 2)
                Node.writeString(members[i].key, to: &out)
                out.append(0x20)
                out.append(UInt8(ascii: ":"))
                out.append(0x20)
                members[i].value.write(to: &out, indent: indent + 2)
            }
            out.append(0x0A)
            Node.pad(&out, indent)
            out.append(UInt8(ascii: "}"))
        case .array(let elements):
            guard !elements.isEmpty else {
                return Node.writeEmpty(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), to: &out, indent: indent)
            }
            out.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                out.append(0x0A)
                Node.pad(&out, indent + 2)
                element.write(to: &out, indent: indent + 2)
            }
            out.append(0x0A)
            Node.pad(&out, indent)
            out.append(UInt8(ascii: "]"))
        }
    }

    private static func pad(_ out: inout [UInt8], _ count: Int) {
        for _ in 0..<count { out.append(UInt8(ascii: " ")) }
    }

    /// An empty container as JSONEncoder pretty-prints it: open, a blank line, close.
    private static func writeEmpty(open: UInt8, close: UInt8, to out: inout [UInt8], indent: Int) {
        out.append(contentsOf: [open, 0x0A, 0x0A])
        pad(&out, indent)
        out.append(close)
    }

    static func writeString(_ text: String, to out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0C: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0..<0x20:
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(contentsOf: [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// What one document's encoding shares: the snake_case form of each key, worked out once.
private final class EncodingContext {
    /// Set where a container call cannot throw but the document cannot be written here (a
    /// superclass's encoder, a container of another kind asked of a value): never written short.
    var needsFoundationEncoder = false
    private var snakeCase: [String: String] = [:]
    private var convertsKeys: [ObjectIdentifier: Bool] = [:]

    func encode<T: Encodable>(_ value: T, into node: Node) throws {
        // JSONEncoder writes these its own way.
        if T.self == Date.self || T.self == Data.self || T.self == URL.self || T.self == Decimal.self {
            throw NeedsFoundationEncoder()
        }
        try value.encode(to: DocumentEncoder(context: self, node: node))
    }

    /// Whether keys of this type are converted: JSONEncoder leaves a `[String: …]` dictionary's
    /// keys as they are and converts every other key (an `[Int: …]` dictionary's digits are
    /// unchanged by it).
    func convertsKeys<Key: CodingKey>(of type: Key.Type) -> Bool {
        if let known = convertsKeys[ObjectIdentifier(type)] { return known }
        let converts = String(reflecting: type) != "Swift._DictionaryCodingKey"
        convertsKeys[ObjectIdentifier(type)] = converts
        return converts
    }

    func key(_ name: String, converted: Bool) throws -> String {
        guard converted else { return name }
        // Lowercase ASCII needs no conversion (and no look-up).
        if name.utf8.allSatisfy({ $0 < 0x80 && !($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) }) { return name }
        if let known = snakeCase[name] { return known }
        let snake = try Self.snakeCased(name)
        snakeCase[name] = snake
        return snake
    }

    /// Foundation's `convertToSnakeCase` on an ASCII key: a word starts at each capital; a run of
    /// capitals is a word of its own, up to the capital before the next lowercase letter
    /// (`myURLProperty` → `my_url_property`); words are lowercased and joined by `_`.
    static func snakeCased(_ key: String) throws -> String {
        let bytes = Array(key.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { throw NeedsFoundationEncoder() }
        guard !bytes.isEmpty else { return key }
        func isUpper(_ b: UInt8) -> Bool { b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") }
        func isLower(_ b: UInt8) -> Bool { b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") }
        var words: [Range<Int>] = []
        var wordStart = 0
        var searchStart = 1
        let end = bytes.count
        while let upper = (searchStart..<end).first(where: { isUpper(bytes[$0]) }) {
            words.append(wordStart..<upper)
            guard let lower = (upper..<end).first(where: { isLower(bytes[$0]) }) else {
                wordStart = upper
                break
            }
            if lower == upper + 1 {
                wordStart = upper
            } else {
                words.append(upper..<(lower - 1))
                wordStart = lower - 1
            }
            searchStart = lower + 1
        }
        words.append(wordStart..<end)
        return words.map { String(decoding: bytes[$0], as: UTF8.self).lowercased() }.joined(separator: "_")
    }
}

private struct DocumentEncoder: Encoder {
    let context: EncodingContext
    let node: Node
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        switch node.content {
        case .object: break
        case .unset: node.content = .object([])
        case .scalar, .array:
            context.needsFoundationEncoder = true
            node.content = .object([])
        }
        return KeyedEncodingContainer(KeyedWriter<Key>(context: context, node: node, convertsKeys: context.convertsKeys(of: Key.self)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        switch node.content {
        case .array: break
        case .unset: node.content = .array([])
        case .scalar, .object:
            context.needsFoundationEncoder = true
            node.content = .array([])
        }
        return UnkeyedWriter(context: context, node: node)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleWriter(context: context, node: node) }
}

/// The text of a number as JSONEncoder writes it: Swift's shortest form without a trailing `.0`.
private func numberText<T: LosslessStringConvertible & FloatingPoint>(_ value: T) throws -> String {
    guard value.isFinite else { throw NeedsFoundationEncoder() }
    let text = value.description
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
}

private struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let context: EncodingContext
    let node: Node
    let convertsKeys: Bool
    var codingPath: [any CodingKey] { [] }

    private func add(_ key: Key) throws -> Node {
        let child = Node()
        guard case .object(var members) = node.content else { throw NeedsFoundationEncoder() }
        node.content = .unset  // keeps `members` uniquely referenced while it grows
        members.append((try context.key(key.stringValue, converted: convertsKeys), child))
        node.content = .object(members)
        return child
    }

    private func add(_ text: String, _ key: Key) throws { try add(key).set(text) }

    mutating func encodeNil(forKey key: Key) throws { try add("null", key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try add(value ? "true" : "false", key) }
    mutating func encode(_ value: String, forKey key: Key) throws {
        var bytes: [UInt8] = []
        Node.writeString(value, to: &bytes)
        try add(key).content = .scalar(bytes)
    }
    mutating func encode(_ value: Double, forKey key: Key) throws { try add(try numberText(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try add(try numberText(value), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try add(String(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try add(String(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try add(String(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try add(String(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try add(String(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try add(String(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try add(String(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try add(String(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try add(String(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try add(String(value), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try context.encode(value, into: try add(key)) }

    private func child(_ key: Key) -> Node {
        if let child = try? add(key) { return child }
        context.needsFoundationEncoder = true
        return Node()
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        DocumentEncoder(context: context, node: child(key)).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        DocumentEncoder(context: context, node: child(key)).unkeyedContainer()
    }
    // A superclass's encoder (no result has one): JSONEncoder writes it under "super", so the
    // document is left to it.
    mutating func superEncoder() -> any Encoder { detached() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { detached() }

    private func detached() -> any Encoder {
        context.needsFoundationEncoder = true
        return DocumentEncoder(context: context, node: Node())
    }
}

private struct UnkeyedWriter: UnkeyedEncodingContainer {
    let context: EncodingContext
    let node: Node
    var codingPath: [any CodingKey] { [] }
    var count: Int {
        if case .array(let elements) = node.content { return elements.count }
        return 0
    }

    private func add() -> Node {
        let child = Node()
        guard case .array(var elements) = node.content else {
            context.needsFoundationEncoder = true
            return child
        }
        node.content = .unset  // keeps `elements` uniquely referenced while it grows
        elements.append(child)
        node.content = .array(elements)
        return child
    }

    mutating func encodeNil() throws { add().set("null") }
    mutating func encode(_ value: Bool) throws { add().set(value ? "true" : "false") }
    mutating func encode(_ value: String) throws {
        var bytes: [UInt8] = []
        Node.writeString(value, to: &bytes)
        add().content = .scalar(bytes)
    }
    mutating func encode(_ value: Double) throws { add().set(try numberText(value)) }
    mutating func encode(_ value: Float) throws { add().set(try numberText(value)) }
    mutating func encode(_ value: Int) throws { add().set(String(value)) }
    mutating func encode(_ value: Int8) throws { add().set(String(value)) }
    mutating func encode(_ value: Int16) throws { add().set(String(value)) }
    mutating func encode(_ value: Int32) throws { add().set(String(value)) }
    mutating func encode(_ value: Int64) throws { add().set(String(value)) }
    mutating func encode(_ value: UInt) throws { add().set(String(value)) }
    mutating func encode(_ value: UInt8) throws { add().set(String(value)) }
    mutating func encode(_ value: UInt16) throws { add().set(String(value)) }
    mutating func encode(_ value: UInt32) throws { add().set(String(value)) }
    mutating func encode(_ value: UInt64) throws { add().set(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { try context.encode(value, into: add()) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        DocumentEncoder(context: context, node: add()).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        DocumentEncoder(context: context, node: add()).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder {
        context.needsFoundationEncoder = true
        return DocumentEncoder(context: context, node: add())
    }
}

private struct SingleWriter: SingleValueEncodingContainer {
    let context: EncodingContext
    let node: Node
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { node.set("null") }
    mutating func encode(_ value: Bool) throws { node.set(value ? "true" : "false") }
    mutating func encode(_ value: String) throws {
        var bytes: [UInt8] = []
        Node.writeString(value, to: &bytes)
        node.content = .scalar(bytes)
    }
    mutating func encode(_ value: Double) throws { node.set(try numberText(value)) }
    mutating func encode(_ value: Float) throws { node.set(try numberText(value)) }
    mutating func encode(_ value: Int) throws { node.set(String(value)) }
    mutating func encode(_ value: Int8) throws { node.set(String(value)) }
    mutating func encode(_ value: Int16) throws { node.set(String(value)) }
    mutating func encode(_ value: Int32) throws { node.set(String(value)) }
    mutating func encode(_ value: Int64) throws { node.set(String(value)) }
    mutating func encode(_ value: UInt) throws { node.set(String(value)) }
    mutating func encode(_ value: UInt8) throws { node.set(String(value)) }
    mutating func encode(_ value: UInt16) throws { node.set(String(value)) }
    mutating func encode(_ value: UInt32) throws { node.set(String(value)) }
    mutating func encode(_ value: UInt64) throws { node.set(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { try context.encode(value, into: node) }
}
