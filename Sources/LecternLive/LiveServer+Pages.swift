import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import LecternQR

/// What the pages need to know about the class, fixed once the port is bound.
package struct ClassPageInfo: Sendable, Equatable, Codable {
    package var code: String
    /// The student page's address with the code: what the QR code holds.
    package var joinURL: String
    /// What a terminal student types.
    package var command: String
    package var deck: String

    /// The address students use: `bind` as given, or this machine's first network address
    /// when listening on all of them; an IPv6 address is put in brackets in the URL.
    package init(code: String, deck: String, address: String, port: Int) {
        self.code = code
        self.deck = deck
        let host = address.contains(":") ? "[\(address)]" : address
        joinURL = "http://\(host):\(port)/join?code=\(code)"
        command = "lectern join \(host):\(port) \(code)"
    }
}

extension LiveServer {
    /// Every page and every other answer of this server goes out with these: only this host's
    /// own files, scripts from files (none inline), WebSockets to the same host, no framing.
    static let securityHeaders: HTTPFields = {
        var fields: HTTPFields = [
            .contentSecurityPolicy:
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self';"
                + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            .xContentTypeOptions: "nosniff",
            .cacheControl: "no-cache",
        ]
        // The join address holds the code: it is not passed on to any other site.
        if let referrer = HTTPField.Name("Referrer-Policy") { fields[referrer] = "no-referrer" }
        return fields
    }()

    /// The pages, `/class.json` and `/qr.svg` on the router that also upgrades `/live`.
    func addPages(to router: Router<BasicWebSocketRequestContext>) {
        router.add(middleware: SecurityHeaders())
        let pages = self.pages
        for route in PageFiles.routes {
            router.get(RouterPath(route.path)) { _, _ in
                guard let file = pages?.files[route.path] else { throw HTTPError(.notFound) }
                return Self.response(file.body, type: file.contentType)
            }
        }
        router.get("/class.json") { [weak self] _, _ in
            guard let info = self?.pageInfo else { throw HTTPError(.serviceUnavailable) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return Self.response(try encoder.encode(info), type: "application/json; charset=utf-8")
        }
        router.get("/qr.svg") { [weak self] _, _ in
            guard let info = self?.pageInfo, let code = QRCode(info.joinURL) else {
                throw HTTPError(.serviceUnavailable)
            }
            return Self.response(Data(code.svg().utf8), type: "image/svg+xml")
        }
    }

    static func response(_ body: Data, type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// The address students type when the server listens on `bind`: this machine's first
    /// network address when it listens on all of them.
    package static func displayAddress(bind: String) -> String {
        guard bind == "0.0.0.0" || bind == "::" else { return bind }
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return "127.0.0.1" }
        defer { freeifaddrs(list) }
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == UInt8(AF_INET) else { continue }
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            guard
                getnameinfo(
                    address, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count), nil, 0,
                    NI_NUMERICHOST) == 0
            else { continue }
            let text = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if text != "127.0.0.1" { return text }
        }
        return "127.0.0.1"
    }
}

/// The security headers on every answer, a 404 included (its body plain text).
private struct SecurityHeaders: RouterMiddleware {
    typealias Context = BasicWebSocketRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            response = Response(
                status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: "Not found: this host serves / and /join.\n")))
        }
        for field in LiveServer.securityHeaders where response.headers[field.name] == nil {
            response.headers.append(field)
        }
        return response
    }
}
