import Testing
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
}
