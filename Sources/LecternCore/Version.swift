package enum LecternCoreVersion { package static let string = "0.1.0" }
