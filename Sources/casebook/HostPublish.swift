import ArgumentParser
import CasebookEngine
import Foundation
import GitStore

extension Casebook {
    /// `casebook host publish`: the dashboard built into a new folder and switched in at once.
    struct HostPublish: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "publish",
            abstract: "Build the dashboard of main into a new folder and switch SITE/current to it atomically.",
            discussion: """
            The dashboard is built into SITE/releases/NAME; only when the build succeeded does a new symlink
            replace SITE/current by a rename, so a reader sees either the old site or the new one, never a
            half-written or missing page, and a failed build leaves the old site. The two newest builds are kept
            (a reader may still be on the previous one); files are world-readable whatever the hook's umask.
            The new folder starts as hard links to the published one's files, so only what changed is made and
            written again (by a rename: the published files are never changed).
            Example: casebook host publish --central ~/repositories/centre.git
            """
        )
        @OptionGroup var central: CentralOption
        @Option(help: ArgumentHelp("The site folder (default: casebook.site of the repository).", valueName: "DIR")) var site: String?
        @Option(help: ArgumentHelp("The time the dashboard is drawn at (default: $CASEBOOK_NOW, then now).", valueName: "time")) var now: String?

        func run() throws {
            let repo = try central.open()
            guard let root = site ?? HostSupport.siteRoot(repo) else { throw Failure(key: "host.noSite") }
            let name = try Self.publish(repo, into: root, now: now)
            FileHandle.standardError.write(Data((DeskLanguage.strings.fill("host.published", [root + "/current", name]) + "\n").utf8))
        }

        /// Builds and switches; returns the new release's folder name.
        static func publish(_ repo: Repository, into root: String, now: String?) throws -> String {
            // gitolite runs hooks under umask 077; the web server reads as another user.
            umask(0o022)
            let fm = FileManager.default
            let releases = root + "/releases"
            try fm.createDirectory(atPath: releases, withIntermediateDirectories: true)
            let head = ((try? repo.head()) ?? nil)?.short ?? "empty"
            let stamp = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "UTC")!,
                                                    formatOptions: [.withYear, .withMonth, .withDay, .withTime])
            let name = "\(stamp)-\(head)-\(getpid())"
            let folder = "\(releases)/\(name)"
            // The published release, hard-linked into the new folder: the build then makes and
            // writes only what changed, each file by a rename, so the published files are never
            // touched. Without it (the first build, or linking failed) the build starts empty.
            if let current = try? fm.destinationOfSymbolicLink(atPath: root + "/current"),
               !linkTree(current.hasPrefix("/") ? current : root + "/" + current, into: folder) {
                try? fm.removeItem(atPath: folder)
            }
            do {
                var site = try Site.parse(["--repo", repo.gitDirectory, "--out", folder] + (now.map { ["--now", $0] } ?? []))
                try site.run()
            } catch {
                try? fm.removeItem(atPath: folder)
                throw Failure(key: "host.buildFailed", DeskLanguage.strings.say(error: error))
            }
            // A new link beside the old one, then rename(2) over it: atomic for every reader.
            let link = "\(root)/.current-\(getpid())"
            try? fm.removeItem(atPath: link)
            try fm.createSymbolicLink(atPath: link, withDestinationPath: "releases/\(name)")
            guard rename(link, root + "/current") == 0 else {
                let reason = String(cString: strerror(errno))
                try? fm.removeItem(atPath: link)
                throw Failure(key: "host.switchFailed", root + "/current", reason)
            }
            // Keep this build and the one before it.
            let builds = try fm.contentsOfDirectory(atPath: releases).sorted()
            for old in builds.dropLast(2) where old != name {
                try? fm.removeItem(atPath: "\(releases)/\(old)")
            }
            return name
        }

        /// Makes `target` a copy of the folder `source` whose files are hard links to its files.
        /// - Returns: whether every folder and file was made.
        static func linkTree(_ source: String, into target: String) -> Bool {
            let fm = FileManager.default
            guard fm.fileExists(atPath: source), (try? fm.createDirectory(atPath: target, withIntermediateDirectories: true)) != nil,
                  let walker = fm.enumerator(atPath: source) else { return false }
            while let path = walker.nextObject() as? String {
                let from = source + "/" + path, to = target + "/" + path
                var st = stat()
                guard lstat(from, &st) == 0 else { return false }
                switch st.st_mode & S_IFMT {
                case S_IFDIR: guard mkdir(to, 0o755) == 0 else { return false }
                case S_IFREG: guard link(from, to) == 0 else { return false }
                default: continue
                }
            }
            return true
        }
    }
}
