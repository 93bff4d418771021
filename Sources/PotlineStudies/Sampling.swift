import Foundation
import LinearModel
import PotlineFiles
import PotlineFormulation
import PotlineNetwork
import PotlineResults
import PotlineSolve

/// xoshiro256** (Blackman & Vigna), seeded through SplitMix64: a documented, portable generator,
/// so a seed gives the same samples on every machine (Swift's default generator is not seedable).
package struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    private var s: (UInt64, UInt64, UInt64, UInt64)

    package init(seed: UInt64) {
        var x = seed
        func splitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s = (splitMix(), splitMix(), splitMix(), splitMix())
    }

    package mutating func next() -> UInt64 {
        let result = rotl(s.1 &* 5, 7) &* 9
        let t = s.1 << 17
        s.2 ^= s.0
        s.3 ^= s.1
        s.1 ^= s.2
        s.0 ^= s.3
        s.2 ^= t
        s.3 = rotl(s.3, 45)
        return result
    }

    /// A uniform number in [0, 1) from the top 53 bits.
    package mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}

/// A Latin hypercube design: for each factor in order, a random permutation of the N strata
/// (Fisher–Yates) then one uniform draw inside each stratum, all from one xoshiro256** stream.
/// `unit[i][f]` lies in stratum `permutation_f[i]` of [0, 1).
package enum LatinHypercube {
    package static func design(samples: Int, factors: Int, seed: UInt64) -> [[Double]] {
        var generator = Xoshiro256StarStar(seed: seed)
        var unit = Array(repeating: Array(repeating: 0.0, count: factors), count: samples)
        for f in 0..<factors {
            var strata = Array(0..<samples)
            for i in stride(from: samples - 1, to: 0, by: -1) {
                let j = Int(generator.next() % UInt64(i + 1))
                strata.swapAt(i, j)
            }
            for i in 0..<samples { unit[i][f] = (Double(strata[i]) + generator.unit()) / Double(samples) }
        }
        return unit
    }
}
