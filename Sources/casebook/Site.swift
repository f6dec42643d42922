import ArgumentParser
import CaseModel
import Foundation
import GitStore
import SiteBuilder

extension Casebook {
    /// `casebook site`: the managers' dashboard as static files.
    struct Site: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate the static dashboard from the cases at HEAD.",
            discussion: "Example: casebook site --out site/public"
        )
        @OptionGroup var global: GlobalOptions
        @Option(help: "Output folder.") var out: String = "site/public"

        func run() throws {
            let ws = try global.workspace()
            let now = try ws.now()
            let pages = try Dashboard(siteName: ws.settings.site, cases: ws.allCases(), profile: ws.profile, now: now).render()
            let root = URL(fileURLWithPath: out)
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            for (name, content) in pages {
                let url = root.appendingPathComponent(name)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try AtomicFile.write(Data(content.utf8), to: url.path)
            }
            print("\(pages.count) pages in \(out)")
        }
    }
}
