import Yams
import PotlineNetwork

/// Dotted keys into the manifest's node tree: `modes.rail.rate_yuan_per_tkm`, and list items
/// by a key they hold or by position: `policy.capacity[process=smelting].ceiling_t_per_y`,
/// `policy.surcharge.processes[0]`. Scenarios and sweeps address `network.yaml` with these, so
/// every manifest setting, present or future, can be changed without code for it.
struct DottedKey: CustomStringConvertible {
    struct Segment {
        enum Item {
            case position(Int)
            case matching(key: String, value: String)
        }

        var name: String
        var item: Item?
    }

    var segments: [Segment]
    var description: String

    /// The deepest key accepted: network.yaml's settings are at most four levels deep, and the
    /// node tree is walked recursively, so a key of thousands of segments must stop here.
    static let maximumSegments = 16

    init(_ text: String) throws(DottedKeyError) {
        description = text
        segments = []
        let count = text.reduce(1) { $1 == "." ? $0 + 1 : $0 }
        guard count <= Self.maximumSegments else {
            throw DottedKeyError(
                message: "'\(text.prefix(60))…' has \(count) segments; a network.yaml key has at most \(Self.maximumSegments)")
        }
        var part = ""
        var depth = 0
        for character in text + "." {
            switch character {
            case "[": depth += 1
            case "]": depth -= 1
            default: break
            }
            if character == "." && depth == 0 {
                segments.append(try Self.segment(part, in: text))
                part = ""
            } else {
                part.append(character)
            }
        }
        // An unclosed `[` (or a stray `]`) swallows the rest: without this the key would have no
        // segments and name the whole manifest.
        guard depth == 0 else { throw DottedKeyError(message: "'\(text)' has unbalanced brackets") }
    }

    private static func segment(_ part: String, in text: String) throws(DottedKeyError) -> Segment {
        guard let open = part.firstIndex(of: "[") else {
            guard !part.isEmpty, !part.contains("]") else { throw DottedKeyError(message: "'\(text)' is not a dotted key") }
            return Segment(name: part)
        }
        let name = String(part[..<open])
        guard !name.isEmpty, part.hasSuffix("]") else { throw DottedKeyError(message: "'\(text)' is not a dotted key") }
        let inside = part[part.index(after: open)..<part.index(before: part.endIndex)]
        if let position = Int(inside), position >= 0 { return Segment(name: name, item: .position(position)) }
        let pieces = inside.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard pieces.count == 2, !pieces[0].isEmpty, !pieces[1].isEmpty else {
            throw DottedKeyError(message: "'\(text)': [\(inside)] is neither a position nor KEY=VALUE")
        }
        return Segment(name: name, item: .matching(key: pieces[0], value: pieces[1]))
    }
}

struct DottedKeyError: Error {
    var message: String
}

extension Node {
    /// The node at `key`, if every mapping and list on the way has it.
    func value(atDottedKey key: String) -> Node? {
        guard let path = try? DottedKey(key) else { return nil }
        var node: Node? = self
        for segment in path.segments {
            node = node?.child(segment.name)
            if let item = segment.item, let list = node, let i = list.itemIndex(item) {
                node = list.sequence![i]
            } else if segment.item != nil {
                node = nil
            }
        }
        return node
    }

    /// Sets the value at a dotted key, creating mappings on the way (but not list items).
    mutating func setValue(_ value: Node, atDottedKey key: String) throws(DottedKeyError) {
        let path = try DottedKey(key)
        try setValue(value, at: path.segments[...], key: path)
    }

    /// Removes the value (or list item) at a dotted key; returns it, or nil if there was none.
    mutating func removeValue(atDottedKey key: String) -> Node? {
        guard var path = try? DottedKey(key), let last = path.segments.popLast() else { return nil }
        let parentKey = path.segments.map(\.text).joined(separator: ".")
        guard let parent = path.segments.isEmpty ? self : value(atDottedKey: parentKey) else { return nil }
        var updated: Node
        let removed: Node
        if let item = last.item {
            guard let list = parent.child(last.name), let i = list.itemIndex(item) else { return nil }
            removed = list.sequence![i]
            var items = Array(list.sequence!)
            items.remove(at: i)
            updated = parent
            try? updated.setValue(Node(items), at: [DottedKey.Segment(name: last.name)][...], key: path)
        } else {
            guard let mapping = parent.mapping, let value = parent.child(last.name) else { return nil }
            removed = value
            updated = .mapping(
                Node.Mapping(
                    mapping.filter { $0.key.string != last.name }.map { ($0.key, $0.value) }, mapping.tag, mapping.style,
                    mapping.mark))
        }
        if path.segments.isEmpty {
            self = updated
        } else {
            try? setValue(updated, atDottedKey: parentKey)
        }
        return removed
    }

    /// Every scalar under this node by dotted key (`modes.rail.rate_yuan_per_tkm` → `0.15`). A
    /// list of mappings is entered item by item, each named by its first key
    /// (`policy.capacity[process=smelting].ceiling_t_per_y`) or, if that is not unique, its
    /// position; a list of scalars is one value, written `[a, b]`.
    func flattened(prefix: String = "") -> [(key: String, value: String)] {
        switch self {
        case let .mapping(mapping):
            return mapping.flatMap { pair -> [(key: String, value: String)] in
                let key = prefix.isEmpty ? (pair.key.string ?? "") : "\(prefix).\(pair.key.string ?? "")"
                return pair.value.flattened(prefix: key)
            }
        case let .scalar(scalar):
            return [(prefix, scalar.string)]
        case let .sequence(sequence):
            let items = Array(sequence)
            guard !items.isEmpty, items.allSatisfy({ $0.mapping != nil }) else {
                return [(prefix, "[" + items.map { $0.string ?? "…" }.joined(separator: ", ") + "]")]
            }
            let labels = items.map { item -> String? in
                guard let first = item.mapping?.first, let key = first.key.string, let value = first.value.string else { return nil }
                return "\(key)=\(value)"
            }
            let unique = labels.allSatisfy { $0 != nil } && Set(labels).count == labels.count
            return items.enumerated().flatMap { i, item in
                item.flattened(prefix: "\(prefix)[\(unique ? labels[i]! : String(i))]")
            }
        case .alias:
            return [(prefix, "*alias")]
        }
    }

    // MARK: Steps

    fileprivate func child(_ name: String) -> Node? {
        mapping?.first { $0.key.string == name }?.value
    }

    /// Position of the list item a selector names: by position, or the first mapping whose `key`
    /// holds `value` (numbers compare by value).
    fileprivate func itemIndex(_ item: DottedKey.Segment.Item) -> Int? {
        guard let list = sequence else { return nil }
        switch item {
        case let .position(i): return i < list.count ? i : nil
        case let .matching(key, value):
            return Array(list).firstIndex { ($0.child(key)?.string).map { Self.sameValue($0, value) } ?? false }
        }
    }

    private static func sameValue(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        guard let x = NumberText.parse(a), let y = NumberText.parse(b) else { return false }
        return x == y
    }

    private mutating func setValue(_ value: Node, at path: ArraySlice<DottedKey.Segment>, key: DottedKey)
        throws(DottedKeyError)
    {
        guard let segment = path.first else {
            self = value
            return
        }
        guard var mapping = self.mapping else {
            throw DottedKeyError(message: "network.yaml: '\(key)' goes through a value that is not a mapping")
        }
        let rest = path.dropFirst()
        if let i = mapping.firstIndex(where: { $0.key.string == segment.name }) {
            var child = mapping[i].value
            if let item = segment.item {
                guard let position = child.itemIndex(item), var items = child.sequence.map(Array.init) else {
                    throw DottedKeyError(message: "network.yaml has no list item '\(segment.text)' on the way to '\(key)'")
                }
                try items[position].setValue(value, at: rest, key: key)
                child = Node(items)
            } else {
                try child.setValue(value, at: rest, key: key)
            }
            mapping[i] = (mapping[i].key, child)
        } else {
            guard segment.item == nil else {
                throw DottedKeyError(message: "network.yaml has no list '\(segment.name)' on the way to '\(key)'")
            }
            var child: Node = rest.isEmpty ? value : Node([(Node, Node)]())
            if !rest.isEmpty { try child.setValue(value, at: rest, key: key) }
            mapping = Node.Mapping(
                mapping.map { ($0.key, $0.value) } + [(Node(segment.name), child)], mapping.tag, mapping.style, mapping.mark)
        }
        self = .mapping(mapping)
    }
}

extension DottedKey.Segment {
    /// The segment as written: `capacity[process=smelting]`.
    var text: String {
        switch item {
        case nil: name
        case let .position(i)?: "\(name)[\(i)]"
        case let .matching(key, value)?: "\(name)[\(key)=\(value)]"
        }
    }
}
