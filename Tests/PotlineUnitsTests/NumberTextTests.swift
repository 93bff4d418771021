import Testing
import Foundation
import PotlineTestSupport
import PotlineUnits

/// Numbers as network files write them: `_` between digits on the way in, the shortest text
/// that reads back on the way out, floating-point noise rounded away at 12 significant digits.
@Suite struct NumberTextTests {
    @Test func parsesUnderscoresAndRejectsNonFiniteText() {
        #expect(NumberText.parse("1_500_000") == 1_500_000)
        #expect(NumberText.parse("0.15") == 0.15)
        #expect(NumberText.parse("-2e3") == -2_000)
        #expect(NumberText.parse("inf") == nil)
        #expect(NumberText.parse("nan") == nil)
        #expect(NumberText.parse("12 t") == nil)
        #expect(NumberText.parse("") == nil)
    }

    @Test func writesWholeNumbersWithoutAFraction() {
        #expect(NumberText.exact(100_000) == "100000")
        #expect(NumberText.exact(-3) == "-3")
        #expect(NumberText.exact(0.38346666666666673) == "0.38346666666666673")
        #expect(NumberText.exact(1e16) == "1e+16")
    }

    @Test func formatRoundsAwayFloatingPointNoise() {
        #expect(NumberText.format(0.3 * 1.2) == "0.36")
        #expect(NumberText.format(17_009.999999999996) == "17010")
        #expect(NumberText.format(0) == "0")
        // Twelve significant digits survive: 1.23456789012 is kept whole.
        #expect(NumberText.format(1.23456789012) == "1.23456789012")
    }

    @Test func tidyKeepsTwelveSignificantDigits() {
        #expect(tidy(17_009.999999999996) == 17_010)
        #expect(tidy(0.000_123_456_789_012_34) == 0.000_123_456_789_012)
        #expect(tidy(-0.1 - 0.2) == -0.3)
        #expect(tidy(.infinity) == .infinity)
    }

    /// `tidy` finds the decimal exponent without `log10` away from powers of ten; it must round
    /// every figure as `log10` and `pow` did: random magnitudes over 10⁻³⁰…10³⁰, and values a few
    /// ulps either side of every power of ten, where `log10`'s rounding decides.
    @Test func tidyRoundsAsLog10AndPowDo() {
        func reference(_ value: Double) -> Double {
            guard value.isFinite, value != 0 else { return value }
            let digits = 11 - Int.clamped(log10(abs(value)), to: -400...400, rounding: .down)
            let scale = pow(10, Double(digits))
            let rounded = (value * scale).rounded() / scale
            return rounded.isFinite ? rounded : value
        }
        var random = SeededGenerator(seed: 14)
        var values: [Double] = []
        for _ in 0..<200_000 {
            let mantissa = Double.random(in: 1..<10, using: &random)
            let exponent = Int.random(in: -30...30, using: &random)
            values.append((Bool.random(using: &random) ? 1 : -1) * mantissa * pow(10, Double(exponent)))
        }
        for exponent in -30...30 {
            var up = pow(10, Double(exponent)), down = up
            for _ in 0..<64 {
                values += [up, down, up * (1 + 1e-12), down * (1 - 1e-12)]
                up = up.nextUp
                down = down.nextDown
            }
        }
        values += [17_009.999999999996, 999.9999999999999, 0.1 + 0.2, 1e-310, .leastNonzeroMagnitude, .greatestFiniteMagnitude]
        let firstDiffering = Array(values.filter { tidy($0).bitPattern != reference($0).bitPattern }.prefix(5))
        #expect(firstDiffering.isEmpty)
    }
}
