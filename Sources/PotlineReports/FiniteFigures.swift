/// Whether every number in a result is finite: the proof the JSON encoding gives (it rejects
/// infinity and NaN), for output that is not JSON, at a small part of its cost. The encoder below
/// only walks the value and stops at the first non-finite number; it writes nothing and keeps no
/// coding path, so a caller that finds one encodes the JSON to name the figure.
public enum FiniteFigures {
    public static func allFinite<T: Encodable>(_ value: T) -> Bool {
        do {
            try value.encode(to: FiniteCheckEncoder())
            return true
        } catch {
            return false
        }
    }
}

private struct NonFiniteFigure: Error {}

private func check(_ value: Double) throws { if !value.isFinite { throw NonFiniteFigure() } }

private struct FiniteCheckEncoder: Encoder {
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedCheck<Key>())
    }
    func unkeyedContainer() -> any UnkeyedEncodingContainer { UnkeyedCheck() }
    func singleValueContainer() -> any SingleValueEncodingContainer { SingleCheck() }
}

private struct KeyedCheck<Key: CodingKey>: KeyedEncodingContainerProtocol {
    var codingPath: [any CodingKey] { [] }
    mutating func encodeNil(forKey key: Key) {}
    mutating func encode(_ value: Bool, forKey key: Key) {}
    mutating func encode(_ value: String, forKey key: Key) {}
    mutating func encode(_ value: Double, forKey key: Key) throws { try check(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try check(Double(value)) }
    mutating func encode(_ value: Int, forKey key: Key) {}
    mutating func encode(_ value: Int8, forKey key: Key) {}
    mutating func encode(_ value: Int16, forKey key: Key) {}
    mutating func encode(_ value: Int32, forKey key: Key) {}
    mutating func encode(_ value: Int64, forKey key: Key) {}
    mutating func encode(_ value: UInt, forKey key: Key) {}
    mutating func encode(_ value: UInt8, forKey key: Key) {}
    mutating func encode(_ value: UInt16, forKey key: Key) {}
    mutating func encode(_ value: UInt32, forKey key: Key) {}
    mutating func encode(_ value: UInt64, forKey key: Key) {}
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try value.encode(to: FiniteCheckEncoder()) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    { KeyedEncodingContainer(KeyedCheck<NestedKey>()) }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { UnkeyedCheck() }
    mutating func superEncoder() -> any Encoder { FiniteCheckEncoder() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { FiniteCheckEncoder() }
}

private struct UnkeyedCheck: UnkeyedEncodingContainer {
    var codingPath: [any CodingKey] { [] }
    var count = 0
    mutating func encodeNil() { count += 1 }
    mutating func encode(_ value: Bool) { count += 1 }
    mutating func encode(_ value: String) { count += 1 }
    mutating func encode(_ value: Double) throws {
        try check(value)
        count += 1
    }
    mutating func encode(_ value: Float) throws {
        try check(Double(value))
        count += 1
    }
    mutating func encode(_ value: Int) { count += 1 }
    mutating func encode(_ value: Int8) { count += 1 }
    mutating func encode(_ value: Int16) { count += 1 }
    mutating func encode(_ value: Int32) { count += 1 }
    mutating func encode(_ value: Int64) { count += 1 }
    mutating func encode(_ value: UInt) { count += 1 }
    mutating func encode(_ value: UInt8) { count += 1 }
    mutating func encode(_ value: UInt16) { count += 1 }
    mutating func encode(_ value: UInt32) { count += 1 }
    mutating func encode(_ value: UInt64) { count += 1 }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try value.encode(to: FiniteCheckEncoder())
        count += 1
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        count += 1
        return KeyedEncodingContainer(KeyedCheck<NestedKey>())
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        count += 1
        return UnkeyedCheck()
    }
    mutating func superEncoder() -> any Encoder { FiniteCheckEncoder() }
}

private struct SingleCheck: SingleValueEncodingContainer {
    var codingPath: [any CodingKey] { [] }
    mutating func encodeNil() {}
    mutating func encode(_ value: Bool) {}
    mutating func encode(_ value: String) {}
    mutating func encode(_ value: Double) throws { try check(value) }
    mutating func encode(_ value: Float) throws { try check(Double(value)) }
    mutating func encode(_ value: Int) {}
    mutating func encode(_ value: Int8) {}
    mutating func encode(_ value: Int16) {}
    mutating func encode(_ value: Int32) {}
    mutating func encode(_ value: Int64) {}
    mutating func encode(_ value: UInt) {}
    mutating func encode(_ value: UInt8) {}
    mutating func encode(_ value: UInt16) {}
    mutating func encode(_ value: UInt32) {}
    mutating func encode(_ value: UInt64) {}
    mutating func encode<T: Encodable>(_ value: T) throws { try value.encode(to: FiniteCheckEncoder()) }
}
