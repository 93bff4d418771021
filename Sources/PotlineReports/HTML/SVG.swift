import Foundation
import LinearModel
import PotlineFiles
import PotlineFormulation
import PotlineNetwork
import PotlineResults
import PotlineSolve
import PotlineStudies

/// Text and markup pieces for the HTML report: one escaping helper, number formats for SVG
/// coordinates, and the colour scales.
enum Markup {
    /// Escapes text for an HTML element or a quoted attribute.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A coordinate in SVG user units: one decimal is a tenth of a pixel.
    static func coordinate(_ value: Double) -> String { String(format: "%.1f", value) }

    /// An HTML table: header cells and rows of (text, is-number).
    static func table(_ headers: [String], _ rows: [[(String, Bool)]], caption: String? = nil) -> String {
        var out = "<table>"
        if let caption { out += "<caption>\(escape(caption))</caption>" }
        out += "<thead><tr>" + headers.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for row in rows {
            out += "<tr>" + row.map { $0.1 ? "<td class=\"n\">\(escape($0.0))</td>" : "<td>\(escape($0.0))</td>" }.joined() + "</tr>"
        }
        return out + "</tbody></table>"
    }
}

/// Colours readable on white and for the common colour-vision deficiencies.
enum Palette {
    /// Okabe–Ito, then two greys: categories (processes, commodities).
    static let categories = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000", "#8C8C8C", "#5B3A29"]

    /// Stable colour per name among `names` (sorted, so the same name gets the same colour everywhere).
    static func category(_ name: String, among names: [String]) -> String {
        let sorted = Array(Set(names)).sorted()
        let index = sorted.firstIndex(of: name) ?? 0
        return categories[index % categories.count]
    }

    /// Sequential light yellow → dark blue (cividis-like), `t` in 0…1.
    static func sequential(_ t: Double) -> String {
        let stops: [(Double, Double, Double)] = [(255, 234, 160), (190, 211, 150), (97, 165, 160), (50, 100, 150), (20, 45, 110)]
        let x = min(1, max(0, t.isFinite ? t : 0)) * Double(stops.count - 1)
        let i = min(stops.count - 2, Int(x))
        let f = x - Double(i)
        let (a, b) = (stops[i], stops[i + 1])
        return String(format: "#%02X%02X%02X", Int(a.0 + (b.0 - a.0) * f), Int(a.1 + (b.1 - a.1) * f), Int(a.2 + (b.2 - a.2) * f))
    }

    /// Diverging blue (negative) – white – red (positive), `t` in −1…1.
    static func diverging(_ t: Double) -> String {
        let x = min(1, max(-1, t.isFinite ? t : 0))
        let (r, g, b): (Double, Double, Double) =
            x >= 0 ? (255 - 40 * x, 255 - 180 * x, 255 - 190 * x) : (255 + 200 * x, 255 + 120 * x, 255 + 40 * x)
        return String(format: "#%02X%02X%02X", Int(r), Int(g), Int(b))
    }
}
