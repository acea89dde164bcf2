import Foundation
import HummingbirdWSClient
import LecternClass
import Logging

/// A protocol-level connection to a class, for the student shell, tests and the benchmark.
///
/// Frames the server sends arrive on `frames` as text, in order (decode them with
/// ``ServerMessage``); `send` writes one frame. The stream ends when the connection closes.
package final class LiveConnection: Sendable {
    package enum Failure: Error, CustomStringConvertible {
        case cannotConnect(url: String, reason: String)

        package var description: String {
            switch self {
            case .cannotConnect(let url, let reason): "cannot reach the class at \(url): \(reason)"
            }
        }
    }

    /// Every text frame from the server, in order; ends when the connection closes.
    package let frames: AsyncStream<String>
    private let outgoing: AsyncStream<Outgoing>.Continuation
    private let task: Task<Void, Never>

    enum Outgoing: Sendable {
        case text(String)
        case close
    }

    /// `ws://HOST:PORT/live` for an address typed as `HOST:PORT` (or a full URL).
    package static func url(for address: String) -> String {
        if address.hasPrefix("ws://") || address.hasPrefix("wss://") { return address }
        let bare = address.hasSuffix("/live") ? String(address.dropLast(5)) : address
        return "ws://\(bare)/live"
    }

    /// Connects; returns once the WebSocket is open, or throws if it cannot be.
    package static func connect(to address: String) async throws -> LiveConnection {
        let url = url(for: address)
        let (frames, frameContinuation) = AsyncStream.makeStream(of: String.self)
        let (outgoing, outgoingContinuation) = AsyncStream.makeStream(of: Outgoing.self)
        let (opened, openedContinuation) = AsyncStream.makeStream(of: String?.self)
        var logger = Logger(label: "lectern.live.client")
        logger.logLevel = .critical
        let task = Task {
            do {
                try await WebSocketClient.connect(
                    url: url, configuration: .init(maxFrameSize: 1 << 20), logger: logger
                ) { inbound, outbound, _ in
                    openedContinuation.yield(nil)
                    await withTaskGroup(of: Void.self) { group in
                        group.addTask {
                            for await message in outgoing {
                                switch message {
                                case .text(let text):
                                    do { try await outbound.write(.text(text)) } catch { return }
                                case .close:
                                    return
                                }
                            }
                        }
                        group.addTask {
                            do {
                                for try await message in inbound.messages(maxSize: 1 << 20) {
                                    if case .text(let text) = message { frameContinuation.yield(text) }
                                }
                            } catch {}
                        }
                        _ = await group.next()
                        group.cancelAll()
                    }
                }
                openedContinuation.yield("the server closed the connection")
            } catch {
                openedContinuation.yield(String(describing: error))
            }
            frameContinuation.finish()
            openedContinuation.finish()
        }
        for await failure in opened {
            if let failure {
                throw Failure.cannotConnect(url: url, reason: failure)
            }
            return LiveConnection(frames: frames, outgoing: outgoingContinuation, task: task)
        }
        throw Failure.cannotConnect(url: url, reason: "the connection ended before it opened")
    }

    private init(frames: AsyncStream<String>, outgoing: AsyncStream<Outgoing>.Continuation, task: Task<Void, Never>) {
        self.frames = frames
        self.outgoing = outgoing
        self.task = task
    }

    /// Sends one message.
    package func send(_ message: ClientMessage) {
        send(text: message.encoded())
    }

    /// Sends any text as one frame (tests send garbage with it).
    package func send(text: String) {
        outgoing.yield(.text(text))
    }

    /// Closes the connection from this side and waits until it is closed.
    package func close() async {
        outgoing.yield(.close)
        outgoing.finish()
        await task.value
    }

    /// Drops the connection without a goodbye, as a killed client would.
    package func abort() {
        task.cancel()
    }
}
