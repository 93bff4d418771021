import Foundation

/// xoshiro256** (Blackman & Vigna), seeded through SplitMix64: a documented, portable generator,
/// so a seed gives the same samples on every machine (Swift's default generator is not seedable).
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    private var s: (UInt64, UInt64, UInt64, UInt64)

    public init(seed: UInt64) {
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

    public mutating func next() -> UInt64 {
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
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}

/// A distribution of one uncertain factor, sampled through its inverse CDF.
public enum Distribution: Sendable, Equatable, Codable {
    case uniform(low: Double, high: Double)
    case triangular(low: Double, mode: Double, high: Double)
    /// A normal distribution cut to [low, high].
    case truncatedNormal(mean: Double, sd: Double, low: Double, high: Double)

    public var low: Double {
        switch self {
        case let .uniform(low, _), let .triangular(low, _, _), let .truncatedNormal(_, _, low, _): low
        }
    }

    public var high: Double {
        switch self {
        case let .uniform(_, high), let .triangular(_, _, high), let .truncatedNormal(_, _, _, high): high
        }
    }

    /// The value with cumulative probability `u` (0 ≤ u < 1).
    public func quantile(_ u: Double) -> Double {
        switch self {
        case let .uniform(a, b):
            return a + u * (b - a)
        case let .triangular(a, m, b):
            guard b > a else { return a }
            let c = (m - a) / (b - a)
            return u < c ? a + ((u * (b - a) * (m - a))).squareRoot() : b - ((1 - u) * (b - a) * (b - m)).squareRoot()
        case let .truncatedNormal(mu, sigma, a, b):
            let pa = normalCDF((a - mu) / sigma), pb = normalCDF((b - mu) / sigma)
            return min(b, max(a, mu + sigma * normalQuantile(pa + u * (pb - pa))))
        }
    }
}

/// Φ(x) through the complementary error function.
func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

/// Φ⁻¹(p): Acklam's rational approximation (relative error 1.15e-9) and one Newton step.
func normalQuantile(_ p: Double) -> Double {
    guard p > 0 else { return -.infinity }
    guard p < 1 else { return .infinity }
    let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
    let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
    let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
    let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
    let low = 0.02425
    var x: Double
    if p < low {
        let q = (-2 * log(p)).squareRoot()
        x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    } else if p <= 1 - low {
        let q = p - 0.5, r = q * q
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    } else {
        let q = (-2 * log(1 - p)).squareRoot()
        x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    }
    let e = normalCDF(x) - p
    let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
    return x - u / (1 + x * u / 2)
}

/// A Latin hypercube design: for each factor in order, a random permutation of the N strata
/// (Fisher–Yates) then one uniform draw inside each stratum, all from one xoshiro256** stream.
/// `unit[i][f]` lies in stratum `permutation_f[i]` of [0, 1).
public enum LatinHypercube {
    public static func design(samples: Int, factors: Int, seed: UInt64) -> [[Double]] {
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
