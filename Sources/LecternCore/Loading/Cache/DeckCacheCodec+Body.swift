/// Item bodies in the cache's binary form: one tag byte per case, then the case's values.
extension CacheWriter {
    mutating func body(_ body: ItemBody) {
        switch body {
        case .choice(let options):
            byte(0)
            self.options(options)
        case .multi(let options):
            byte(1)
            self.options(options)
        case .truefalse(let answer):
            byte(2)
            bool(answer)
        case .short(let key):
            byte(3)
            strings(key.accept)
            bool(key.exact)
            count(key.weighted.count)
            for answer in key.weighted {
                string(answer.value)
                weighting(answer)
            }
        case .numeric(let key):
            byte(4)
            target(key.target)
            optionalString(key.unit)
            bool(key.percent)
            count(key.weighted.count)
            for answer in key.weighted {
                target(answer.value)
                weighting(answer)
            }
            optionalString(key.otherwise)
        case .cloze(let cloze):
            byte(5)
            count(cloze.segments.count)
            for segment in cloze.segments {
                switch segment {
                case .text(let text):
                    byte(0)
                    string(text)
                case .blank(let variants):
                    byte(1)
                    strings(variants)
                }
            }
            bool(cloze.exact)
        case .order(let entries):
            byte(6)
            strings(entries)
        case .match(let pairs):
            byte(7)
            count(pairs.count)
            for pair in pairs {
                string(pair.left)
                string(pair.right)
            }
        case .open(let key):
            byte(8)
            string(key.model)
            strings(key.rubric)
        case .roles(let sentences):
            byte(9)
            count(sentences.count)
            for sentence in sentences {
                string(sentence.text)
                string(sentence.role.rawValue)
            }
        case .walkthrough(let walkthrough):
            byte(10)
            string(walkthrough.scenario)
            count(walkthrough.steps.count)
            for step in walkthrough.steps { item(step) }
        case .description:
            byte(11)
        }
    }

    private mutating func options(_ options: [Option]) {
        count(options.count)
        for option in options {
            string(option.text)
            bool(option.isCorrect)
            optionalString(option.feedback)
            bool(option.credit != nil)
            if let credit = option.credit { double(credit) }
            optionalString(option.next)
            location(option.location)
            optionalLocation(option.nextLocation)
        }
    }

    private mutating func weighting<Value: Sendable & Equatable>(_ answer: WeightedAnswer<Value>) {
        double(answer.credit)
        optionalString(answer.feedback)
        optionalLocation(answer.location)
    }

    private mutating func target(_ target: NumericAnswerKey.Target) {
        switch target {
        case .value(let value, let tolerance):
            byte(0)
            double(value)
            double(tolerance)
        case .range(let low, let high):
            byte(1)
            double(low)
            double(high)
        }
    }
}
