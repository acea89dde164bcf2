import Foundation
import Hummingbird
import HummingbirdWebSocket
import LecternClass
import Logging

/// The network side of a live class: Hummingbird serving the WebSocket at `/live`, each
/// connection's frames handed to the ``LiveHost``, and the host's clock ticking; on the
/// same port, the projector page (`/`), the student page (`/join`), `/class.json` and `/qr.svg`.
///
/// `start()` returns once the port is bound (so `--port 0` can print the port it got);
/// `stop()` closes every connection and the listening socket.
package final class LiveServer: Sendable {
    package let host: LiveHost
    package let bind: String
    package let requestedPort: Int
    /// How often the clock ticks: deadlines are met this closely, and the lobby is sent this often.
    package let tickInterval: Duration
    /// The projector and student pages; nil serves the WebSocket alone (the pages answer 404).
    package let pages: PageFiles?
    private let state = ServerState()

    /// Frames up to this size are read whole, so that one a little over the protocol's
    /// 64 KiB limit gets an `error` frame; anything larger ends the connection at the
    /// WebSocket layer (close code 1009).
    static let readLimit = 4 * LiveProtocol.maxFrameBytes

    package init(
        host: LiveHost, bind: String = "0.0.0.0", port: Int = 7777, tickInterval: Duration = .milliseconds(200),
        pages: PageFiles? = nil
    ) {
        self.host = host
        self.pages = pages
        self.bind = bind
        self.requestedPort = port
        self.tickInterval = tickInterval
    }

    /// Binds and starts serving; returns the port (the one the system chose for port 0).
    package func start() async throws -> Int {
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let router = Router(context: BasicWebSocketRequestContext.self)
        addPages(to: router)
        let host = self.host
        router.ws("/live") { inbound, outbound, _ in
            try await Self.serve(host: host, inbound: inbound, outbound: outbound)
        }
        var logger = Logger(label: "lectern.live")
        logger.logLevel = .critical
        let app = Application(
            router: router,
            server: .http1WebSocketUpgrade(
                webSocketRouter: router,
                configuration: .init(
                    ws: .init(
                        maxFrameSize: Self.readLimit, autoPing: .enabled(timePeriod: .seconds(20)),
                        closeTimeout: .seconds(3)))),
            configuration: .init(address: .hostname(bind, port: requestedPort), serverName: "lectern"),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: logger)
        let serverTask = Task {
            do {
                try await app.run()
                portContinuation.finish()
                return String?.none
            } catch {
                portContinuation.finish()
                return String(describing: error)
            }
        }
        let interval = tickInterval
        let ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                await host.tick()
            }
        }
        state.set(server: serverTask, ticker: ticker)
        for await port in portStream {
            let info = ClassPageInfo(
                code: await host.code, deck: await host.deckTitle, address: Self.displayAddress(bind: bind), port: port)
            state.set(info: info)
            return port
        }
        ticker.cancel()
        let reason = await serverTask.value ?? "the server stopped before it was listening"
        throw LiveServerError.cannotListen(address: "\(bind):\(requestedPort)", reason: reason)
    }

    /// Closes every connection, stops the clock and the listening socket, and waits until
    /// answers handed to the progress file are committed.
    /// The class's addresses for the pages and the QR code; nil until `start()` has bound the port.
    package var pageInfo: ClassPageInfo? { state.info }

    package func stop() async {
        await host.closeAll()
        let (server, ticker) = state.take()
        ticker?.cancel()
        // Give the goodbye frames a moment to leave before the sockets close.
        try? await Task.sleep(for: .milliseconds(200))
        server?.cancel()
        _ = await server?.value
        host.recorder?.flush()
    }

    /// One WebSocket connection: a writer draining the host's frames for it, a reader
    /// handing its frames to the host; whichever ends first ends the connection.
    static func serve(host: LiveHost, inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter)
        async throws
    {
        let (client, frames, kill) = await host.connect()
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await frame in frames {
                    do { try await outbound.write(.text(frame)) } catch { return }
                }
            }
            group.addTask {
                for await _ in kill {}
            }
            group.addTask {
                do {
                    for try await message in inbound.messages(maxSize: readLimit) {
                        switch message {
                        case .text(let text): await host.receive(client, text: text)
                        case .binary: await host.receiveUnreadable(client, "Frames are JSON text, not binary.")
                        }
                    }
                } catch {
                    // Cancelled because the writer ended: nothing was misread.
                    guard !Task.isCancelled else { return }
                    await host.receiveUnreadable(client, "The frame could not be read (too large or broken).")
                }
            }
            _ = await group.next()
            group.cancelAll()
        }
        await host.disconnected(client)
    }
}

package enum LiveServerError: Error, CustomStringConvertible {
    case cannotListen(address: String, reason: String)

    package var description: String {
        switch self {
        case .cannotListen(let address, let reason):
            "cannot listen on \(address): \(reason); choose another --port (0 takes a free one) or --bind address"
        }
    }
}

/// The server's running tasks, set once by `start()` and taken by `stop()`.
private final class ServerState: @unchecked Sendable {
    private let lock = NSLock()
    private var server: Task<String?, Never>?
    private var ticker: Task<Void, Never>?
    private var _info: ClassPageInfo?

    var info: ClassPageInfo? { lock.withLock { _info } }

    func set(info: ClassPageInfo) { lock.withLock { _info = info } }

    func set(server: Task<String?, Never>, ticker: Task<Void, Never>) {
        lock.withLock {
            self.server = server
            self.ticker = ticker
        }
    }

    func take() -> (Task<String?, Never>?, Task<Void, Never>?) {
        lock.withLock {
            defer {
                server = nil
                ticker = nil
            }
            return (server, ticker)
        }
    }
}
