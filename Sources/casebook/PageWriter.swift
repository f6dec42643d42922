import Foundation
import GitStore
import SiteBuilder

/// Writes the case pages the rendering threads hand it, one at a time on a thread of its own, in
/// the order handed over. Every page goes into the one folder `cases/`, and two threads creating
/// files in one folder wait on its lock in the kernel, spinning: a tenth of a full build's CPU at
/// 89,087 pages went to that, on two cores. With one writer the renderers go on rendering while
/// the pages before are written. At most `inFlight` pages wait (a renderer that gets ahead waits
/// for room); the first failure is thrown by the next `write` and by `finish`.
final class PageWriter: @unchecked Sendable {
    private let queue = DispatchQueue(label: "casebook.site.pages")
    private let group = DispatchGroup()
    private let room: DispatchSemaphore
    private let lock = NSLock()
    private var failure: Error?
    private var count = 0
    private var folderMade = false
    private let root: String
    /// A first build writes each page in place (`AtomicFile.create`), a later one replaces it.
    private let inPlace: Bool

    /// - Parameter root: the site's folder, with its trailing slash.
    init(root: String, inPlace: Bool, inFlight: Int = 512) {
        self.root = root
        self.inPlace = inPlace
        room = DispatchSemaphore(value: inFlight)
    }

    /// Hands `file` over to be written; throws the failure of a page written before.
    func write(_ file: SiteFile) throws {
        if let failure = lock.withLock({ failure }) { throw failure }
        room.wait()
        queue.async(group: group) { [self] in
            defer { room.signal() }
            do {
                // Paths as text: Foundation's URL for each of 89,087 pages was a twentieth of a full build.
                if !folderMade {
                    try FileManager.default.createDirectory(atPath: root + (file.path.lastIndex(of: "/").map { String(file.path[..<$0]) } ?? ""),
                                                            withIntermediateDirectories: true)
                    folderMade = true
                }
                if inPlace {
                    try AtomicFile.create(file.content, at: root + file.path)
                } else {
                    try AtomicFile.write(file.content, to: root + file.path, durable: false)
                }
                lock.withLock { count += 1 }
            } catch {
                lock.withLock { if failure == nil { failure = error } }
            }
        }
    }

    /// Waits for every page handed over; how many were written, or the first failure.
    func finish() throws -> Int {
        group.wait()
        return try lock.withLock {
            if let failure { throw failure }
            return count
        }
    }
}
