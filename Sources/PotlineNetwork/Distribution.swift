import Foundation

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
package func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

/// Φ⁻¹(p): Acklam's rational approximation (relative error 1.15e-9) and one Newton step.
package func normalQuantile(_ p: Double) -> Double {
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
