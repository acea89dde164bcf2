import CYAML

/// libyaml's errors as findings at the place libyaml reported, in the author's words.
enum YAMLErrors {
    static func diagnostic(for parser: yaml_parser_t, text: String, path: String) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_READER_ERROR:
            // libyaml gives a byte offset; a finding wants the character it falls in.
            let index = text.utf8.index(
                text.utf8.startIndex, offsetBy: Int(parser.problem_offset), limitedBy: text.utf8.endIndex)
            let place = index?.samePosition(in: text).map {
                SourceText.location(
                    ofCharacterOffset: text.distance(from: text.startIndex, to: $0), in: text, path: path)
            }
            return .error("yaml-syntax", at: place ?? YAMLComposer.location(nil, path), "invalid YAML: \(problem)")
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            let mark = YAMLComposer.mark(parser.problem_mark)
            let context = parser.context.map { String(cString: $0) }
            let contextMark = YAMLComposer.mark(parser.context_mark)
            if let context, context.contains("quoted scalar"),
                let start = YAMLComposer.openingQuote(
                    line: Int(contextMark.line), column: Int(contextMark.column), in: text, path: path)
            {
                // libyaml reports where it gave up (often the end of the file, on an empty
                // line); the author needs the quote that was opened and never closed.
                return .error(
                    "yaml-syntax", at: start,
                    "the string that starts here is never closed; end it with the same quote it opens with")
            }
            var message = "invalid YAML: \(problem)"
            if let context {
                message += " (\(context) at line \(contextMark.line), column \(contextMark.column))"
            }
            return .error("yaml-syntax", at: YAMLComposer.location(mark, path), message)
        default:
            return .error(
                "yaml-syntax", at: YAMLComposer.location(nil, path),
                "could not read the YAML (\(problem)); the file may be too large for memory, so split it")
        }
    }
}
