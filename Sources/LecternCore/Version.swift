public enum LecternCoreVersion { public static let string = "0.1.0" }
