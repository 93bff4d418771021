/// Both values, or nil if either is missing (for arithmetic on two optional figures).
package func zip2<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
