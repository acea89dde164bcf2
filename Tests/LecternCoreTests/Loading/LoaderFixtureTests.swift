import Foundation
import Testing

@testable import LecternCore

/// The loader builds the same model, field by field, and the same findings at the same
/// places, as the JSON fixtures pinned from the loader before it read libyaml's events itself.
@Suite struct LoaderFixtureTests {
    static let writing = ProcessInfo.processInfo.environment["LECTERN_WRITE_LOADER_FIXTURES"] == "1"

    @Test func everyInputHasAFixture() throws {
        let inputs = try LoaderFixtures.inputs()
        #expect(inputs.count > 80)
        let names = Set(inputs.map(\.name))
        #expect(names.count == inputs.count, "two inputs share a fixture name")
        if Self.writing { return }
        let files = try FileManager.default.contentsOfDirectory(atPath: LoaderFixtures.folder.path)
        #expect(Set(files) == Set(names.map { "\($0).json" }), "fixtures without inputs, or inputs without fixtures")
    }

    @Test(arguments: try LoaderFixtures.inputs().map(\.name))
    func loaderOutputMatchesItsFixture(_ name: String) throws {
        let input = try #require(try LoaderFixtures.inputs().first { $0.name == name })
        let fresh = try ModelDump.text(LoaderFixtures.dump(input))
        let file = LoaderFixtures.folder.appending(path: "\(name).json")
        if Self.writing {
            try FileManager.default.createDirectory(at: LoaderFixtures.folder, withIntermediateDirectories: true)
            try fresh.write(to: file, atomically: true, encoding: .utf8)
        }
        let pinned = try String(contentsOf: file, encoding: .utf8)
        let expected = ModelDump.fields(try JSONSerialization.jsonObject(with: Data(pinned.utf8)))
        let actual = ModelDump.fields(try JSONSerialization.jsonObject(with: Data(fresh.utf8)))
        // Field by field, so a failure names the first field that differs, not a whole file.
        for (index, line) in expected.enumerated() where index >= actual.count || actual[index] != line {
            Issue.record("\(name): expected \(line), got \(index < actual.count ? actual[index] : "nothing")")
            break
        }
        #expect(actual.count == expected.count, "\(name): \(actual.count) fields, fixture has \(expected.count)")
    }
}
