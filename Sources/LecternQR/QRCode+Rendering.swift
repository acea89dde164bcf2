extension QRCode {
    /// The quiet zone a reader needs around the code, in modules.
    package static let quietZone = 4

    /// An SVG image: one path of unit squares on a white background, scaled by the viewer.
    /// Only numbers go into it, so nothing from the encoded text can reach the markup.
    package func svg() -> String {
        let side = size + 2 * Self.quietZone
        var path = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard self[x, y] else {
                    x += 1
                    continue
                }
                var run = 1
                while x + run < size, self[x + run, y] { run += 1 }
                path += "M\(x + Self.quietZone) \(y + Self.quietZone)h\(run)v1h-\(run)z"
                x += run
            }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(side) \(side)" shape-rendering="crispEdges">\
            <rect width="\(side)" height="\(side)" fill="#fff"/><path d="\(path)" fill="#000"/></svg>
            """
    }

    /// The code as lines of half-block characters, two module rows per line, with a quiet
    /// zone of `quiet` modules. On a terminal with a dark background the light modules are
    /// printed as blocks (`lightIsInk`), so the code reads dark-on-light as a scanner expects.
    package func halfBlockLines(quiet: Int = 2, lightIsInk: Bool = true) -> [String] {
        let side = size + 2 * quiet
        func dark(_ x: Int, _ y: Int) -> Bool { self[x - quiet, y - quiet] }
        var lines: [String] = []
        var y = 0
        while y < side {
            var line = ""
            for x in 0..<side {
                let top = dark(x, y) != lightIsInk
                let bottom = y + 1 < side ? dark(x, y + 1) != lightIsInk : !lightIsInk
                switch (top, bottom) {
                case (true, true): line += "█"
                case (true, false): line += "▀"
                case (false, true): line += "▄"
                case (false, false): line += " "
                }
            }
            lines.append(line)
            y += 2
        }
        return lines
    }
}
