import Foundation
import GitStore
import SiteBuilder

/// Writes the case pages the rendering threads hand it (and the groups' records and parts of the
/// feeds), one at a time on a thread of its own, in the order handed over. Every page goes into
/// the one folder `cases/`, and two threads creating files in one folder wait on its lock in the
/// kernel, spinning: a tenth of a full build's CPU at 89,087 pages went to that, on two cores. With one writer the renderers go on rendering while
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

    /// The groups' entries for the index, by name, as `saveGroup` made them (whole after `finish`).
    var groupsSaved: [String: SiteRecords.Group] { lock.withLock { groups } }
    private var groups: [String: SiteRecords.Group] = [:]

    /// Hands group `name`'s files over to be made and written (`save`: its records and its parts of
    /// the feeds, 85 MB at 100,000 cases, written on the build's one thread until this one took them).
    func saveGroup(_ name: String, _ save: @escaping @Sendable () throws -> SiteRecords.Group) throws {
        try later { [self] in
            let made = try save()
            lock.withLock { groups[name] = made }
        }
    }

    /// Hands `file` over to be written; throws the failure of a page written before.
    func write(_ file: SiteFile) throws {
        try later { [self] in
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
        }
    }

    /// Runs `work` on the writer's thread after what was handed over before.
    private func later(_ work: @escaping @Sendable () throws -> Void) throws {
        if let failure = lock.withLock({ failure }) { throw failure }
        room.wait()
        queue.async(group: group) { [self] in
            defer { room.signal() }
            do {
                try work()
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
